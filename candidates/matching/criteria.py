"""What a broad search asks for, read from a run's stored criteria and its opening."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from employers.models import JobOpening

from .document import COMMUTE_WIDENS_KM, COMMUTER, COUNTY, DONE, REGION, WANTED, is_token
from .norwegian import Term, query_terms
from .vocabulary import complete

# As many words as one query takes (norwegian.query_terms' limit).
MAX_TERMS = 20


class Area:
    REGION = "region"
    COUNTY = "county"
    MUNICIPALITY = "municipality"
    NATIONAL = "national"


@dataclass
class Criteria:
    """The stored criteria of a run (SearchRun.criteria) with defaults filled in."""

    occupation: bool = True
    opening_text: bool = True
    query: str = ""
    area: str = Area.REGION
    municipality: str = ""
    available_by: datetime.date | None = None
    innsatsgrupper: list[str] = field(default_factory=list)
    driving_licences: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: dict) -> "Criteria":
        values = {key: value for key, value in data.items() if key in cls.__dataclass_fields__}
        if values.get("available_by"):
            values["available_by"] = datetime.date.fromisoformat(values["available_by"])
        return cls(**values)

    def to_json(self) -> dict:
        data = dict(self.__dict__)
        data["available_by"] = self.available_by.isoformat() if self.available_by else None
        return data


@dataclass
class Plan:
    """The criteria applied to one opening: what to match and how to filter."""

    opening: JobOpening
    criteria: Criteria
    terms: list[Term]
    occupation_code: str | None

    @classmethod
    def build(cls, opening: JobOpening, criteria: Criteria) -> "Plan":
        terms = query_terms(criteria.query)
        if criteria.opening_text:
            opening_text = (
                f"{opening.title}\n{opening.requirements_must}\n{opening.requirements_nice}"
            )
            typed = {term.stem for term in terms}
            from_opening = query_terms(opening_text, skip_conditions=True)
            terms = [term for term in from_opening if term.stem not in typed] + terms
        terms = terms[:MAX_TERMS]
        return cls(
            opening=opening,
            criteria=criteria,
            terms=complete([term for term in terms if not is_token(term.stem)]),
            occupation_code=opening.occupation_id if criteria.occupation else None,
        )

    @property
    def is_empty(self) -> bool:
        return not self.terms and not self.occupation_code

    @property
    def day(self) -> datetime.date:
        """The day the candidate must be available: the chosen date, or today."""
        return max(self.criteria.available_by or timezone.localdate(), timezone.localdate())

    def occupation_lexemes(self) -> dict[str, str]:
        code = self.occupation_code
        if not code:
            return {}
        return {
            "wanted": f"{WANTED}{code}",
            "done": f"{DONE}{code}",
            "minor_wanted": f"{WANTED}{code[:3]}",
            "minor_done": f"{DONE}{code[:3]}",
        }

    def words_tsquery(self) -> str:
        """Any of the codes or words."""
        parts = [f"'{lexeme}'" for lexeme in self.occupation_lexemes().values()]
        parts += [f"({term.tsquery})" for term in self.terms]
        return " | ".join(parts)

    def search_tsquery(self, words: str | None = None) -> str:
        """A code or a word (or the narrower `words`), and (through the document's area
        tokens) the area."""
        words = words or self.words_tsquery()
        area = self.area_tsquery()
        return f"({words}) & ({area})" if area else words

    def area_tsquery(self) -> str:
        """The area as document tokens, the same rule as `area_q` (which stays as the SQL
        filter); municipalities are not tokens, so a municipality search has none."""
        criteria, opening = self.criteria, self.opening
        county = f"'{COUNTY}{opening.employer.county_id}'"
        if criteria.area == Area.REGION and opening.region_id:
            return f"'{REGION}{opening.region_id}' | ({county} & '{COMMUTER}')"
        if criteria.area in (Area.REGION, Area.COUNTY):
            return county
        return ""

    def area_q(self) -> Q:
        criteria, opening = self.criteria, self.opening
        county_id = opening.employer.county_id
        commuters = Q(county_id=county_id, commute_km__gte=COMMUTE_WIDENS_KM)
        if criteria.area == Area.NATIONAL:
            return Q()
        if criteria.area == Area.MUNICIPALITY and criteria.municipality:
            return Q(municipality__iexact=criteria.municipality) | commuters
        if criteria.area == Area.REGION and opening.region_id:
            return Q(region_id=opening.region_id) | commuters
        return Q(county_id=county_id)

    def filters_q(self) -> Q:
        criteria = self.criteria
        q = Q(available_from__lte=self.day)
        if criteria.innsatsgrupper:
            q &= Q(innsatsgruppe__in=criteria.innsatsgrupper)
        if criteria.driving_licences:
            q &= Q(driving_licences__contains=criteria.driving_licences)
        if criteria.languages:
            q &= Q(languages__contains=criteria.languages)
        return q
