"""Realistic, made-up candidates for the demo world and the national-scale benchmark data.

Deterministic for a seed: the same owners and seed give the same people. Identity numbers are
synthetic H-numbers (devdata.synthetic), unique within a run and against `taken`."""

import datetime
import random
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from accounts.models import Region, Role, User
from candidates.matching.document import area_tokens, build_document
from candidates.matching.vocabulary import remember
from candidates.models import (
    BirthCountryGroup,
    BirthRegion,
    Candidate,
    DrivingLicence,
    Education,
    Gender,
    Language,
    TargetGroupReason,
)
from devdata.generate_data import (
    COMMUTE_KM,
    COUNTY_MUNICIPALITIES,
    EUROPEAN_FIRST,
    EUROPEAN_LANGUAGES,
    EUROPEAN_LAST,
    IMMIGRANT_FIRST,
    IMMIGRANT_LANGUAGES,
    IMMIGRANT_LAST,
    INNSATSGRUPPER,
    NORWEGIAN_FIRST,
    NORWEGIAN_LAST,
    PROFILES,
    REASONS,
    REGION_MUNICIPALITIES,
    Profile,
)
from devdata.synthetic import synthetic_fnr


@dataclass(frozen=True)
class Owner:
    """Who follows a generated candidate, and where the candidate then lives."""

    user_id: int
    county_id: int
    county_name: str
    region_id: int | None = None
    region_name: str = ""
    office_id: int | None = None
    provider_id: int | None = None


@dataclass
class Generated:
    candidate: Candidate
    wanted: list[str] = field(default_factory=list)
    done: list[str] = field(default_factory=list)


def owners_for(users: QuerySet[User]) -> list[Owner]:
    """Owners from the advisers among `users` (their office's area) and the provider staff
    (each region their provider serves), in the order of `users`."""
    staff = (
        users.filter(role__in=[Role.ADVISER, Role.PROVIDER_STAFF])
        .select_related("office__county", "office__region")
        .prefetch_related(
            Prefetch("provider__regions", queryset=Region.objects.select_related("county"))
        )
    )
    owners = []
    for user in staff:
        if user.provider_id:
            for region in user.provider.regions.all():
                owners.append(
                    Owner(
                        user.pk,
                        region.county_id,
                        region.county.name,
                        region.pk,
                        region.name,
                        provider_id=user.provider_id,
                    )
                )
        elif user.office_id:
            office = user.office
            owners.append(
                Owner(
                    user.pk,
                    office.county_id,
                    office.county.name,
                    office.region_id,
                    office.region.name if office.region_id else "",
                    office_id=office.pk,
                )
            )
    return owners


class CandidateGenerator:
    def __init__(self, *, seed: int, occupations: dict, today: datetime.date, taken=()):
        """`occupations`: STYRK-08 code -> Occupation for every code PROFILES use."""
        self.random = random.Random(seed)
        self.occupations = occupations
        self.today = today
        self.taken = set(taken)
        self.profiles = [p for p in PROFILES for _ in range(p.weight)]

    def generate(self, number: int, owner: Owner) -> Generated:
        rnd = self.random
        profile = rnd.choice(self.profiles)
        gender = rnd.choice([Gender.FEMALE, Gender.MALE])
        reasons = self._reasons()
        origin = self._origin(reasons)
        birth_date = self.today - datetime.timedelta(days=rnd.randint(18 * 365, 62 * 365))
        if TargetGroupReason.YOUNG_NO_UPPER_SECONDARY in reasons:
            birth_date = self.today - datetime.timedelta(days=rnd.randint(18 * 365, 29 * 365))
        first, last = self._name(origin, gender)
        wanted = [profile.code]
        if profile.related and rnd.random() < 0.35:
            wanted.append(rnd.choice(profile.related))
        done = [profile.code] if rnd.random() < 0.6 else []
        if profile.related and rnd.random() < 0.25:
            done.append(rnd.choice(profile.related))
        competencies = ", ".join(
            rnd.sample(profile.competencies, k=min(3, len(profile.competencies)))
        )
        certificates = ", ".join(
            rnd.sample(profile.certificates, k=rnd.randint(0, min(2, len(profile.certificates))))
        )
        years = rnd.randint(1, 12)
        experience = (
            f"{years} år fra {rnd.choice(profile.workplaces)}"
            f"{'' if done else ' som ekstrahjelp'}. "
            f"Praksisplass i {rnd.choice(profile.workplaces)} gjennom NAV."
        )
        summary = profile.summary
        if TargetGroupReason.CV_GAP in reasons:
            summary += (
                " Har vært borte fra arbeidslivet en periode og er motivert for å komme i gang."
            )
        candidate = Candidate(
            owner_id=owner.user_id,
            office_id=owner.office_id,
            provider_id=owner.provider_id,
            first_name=first,
            last_name=last,
            fnr=self._fnr(birth_date, gender, number),
            birth_date=birth_date,
            gender=gender,
            municipality=rnd.choice(self._municipalities(owner)),
            county_id=owner.county_id,
            region_id=owner.region_id,
            commute_km=rnd.choice(COMMUTE_KM),
            email=f"kandidat{number}@eksempel.no",
            phone=f"4{number % 10_000_000:07d}",
            innsatsgruppe=self._weighted(INNSATSGRUPPER),
            target_group_reasons=reasons,
            education=self._education(profile, reasons),
            competencies=competencies,
            certificates=certificates,
            work_experience=experience,
            languages=self._languages(origin),
            driving_licences=self._licences(profile),
            available_from=self.today
            + datetime.timedelta(days=rnd.choice((0, 0, 0, 0, 14, 30, 60))),
            cv_summary=summary,
            unavailable_until=(
                self.today + datetime.timedelta(days=rnd.randint(5, 30))
                if rnd.random() < 0.03
                else None
            ),
        )
        candidate.birth_country_group, candidate.birth_region = self._birth_country(
            origin, candidate.languages
        )
        candidate.search_document = build_document(
            wanted=[self.occupations[code] for code in wanted],
            done=[self.occupations[code] for code in done],
            area=area_tokens(
                county_id=owner.county_id,
                region_id=owner.region_id,
                commute_km=candidate.commute_km,
            ),
            competencies=candidate.competencies,
            certificates=candidate.certificates,
            work_experience=candidate.work_experience,
            cv_summary=candidate.cv_summary,
        )
        return Generated(candidate, wanted, done)

    def _weighted(self, options):
        values, weights = zip(*options, strict=True)
        return self.random.choices(values, weights=weights)[0]

    def _reasons(self) -> list[str]:
        reasons = [reason for reason, share in REASONS if self.random.randrange(100) < share]
        return reasons or [TargetGroupReason.CV_GAP]

    def _origin(self, reasons) -> str:
        if TargetGroupReason.PRIORITISED_IMMIGRANT in reasons:
            return BirthCountryGroup.AFRICA_ASIA_OTHER
        return self._weighted(
            (
                (BirthCountryGroup.NORWAY, 85),
                (BirthCountryGroup.EU_EEA, 12),
                ("africa_asia_other", 3),
            )
        )

    @staticmethod
    def _birth_country(origin, languages) -> tuple[str, str]:
        """The register's group and the evaluation's region. A European's language tells which
        region: Ukraine is Eastern Europe outside the EU/EEA, Poland and Lithuania inside."""
        if origin == BirthCountryGroup.NORWAY:
            return origin, BirthRegion.NORWAY
        if origin == BirthCountryGroup.AFRICA_ASIA_OTHER:
            return origin, BirthRegion.NON_WESTERN
        if Language.UKRAINIAN in languages:
            return BirthCountryGroup.AFRICA_ASIA_OTHER, BirthRegion.EASTERN_EUROPE
        if {Language.POLISH, Language.LITHUANIAN} & set(languages):
            return BirthCountryGroup.EU_EEA, BirthRegion.EASTERN_EUROPE
        return BirthCountryGroup.EU_EEA, BirthRegion.WESTERN_EUROPE

    def _name(self, origin, gender) -> tuple[str, str]:
        rnd = self.random
        if origin == BirthCountryGroup.AFRICA_ASIA_OTHER:
            return rnd.choice(IMMIGRANT_FIRST[gender]), rnd.choice(IMMIGRANT_LAST)
        if origin == BirthCountryGroup.EU_EEA:
            return rnd.choice(EUROPEAN_FIRST[gender]), rnd.choice(EUROPEAN_LAST)
        return rnd.choice(NORWEGIAN_FIRST[gender]), rnd.choice(NORWEGIAN_LAST)

    def _languages(self, origin) -> list[str]:
        languages = [Language.NORWEGIAN]
        if origin == BirthCountryGroup.AFRICA_ASIA_OTHER:
            languages.append(self.random.choice(IMMIGRANT_LANGUAGES))
        elif origin == BirthCountryGroup.EU_EEA:
            languages.append(self.random.choice(EUROPEAN_LANGUAGES))
        if self.random.random() < 0.5:
            languages.append(Language.ENGLISH)
        return languages

    def _licences(self, profile: Profile) -> list[str]:
        if profile.licences:
            return list(profile.licences)
        return [DrivingLicence.B] if self.random.random() < 0.6 else []

    def _education(self, profile: Profile, reasons) -> str:
        if TargetGroupReason.YOUNG_NO_UPPER_SECONDARY in reasons:
            return self.random.choice([Education.PRIMARY, Education.UPPER_SECONDARY_NOT_COMPLETED])
        return self._weighted(
            (
                (Education.PRIMARY, 15),
                (Education.UPPER_SECONDARY_NOT_COMPLETED, 15),
                (Education.UPPER_SECONDARY, 30),
                (Education.TRADE_CERTIFICATE, 25),
                (Education.VOCATIONAL_COLLEGE, 5),
                (Education.HIGHER_SHORT, 5),
                (Education.UNKNOWN, 5),
            )
        )

    def _municipalities(self, owner: Owner) -> tuple[str, ...]:
        return REGION_MUNICIPALITIES.get(owner.region_name) or COUNTY_MUNICIPALITIES.get(
            owner.county_name, (owner.county_name,)
        )

    def _fnr(self, birth_date: datetime.date, gender: str, number: int) -> str:
        serial = number
        while True:
            fnr = synthetic_fnr(birth_date, serial, gender)
            if fnr not in self.taken:
                self.taken.add(fnr)
                return fnr
            serial += 1


def save_generated(batch: list[Generated]) -> list[Candidate]:
    """Insert a batch with its occupation lists in three statements. The search document is
    already built, and PostgreSQL derives the search vector from it."""
    candidates = Candidate.objects.bulk_create([item.candidate for item in batch])
    wanted = Candidate.occupations_wanted.through
    done = Candidate.occupations_done.through
    wanted.objects.bulk_create(
        wanted(candidate_id=item.candidate.pk, occupation_id=code)
        for item in batch
        for code in dict.fromkeys(item.wanted)
    )
    done.objects.bulk_create(
        done(candidate_id=item.candidate.pk, occupation_id=code)
        for item in batch
        for code in dict.fromkeys(item.done)
    )
    remember(item.candidate.search_document for item in batch)
    return candidates


def profile_codes() -> set[str]:
    return {code for profile in PROFILES for code in (profile.code, *profile.related)}
