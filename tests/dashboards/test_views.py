"""The dashboard page, its downloads and the upload page."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import County, Role
from candidates.models import Candidate
from dashboards.export import csv_response, safe_cell
from dashboards.figures import figures
from dashboards.filters import Scope
from dashboards.tables import PAGE_ROWS, Table
from tests.factories import county

from .conftest import PILOT

pytestmark = pytest.mark.django_db
URL = reverse("dashboards:county")


def _csv(response) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_project_leader_sees_only_own_county(pilot, login, user_factory):
    leader = user_factory(Role.PROJECT_LEADER, county=county("Oslo"))
    client = login(leader)
    trondelag = County.objects.get(name="Trøndelag").pk
    response = client.get(URL, {"county": trondelag})
    assert response.status_code == 200
    table = next(t for t in response.context["tables"] if t.key == "agreements_per_county")
    assert table.rows == [["Oslo", 2, 0, 1, 1.0]]
    assert [c.name for c in response.context["form"].fields["county"].queryset] == ["Oslo"]


@pytest.mark.parametrize("role", [Role.EMPLOYER_USER, Role.PROVIDER_STAFF, Role.CONTACT_PERSON])
def test_other_roles_cannot_open_dashboards(login, user_factory, role):
    client = login(user_factory(role))
    assert client.get(URL).status_code == 403
    url = reverse("dashboards:download", args=["funnel", "csv"])
    assert client.get(url).status_code == 403


def test_national_reader_picks_a_county_period_and_sector(pilot, login, user_factory):
    client = login(user_factory(Role.NATIONAL_READER))
    trondelag = County.objects.get(name="Trøndelag").pk
    response = client.get(
        URL, {"county": trondelag, "start": "2021-01-01", "end": "2021-03-31", "sector": "public"}
    )
    body = response.content.decode()
    assert "Signerte avtaler per kvartal" in body
    quarter = next(t for t in response.context["tables"] if t.key == "agreements_per_quarter")
    assert quarter.rows == [["2021Q1", 1]]
    assert "<svg" in body and "<style" not in body and "<script>" not in body


def test_table_7_1_suppressed_below_five_except_for_admins(pilot, login, user_factory):
    reader = login(user_factory(Role.NATIONAL_READER))
    rows = _csv(reader.get(reverse("dashboards:download", args=["table_7_1", "csv"])))
    assert rows[1][1:] == ["<5", "<5", "0", "<5", "<5"]  # n: All, 18-24, 25-29, 30-49, 50+
    admin = login(user_factory(Role.ADMIN))
    rows = _csv(admin.get(reverse("dashboards:download", args=["table_7_1", "csv"])))
    assert rows[1][1:] == ["3", "1", "0", "1", "1"]
    assert rows[2][1] == "67"  # share women among all hired before signing


def test_downloads_parse_back_to_the_figures(pilot, login, admin_user):
    client = login(admin_user)
    data = figures(Scope())
    rows = _csv(client.get(reverse("dashboards:download", args=["agreements_per_quarter", "csv"])))
    assert {q: int(n) for q, n in rows[1:]} == data["agreements"]["per_quarter"]
    response = client.get(reverse("dashboards:download", args=["hires", "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    hires = data["hires"]
    assert values == [
        hires["all"],
        hires["before_first_signing_2y"],
        hires["before_first_signing"],
        hires["after_first_signing"],
        hires["employers_hiring_after_signing"],
        hires["at_employers_without_signing"],
    ]
    funnel = _csv(client.get(reverse("dashboards:download", args=["funnel", "csv"])))
    assert int(funnel[1][1]) == data["funnel"]["openings"]
    assert client.get(reverse("dashboards:download", args=["nothing", "csv"])).status_code == 404


def test_formula_cells_are_neutralised():
    assert safe_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert safe_cell("+1") == "'+1" and safe_cell("-1") == "'-1" and safe_cell("@x") == "'@x"
    assert safe_cell("Oslo") == "Oslo" and safe_cell(-3) == -3


def test_query_count_does_not_grow_with_data(
    pilot, login, admin_user, django_assert_max_num_queries
):
    client = login(admin_user)
    with django_assert_max_num_queries(40) as small:
        client.get(URL)
    # Twice the data: the fixture's hires again at a second employer set's dates.
    from candidates.models import Placement

    extra = [
        Placement(
            candidate=p.candidate,
            employer=p.employer,
            start_date=p.start_date.replace(year=p.start_date.year - 5),
            contract_confirmed=False,
            registered_afterwards=True,
        )
        for p in Placement.objects.select_related("candidate", "employer")
    ]
    Placement.objects.bulk_create(extra)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(URL)


def _upload(client, directory):
    files = {
        name: SimpleUploadedFile(f"{name}.csv", (directory / f"{name}.csv").read_bytes())
        for name in ("employers", "agreements", "candidates", "hires")
    }
    return client.post(reverse("dashboards:import"), files)


def test_upload_page_reports_errors_and_then_imports(pilot_contacts, login, admin_user):
    client = login(admin_user)
    response = _upload(client, PILOT / "invalid")
    assert response.status_code == 422
    body = response.content.decode()
    assert "Ingenting er lagret" in body and "Ukjent fylke «Atlantis»" in body
    assert not Candidate.objects.exists()
    response = _upload(client, PILOT / "valid")
    assert response.status_code == 200
    assert "Importen er gjennomført" in response.content.decode()
    assert Candidate.objects.filter(is_imported=True).count() == 8


def test_upload_needs_all_four_files(login, admin_user):
    client = login(admin_user)
    response = client.post(reverse("dashboards:import"), {})
    assert "Last opp alle fire CSV-filene" in response.content.decode()


def test_project_leader_period_applies_without_naming_the_county(pilot, login, user_factory):
    client = login(user_factory(Role.PROJECT_LEADER, county=county("Oslo")))
    response = client.get(URL, {"start": "2021-01-01", "end": "2021-03-31"})
    quarter = next(t for t in response.context["tables"] if t.key == "agreements_per_quarter")
    assert quarter.rows == [["2021Q1", 1]]  # A2; A1 was signed in 2020


def test_long_tables_show_their_biggest_rows_and_download_all():
    table = Table("t", "T", "", ["Navn", "Antall"], [[f"p{n}", n] for n in range(30)], long=True)
    assert PAGE_ROWS == 25 and table.hidden_rows == 5
    assert [row[1] for row in table.shown_rows] == list(range(29, 4, -1))
    assert len(table.bars) == 25
    assert len(_csv(csv_response(table))) == 31  # header and every row
