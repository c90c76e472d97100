"""List pages built from components/list_page.html (issue 9, item 7; issue 13, item 10)."""

import pytest
from django.urls import reverse

from accounts.models import Role

from ..factories import RegionFactory, user_with_role

pytestmark = pytest.mark.django_db


def test_shared_openings_pick_regions_with_checkboxes_not_a_ctrl_click_list(login):
    region = RegionFactory()
    response = login(user_with_role(Role.ADVISER)).get(reverse("employers:shared_openings"))
    html = response.content.decode()
    assert f'type="checkbox" class="form-check-input"  name="region" value="{region.pk}"' in html
    assert '<select name="region"' not in html
    assert "Ctrl" not in html


def test_the_employer_list_folds_its_filters_on_phones(login):
    html = login(user_with_role(Role.CONTACT_PERSON)).get(reverse("employers:list")).content
    html = html.decode()
    assert 'data-bs-target="#filter-fields" aria-controls="filter-fields"' in html
    assert '<div class="collapse" id="filter-fields">' in html


def test_filters_with_an_error_stay_open_on_phones(login):
    client = login(user_with_role(Role.CONTACT_PERSON))
    html = client.get(reverse("employers:list"), {"fylke": "not-a-county"}).content.decode()
    assert '<div class="collapse show" id="filter-fields">' in html


@pytest.mark.parametrize(
    ("role", "url"),
    [
        (Role.CONTACT_PERSON, "employers:list"),
        (Role.CONTACT_PERSON, "employers:lead_list"),
        (Role.CONTACT_PERSON, "employers:task_list"),
        (Role.CONTACT_PERSON, "agreements:list"),
        (Role.ADVISER, "candidates:list"),
        (Role.CONTACT_PERSON, "notifications:list"),
        (Role.ADVISER, "employers:shared_openings"),
        (Role.CONTACT_PERSON, "candidates:shortlist_overview"),
        (Role.PROJECT_LEADER, "agreements:county"),
    ],
)
def test_list_pages_share_one_layout_with_a_count_and_an_empty_state(login, role, url):
    response = login(user_with_role(role)).get(reverse(url))
    assert "components/list_page.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert 'role="status" id="list-count">0 ' in html
    assert "empty-state" in html
