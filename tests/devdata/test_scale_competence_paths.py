"""seed_scale's competence paths (devdata/scale/competence_paths.py) on a small world of three
counties: a tenth of the national size is 60 paths of about ten participants, spread evenly
over the counties and over every status, and the bench contact's path has its 40."""

import pytest
from django.db.models import Count

from accounts.models import Role
from competence_paths.models import CompetencePath, Participant, ParticipantStatusChange
from devdata.scale.competence_paths import BENCH_CONTACT, BENCH_PARTICIPANTS, TITLE, seed_scale
from tests.candidates.factories import CandidateFactory
from tests.employers.factories import EmployerFactory
from tests.factories import county, user_with_role

pytestmark = pytest.mark.django_db
COUNTIES = ("Oslo", "Vestland", "Rogaland")


@pytest.fixture
def world():
    for n, name in enumerate(COUNTIES):
        place = county(name)
        email = BENCH_CONTACT if n == 0 else f"kontakt{n}@skala.no"
        user_with_role(Role.CONTACT_PERSON, county=place, email=email)
        EmployerFactory.create_batch(2, county=place)
        CandidateFactory.create_batch(BENCH_PARTICIPANTS if n == 0 else 12, county=place)


def test_a_tenth_is_60_paths_of_ten_participants_over_every_county_and_status(world):
    assert seed_scale(0.1) == "60 paths, 630 participants"
    paths = CompetencePath.objects.filter(title__startswith=TITLE)
    assert paths.count() == 60
    per_county = paths.order_by().values("county__name").annotate(n=Count("pk"))
    assert {row["county__name"]: row["n"] for row in per_county} == dict.fromkeys(COUNTIES, 20)
    assert set(paths.values_list("status", flat=True)) == set(CompetencePath.Status)
    bench = paths.get(title=f"{TITLE} 1")
    assert bench.contact.email == BENCH_CONTACT and bench.status == "running"
    assert bench.participants.count() == BENCH_PARTICIPANTS
    assert ParticipantStatusChange.objects.count() == Participant.objects.count() == 630
    assert seed_scale(0.1) == "already there"
