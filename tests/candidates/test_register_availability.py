import datetime

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from candidates.models import Candidate

from .register_helpers import adviser, candidate_of

pytestmark = pytest.mark.django_db


def _url(name, candidate) -> str:
    return reverse(f"candidates:{name}", args=[candidate.pk])


def test_the_owner_marks_a_candidate_unavailable_for_up_to_a_month(login):
    owner = adviser()
    candidate = candidate_of(owner)
    until = timezone.localdate() + relativedelta(months=1)
    response = login(owner).post(
        _url("unavailable", candidate), {"until": until.isoformat(), "reason": "Kurs"}
    )
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert (candidate.unavailable_until, candidate.unavailable_reason) == (until, "Kurs")
    # Searches use available_on, so the candidate drops out until the day after.
    assert candidate not in Candidate.objects.available_on(until)
    assert candidate in Candidate.objects.available_on(until + datetime.timedelta(days=1))


def test_more_than_a_month_is_refused_with_the_last_allowed_day(login):
    owner = adviser()
    candidate = candidate_of(owner)
    latest = timezone.localdate() + relativedelta(months=1)
    response = login(owner).post(
        _url("unavailable", candidate),
        {"until": (latest + datetime.timedelta(days=1)).isoformat()},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["until"] == [
        f"En kandidat kan være utilgjengelig i høyst én måned, til og med {date_format(latest)}."
    ]
    candidate.refresh_from_db()
    assert candidate.unavailable_until is None


def test_a_date_in_the_past_is_refused(login):
    owner = adviser()
    candidate = candidate_of(owner)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    response = login(owner).post(_url("unavailable", candidate), {"until": yesterday.isoformat()})
    assert "tilbake i tid" in response.content.decode()


def test_the_pause_shows_on_list_and_detail_and_can_be_cleared(login):
    owner = adviser()
    until = timezone.localdate() + datetime.timedelta(days=5)
    candidate = candidate_of(owner, unavailable_until=until, unavailable_reason="Ferie")
    client = login(owner)
    shown = f"Utilgjengelig t.o.m. {date_format(until)}"
    assert shown in client.get(reverse("candidates:list")).content.decode()
    detail = client.get(_url("detail", candidate)).content.decode()
    assert "Ferie" in detail
    client.post(_url("available", candidate))
    candidate.refresh_from_db()
    assert candidate.unavailable_until is None
    assert candidate.unavailable_reason == ""


def test_another_adviser_cannot_mark_someone_elses_candidate(login):
    candidate = candidate_of(adviser())
    until = timezone.localdate() + datetime.timedelta(days=5)
    client = login(adviser())
    response = client.post(_url("unavailable", candidate), {"until": until.isoformat()})
    assert response.status_code == 404
    assert client.post(_url("deactivate", candidate)).status_code == 404


def test_deactivate_asks_first_and_reactivate_brings_the_candidate_back(login):
    owner = adviser()
    candidate = candidate_of(owner)
    client = login(owner)
    assert (
        'data-confirm="Ta kandidaten ut av porteføljen?'
        in client.get(_url("detail", candidate)).content.decode()
    )
    client.post(_url("deactivate", candidate))
    candidate.refresh_from_db()
    assert not candidate.is_active
    assert candidate not in Candidate.objects.available_on(timezone.localdate())
    client.post(_url("reactivate", candidate))
    candidate.refresh_from_db()
    assert candidate.is_active


def test_deactivate_refuses_get(login):
    owner = adviser()
    candidate = candidate_of(owner)
    assert login(owner).get(_url("deactivate", candidate)).status_code == 405
