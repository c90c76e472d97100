"""National-scale candidates for `make bench` (`manage.py seed_scale`): 200,000 people followed
by the scale advisers and provider staff (devdata.scale.accounts), a few typical openings to search
for, and one finished search per opening for the page benchmarks."""

from django.utils import timezone

from accounts.models import County, Role, User
from candidates.matching.criteria import Area, Criteria
from candidates.models import Candidate, SearchRun
from candidates.services.search import search_run_execute
from devdata.demo.accounts import demo_orgnr
from devdata.generate import CandidateGenerator, owners_for, profile_codes, save_generated
from employers.models import Employer, JobOpening, Occupation

CANDIDATES = 200_000
BATCH = 5_000
SEED = 20260200
# Typical openings at national scale: (county, title, STYRK-08, must-have requirements)
OPENINGS = [
    ("Oslo", "Lagermedarbeider", "4321", "Truckførerbevis og erfaring fra vareplukk."),
    ("Vestland", "Sveiser", "7212", "Sveisesertifikat, TIG eller MIG/MAG."),
    ("Trøndelag", "Helsefagarbeider", "5321", "Fagbrev som helsefagarbeider."),
    ("Rogaland", "Truckfører", "8344", "Truckførerbevis T1–T4, skiftarbeid."),
    ("Akershus", "Renholder", "9112", "Erfaring med renhold av kontorer."),
    ("Innlandet", "Kokk", "5120", "Kokkefagbrev eller lang erfaring fra storkjøkken."),
]


def seed_scale(scale: float = 1.0) -> str:
    """`CANDIDATES` candidates at scale 1 (the national size); a fraction of them for tests."""
    wanted = max(1, round(CANDIDATES * scale))
    if Candidate.objects.filter(email__endswith="@eksempel.no").count() >= wanted:
        return "already there"
    owners = owners_for(User.objects.filter(email__endswith="@skala.no").order_by("pk"))
    generator = CandidateGenerator(
        seed=SEED,
        occupations=Occupation.objects.in_bulk(profile_codes()),
        today=timezone.localdate(),
    )
    for start in range(0, wanted, BATCH):
        save_generated(
            [
                generator.generate(number, owners[number % len(owners)])
                for number in range(start, min(start + BATCH, wanted))
            ]
        )
    runs = _openings_with_a_search()
    return f"{wanted} candidates, {len(OPENINGS)} openings, {runs} finished searches"


def _openings_with_a_search() -> int:
    now = timezone.now()
    for number, (county_name, title, code, must) in enumerate(OPENINGS):
        county = County.objects.get(name=county_name)
        region = county.regions.order_by("pk").first()
        contact = User.objects.filter(role=Role.CONTACT_PERSON, region=region).first()
        employer, _created = Employer.objects.get_or_create(
            orgnr=demo_orgnr(2_000_000 + number),
            defaults={
                "name": f"Skala {title} AS",
                "sector": Employer.Sector.PRIVATE,
                "county": county,
                "region": region,
            },
        )
        opening = JobOpening.objects.create(
            employer=employer,
            title=title,
            occupation_id=code,
            location=county_name,
            region=region,
            requirements_must=must,
            status=JobOpening.Status.OPEN,
            published_at=now,
            recorded_by=contact,
        )
        run = SearchRun.objects.create(
            opening=opening,
            created_by=contact,
            criteria=Criteria(area=Area.COUNTY).to_json(),
        )
        search_run_execute(run_id=run.pk)
    # One search left running, for the benchmark of the page that polls for progress.
    SearchRun.objects.create(
        opening=JobOpening.objects.get(employer__orgnr=demo_orgnr(2_000_001)),
        created_by=contact,
        criteria=Criteria().to_json(),
        status=SearchRun.Status.RUNNING,
        progress=40,
    )
    return len(OPENINGS)
