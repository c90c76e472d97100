import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from candidates.models import AuditRecord, Candidate, Innsatsgruppe
from employers.models import Occupation

from ..factories import user_with_role
from .register_helpers import adviser, candidate_of

pytestmark = pytest.mark.django_db

LIST = reverse("candidates:list")


def _names(response) -> list[str]:
    return [c.full_name for c in response.context["page"].object_list]


def test_an_adviser_sees_only_their_own_caseload(login):
    owner = adviser()
    mine = candidate_of(owner, first_name="Min", last_name="Kandidat")
    candidate_of(adviser(), first_name="Annens", last_name="Kandidat")
    assert _names(login(owner).get(LIST)) == [mine.full_name]


def test_administrators_see_everyone_with_the_owner(login):
    candidate_of(adviser(first_name="Vera", last_name="Veileder"))
    candidate_of(adviser())
    response = login(user_with_role(Role.ADMIN)).get(LIST)
    assert len(_names(response)) == 2
    assert "Vera Veileder" in response.content.decode()


def test_the_list_never_shows_identity_numbers(login):
    owner = adviser()
    candidate = candidate_of(owner)
    html = login(owner).get(LIST).content.decode()
    assert candidate.fnr not in html
    assert candidate.fnr[:6] not in html


def test_search_finds_candidates_by_name_words(login):
    owner = adviser()
    candidate_of(owner, first_name="Kari", last_name="Nordmann")
    candidate_of(owner, first_name="Ola", last_name="Hansen")
    client = login(owner)
    assert _names(client.get(LIST, {"sok": "kar nord"})) == ["Kari Nordmann"]
    assert _names(client.get(LIST, {"sok": "finnes ikke"})) == []


def test_each_filter_narrows_the_list(login):
    owner = adviser()
    today = timezone.localdate()
    target = candidate_of(
        owner,
        first_name="Mål",
        innsatsgruppe=Innsatsgruppe.PERMANENT,
        target_group_reasons=["prioritised_immigrant"],
        unavailable_until=today + datetime.timedelta(days=3),
    )
    candidate_of(owner, first_name="Annen")
    client = login(owner)
    for params in [
        {"innsatsgruppe": "permanent"},
        {"malgruppe": "prioritised_immigrant"},
        {"tilgjengelighet": "utilgjengelig"},
    ]:
        assert _names(client.get(LIST, params)) == [target.full_name], params
    assert target.full_name not in _names(client.get(LIST, {"tilgjengelighet": "na"}))
    in_two_weeks = (today + datetime.timedelta(days=14)).isoformat()
    assert target.full_name in _names(client.get(LIST, {"ledig_innen": in_two_weeks}))


def test_available_later_and_inactive_filters(login):
    owner = adviser()
    today = timezone.localdate()
    next_year = today + datetime.timedelta(days=365)
    later = candidate_of(owner, first_name="Senere", available_from=next_year)
    gone = candidate_of(owner, first_name="Borte", is_active=False)
    client = login(owner)
    assert _names(client.get(LIST, {"tilgjengelighet": "senere"})) == [later.full_name]
    assert gone.full_name not in _names(client.get(LIST))
    assert _names(client.get(LIST, {"status": "inaktive"})) == [gone.full_name]
    assert len(_names(client.get(LIST, {"status": "alle"}))) == 2


def test_the_list_sorts_by_name_availability_and_last_change(login):
    owner = adviser()
    today = timezone.localdate()
    a = candidate_of(owner, first_name="A", last_name="Aas", available_from=today)
    b = candidate_of(
        owner, first_name="B", last_name="Berg", available_from=today + datetime.timedelta(days=9)
    )
    c = candidate_of(
        owner,
        first_name="C",
        last_name="Dahl",
        available_from=today,
        unavailable_until=today + datetime.timedelta(days=20),
    )
    an_hour_later = timezone.now() + datetime.timedelta(hours=1)
    Candidate.objects.filter(pk=a.pk).update(updated_at=an_hour_later)
    client = login(owner)
    assert _names(client.get(LIST)) == ["A Aas", "B Berg", "C Dahl"]
    assert _names(client.get(LIST, {"sorter": "-navn"})) == ["C Dahl", "B Berg", "A Aas"]
    assert _names(client.get(LIST, {"sorter": "tilgjengelig"})) == ["A Aas", "B Berg", "C Dahl"]
    assert _names(client.get(LIST, {"sorter": "-endret"}))[0] == "A Aas"
    assert b and c


def test_an_empty_caseload_says_how_to_start(login):
    html = login(adviser()).get(LIST).content.decode()
    assert "Du har ingen kandidater i porteføljen ennå" in html


def test_a_search_without_hits_says_so(login):
    owner = adviser()
    candidate_of(owner)
    html = login(owner).get(LIST, {"sok": "zzz"}).content.decode()
    assert "Ingen kandidater passer med søket" in html


def test_each_list_page_writes_one_list_record_per_candidate_shown(login):
    owner = adviser()
    for n in range(30):
        candidate_of(owner, last_name=f"Etternavn{n:02d}")
    client = login(owner)
    client.get(LIST)
    records = AuditRecord.objects.filter(actor=owner, action=AuditRecord.Action.LIST)
    assert records.count() == 25
    assert records.first().purpose == "Oppfølging av egen portefølje"
    assert records.first().path == LIST
    client.get(LIST, {"side": 2})
    assert records.count() == 30


@pytest.mark.parametrize("rows", [3, 30])
def test_list_query_count_does_not_grow_with_rows(login, django_assert_max_num_queries, rows):
    owner = adviser()
    occupations = list(Occupation.objects.unit_groups()[:2])
    for n in range(rows):
        candidate = candidate_of(owner, last_name=f"Etternavn{n:02d}")
        candidate.occupations_wanted.set(occupations)
    client = login(owner)
    # Session, user, unread notifications, count, page, occupations, one audit insert.
    with django_assert_max_num_queries(7):
        response = client.get(LIST, {"sorter": "tilgjengelig"})
    assert len(response.context["page"].object_list) == min(rows, 25)
    assert occupations[0].name in response.content.decode()


def test_navigation_shows_mine_kandidater_to_owners_only(login):
    assert f'href="{LIST}"' in login(adviser()).get("/").content.decode()
    contact = user_with_role(Role.CONTACT_PERSON)
    assert f'href="{LIST}"' not in login(contact).get("/").content.decode()


def test_pagination_and_sort_links_keep_the_filters(login):
    owner = adviser()
    for n in range(30):
        candidate_of(owner, last_name=f"Etternavn{n:02d}")
    client = login(owner)
    html = client.get(LIST, {"sok": "etter"}).content.decode()
    assert 'href="?sok=etter&amp;side=2"' in html
    assert 'href="?sok=etter&amp;sorter=-navn"' in html
    assert f'href="{reverse("candidates:export")}?sok=etter"' in html
    assert len(_names(client.get(LIST, {"sok": "etter", "side": 2}))) == 5
