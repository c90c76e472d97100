import datetime

import pytest
from django.urls import reverse

from accounts.models import Role
from tests.factories import county
from vi_inkluderer.county_attention import county_attention

pytestmark = pytest.mark.django_db


def test_project_leader_home_shows_headline_and_attention(login, user_factory):
    leader = user_factory(Role.PROJECT_LEADER, county=county("Oslo"))
    response = login(leader).get(reverse("home"))
    body = response.content.decode()
    assert "Trenger oppmerksomhet" in body
    assert reverse("dashboards:county") in body


def test_attention_counts_the_pilot_in_its_year(pilot, user_factory):
    leader = user_factory(Role.PROJECT_LEADER, county=county("Trøndelag"))
    figures = county_attention(leader, datetime.date(2021, 6, 30))
    # Trøndelag signed A3 (2021-02-01) and A5 (2021-03-15).
    assert figures["signed"] == 2
    assert figures["overdue_meetings"] == 0  # imported agreements get no meeting plan
