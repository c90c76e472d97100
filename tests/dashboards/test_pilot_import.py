"""The pilot import on the hand-written fixture set in tests/dashboards/pilot/."""

import pytest
from django.core.management import CommandError, call_command

from agreements.models import Agreement
from candidates.models import Candidate, Placement
from dashboards.pilot_import import (
    PilotImportInvalid,
    apply_pilot_import,
    check_pilot_files,
    read_pilot_dir,
)
from employers.models import Employer

from .conftest import PILOT

pytestmark = pytest.mark.django_db


def _counts():
    return (
        Employer.objects.count(),
        Agreement.objects.count(),
        Candidate.objects.count(),
        Placement.objects.count(),
    )


def test_valid_files_import_everything(pilot):
    assert pilot.created == {
        "employers": 4,
        "agreements": 5,
        "candidates": 8,
        "hires": 8,
    }
    assert _counts() == (4, 5, 8, 8)
    child = Employer.objects.get(orgnr="910000039")
    assert child.parent.orgnr == "910000004"
    a2 = Agreement.objects.get(import_ref="A2")
    assert (a2.status, str(a2.end_date), a2.end_reason) == ("ended", "2021-06-30", "other")
    assert Agreement.objects.get(import_ref="A5").fixed_contact is None
    assert Agreement.objects.get(import_ref="A1").fixed_contact.email == "kontakt.oslo@pilot.no"
    c7 = Candidate.objects.get(import_ref="C7")
    assert (c7.is_imported, c7.is_active, c7.owner, c7.fnr) == (True, False, None, None)
    assert (c7.birth_region, c7.innsatsgruppe, c7.is_immigrant) == (
        "eastern_europe",
        "permanent",
        True,
    )
    assert all(p.registered_afterwards and p.entry is None for p in Placement.objects.all())


def test_reimport_changes_nothing(pilot, admin_user):
    before = (
        list(Candidate.objects.values().order_by("pk")),
        list(Agreement.objects.values().order_by("pk")),
    )
    again = apply_pilot_import(rows=read_pilot_dir(PILOT / "valid"), actor=admin_user)
    assert again.created == {"employers": 0, "agreements": 0, "candidates": 0, "hires": 0}
    assert again.updated == {"employers": 0, "agreements": 0, "candidates": 0, "hires": 0}
    after = (
        list(Candidate.objects.values().order_by("pk")),
        list(Agreement.objects.values().order_by("pk")),
    )
    assert before == after
    assert _counts() == (4, 5, 8, 8)


def test_imported_candidates_are_never_listed(pilot, admin_user, user_factory):
    from accounts.models import Role

    assert not Candidate.objects.visible_to(admin_user).exists()
    assert not Candidate.objects.available_on("2021-06-01").exists()
    assert not Candidate.objects.visible_to(user_factory(Role.ADVISER)).exists()


def test_invalid_rows_are_each_reported_and_nothing_is_written(pilot_contacts, admin_user):
    rows = read_pilot_dir(PILOT / "invalid")
    errors = [(e.file, e.row, e.column) for e in check_pilot_files(rows).errors]
    assert errors == [
        ("employers.csv", 3, "orgnr"),  # bad check digit
        ("employers.csv", 4, "county"),  # Atlantis
        ("agreements.csv", 2, "signed_on"),  # 2020-13-01
        ("agreements.csv", 3, "agreement_ref"),  # A1 twice
        ("hires.csv", 2, "candidate_ref"),  # C9 unknown
    ]
    messages = {e.column: e.message for e in check_pilot_files(rows).errors}
    assert "kontrollsifferet" in messages["orgnr"]
    assert "Ukjent fylke «Atlantis»" in messages["county"]
    assert "ÅÅÅÅ-MM-DD" in messages["signed_on"]
    assert "rad 2" in messages["agreement_ref"]
    assert "«C9»" in messages["candidate_ref"]
    with pytest.raises(PilotImportInvalid):
        apply_pilot_import(rows=rows, actor=admin_user)
    assert _counts() == (0, 0, 0, 0)


def test_command_imports_and_refuses_invalid(pilot_contacts, admin_user, capsys):
    with pytest.raises(CommandError, match="5 feil"):
        call_command("import_pilot", str(PILOT / "invalid"))
    assert "hires.csv rad 2, candidate_ref" in capsys.readouterr().err
    assert _counts() == (0, 0, 0, 0)
    call_command("import_pilot", str(PILOT / "valid"))
    assert "candidates: 8 new" in capsys.readouterr().out
    assert _counts() == (4, 5, 8, 8)
