from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_bench_runs_every_scenario_on_generated_data(monkeypatch):
    # A few hundred candidates are enough to run every scenario; `make bench` makes 200,000.
    monkeypatch.setattr("candidates.scale.CANDIDATES", 500)
    monkeypatch.setattr("candidates.scale.BATCH", 200)
    out = StringIO()
    call_command("bench", repeat=2, stdout=out)
    report = out.getvalue()
    assert "median ms" in report
    assert "home: project leader (Oslo)" in report
    assert "search: results page" in report
    assert "search: truckfører, nationwide" in report
    # seed_scale is idempotent: a second run creates nothing.
    call_command("seed_scale", stdout=out)
    assert "already there" in out.getvalue()
