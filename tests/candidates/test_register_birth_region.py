"""The evaluation's birth region (Table 7-1) on the register form, the detail page and never
in the employer's portal."""

import pytest
from django.urls import reverse

from candidates.models import Candidate, Step
from candidates.services.pipeline import entry_move
from portal.services import terms_accept

from .register_helpers import adviser, candidate_of, form_data

pytestmark = pytest.mark.django_db

CREATE = reverse("candidates:create")


def test_a_candidate_is_registered_with_a_birth_region(login):
    response = login(adviser()).post(
        CREATE, form_data(birth_country_group="africa_asia_other", birth_region="eastern_europe")
    )
    assert response.status_code == 302
    candidate = Candidate.objects.get()
    assert (candidate.birth_country_group, candidate.birth_region) == (
        "africa_asia_other",
        "eastern_europe",
    )


def test_the_birth_region_is_optional(login):
    response = login(adviser()).post(CREATE, form_data(birth_region=""))
    assert response.status_code == 302
    assert Candidate.objects.get().birth_region == ""


@pytest.mark.parametrize(
    ("group", "region"),
    [
        ("norway", "eastern_europe"),
        ("eu_eea", "norway"),
        ("africa_asia_other", "western_europe"),
        ("eu_eea", "non_western"),
    ],
)
def test_a_region_outside_the_group_is_refused_and_the_form_keeps_what_was_typed(
    login, group, region
):
    response = login(adviser()).post(
        CREATE, form_data(first_name="Olena", birth_country_group=group, birth_region=region)
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["birth_region"]
    assert "passer ikke med fødelandgruppen" in errors[0]
    html = response.content.decode()
    assert 'value="Olena"' in html
    assert f'<option value="{region}" selected>' in html
    assert not Candidate.objects.exists()


def test_the_edit_form_saves_the_region(login):
    owner = adviser()
    candidate = candidate_of(owner, birth_country_group="eu_eea")
    response = login(owner).post(
        reverse("candidates:edit", args=[candidate.pk]),
        form_data(birth_country_group="eu_eea", birth_region="eastern_europe"),
    )
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.birth_region == "eastern_europe"


def test_the_owner_sees_the_region_on_the_detail_page(login):
    owner = adviser()
    candidate = candidate_of(owner, birth_country_group="eu_eea", birth_region="eastern_europe")
    html = login(owner).get(reverse("candidates:detail", args=[candidate.pk])).content.decode()
    assert "Fødeland (region)" in html
    assert "Øst-Europa" in html


def test_the_employer_never_sees_the_birth_country(login, entry_at, contact, employer_user):
    entry = entry_at(Step.CONSENT_GIVEN)
    Candidate.objects.filter(pk=entry.candidate_id).update(
        birth_country_group="eu_eea", birth_region="eastern_europe"
    )
    entry_move(entry=entry, to_step=Step.PRESENTED, actor=contact)
    terms_accept(user=employer_user)
    client = login(employer_user)
    opening = client.get(reverse("portal:opening", args=[entry.shortlist.opening_id]))
    assert entry.candidate.full_name in opening.content.decode()
    for url in (
        reverse("portal:opening", args=[entry.shortlist.opening_id]),
        reverse("portal:candidates"),
    ):
        page = client.get(url).content.decode()
        for secret in ("Fødeland", "Øst-Europa", "EU/EØS"):
            assert secret not in page, (url, secret)
