"""The sections of an employer's page, so every feature can show its part of "everything
about the employer on one screen".

A section is a function of the employer and the viewing user that returns a Section (a
template in templates/employers/detail/ and its context), or None to show nothing. A feature
adds its section by appending its function to MAIN (the wide column: timelines, lists) or
ASIDE (the narrow column: facts and people to call). Each section runs its own queries, so
keep them to a fixed number per section.
"""

from collections.abc import Callable

from accounts.access import rule_for
from accounts.models import Role, User
from agreements.models import Agreement
from agreements.selectors import first_signed_on
from candidates.selectors.pipeline import employer_placements
from vi_inkluderer.home import Section

from .models import Employer, EmployerPerson
from .selectors.dialogue import dialogue_latest
from .selectors.openings import employer_openings_context


def can_manage_people(user: User, employer: Employer) -> bool:
    """Contact persons, project leaders and admins keep every employer's people up to date;
    provider staff those of the employers they are the fixed contact for."""
    if not rule_for("employers:person_add").allows(user):
        return False
    return user.role != Role.PROVIDER_STAFF or employer.fixed_contact_id == user.pk


def _fixed_contact(employer: Employer, user: User) -> Section:
    return Section(
        "employers/detail/_fixed_contact.html",
        {"contact": employer.fixed_contact},
    )


def _dialogue(employer: Employer, user: User) -> Section:
    return Section(
        "employers/detail/_dialogue.html",
        {"entries": dialogue_latest(employer=employer, user=user), "employer": employer},
    )


def _openings(employer: Employer, user: User) -> Section:
    return Section(
        "employers/detail/_openings.html",
        {"employer": employer, **employer_openings_context(employer=employer, user=user)},
    )


def _agreements(employer: Employer, user: User) -> Section:
    agreements = (
        Agreement.objects.visible_to(user)
        .filter(employer=employer)
        .select_related("fixed_contact")
        .order_by("-created_at", "-id")
    )
    return Section(
        "employers/detail/_agreements.html",
        {
            "employer": employer,
            "agreements": agreements,
            "can_create": rule_for("agreements:create").allows(user),
        },
    )


def _placements(employer: Employer, user: User) -> Section:
    # Hires are listed without names: the employer page is open to all staff. Each is marked
    # before or after the employer first signed an agreement (the evaluation compares them).
    signed_on = first_signed_on(employer.pk)
    placements = list(employer_placements(employer.pk))
    for placement in placements:
        placement.before_agreement = signed_on is None or placement.start_date < signed_on
    return Section(
        "employers/detail/_placements.html", {"placements": placements, "signed_on": signed_on}
    )


def _facts(employer: Employer, user: User) -> Section:
    return Section("employers/detail/_facts.html")


def _needs(employer: Employer, user: User) -> Section:
    can_edit = rule_for("employers:edit").allows(user)
    return Section("employers/detail/_needs.html", {"can_edit": can_edit})


def _people(employer: Employer, user: User) -> Section:
    people = list(employer.people.current())
    return Section(
        "employers/detail/_people.html",
        {
            "contacts": [p for p in people if p.kind == EmployerPerson.Kind.CONTACT],
            "union_reps": [p for p in people if p.kind == EmployerPerson.Kind.UNION_REP],
            "can_manage": can_manage_people(user, employer),
        },
    )


def _units(employer: Employer, user: User) -> Section | None:
    sub_units = list(employer.sub_units.select_related("county").order_by("name"))
    if not sub_units:
        return None
    return Section("employers/detail/_units.html", {"sub_units": sub_units})


SectionBuilder = Callable[[Employer, User], Section | None]

MAIN: list[SectionBuilder] = [
    _agreements,
    _openings,
    _placements,
    _dialogue,
    _needs,
    _people,
    _units,
]
ASIDE: list[SectionBuilder] = [_fixed_contact, _facts]


def detail_sections(employer: Employer, user: User) -> dict[str, list[Section]]:
    def build(builders: list[SectionBuilder]) -> list[Section]:
        return [s for s in (b(employer, user) for b in builders) if s is not None]

    return {"main_sections": build(MAIN), "aside_sections": build(ASIDE)}
