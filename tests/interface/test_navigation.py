"""The grouped main menu (issue 13, item 11): few enough entries for one line at 1024 px, every
page the role may open reachable exactly once, and the group of the current page marked."""

import pytest
from django.urls import reverse

from accounts.models import Role

from ..factories import user_with_role

pytestmark = pytest.mark.django_db

MAX_TOP_LEVEL = 6


def _menu(login, role, url="home"):
    response = login(user_with_role(role)).get(reverse(url))
    return response.context["navigation"], response.context["navigation_menu"]


@pytest.mark.parametrize("role", list(Role))
def test_every_role_gets_a_short_menu_that_holds_each_item_once(login, role):
    items, menu = _menu(login, role)
    shown = [
        link["label"]
        for entry in menu
        for link in (entry["items"] if entry.get("is_group") else [entry])
    ]
    assert len(menu) <= MAX_TOP_LEVEL
    assert sorted(map(str, shown)) == sorted(str(item["label"]) for item in items)


def test_a_group_with_one_item_for_the_role_is_shown_as_that_item(login):
    # An employer user has only "Avtaler" of the Virksomheter group: it stands alone.
    _items, menu = _menu(login, Role.EMPLOYER_USER)
    groups = [str(entry["label"]) for entry in menu if entry.get("is_group")]
    assert "Virksomheter" not in groups
    assert "Avtaler" in [str(entry["label"]) for entry in menu if not entry.get("is_group")]


def test_the_group_of_the_current_page_is_active(login):
    _items, menu = _menu(login, Role.CONTACT_PERSON, "candidates:shortlist_overview")
    active = [str(entry["label"]) for entry in menu if entry["active"]]
    assert active == ["Kandidater"]
    (group,) = [entry for entry in menu if entry.get("is_group") and entry["active"]]
    assert [str(item["label"]) for item in group["items"] if item["active"]] == [
        "Mine kandidatlister"
    ]


def test_the_menu_is_rendered_as_keyboard_friendly_dropdowns(login):
    content = login(user_with_role(Role.CONTACT_PERSON)).get(reverse("home")).content.decode()
    assert 'data-bs-toggle="dropdown" aria-expanded="false">Kandidater</button>' in content
    assert '<ul class="dropdown-menu" aria-labelledby="menu-candidates">' in content
