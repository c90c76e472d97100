from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_bench_runs_every_scenario_on_generated_data():
    out = StringIO()
    call_command("bench", repeat=2, stdout=out)
    report = out.getvalue()
    assert "median ms" in report
    assert "home: project leader (Oslo)" in report
    assert "candidates: counts (project leader Oslo)" in report
    # seed_scale is idempotent: a second run creates nothing.
    call_command("seed_scale", stdout=out)
    assert "already there" in out.getvalue()
