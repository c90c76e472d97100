"""Demo agreements in the three pilot counties (see `seed_demo`): every status, meeting
histories with a few overdue meetings, and an Oslo employer in dialogue that waits for its
first hire before it may sign (Oslo's policy).

Rows are written directly rather than through the services so they can carry dates in the
past and send no notifications; every status change still gets its event row, and the
employers are synchronised with their agreements as the services do.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.db.models import Case, When
from django.utils import timezone

from accounts.models import AGREEMENT_CONTACT_ROLES, County, Role, User
from agreements.models import (
    Agreement,
    AgreementTemplate,
    ContactPeriod,
    CountySigningPolicy,
    FollowUpMeeting,
)
from agreements.policy import county_policy
from agreements.services.agreements import ACTIONS, employer_sync_with_agreements
from agreements.services.plans import plan_dates, plan_extend
from agreements.signals import hires_around
from core.activity import log_action
from employers.models import Employer

S = Agreement.Status
# Per county: (status, months since activation or signing, meetings per year, overdue last).
PLANS = {
    "Trøndelag": [
        (S.ACTIVE, 16, 4, False),
        (S.ACTIVE, 9, 3, True),
        (S.ACTIVE, 4, 4, False),
        (S.SIGNED, 0, 4, False),
        (S.IN_DIALOGUE, 0, 4, False),
        (S.ENDED, 20, 2, False),
    ],
    "Vestland": [
        (S.ACTIVE, 13, 4, True),
        (S.ACTIVE, 8, 2, False),
        (S.ACTIVE, 7, 3, True),
        (S.IN_DIALOGUE, 0, 3, False),
        (S.ENDED, 15, 4, False),
    ],
    "Oslo": [
        (S.ACTIVE, 11, 4, False),
        (S.ACTIVE, 5, 2, False),
        (S.IN_DIALOGUE, 0, 4, False),
    ],
}
MINUTES = [
    "Gikk gjennom samarbeidet siden sist. Virksomheten er fornøyd med kandidatene og ønsker "
    "flere til sommerjobb. Tillitsvalgt tok opp opplæring av faddere.",
    "Kort status: én kandidat i arbeidstrening, går bra. Virksomheten trenger to nye på "
    "lageret i høst. Avtalt å sende stillingsbeskrivelse.",
    "Virksomheten har hatt nedbemanning og har ikke behov nå. Vi holder kontakten og tar nytt "
    "møte om tre måneder.",
]
ASSESSMENTS = ["very_good", "good", "good", "mixed"]
KICK_OFF_AGENDA = (
    "Oppstart av samarbeidet: kontaktpersoner på begge sider, behov for rekruttering det "
    "neste halvåret, og når vi møtes framover."
)


def _contacts(county: County) -> list[User]:
    contacts = list(
        User.objects.filter(role=Role.CONTACT_PERSON, county=county, is_active=True).order_by(
            "email"
        )
    )
    if county.name == "Trøndelag":
        # The demo contact person and the demo provider staff own most Trøndelag agreements.
        own = User.objects.filter(email__in=["markedskontakt@demo.no", "leverandor@demo.no"])
        contacts = sorted(own, key=lambda u: u.email != "markedskontakt@demo.no") + contacts
    return contacts


def _agreement(employer, contact, status, months, per_year, overdue, today, template):
    start = today - relativedelta(months=months)
    agreement = Agreement.objects.create(
        employer=employer,
        county=employer.county,
        status=status,
        signed_on=start if status != S.IN_DIALOGUE else None,
        end_date=start + relativedelta(months=months - 2) if status == S.ENDED else None,
        end_reason=Agreement.EndReason.COMPLETED if status == S.ENDED else "",
        fixed_contact=contact,
        employer_signatory="Daglig leder",
        employer_responsible="HR-leder",
        union_involvement=Agreement.UnionInvolvement.PARTICIPATES,
        follow_ups_per_year=per_year,
        employer_commitments=template.employer_commitments,
        nav_commitments=template.nav_commitments,
        template=template,
        plan_anchor=start if status in (S.ACTIVE, S.ENDED) else None,
        created_by=contact,
    )
    at = timezone.make_aware(datetime.datetime.combine(start, datetime.time(12)))
    log_action(
        agreement, "agreements.agreement.created", actor=contact, to_state=S.IN_DIALOGUE, at=at
    )
    steps = {
        S.SIGNED: [S.SIGNED],
        S.ACTIVE: [S.SIGNED, S.ACTIVE],
        S.ENDED: [S.SIGNED, S.ACTIVE, S.ENDED],
    }
    previous = S.IN_DIALOGUE
    for step in steps.get(status, []):
        log_action(
            agreement,
            ACTIONS.get(step, f"agreements.agreement.{step}"),
            actor=contact,
            from_state=previous,
            to_state=step,
            data={"end_reason": agreement.end_reason} if step == S.ENDED else None,
            at=at,
        )
        previous = step
    ContactPeriod.objects.create(
        agreement=agreement, contact=contact, changed_by=contact, started_at=at
    )
    if status in (S.ACTIVE, S.ENDED):
        _history(agreement, today, overdue)
    if status == S.ACTIVE:
        plan_extend(agreement=agreement, today=today)
    if status == S.SIGNED:
        # Just signed: the start-up meeting is booked; the rolling plan follows activation.
        FollowUpMeeting.objects.create(
            agreement=agreement,
            planned_date=today + datetime.timedelta(days=7),
            agenda=KICK_OFF_AGENDA,
        )
    return agreement


def _history(agreement: Agreement, today: datetime.date, overdue: bool) -> None:
    """Past plan meetings held (the last one left unheld when `overdue`)."""
    until = min(today, agreement.end_date or today) - datetime.timedelta(days=1)
    days = list(
        plan_dates(
            anchor=agreement.plan_anchor, per_year=agreement.follow_ups_per_year, until=until
        )
    )
    for number, day in enumerate(days):
        held = not (overdue and number == len(days) - 1)
        FollowUpMeeting.objects.create(
            agreement=agreement,
            plan_date=day,
            planned_date=day,
            held_on=day if held else None,
            nav_participants=str(agreement.fixed_contact) if held else "",
            employer_participants="HR-leder, avdelingsleder" if held else "",
            union_rep_present=held and number % 2 == 0,
            minutes=MINUTES[number % len(MINUTES)] if held else "",
            assessment=ASSESSMENTS[number % len(ASSESSMENTS)] if held else "",
        )


def _employer_for(status: str, pool: list[Employer], county: County) -> Employer | None:
    """The next employer for an agreement with this status. Where the county signs only after
    a first hire (Oslo), a signed agreement goes only to an employer with a recorded hire (from
    the candidates demo), and the one in dialogue to an employer still waiting for it."""
    if county_policy(county.pk) != CountySigningPolicy.Kind.AFTER_FIRST_HIRE:
        return pool[0] if pool else None
    hired = {e.pk for e in pool if hires_around(employer_id=e.pk, signed_on=None).total}
    if status == S.IN_DIALOGUE:
        return next((e for e in pool if e.pk not in hired), None)
    return next((e for e in pool if e.pk in hired), None)


def seed() -> str:
    today = timezone.localdate()
    template = AgreementTemplate.current()
    created = 0
    for county_name, plans in PLANS.items():
        county = County.objects.get(name=county_name)
        contacts = _contacts(county)
        # Employers the register already shows as having an agreement come first.
        employers = (
            Employer.objects.filter(county=county, parent__isnull=True)
            .exclude(status=Employer.Status.INACTIVE)
            .order_by(Case(When(status=Employer.Status.AGREEMENT, then=0), default=1), "name")
        )
        if not contacts or Agreement.objects.filter(county=county).exists():
            continue
        pool = list(employers)
        for number, plan in enumerate(plans):
            employer = _employer_for(plan[0], pool, county)
            if employer is None:
                continue
            pool.remove(employer)
            contact = employer.fixed_contact
            if contact is None or contact.role not in AGREEMENT_CONTACT_ROLES:
                contact = contacts[number % min(len(contacts), 3)]
            _agreement(employer, contact, *plan, today=today, template=template)
            employer_sync_with_agreements(employer, actor=contact)
            created += 1
    return f"{created} agreements"
