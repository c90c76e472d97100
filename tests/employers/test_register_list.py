from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import County, Role
from employers.models import Employer, Industry
from tests.factories import RegionFactory, user_with_role

from .factories import EmployerFactory

pytestmark = pytest.mark.django_db

LIST = reverse("employers:list")


def _names(response) -> list[str]:
    return [e.name for e in response.context["page"].object_list]


def test_search_finds_employers_by_name_words_and_orgnr_prefix(login, national_reader):
    hotel = EmployerFactory(name="Bryggen Hotell Bergen AS")
    EmployerFactory(name="Nordic Bygg AS")
    client = login(national_reader)
    assert _names(client.get(LIST, {"sok": "hot berg"})) == [hotel.name]
    assert _names(client.get(LIST, {"sok": hotel.orgnr[:8]})) == [hotel.name]
    assert _names(client.get(LIST, {"sok": "finnes ikke"})) == []


def test_each_filter_narrows_the_list(login, national_reader):
    vestland = County.objects.get(name="Vestland")
    region = RegionFactory(county=vestland, name="Sunnhordland")
    target = EmployerFactory(
        name="Mål AS",
        county=vestland,
        region=region,
        sector=Employer.Sector.PUBLIC,
        industry=Industry.objects.get(code="Q"),
        status=Employer.Status.AGREEMENT,
        fixed_contact=national_reader,
    )
    EmployerFactory(name="Annen AS")
    client = login(national_reader)
    for params in [
        {"fylke": vestland.pk},
        {"region": region.pk},
        {"sektor": "public"},
        {"naering": "Q"},
        {"status": "agreement"},
        {"avtale": "on"},
        {"mine": "on"},
    ]:
        assert _names(client.get(LIST, params)) == [target.name], params


def test_nav_staff_start_in_their_own_county_and_can_choose_all(login, owner):
    EmployerFactory(name="Oslo AS")
    EmployerFactory(name="Bergen AS", county=County.objects.get(name="Vestland"))
    client = login(owner)
    response = client.get(LIST)
    assert _names(response) == ["Oslo AS"]
    assert "ditt fylke" in response.content.decode()
    assert _names(client.get(LIST, {"side": 1})) == ["Oslo AS"]
    assert _names(client.get(LIST, {"fylke": ""})) == ["Bergen AS", "Oslo AS"]


def test_list_sorts_by_name_county_status_and_last_change(login, national_reader):
    now = timezone.now()
    a = EmployerFactory(name="A AS", county=County.objects.get(name="Vestland"))
    b = EmployerFactory(name="B AS", status=Employer.Status.AGREEMENT)
    c = EmployerFactory(name="C AS", status=Employer.Status.IN_DIALOGUE)
    Employer.objects.filter(pk=a.pk).update(updated_at=now - timedelta(days=3))
    Employer.objects.filter(pk=b.pk).update(updated_at=now - timedelta(days=1))
    Employer.objects.filter(pk=c.pk).update(updated_at=now - timedelta(days=2))
    client = login(national_reader)
    assert _names(client.get(LIST)) == ["A AS", "B AS", "C AS"]
    assert _names(client.get(LIST, {"sorter": "-navn"})) == ["C AS", "B AS", "A AS"]
    assert _names(client.get(LIST, {"sorter": "fylke"})) == ["B AS", "C AS", "A AS"]
    assert _names(client.get(LIST, {"sorter": "status"})) == ["A AS", "C AS", "B AS"]
    assert _names(client.get(LIST, {"sorter": "-endret"})) == ["B AS", "C AS", "A AS"]
    assert _names(client.get(LIST, {"sorter": "tull"})) == ["A AS", "B AS", "C AS"]


def test_sort_header_marks_the_current_sort_for_screen_readers(login, national_reader):
    EmployerFactory()
    page = login(national_reader).get(LIST, {"sorter": "-navn"}).content.decode()
    assert 'aria-sort="descending"' in page
    assert "sorter=navn" in page


def test_list_pages_by_25_with_the_side_parameter(login, national_reader):
    EmployerFactory.create_batch(30)
    client = login(national_reader)
    first = client.get(LIST)
    assert len(first.context["page"].object_list) == 25
    assert "side=2" in first.content.decode()
    assert len(client.get(LIST, {"side": 2}).context["page"].object_list) == 5


def test_empty_result_shows_an_empty_state(login, national_reader):
    page = login(national_reader).get(LIST, {"sok": "ingenting"}).content.decode()
    assert "Ingen virksomheter passer med søket" in page


def test_list_query_count_does_not_grow_with_rows(
    login, national_reader, django_assert_max_num_queries
):
    region = RegionFactory()
    for n in range(40):
        EmployerFactory(
            region=region,
            fixed_contact=national_reader,
            industry=Industry.objects.get(code="ABCDEFGHIJ"[n % 10]),
        )
    client = login(national_reader)
    with django_assert_max_num_queries(10):
        response = client.get(LIST, {"fylke": "", "sorter": "status"})
    assert len(response.context["page"].object_list) == 25


def test_provider_staff_and_national_readers_see_the_list_but_no_create_button(login):
    EmployerFactory()
    for role in (Role.PROVIDER_STAFF, Role.NATIONAL_READER):
        response = login(user_with_role(role)).get(LIST)
        assert response.status_code == 200
        assert reverse("employers:create") not in response.content.decode()


def test_navigation_has_a_virksomheter_item_for_staff_only(
    login, national_reader, other_employer_user
):
    assert f'href="{LIST}"' in login(national_reader).get("/").content.decode()
    assert f'href="{LIST}"' not in login(other_employer_user).get("/").content.decode()


def test_home_page_lists_the_employers_i_am_fixed_contact_for(login, contact_person):
    mine = EmployerFactory(name="Min virksomhet AS", fixed_contact=contact_person)
    EmployerFactory(name="Noen andres AS")
    page = login(contact_person).get("/").content.decode()
    assert "Mine virksomheter" in page
    assert reverse("employers:detail", args=[mine.pk]) in page
    assert "Noen andres AS" not in page
