import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from candidates.models import AuditRecord, Candidate

from ..factories import user_with_role
from .register_helpers import VALID_FNR, adviser, candidate_of, form_data

pytestmark = pytest.mark.django_db

CREATE = reverse("candidates:create")


def _errors(response, field) -> list[str]:
    return [str(e) for e in response.context["form"].errors.get(field, [])]


def test_an_adviser_registers_a_candidate_in_their_own_caseload(login):
    owner = adviser()
    response = login(owner).post(CREATE, form_data())
    candidate = Candidate.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("candidates:detail", args=[candidate.pk])
    assert candidate.owner == owner
    assert candidate.office == owner.office
    assert candidate.provider is None
    assert candidate.fnr == VALID_FNR
    assert candidate.target_group_reasons == ["cv_gap", "reduced_work_ability"]
    assert candidate.languages == ["no", "en"]
    assert sorted(candidate.occupations_wanted.values_list("code", flat=True)) == ["7212", "8344"]
    assert list(candidate.occupations_done.values_list("code", flat=True)) == ["7212"]


def test_provider_staff_register_candidates_at_their_provider(login):
    staff = user_with_role(Role.PROVIDER_STAFF)
    login(staff).post(CREATE, form_data(fnr="151086 95088"))
    candidate = Candidate.objects.get()
    assert candidate.provider == staff.provider
    assert candidate.office is None
    assert candidate.fnr == VALID_FNR


@pytest.mark.parametrize(
    ("fnr", "message"),
    [
        ("1510869508", "må ha 11 siffer"),
        ("151086950881", "må ha 11 siffer"),
        ("1510869508a", "bare inneholde siffer"),
        ("15108695089", "kontrollsifrene stemmer ikke"),
    ],
)
def test_an_invalid_identity_number_is_refused_with_a_norwegian_reason(login, fnr, message):
    response = login(adviser()).post(CREATE, form_data(fnr=fnr))
    assert response.status_code == 200
    assert any(message in error for error in _errors(response, "fnr"))
    assert not Candidate.objects.exists()


def test_the_form_comes_back_with_what_was_typed(login):
    response = login(adviser()).post(CREATE, form_data(fnr="123", first_name="Ola"))
    html = response.content.decode()
    assert 'value="Ola"' in html
    assert 'value="123"' in html
    # The chosen occupations stay chosen as checked boxes.
    assert 'value="8344" id="id_occupations_wanted-chosen-8344" checked' in html
    assert "Skjemaet har feil" in html


def test_registering_ones_own_candidate_twice_points_to_the_existing_one(login):
    owner = adviser()
    existing = candidate_of(owner, fnr=VALID_FNR)
    response = login(owner).post(CREATE, form_data())
    html = response.content.decode()
    assert "Du har allerede registrert denne personen" in html
    assert f'<a href="{reverse("candidates:detail", args=[existing.pk])}">' in html
    assert Candidate.objects.count() == 1


def test_a_number_in_someone_elses_caseload_is_refused_without_revealing_the_candidate(login):
    theirs = candidate_of(adviser(), fnr=VALID_FNR, first_name="Hemmelig", last_name="Person")
    response = login(adviser()).post(CREATE, form_data())
    html = response.content.decode()
    assert "Kandidaten kan ikke registreres med dette fødselsnummeret" in html
    assert "Hemmelig" not in html
    assert reverse("candidates:detail", args=[theirs.pk]) not in html
    assert Candidate.objects.count() == 1


def test_at_least_one_target_group_reason_is_required(login):
    data = form_data()
    del data["target_group_reasons"]
    response = login(adviser()).post(CREATE, data)
    assert _errors(response, "target_group_reasons") == [
        "Velg minst én grunn til at kandidaten er i målgruppen."
    ]


def test_the_owner_edits_a_candidate_and_keeps_the_number(login):
    owner = adviser()
    candidate = candidate_of(owner, fnr=VALID_FNR)
    url = reverse("candidates:edit", args=[candidate.pk])
    client = login(owner)
    assert f'value="{VALID_FNR}"' in client.get(url).content.decode()
    assert AuditRecord.objects.get().purpose == "Endring av opplysninger i egen portefølje"
    response = client.post(url, form_data(first_name="Endret", occupations_wanted=["5120"]))
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.first_name == "Endret"
    assert list(candidate.occupations_wanted.values_list("code", flat=True)) == ["5120"]


def test_an_adviser_cannot_edit_another_owners_candidate(login):
    candidate = candidate_of(adviser())
    response = login(adviser()).get(reverse("candidates:edit", args=[candidate.pk]))
    assert response.status_code == 404


def test_the_create_page_shows_the_occupation_picker(login):
    html = login(adviser()).get(CREATE).content.decode()
    assert 'data-adds-to="id_occupations_wanted-chosen"' in html
    assert reverse("employers:occupation_search") in html
    assert 'name="languages" value="no"' in html
    # The browser's date picker needs ISO dates, and radio buttons need no empty choice.
    assert f'value="{timezone.localdate().isoformat()}"' in html
    assert "---------" not in html


def test_a_save_made_meanwhile_is_not_overwritten(login):
    owner = adviser()
    candidate = candidate_of(owner, fnr=VALID_FNR, first_name="Først")
    url = reverse("candidates:edit", args=[candidate.pk])
    client = login(owner)
    stale = client.get(url).context["form"]["version"].value()
    client.post(url, form_data(first_name="Annen fane", version=stale))
    response = client.post(url, form_data(first_name="Gammel fane", version=stale))
    assert "ble endret et annet sted" in response.content.decode()
    candidate.refresh_from_db()
    assert candidate.first_name == "Annen fane"
    # Saving again from the refreshed form goes through.
    fresh = response.context["form"].data["version"]
    client.post(url, form_data(first_name="Gammel fane", version=fresh))
    candidate.refresh_from_db()
    assert candidate.first_name == "Gammel fane"


def test_an_edit_keeps_a_pause_set_meanwhile(login):
    owner = adviser()
    candidate = candidate_of(owner, fnr=VALID_FNR)
    url = reverse("candidates:edit", args=[candidate.pk])
    client = login(owner)
    client.get(url)
    until = timezone.localdate() + datetime.timedelta(days=3)
    Candidate.objects.filter(pk=candidate.pk).update(unavailable_until=until)
    client.post(url, form_data(first_name="Endret"))
    candidate.refresh_from_db()
    assert (candidate.first_name, candidate.unavailable_until) == ("Endret", until)
