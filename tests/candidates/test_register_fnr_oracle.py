"""Registering someone else's identity number (issue 15, item 5): the answer does not confirm
that the person is registered, the attempt is in that candidate's access log, and a user who
keeps trying is stopped without learning more."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from candidates.models import AuditRecord, Candidate
from candidates.services.register import FNR_ATTEMPT_LIMIT
from devdata.synthetic import synthetic_fnr

from .register_helpers import VALID_FNR, adviser, candidate_of, form_data

pytestmark = pytest.mark.django_db

CREATE = reverse("candidates:create")


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def _fnr(n: int) -> str:
    return synthetic_fnr(datetime.date(1980, 3, 1) + datetime.timedelta(days=n), n, "male")


def _fnr_errors(response) -> list[str]:
    return [str(error) for error in response.context["form"].errors.get("fnr", [])]


def test_the_answer_asks_for_the_administrator_and_confirms_nothing(login):
    candidate_of(adviser(), fnr=VALID_FNR)
    response = login(adviser()).post(CREATE, form_data())
    (message,) = _fnr_errors(response)
    assert "administrator" in message
    for telling in ("allerede", "registrert som", "oppfølger", "annen"):
        assert telling not in message


def test_the_attempt_is_in_the_candidates_access_log(login):
    owner = adviser()
    theirs = candidate_of(owner, fnr=VALID_FNR)
    prober = adviser()
    login(prober).post(CREATE, form_data())
    record = AuditRecord.objects.get(action=AuditRecord.Action.FNR_ATTEMPT)
    assert (record.candidate, record.actor, record.path) == (theirs, prober, CREATE)
    # The owner reads it on the candidate page.
    page = login(owner).get(reverse("candidates:detail", args=[theirs.pk])).text
    assert "Prøvde å registrere fødselsnummeret" in page


def test_editing_ones_own_candidate_to_someone_elses_number_is_audited_too(login):
    theirs = candidate_of(adviser(), fnr=VALID_FNR)
    prober = adviser()
    mine = candidate_of(prober)
    url = reverse("candidates:edit", args=[mine.pk])
    data = form_data(version=mine.updated_at.isoformat())
    response = login(prober).post(url, data)
    assert "administrator" in _fnr_errors(response)[0]
    assert AuditRecord.objects.filter(
        action=AuditRecord.Action.FNR_ATTEMPT, candidate=theirs, actor=prober
    ).exists()


def test_after_the_limit_every_number_gets_the_same_refusal(login):
    prober = adviser()
    client = login(prober)
    for n in range(FNR_ATTEMPT_LIMIT):
        candidate_of(adviser(), fnr=_fnr(n))
        client.post(CREATE, form_data(fnr=_fnr(n)))
    assert AuditRecord.objects.filter(action=AuditRecord.Action.FNR_ATTEMPT).count() == (
        FNR_ATTEMPT_LIMIT
    )

    registered = candidate_of(adviser(), fnr=_fnr(100))
    taken = _fnr_errors(client.post(CREATE, form_data(fnr=registered.fnr)))
    free = _fnr_errors(client.post(CREATE, form_data(fnr=_fnr(101))))
    assert taken == free
    assert "for mange" in taken[0]
    assert not Candidate.objects.filter(owner=prober).exists()
    # Stopped attempts learn nothing, so they are not counted or logged again.
    assert AuditRecord.objects.filter(action=AuditRecord.Action.FNR_ATTEMPT).count() == (
        FNR_ATTEMPT_LIMIT
    )


def test_the_limit_is_per_user(login):
    client = login(adviser())
    for n in range(FNR_ATTEMPT_LIMIT):
        candidate_of(adviser(), fnr=_fnr(n))
        client.post(CREATE, form_data(fnr=_fnr(n)))
    response = login(adviser()).post(CREATE, form_data(fnr=_fnr(200)))
    assert response.status_code == 302


def test_ones_own_duplicate_still_links_to_the_candidate_after_the_limit(login):
    prober = adviser()
    mine = candidate_of(prober, fnr=_fnr(300))
    client = login(prober)
    for n in range(FNR_ATTEMPT_LIMIT):
        candidate_of(adviser(), fnr=_fnr(n))
        client.post(CREATE, form_data(fnr=_fnr(n)))
    html = client.post(CREATE, form_data(fnr=mine.fnr)).text
    assert reverse("candidates:detail", args=[mine.pk]) in html
