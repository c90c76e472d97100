import pytest
from django.urls import reverse

from portal.models import TermsAcceptance
from portal.terms import CURRENT_VERSION

pytestmark = pytest.mark.django_db


def test_candidate_pages_are_closed_and_say_why_until_the_terms_are_accepted(
    login, employer_user, presented
):
    entry = presented()
    client = login(employer_user)
    for url in (
        reverse("portal:candidates"),
        reverse("portal:opening", args=[entry.shortlist.opening_id]),
    ):
        response = client.get(url)
        assert response.status_code == 200
        page = response.content.decode()
        assert "Godta vilkårene først" in page
        assert entry.candidate.full_name not in page


def test_accepting_the_terms_stores_who_when_and_which_version(login, employer_user):
    response = login(employer_user).post(reverse("portal:terms"), {"accept": "on"})
    assert response.status_code == 302
    acceptance = TermsAcceptance.objects.get(user=employer_user)
    assert acceptance.version == CURRENT_VERSION
    assert acceptance.accepted_at is not None


def test_the_terms_form_needs_the_box_ticked(login, employer_user):
    response = login(employer_user).post(reverse("portal:terms"), {})
    assert "Kryss av for at du har lest vilkårene" in response.content.decode()
    assert not TermsAcceptance.objects.exists()


def test_a_new_version_of_the_terms_must_be_accepted_again(login, employer_user, monkeypatch):
    login(employer_user).post(reverse("portal:terms"), {"accept": "on"})
    monkeypatch.setattr("portal.permissions.CURRENT_VERSION", CURRENT_VERSION + 1)
    response = login(employer_user).get(reverse("portal:candidates"))
    assert "Godta vilkårene først" in response.content.decode()
