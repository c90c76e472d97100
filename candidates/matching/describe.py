"""A stored explanation (see ranking.explain) as Norwegian sentences: met and unmet."""

import datetime
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import DrivingLicence, Innsatsgruppe, Language

SECTION_NAMES = {
    "A": gettext_lazy("yrker"),
    "B": gettext_lazy("kompetanse og sertifikater"),
    "C": gettext_lazy("arbeidserfaring"),
    "D": gettext_lazy("CV-sammendrag"),
}


@dataclass(frozen=True)
class Line:
    met: bool
    text: str


def describe(explanation: dict) -> list[Line]:
    lines = []
    occupation = explanation.get("occupation")
    if occupation:
        name = occupation["name"]
        if occupation["wanted"]:
            lines.append(Line(True, _("Ønsker å jobbe som %(name)s") % {"name": name}))
        if occupation["done"]:
            lines.append(Line(True, _("Har erfaring som %(name)s") % {"name": name}))
        if not (occupation["wanted"] or occupation["done"]):
            if occupation["minor"]:
                lines.append(Line(True, _("Ønsker eller kan et beslektet yrke")))
            lines.append(Line(False, _("Har ikke oppgitt yrket %(name)s") % {"name": name}))
    for term in explanation.get("terms", []):
        if term["matched"]:
            where = ", ".join(str(SECTION_NAMES[section]) for section in term["sections"])
            text = _("«%(word)s» i %(where)s") % {"word": term["word"], "where": where}
        else:
            text = _("«%(word)s» er ikke nevnt") % {"word": term["word"]}
        lines.append(Line(term["matched"], text))
    lines.append(Line(True, _area_text(explanation)))
    day = datetime.date.fromisoformat(explanation["available_by"])
    lines.append(Line(True, _("Tilgjengelig innen %(day)s") % {"day": date_format(day)}))
    for code in explanation.get("driving_licences", []):
        lines.append(Line(True, _("Førerkort %(class)s") % {"class": DrivingLicence(code).label}))
    for code in explanation.get("languages", []):
        label = str(Language(code).label).lower()
        lines.append(Line(True, _("Snakker %(language)s") % {"language": label}))
    if explanation.get("innsatsgruppe"):
        lines.append(Line(True, str(Innsatsgruppe(explanation["innsatsgruppe"]).label)))
    return lines


def _area_text(explanation: dict) -> str:
    texts = {
        "region": _("Bor i stillingens region"),
        "municipality": _("Bor i %(municipality)s"),
        "county": _("Bor i stillingens fylke"),
        "national": _("Søket gjaldt hele landet"),
        "commute": _("Bor i %(municipality)s og kan pendle %(km)s km"),
    }
    return texts[explanation["area"]] % {
        "municipality": explanation["municipality"],
        "km": explanation["commute_km"],
    }


def describe_criteria(criteria, opening) -> list[str]:
    """The criteria of a run (matching.criteria.Criteria) in words, for the run page."""
    from .criteria import Area

    parts = []
    if criteria.occupation:
        parts.append(_("Yrke: %(occupation)s") % {"occupation": opening.occupation})
    if criteria.opening_text:
        parts.append(_("Ordene i stillingstittelen og kravene"))
    if criteria.query:
        parts.append(_("Søkeord: «%(query)s»") % {"query": criteria.query})
    areas = {
        Area.REGION: _("Stillingens region, og pendlere i fylket"),
        Area.COUNTY: _("Stillingens fylke"),
        Area.MUNICIPALITY: _("%(municipality)s, og pendlere i fylket"),
        Area.NATIONAL: _("Hele landet"),
    }
    parts.append(areas[criteria.area] % {"municipality": criteria.municipality})
    if criteria.available_by:
        parts.append(_("Tilgjengelig senest %(day)s") % {"day": date_format(criteria.available_by)})
    if criteria.innsatsgrupper:
        labels = ", ".join(str(Innsatsgruppe(code).label) for code in criteria.innsatsgrupper)
        parts.append(_("Innsatsgruppe: %(labels)s") % {"labels": labels})
    if criteria.driving_licences:
        parts.append(
            _("Førerkort: %(classes)s") % {"classes": ", ".join(criteria.driving_licences)}
        )
    if criteria.languages:
        labels = ", ".join(str(Language(code).label) for code in criteria.languages)
        parts.append(_("Språk: %(labels)s") % {"labels": labels})
    return parts
