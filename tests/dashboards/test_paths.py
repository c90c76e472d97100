"""Competence-raising path figures on a handful of paths, worked out by hand."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import County
from candidates.models import Placement
from competence_paths.models import CompetencePath, Participant
from dashboards.figures import figures
from dashboards.filters import Scope
from employers.models import Employer
from tests.competence_paths.factories import add_participant, make_path
from tests.employers.factories import EmployerFactory
from tests.factories import county

from .test_views import _csv

pytestmark = pytest.mark.django_db
YEAR_2024 = {"start": datetime.date(2024, 1, 1), "end": datetime.date(2024, 12, 31)}
P = Participant.Status


def _path(employer, start, weeks, status, participants=()):
    """A path with participants [(status, hired)], then moved to `status`."""
    path = make_path(employer=employer, start=datetime.date.fromisoformat(start), weeks=weeks)
    for participant_status, hired in participants:
        _participant(path, participant_status, hired=hired)
    CompetencePath.objects.filter(pk=path.pk).update(
        status=status, cancel_reason="too_few" if status == "cancelled" else ""
    )
    return path


def _participant(path, status, *, hired=False):
    participant = add_participant(path)
    fields = {"status": status, "end_reason": "illness" if status == P.DROPPED_OUT else ""}
    if hired:
        fields["outcome"] = "hired"
        fields["placement"] = Placement.objects.create(
            candidate=participant.candidate,
            employer=path.employer,
            start_date=path.ends_on,
            contract_confirmed=True,
            registered_afterwards=True,
        )
    Participant.objects.filter(pk=participant.pk).update(**fields)


@pytest.fixture
def paths(db):
    oslo = EmployerFactory(county=county("Oslo"))
    trondelag = EmployerFactory(county=county("Trøndelag"), sector=Employer.Sector.PUBLIC)
    # Oslo. P1: 4 + 8 weeks = 84 days, completed; three took part, one hired, one only assessed.
    took_part = [(P.COMPLETED, True), (P.COMPLETED, False), (P.DROPPED_OUT, False)]
    _path(oslo, "2024-02-05", (4, 8), "completed", [*took_part, (P.NOT_RELEVANT, False)])
    # P2: 4 weeks = 28 days, running; one taking part, one still being assessed.
    _path(oslo, "2024-09-02", (4,), "running", [(P.TAKING_PART, False), (P.ASSESSING, False)])
    # P3 cancelled before it started; P4 started in 2023; P5 is a draft.
    _path(oslo, "2024-03-04", (4,), "cancelled", [(P.NOT_RELEVANT, False)])
    _path(oslo, "2023-11-06", (4,), "completed", [(P.COMPLETED, True)])
    _path(oslo, "2024-05-06", (4,), "draft")
    # Trøndelag, public. P6: 13 weeks = 91 days, completed; two completed (one hired), one
    # dropped out.
    _path(trondelag, "2024-04-01", (13,), "completed", took_part)


def test_paths_started_in_the_period(paths):
    figures_2024 = figures(Scope(**YEAR_2024))["paths"]
    assert figures_2024 == {
        "started": 3,  # P1, P2, P6
        "running": 1,  # P2
        "completed": 2,  # P1, P6
        "cancelled": 1,  # P3
        "participants": 7,  # P1 3, P2 1, P6 3
        "hired": 2,  # P1 1, P6 1
        "median_days": 84.0,  # of 28, 84 and 91
        "per_county": {
            "Oslo": {
                "started": 2,
                "running": 1,
                "completed": 1,
                "cancelled": 1,
                "median_days": 56.0,  # of 28 and 84
                "participants": 4,
                "hired": 1,
            },
            "Trøndelag": {
                "started": 1,
                "running": 0,
                "completed": 1,
                "cancelled": 0,
                "median_days": 91.0,
                "participants": 3,
                "hired": 1,
            },
        },
    }


def test_paths_by_county_sector_and_all_time(paths):
    oslo = County.objects.get(name="Oslo").pk
    assert set(figures(Scope(county_ids=(oslo,), **YEAR_2024))["paths"]["per_county"]) == {"Oslo"}
    public = figures(Scope(sector="public", **YEAR_2024))["paths"]
    assert (public["started"], public["participants"], public["hired"]) == (1, 3, 1)
    # All time adds P4 (28 days, one participant, hired).
    everything = figures(Scope())["paths"]
    assert (everything["started"], everything["participants"], everything["hired"]) == (4, 8, 3)
    assert everything["median_days"] == 56.0  # of 28, 28, 84, 91


def test_paths_on_the_page_and_in_the_download(paths, login, admin_user):
    client = login(admin_user)
    response = client.get(reverse("dashboards:county"), YEAR_2024)
    body = response.content.decode()
    assert "Kompetansehevende løp per fylke" in body
    assert 'id="paths_per_county-chart-title"' in body
    rows = _csv(client.get(reverse("dashboards:download", args=["paths", "csv"]), YEAR_2024))
    assert rows[1:] == [
        ["Startet", "3"],
        ["Pågår nå", "1"],
        ["Fullført", "2"],
        ["Avlyst", "1"],
        ["Deltakere", "7"],
        ["Deltakere ansatt", "2"],
        ["Varighet i dager (median)", "84.0"],
    ]


def test_paths_per_county_xlsx_parses_back(paths, login, admin_user):
    client = login(admin_user)
    response = client.get(
        reverse("dashboards:download", args=["paths_per_county", "xlsx"]), YEAR_2024
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert list(sheet.iter_rows(min_row=2, values_only=True)) == [
        ("Oslo", 2, 1, 1, 4, 1, 56),
        ("Trøndelag", 1, 0, 1, 3, 1, 91),
    ]
