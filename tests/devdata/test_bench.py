from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from candidates.models import Shortlist, ShortlistEntry
from competence_paths.models import Participant
from core.models import ActivityEntry
from devdata.bench.candidate_pipeline import SCENARIOS as PIPELINE_SCENARIOS
from devdata.bench.competence_paths import SCENARIOS as PATH_SCENARIOS
from devdata.bench.employers import SCENARIOS as EMPLOYER_SCENARIOS
from devdata.bench.portal import SCENARIOS as PORTAL_SCENARIOS
from devdata.scale.agreements import employers_at as agreement_employers_at
from devdata.scale.candidates import OPENINGS as CANDIDATE_BENCH_OPENINGS
from devdata.scale.competence_paths import BENCH_PARTICIPANTS
from devdata.scale.competence_paths import TITLE as PATH_TITLE
from employers.models import DialogueEntry, Employer, JobOpening, Task


@pytest.mark.slow
@pytest.mark.django_db
def test_bench_runs_every_scenario_on_generated_data():
    out = StringIO()
    # A five-hundredth of the national size (400 candidates, 40 employers): every page has
    # rows, and the test stays fast.
    call_command("bench", repeat=2, scale=0.002, stdout=out)
    report = out.getvalue()
    assert "median ms" in report
    assert "home: project leader (Oslo)" in report
    for name, _email, _url in EMPLOYER_SCENARIOS:
        assert name in report
    assert "candidates: counts (project leader Oslo)" in report
    assert "dashboards: county (project leader Oslo, pilot period)" in report
    assert "dashboards: national, all counties, all time" in report
    assert "dashboards: national, all counties, all time, computed afresh" in report
    assert "search: results page" in report
    assert "search: truckfører, nationwide" in report
    for name, _email, _url in PIPELINE_SCENARIOS + PORTAL_SCENARIOS + PATH_SCENARIOS:
        assert name in report
    # The bench path has its 40 participants whatever the scale.
    bench_path = Participant.objects.filter(path__title=f"{PATH_TITLE} 1")
    assert bench_path.count() == BENCH_PARTICIPANTS
    entries = ActivityEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ShortlistEntry)
    )
    assert Shortlist.objects.exists() and entries.exists()
    # seed_scale is idempotent: a second run creates nothing.
    call_command("seed_scale", scale=0.002, stdout=out)
    assert "already there" in out.getvalue()
    only_portal = StringIO()
    call_command("bench", repeat=2, scale=0.002, only=["portal"], stdout=only_portal)
    assert PORTAL_SCENARIOS[0][0] in only_portal.getvalue()
    assert EMPLOYER_SCENARIOS[0][0] not in only_portal.getvalue()


@pytest.mark.slow
@pytest.mark.django_db
def test_scale_employers_spread_over_every_county_with_histories_tasks_and_openings():
    call_command("seed_scale", scale=0.005, stdout=StringIO())
    # 100 employers at this scale, plus one per opening the candidate search bench searches from,
    # plus the agreement benchmark's own employers.
    expected = 100 + len(CANDIDATE_BENCH_OPENINGS) + agreement_employers_at(0.005)
    assert Employer.objects.count() == expected
    assert Employer.objects.order_by().values("county").distinct().count() == 15
    assert DialogueEntry.objects.count() == 2500
    assert Task.objects.count() == 250
    assert JobOpening.objects.filter(published_at__isnull=False).exists()
    assert JobOpening.objects.filter(status=JobOpening.Status.DRAFT).exists()
