"""National-scale employers for benchmarks (`manage.py seed_scale`, after devdata.scale.accounts).

At scale 1: 20,000 employers spread over every region of every county, 500,000 contacts in
their histories (a tenth with a next step), 10,000 tips and 30,000 openings, most published.
The contact person `contact_person.0.0@skala.no` is the fixed contact of one employer with a
long history (BIG_TIMELINE_SHARE of all contacts), the worst case for the employer pages.
The big tables are written with COPY, the rest with bulk_create."""

import datetime
import random
from itertools import zip_longest

from django.db import connection
from django.utils import timezone

from accounts.models import Region, Role, User
from devdata.demo.accounts import demo_orgnr
from devdata.scale.activity import log_created
from employers.models import (
    DialogueEntry,
    Employer,
    EmployerPerson,
    Industry,
    JobOpening,
    Lead,
    Occupation,
    Task,
)

EMPLOYERS = 20_000
DIALOGUE_ENTRIES = 500_000
LEADS = 10_000
OPENINGS = 30_000
BIG_TIMELINE_SHARE = 0.01
# Well clear of the demo employers, providers (1,000,000+) and the other demo numbers.
ORGNR_BASE = 3_000_000
BIG_EMPLOYER_USER = "contact_person.0.0@skala.no"

STATUS_WEIGHTS = {
    Employer.Status.LEAD: 50,
    Employer.Status.IN_DIALOGUE: 30,
    Employer.Status.AGREEMENT: 12,
    Employer.Status.INACTIVE: 8,
}
NAME_FIRST = ["Nord", "Sør", "Vest", "Øst", "Fjord", "Berg", "Dal", "Vik", "Elve", "Skog"]
NAME_KIND = {
    "Q": ["Helsehus", "Sykehjem", "Omsorg", "Barnehager"],
    "C": ["Mekaniske", "Stillas og Industri", "Sveis", "Produksjon"],
    "I": ["Hotell", "Kafé og Catering", "Restaurant", "Kro"],
    "G": ["Dagligvare", "Byggvare", "Sport", "Elektro"],
    "N": ["Renhold", "Vakt og Service", "Eiendomsservice", "Bemanning"],
    "H": ["Logistikk", "Transport", "Lager", "Budservice"],
    "F": ["Bygg", "Tømrer", "Rør", "Anlegg"],
}
SUMMARIES = [
    "Gjennomgang av rekrutteringsbehovet for høsten. Virksomheten trenger folk i turnus og "
    "kan tilby språkpraksis og fast fadder.",
    "Oppfølging etter oppstart: kandidaten fungerer godt, lederen ønsker å øke stillingen. "
    "Avtalt nytt møte om lønnstilskudd.",
    "Presenterte Vi inkluderer!-modellen for ledergruppen og de tillitsvalgte. De vil tenke "
    "på hvilke avdelinger som kan være med.",
    "Telefon om nye behov på lageret. To stillinger fra neste måned, truckførerbevis kan tas "
    "i arbeidstiden.",
    "Arbeidsplassbesøk sammen med tiltaksleverandøren. Vi så på oppgaver som kan passe for "
    "kandidater som trenger tilrettelegging.",
]
NEXT_STEPS = ["Sende forslag til kandidater", "Følge opp avtalen", "Avtale oppstartsmøte"]


def seed_scale(scale: float = 1.0) -> str:
    if Employer.objects.filter(orgnr=demo_orgnr(ORGNR_BASE)).exists():
        return "already there"
    seeder = _ScaleSeeder(scale)
    employers = seeder.employers()
    entries = seeder.dialogue(employers)
    tasks = seeder.tasks()
    leads = seeder.leads(employers)
    openings = seeder.openings(employers)
    return (
        f"{len(employers)} employers, {entries} contacts, {tasks} tasks, {leads} tips, "
        f"{openings} openings"
    )


class _ScaleSeeder:
    def __init__(self, scale: float):
        self.scale = scale
        self.random = random.Random(2026)
        self.now = timezone.now()
        # Round-robin over the counties, so that even a small scale reaches every county.
        by_county: dict[int, list[Region]] = {}
        for region in Region.objects.order_by("county__name", "name"):
            by_county.setdefault(region.county_id, []).append(region)
        self.regions = [r for row in zip_longest(*by_county.values()) for r in row if r]
        self.industries = {i.code: i for i in Industry.objects.filter(code__in=NAME_KIND)}
        contacts = User.objects.filter(role=Role.CONTACT_PERSON, region__isnull=False)
        self.contacts_by_region: dict[int, list[int]] = {}
        for pk, region_id in contacts.order_by("pk").values_list("pk", "region_id"):
            self.contacts_by_region.setdefault(region_id, []).append(pk)
        self.big_owner = User.objects.get(email=BIG_EMPLOYER_USER)

    def count(self, full: int) -> int:
        return max(1, round(full * self.scale))

    def employers(self) -> list[Employer]:
        statuses, weights = list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values())
        codes = list(NAME_KIND)
        big_region = self.big_owner.region
        employers = []
        for n in range(self.count(EMPLOYERS)):
            # The first employer is the big one; the rest go round every region.
            region = big_region if n == 0 else self.regions[n % len(self.regions)]
            code = codes[n % len(codes)]
            status = (
                Employer.Status.AGREEMENT if n == 0 else self.random.choices(statuses, weights)[0]
            )
            in_contact = status in (Employer.Status.AGREEMENT, Employer.Status.IN_DIALOGUE)
            kind = NAME_KIND[code][(n // len(codes)) % len(NAME_KIND[code])]
            employers.append(
                Employer(
                    orgnr=demo_orgnr(ORGNR_BASE + n),
                    name=f"{NAME_FIRST[n % len(NAME_FIRST)]} {kind} {region.name} {n} AS",
                    sector=Employer.Sector.PUBLIC if code == "Q" else Employer.Sector.PRIVATE,
                    industry=self.industries[code],
                    county_id=region.county_id,
                    region=region,
                    municipality=region.name,
                    employee_band=Employer.EmployeeBand.values[n % 8],
                    status=status,
                    fixed_contact_id=self._contact_in(region.pk, n) if in_contact else None,
                    created_at=self.now - datetime.timedelta(days=n % 700),
                )
            )
        employers[0].fixed_contact_id = self.big_owner.pk
        employers = Employer.objects.bulk_create(employers, batch_size=2000)
        EmployerPerson.objects.bulk_create(
            (
                EmployerPerson(
                    employer=employer,
                    name=f"Kontakt {n}",
                    title="Daglig leder",
                    email=f"post{n}@example.no",
                )
                for n, employer in enumerate(employers)
            ),
            batch_size=5000,
        )
        return employers

    def _contact_in(self, region_id: int, n: int) -> int | None:
        contacts = self.contacts_by_region.get(region_id)
        return contacts[n % len(contacts)] if contacts else None

    def dialogue(self, employers: list[Employer]) -> int:
        """COPY the contacts: the big employer's share first, the rest at random."""
        total = self.count(DIALOGUE_ENTRIES)
        big = max(1, int(total * BIG_TIMELINE_SHARE))
        topics = DialogueEntry.Topic.values
        channels = DialogueEntry.Channel.values
        columns = (
            "employer_id, occurred_at, channel, author_id, others_present, topics, summary, "
            "no_sensitive_data_confirmed, created_at, updated_at"
        )
        with connection.cursor() as cursor:
            copy_sql = f"COPY {DialogueEntry._meta.db_table} ({columns}) FROM STDIN"
            with cursor.cursor.copy(copy_sql) as copy:
                for n in range(total):
                    employer = employers[0] if n < big else self.random.choice(employers)
                    author = (
                        employer.fixed_contact_id
                        or self._contact_in(employer.region_id, n)
                        or self.big_owner.pk
                    )
                    at = self.now - datetime.timedelta(minutes=self.random.randrange(3 * 525_600))
                    picked = self.random.sample(topics, self.random.randint(1, 2))
                    copy.write_row(
                        (
                            employer.pk,
                            at,
                            channels[n % len(channels)],
                            author,
                            "",
                            "{" + ",".join(picked) + "}",
                            SUMMARIES[n % len(SUMMARIES)],
                            True,
                            at,
                            at,
                        )
                    )
        return total

    def tasks(self) -> int:
        """A next step on every tenth contact, owned by its author: the recent ones open."""
        dialogue, task = DialogueEntry._meta.db_table, Task._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {task} (entry_id, owner_id, description, due_date, status, done_at,
                                    reminder_sent_at, created_at)
                SELECT id, author_id, (%(steps)s::text[])[1 + id %% 3],
                       (occurred_at + interval '14 days')::date,
                       CASE WHEN occurred_at > %(cutoff)s THEN 'open' ELSE 'done' END,
                       CASE WHEN occurred_at > %(cutoff)s THEN NULL
                            ELSE occurred_at + interval '10 days' END,
                       NULL, occurred_at
                FROM {dialogue} WHERE id %% 10 = 0
                """,
                {"steps": NEXT_STEPS, "cutoff": self.now - datetime.timedelta(days=60)},
            )
            return cursor.rowcount

    def leads(self, employers: list[Employer]) -> int:
        leads = []
        for n in range(self.count(LEADS)):
            employer = self.random.choice(employers)
            assignee = self._contact_in(employer.region_id, n)
            status = Lead.Status.ASSIGNED if assignee and n % 2 else Lead.Status.NEW
            leads.append(
                Lead(
                    employer=employer,
                    employer_name=employer.name,
                    orgnr=employer.orgnr,
                    county_id=employer.county_id,
                    reason="Har store rekrutteringsbehov og er positive til inkludering.",
                    recorded_by_id=self.big_owner.pk,
                    status=status,
                    assigned_to_id=assignee if status == Lead.Status.ASSIGNED else None,
                    created_at=self.now - datetime.timedelta(days=n % 200),
                    assigned_at=self.now if status == Lead.Status.ASSIGNED else None,
                )
            )
        leads = Lead.objects.bulk_create(leads, batch_size=2000)
        log_created(leads, "employers.lead.created", actor="recorded_by_id", state=Lead.Status.NEW)
        return len(leads)

    def openings(self, employers: list[Employer]) -> int:
        occupations = list(Occupation.objects.unit_groups().values_list("pk", "name"))
        # Two in three are published: most open, some already filled; the rest drafts.
        statuses = [JobOpening.Status.OPEN] * 5 + [JobOpening.Status.FILLED]
        statuses += [JobOpening.Status.DRAFT] * 3
        today = timezone.localdate()
        openings = []
        for n in range(self.count(OPENINGS)):
            employer = self.random.choice(employers)
            occupation_pk, occupation_name = occupations[n % len(occupations)]
            status = statuses[n % len(statuses)]
            openings.append(
                JobOpening(
                    employer=employer,
                    title=occupation_name,
                    occupation_id=occupation_pk,
                    positions=1 + n % 3,
                    location=employer.municipality,
                    region_id=employer.region_id,
                    application_deadline=today + datetime.timedelta(days=n % 90 - 20),
                    requirements_must="Grunnleggende norsk muntlig.",
                    competence_path_possible=n % 4 == 0,
                    status=status,
                    published_at=None
                    if status == JobOpening.Status.DRAFT
                    else self.now - datetime.timedelta(days=n % 120),
                    recorded_by_id=employer.fixed_contact_id or self.big_owner.pk,
                )
            )
        openings = JobOpening.objects.bulk_create(openings, batch_size=2000)
        log_created(openings, "employers.opening.created", actor="recorded_by_id")
        return len(openings)
