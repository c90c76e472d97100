"""National-scale agreements for benchmarks (`manage.py seed_scale`): at scale 1, 5,000
agreements with their meeting histories, on their own employers (about one in six holds two
agreements, so agreement and employer counts differ), spread over every county and its
contact persons; and one agreement at each employer that hired through the pipeline, signed
on a random day so that hires fall before and after it (what the dashboards compare). The
bench contact person gets an active agreement whatever the scale."""

import datetime
import random

from dateutil.relativedelta import relativedelta
from django.db.models import Case, Min, When
from django.utils import timezone

from accounts.models import County, Role, User
from agreements.models import Agreement, AgreementTemplate, ContactPeriod, FollowUpMeeting
from agreements.services.plans import PLAN_MONTHS_AHEAD, plan_dates
from devdata.demo.accounts import demo_orgnr
from devdata.scale.activity import log_created
from employers.models import Employer

AGREEMENTS = 5_000
EMPLOYERS = 4_300
BENCH_CONTACT = "contact_person.0.0@skala.no"
# Far from the orgnr blocks of the demo data, the test factories and the other scale seeders.
ORGNR_BLOCK = 4_400_000
S = Agreement.Status
STATUS_WEIGHTS = [(S.ACTIVE, 70), (S.SIGNED, 8), (S.IN_DIALOGUE, 12), (S.ENDED, 10)]


def employers_at(scale: float) -> int:
    """How many employers of its own this seeder creates at `scale`."""
    return max(1, round(EMPLOYERS * scale))


def _employers(counties: list[County], count: int) -> list[Employer]:
    return Employer.objects.bulk_create(
        Employer(
            orgnr=demo_orgnr(ORGNR_BLOCK + 2 * n),
            name=f"Skala avtalevirksomhet {n + 1} AS",
            sector=Employer.Sector.PRIVATE,
            county=counties[n % len(counties)],
            municipality=counties[n % len(counties)].name,
        )
        for n in range(count)
    )


def _meetings(agreement: Agreement, today: datetime.date, rng: random.Random):
    until = today + relativedelta(months=PLAN_MONTHS_AHEAD)
    if agreement.status == S.ENDED:
        until = agreement.end_date
    for day in plan_dates(
        anchor=agreement.plan_anchor, per_year=agreement.follow_ups_per_year, until=until
    ):
        held = day < today and rng.random() < 0.8
        yield FollowUpMeeting(
            agreement=agreement,
            plan_date=day,
            planned_date=day,
            held_on=day if held else None,
            minutes="Gjennomgang av samarbeid og rekrutteringsbehov." if held else "",
            assessment="good" if held else "",
        )


def seed_scale(scale: float) -> str:
    if Agreement.objects.filter(employer__name__startswith="Skala avtalevirksomhet").exists():
        return "already there"
    rng = random.Random(4)
    today = timezone.localdate()
    template = AgreementTemplate.current()
    contacts_by_county: dict[int, list[User]] = {}
    contacts = User.objects.filter(role=Role.CONTACT_PERSON, is_active=True)
    # The bench contact first, so its county's first agreement is theirs.
    for user in contacts.order_by(Case(When(email=BENCH_CONTACT, then=0), default=1), "pk"):
        contacts_by_county.setdefault(user.county_id, []).append(user)
    first_county = next(iter(contacts_by_county), None)
    counties = sorted(
        County.objects.filter(pk__in=contacts_by_county),
        key=lambda c: (c.pk != first_county, c.number),
    )
    employers = _employers(counties, employers_at(scale))
    hiring = list(
        Employer.objects.filter(placements__isnull=False, county__in=counties)
        .annotate(first_hire=Min("placements__start_date"))
        .order_by("pk")
    )
    count = max(1, round(AGREEMENTS * scale))
    statuses = [s for s, weight in STATUS_WEIGHTS for _ in range(weight)]
    agreements = []
    per_county: dict[int, int] = {}
    for n in range(count + len(hiring)):
        employer = employers[n % len(employers)] if n < count else hiring[n - count]
        contacts = contacts_by_county[employer.county_id]
        # Each county's agreements go round its contact persons in turn.
        turn = per_county[employer.county_id] = per_county.get(employer.county_id, -1) + 1
        contact = contacts[turn % len(contacts)]
        status = S.ACTIVE if n == 0 else statuses[rng.randrange(len(statuses))]
        if n < count:
            start = today - datetime.timedelta(days=rng.randrange(30, 900))
        elif (n - count) % 2 == 0 and employer.first_hire < today:
            # Every other one signs after its first hire (then a hire before signing).
            days = rng.randrange(1, (today - employer.first_hire).days + 1)
            start = employer.first_hire + datetime.timedelta(days=days)
        else:
            start = min(employer.first_hire, today) - datetime.timedelta(days=rng.randrange(1, 90))
        agreements.append(
            Agreement(
                employer=employer,
                title=f"Avdeling {n // len(employers) + 1}" if len(employers) <= n < count else "",
                county_id=employer.county_id,
                status=status,
                signed_on=None if status == S.IN_DIALOGUE else start,
                plan_anchor=start if status in (S.ACTIVE, S.ENDED) else None,
                end_date=start + datetime.timedelta(days=365) if status == S.ENDED else None,
                end_reason=Agreement.EndReason.COMPLETED if status == S.ENDED else "",
                fixed_contact=contact,
                employer_signatory="Daglig leder",
                employer_responsible="HR-leder",
                union_involvement=Agreement.UnionInvolvement.INFORMED,
                follow_ups_per_year=rng.choice([2, 3, 4, 4]),
                employer_commitments=template.employer_commitments,
                nav_commitments=template.nav_commitments,
                template=template,
                created_by=contact,
            )
        )
    agreements = Agreement.objects.bulk_create(agreements)
    log_created(agreements, "agreements.agreement.created", actor="fixed_contact_id")
    ContactPeriod.objects.bulk_create(
        ContactPeriod(agreement=a, contact_id=a.fixed_contact_id, changed_by_id=a.fixed_contact_id)
        for a in agreements
    )
    meetings = [
        meeting
        for a in agreements
        if a.plan_anchor is not None
        for meeting in _meetings(a, today, rng)
    ]
    FollowUpMeeting.objects.bulk_create(meetings, batch_size=5000)
    in_force = {a.employer_id: a.fixed_contact_id for a in agreements if a.is_in_force}
    for employer_id, contact_id in in_force.items():
        Employer.objects.filter(pk=employer_id).update(
            status=Employer.Status.AGREEMENT, fixed_contact_id=contact_id
        )
    return (
        f"{len(agreements)} agreements, {len(employers)} employers and {len(hiring)} that hired, "
        f"{len(meetings)} meetings"
    )
