import csv
import io

import pytest
from django.urls import reverse

from candidates.models import AuditRecord

from .register_helpers import adviser, candidate_of

pytestmark = pytest.mark.django_db

EXPORT = reverse("candidates:export")


def _rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_the_export_holds_the_owners_caseload_without_fnr_or_adaptation_needs(login):
    owner = adviser()
    mine = candidate_of(owner, first_name="Kari", adaptation_needs="Hemmelig behov")
    mine.occupations_wanted.set(["7212"])
    theirs = candidate_of(adviser(), first_name="Annen")
    response = login(owner).get(EXPORT)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = _rows(response)
    assert rows[0][:2] == ["Fornavn", "Etternavn"]
    assert [row[0] for row in rows[1:]] == ["Kari"]
    assert "7212 Sveisere" in rows[1]
    content = response.content.decode("utf-8-sig")
    assert mine.fnr not in content
    assert "Hemmelig behov" not in content
    assert theirs.first_name not in content


def test_the_export_writes_one_export_record_per_candidate(login):
    owner = adviser()
    candidates = [candidate_of(owner) for _ in range(3)]
    login(owner).get(EXPORT)
    records = AuditRecord.objects.filter(action=AuditRecord.Action.EXPORT, actor=owner)
    assert sorted(r.candidate_id for r in records) == sorted(c.pk for c in candidates)
    assert records.first().purpose == "Eksport av egen portefølje"


def test_the_export_follows_the_lists_filters(login):
    owner = adviser()
    candidate_of(owner, first_name="Kari", last_name="Nordmann")
    candidate_of(owner, first_name="Ola", last_name="Hansen")
    rows = _rows(login(owner).get(EXPORT, {"sok": "nordmann"}))
    assert [row[0] for row in rows[1:]] == ["Kari"]


def test_text_that_a_spreadsheet_would_run_as_a_formula_is_exported_as_text(login):
    owner = adviser()
    candidate_of(owner, first_name='=HYPERLINK("http://x")', last_name="@SUM(A1)")
    rows = _rows(login(owner).get(EXPORT))
    assert rows[1][:2] == ['\'=HYPERLINK("http://x")', "'@SUM(A1)"]
