"""The sections of an employer's page (core.sections), so every feature can show its part of
"everything about the employer on one screen", with its template in templates/employers/detail/.

The apps above employers add theirs from their AppConfig.ready(): agreements/employer_page.py
(the agreements) and candidates/employer_page.py (the hires).
"""

from accounts.access import rule_for
from accounts.models import User
from core.sections import Page, Section

from .models import Employer, EmployerPerson
from .permissions import may_log_contacts, may_manage_people
from .selectors.dialogue import dialogue_latest
from .selectors.openings import employer_openings_context


def _fixed_contact(employer: Employer, user: User) -> Section:
    return Section(
        "employers/detail/_fixed_contact.html",
        {"contact": employer.fixed_contact},
    )


def dialogue_section(employer: Employer, user: User) -> Section:
    return Section(
        "employers/detail/_dialogue.html",
        {
            "entries": dialogue_latest(employer=employer, user=user),
            "employer": employer,
            "may_log_contacts": may_log_contacts(user),
        },
    )


def openings_section(employer: Employer, user: User) -> Section:
    return Section(
        "employers/detail/_openings.html",
        {"employer": employer, **employer_openings_context(employer=employer, user=user)},
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
            "can_manage": may_manage_people(user, employer),
        },
    )


def _units(employer: Employer, user: User) -> Section | None:
    sub_units = list(employer.sub_units.select_related("county").order_by("name"))
    if not sub_units:
        return None
    return Section("employers/detail/_units.html", {"sub_units": sub_units})


EMPLOYER_PAGE = Page(
    main=[openings_section, dialogue_section, _needs, _people, _units],
    aside=[_fixed_contact, _facts],
)
