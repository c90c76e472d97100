import io

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from accounts.models import County, Role
from devdata.demo.accounts import demo_orgnr
from employers.models import Employer, EmployerImport
from tests.factories import RegionFactory, user_with_role

from .factories import EmployerFactory

pytestmark = pytest.mark.django_db

UPLOAD = reverse("employers:import")
HEADER = "orgnr;navn;sektor;naering;fylke;kommune;region;antall_ansatte;postnummer;hovedenhet_orgnr"
PARENT, CHILD, OTHER = demo_orgnr(11), demo_orgnr(13), demo_orgnr(15)


@pytest.fixture
def region(db):
    return RegionFactory(county=County.objects.get(name="Vestland"), name="Sunnhordland")


def _csv(*lines: str, name: str = "virksomheter.csv", encoding: str = "utf-8"):
    return SimpleUploadedFile(name, "\n".join([HEADER, *lines]).encode(encoding))


def _upload(client, upload):
    response = client.post(UPLOAD, {"file": upload})
    if response.status_code == 302:
        return client.get(response["Location"])
    return response


def _apply(client, response):
    employer_import = response.context["employer_import"]
    return client.post(reverse("employers:import_apply", args=[employer_import.pk]))


VALID = [
    f"{PARENT};Sunnhordland Verft AS;privat;C;Vestland;Stord;Sunnhordland;500+;5411;",
    f"{CHILD};Sunnhordland Verft AS, stillas;privat;41.200;46;Stord;;20–49;5411;{PARENT}",
    f"{OTHER};Stord kommune;offentlig;O;vestland;Stord;;;;",
]


def test_dry_run_reports_every_invalid_cell_by_row_and_column_and_writes_nothing(
    login, project_leader, region
):
    EmployerFactory(orgnr=OTHER)
    response = _upload(
        login(project_leader),
        _csv(
            VALID[0],
            "974760674;Feil kontrollsiffer AS;privat;C;Oslo;;;;;",
            "12345;Kort nummer AS;privat;C;Oslo;;;;;",
            f"{demo_orgnr(17)};;halvoffentlig;Z;Atlantis;;;mange;12a;",
            f"{demo_orgnr(19)};Feil region AS;privat;C;Oslo;;Sunnhordland;;;{demo_orgnr(21)}",
            f"{PARENT};Dobbel AS;privat;C;Vestland;;;;;",
        ),
    )
    found = {(e.row, e.column): e.message for e in response.context["plan"].errors}
    assert "kontrollsifferet stemmer ikke" in found[(3, "orgnr")]
    assert "må ha 9 siffer" in found[(4, "orgnr")]
    assert (5, "navn") in found
    assert found[(5, "sektor")] == "Sektor må være «privat» eller «offentlig»."
    assert "Ukjent næring «Z»" in found[(5, "naering")]
    assert found[(5, "fylke")] == "Ukjent fylke «Atlantis»."
    assert "Ugyldig antall ansatte «mange»" in found[(5, "antall_ansatte")]
    assert found[(5, "postnummer")] == "Postnummeret må ha fire siffer."
    assert found[(6, "region")] == "Regionen «Sunnhordland» finnes ikke i Oslo."
    assert "finnes verken i filen eller i registeret" in found[(6, "hovedenhet_orgnr")]
    assert found[(7, "orgnr")] == "Organisasjonsnummeret står også på rad 2."
    assert (2, "orgnr") not in found
    page = response.content.decode()
    assert "5 rader har feil." in page
    assert "<code>hovedenhet_orgnr</code>" in page
    assert "Gjennomfør importen" not in page
    assert Employer.objects.count() == 1


def test_dry_run_summarises_new_updated_and_unchanged(login, project_leader, region):
    EmployerFactory(orgnr=OTHER, name="Stord kommune", county=County.objects.get(name="Vestland"))
    plan = _upload(login(project_leader), _csv(*VALID)).context["plan"]
    assert (len(plan.new), len(plan.changed), plan.unchanged) == (2, 1, 0)
    assert Employer.objects.count() == 1


def test_apply_creates_the_employers_and_links_sub_units_to_their_parent(
    login, project_leader, region
):
    client = login(project_leader)
    response = _apply(client, _upload(client, _csv(*VALID)))
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert "3 nye, 0 oppdaterte og 0 uendrede" in messages[0]
    child = Employer.objects.get(orgnr=CHILD)
    assert child.parent.orgnr == PARENT
    assert (child.industry.code, child.employee_band, child.county.name) == (
        "F",
        "20-49",
        "Vestland",
    )
    assert Employer.objects.get(orgnr=PARENT).region == region
    assert Employer.objects.get(orgnr=OTHER).sector == Employer.Sector.PUBLIC
    assert child.created_by == project_leader


def test_applying_the_same_file_again_changes_nothing(login, project_leader, region):
    client = login(project_leader)
    _apply(client, _upload(client, _csv(*VALID)))
    before = list(Employer.objects.order_by("orgnr").values())
    second = _upload(client, _csv(*VALID))
    plan = second.context["plan"]
    assert (len(plan.new), len(plan.changed), plan.unchanged) == (0, 0, 3)
    _apply(client, second)
    assert list(Employer.objects.order_by("orgnr").values()) == before


def test_import_updates_an_existing_employer_and_leaves_blank_cells_alone(
    login, project_leader, region
):
    existing = EmployerFactory(orgnr=OTHER, name="Gammelt navn", municipality="Fitjar")
    client = login(project_leader)
    _apply(client, _upload(client, _csv(VALID[2])))
    existing.refresh_from_db()
    assert existing.name == "Stord kommune"
    assert existing.county.name == "Vestland"
    assert existing.employee_band == ""
    assert existing.municipality == "Stord"
    assert EmployerImport.objects.get().updated_count == 1


def test_apply_writes_nothing_when_a_row_has_become_invalid_since_the_dry_run(
    login, project_leader, region
):
    parent = EmployerFactory(orgnr=demo_orgnr(21))
    client = login(project_leader)
    line = f"{demo_orgnr(23)};Ny underenhet AS;privat;C;Oslo;;;;;{parent.orgnr}"
    dry_run = _upload(client, _csv(VALID[0], line))
    assert dry_run.context["plan"].is_valid
    parent.delete()

    response = _apply(client, dry_run)
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Ingenting er lagret" in messages[0]
    assert not Employer.objects.exists()
    assert EmployerImport.objects.get().applied_at is None


def test_applying_twice_does_nothing_the_second_time(login, project_leader, region):
    client = login(project_leader)
    dry_run = _upload(client, _csv(*VALID))
    _apply(client, dry_run)
    client.get(_apply(client, dry_run)["Location"])
    response = _apply(client, dry_run)
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert messages == ["Denne importen er allerede gjennomført."]
    assert Employer.objects.count() == 3


def test_xlsx_cells_that_are_numbers_are_read_as_text(login, project_leader):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Orgnr", "Navn", "Sektor", "Næring", "Fylke", "Postnummer", "Antall ansatte"])
    sheet.append([int(PARENT), "Tøyen Renhold AS", "Privat", "N", 3, 150, "10-19"])
    content = io.BytesIO()
    workbook.save(content)
    upload = SimpleUploadedFile("liste.xlsx", content.getvalue())
    client = login(project_leader)
    _apply(client, _upload(client, upload))
    employer = Employer.objects.get(orgnr=PARENT)
    assert (employer.name, employer.county.name, employer.postal_code) == (
        "Tøyen Renhold AS",
        "Oslo",
        "0150",
    )


@pytest.mark.parametrize(
    ("name", "encoding"),
    [("Ærlige Øl og Å AS", "cp1252"), ("Ærlige Øl AS", "utf-16")],
    ids=["csv-saved-by-norwegian-excel", "utf16-text-from-excel"],
)
def test_csv_in_the_encodings_excel_saves_is_read(login, project_leader, name, encoding):
    upload = _csv(f"{PARENT};{name};privat;I;Oslo;;;;;", encoding=encoding)
    client = login(project_leader)
    _apply(client, _upload(client, upload))
    assert Employer.objects.get(orgnr=PARENT).name == name


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("stor.csv", b"x" * (5 * 1024 * 1024 + 1)), "Filen er for stor"),
        (SimpleUploadedFile("liste.pdf", b"%PDF"), "CSV-fil (.csv) eller en Excel-fil"),
        (SimpleUploadedFile("liste.xlsx", b"ikke excel"), "Kunne ikke lese Excel-filen"),
        (SimpleUploadedFile("liste.csv", b"orgnr;navn\n1;2"), "mangler kolonnen sektor, fylke"),
        (SimpleUploadedFile("liste.csv", HEADER.encode()), "ingen rader med virksomheter"),
    ],
)
def test_unusable_files_are_refused_with_a_clear_message(login, project_leader, upload, message):
    response = login(project_leader).post(UPLOAD, {"file": upload})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not EmployerImport.objects.exists()


def test_only_the_uploader_sees_and_applies_an_import(login, project_leader, admin_user):
    dry_run = _upload(login(project_leader), _csv(VALID[2]))
    pk = dry_run.context["employer_import"].pk
    client = login(admin_user)
    assert client.get(reverse("employers:import_preview", args=[pk])).status_code == 404
    assert client.post(reverse("employers:import_apply", args=[pk])).status_code == 404
    assert not Employer.objects.exists()


@pytest.mark.parametrize("role", [Role.CONTACT_PERSON, Role.PROVIDER_STAFF, Role.EMPLOYER_USER])
def test_only_project_leaders_and_admins_import(login, role):
    response = login(user_with_role(role)).post(UPLOAD, {"file": _csv(VALID[2])})
    assert response.status_code == 403
    assert not EmployerImport.objects.exists()


def test_dry_run_query_count_does_not_grow_with_rows(
    login, project_leader, django_assert_max_num_queries
):
    lines = [f"{demo_orgnr(100 + 2 * n)};Virksomhet {n};privat;C;Oslo;;;;;" for n in range(300)]
    client = login(project_leader)
    response = client.post(UPLOAD, {"file": _csv(*lines)})
    with django_assert_max_num_queries(12):
        client.get(response["Location"])


def _xlsx_with_wrong_declared_size(rows: list[list]) -> bytes:
    """An .xlsx whose <dimension> says it ends at row 3, as some programs write it."""
    import re
    import zipfile

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    saved = io.BytesIO()
    workbook.save(saved)
    source, patched = zipfile.ZipFile(saved), io.BytesIO()
    with zipfile.ZipFile(patched, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]+"', b'<dimension ref="A1:D3"', data)
            target.writestr(item, data)
    return patched.getvalue()


def test_xlsx_is_read_to_its_real_end_and_blank_rows_are_reported(login, project_leader):
    header = ["orgnr", "navn", "sektor", "fylke"]
    rows = [header, [PARENT, "Første AS", "privat", "Oslo"], [CHILD, "Andre AS", "privat", "Oslo"]]
    rows += [[], [], [OTHER, "Tredje AS", "privat", "Oslo"], []]
    upload = SimpleUploadedFile("liste.xlsx", _xlsx_with_wrong_declared_size(rows))
    client = login(project_leader)
    response = _upload(client, upload)
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert "2 tomme rader midt i filen ble hoppet over." in messages
    _apply(client, response)
    assert Employer.objects.count() == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (bytes(range(256)) * 40, "ugyldig tegn (NUL) på linje 1"),
        (f"{HEADER}\n{PARENT};Nul\x00AS;privat;;Oslo;;;;;".encode(), "(NUL) på linje 2"),
        (f"{HEADER}\n{PARENT};{'x' * 200_000};privat;;Oslo;;;;;".encode(), "Linje 2 kan ikke"),
    ],
    ids=["random bytes", "NUL in a cell", "200 KB cell"],
)
def test_broken_csv_files_get_a_clear_message(login, project_leader, content, message):
    response = login(project_leader).post(
        UPLOAD, {"file": SimpleUploadedFile("liste.csv", content)}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not EmployerImport.objects.exists()
