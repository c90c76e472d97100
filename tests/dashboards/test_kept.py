"""Slow dashboard figures are kept for a few minutes (dashboards.kept); fast ones never are."""

import csv
import io

import pytest
from django.urls import reverse

from accounts.models import Role
from agreements.models import Agreement
from dashboards.filters import Scope
from dashboards.kept import page_figures

pytestmark = pytest.mark.django_db
URL = reverse("dashboards:county")


def _signed(response) -> int:
    table = next(t for t in response.context["tables"] if t.key == "agreements_per_county")
    return sum(row[1] for row in table.rows)


def _end_one_agreement_as_never_signed():
    """A change to the data the kept figures were computed from."""
    Agreement.objects.filter(
        pk=Agreement.objects.filter(signed_on__isnull=False).first().pk
    ).update(signed_on=None, status="in_dialogue")


@pytest.fixture
def keep_every_scope(settings):
    settings.DASHBOARD_KEEP_SLOWER_THAN_MS = 0


@pytest.fixture
def reader(pilot, login, user_factory):
    return login(user_factory(Role.NATIONAL_READER))


def test_fast_figures_are_computed_on_every_visit(reader):
    first = reader.get(URL)
    assert first.context["computed_at"] is None
    assert "Tallene ble beregnet" not in first.content.decode()
    _end_one_agreement_as_never_signed()
    assert _signed(reader.get(URL)) == _signed(first) - 1


def test_slow_figures_are_kept_with_the_time_and_a_way_to_compute_again(reader, keep_every_scope):
    first = reader.get(URL, {"sector": "all"})
    body = first.content.decode()
    assert "Tallene ble beregnet kl." in body and "opptil 5 minutter" in body
    _end_one_agreement_as_never_signed()

    kept = reader.get(URL, {"sector": "all"})
    assert _signed(kept) == _signed(first)
    assert kept.context["computed_at"] == first.context["computed_at"]
    # The download gives the numbers the page shows.
    download = reader.get(reverse("dashboards:download", args=["agreements_per_county", "csv"]))
    rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig")), delimiter=";"))
    assert sum(int(row[1]) for row in rows[1:]) == _signed(first)

    link = 'href="?sector=all&amp;ny=1"'
    assert link in kept.content.decode()
    again = reader.get(URL, {"sector": "all", "ny": "1"})
    assert _signed(again) == _signed(first) - 1
    assert again.context["computed_at"] > first.context["computed_at"]
    # What was computed again is what is kept now, and the link is not carried on.
    assert _signed(reader.get(URL, {"sector": "all"})) == _signed(first) - 1
    assert "ny=1" not in again.context["query"]


def test_each_scope_and_day_is_kept_apart(pilot, keep_every_scope, monkeypatch):
    everything, _ = page_figures(Scope())
    public, _ = page_figures(Scope(sector="public"))
    assert public != everything
    _end_one_agreement_as_never_signed()
    assert page_figures(Scope())[0] == everything
    monkeypatch.setattr(
        "dashboards.kept.timezone.localdate", lambda: __import__("datetime").date(2099, 1, 1)
    )
    assert page_figures(Scope())[0] != everything


def test_computing_again_fast_drops_the_kept_figures(pilot, settings):
    settings.DASHBOARD_KEEP_SLOWER_THAN_MS = 0
    kept, computed_at = page_figures(Scope())
    assert computed_at is not None
    settings.DASHBOARD_KEEP_SLOWER_THAN_MS = 600_000
    _end_one_agreement_as_never_signed()
    fresh, computed_at = page_figures(Scope(), fresh=True)
    assert computed_at is None and fresh != kept
    assert page_figures(Scope()) == (fresh, None)
