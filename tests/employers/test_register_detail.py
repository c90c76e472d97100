import pytest
from django.urls import reverse

from accounts.models import Role
from employers.models import Employer, EmployerPerson
from tests.factories import user_with_role

from .factories import EmployerFactory

pytestmark = pytest.mark.django_db


def _detail(unit):
    return reverse("employers:detail", args=[unit.pk])


@pytest.fixture
def unit(fixed_contact):
    parent = EmployerFactory(name="Konsernet AS")
    unit = EmployerFactory(
        name="Avdeling Stord",
        parent=parent,
        fixed_contact=fixed_contact,
        status=Employer.Status.AGREEMENT,
        needs_notes="Trenger stillasbyggere.",
    )
    EmployerFactory(name="Underenhet Leirvik", parent=unit)
    EmployerPerson.objects.create(employer=unit, name="Hanne HR", title="HR-sjef")
    EmployerPerson.objects.create(
        employer=unit,
        name="Tor Tillitsvalgt",
        kind=EmployerPerson.Kind.UNION_REP,
        title="Fellesforbundet",
    )
    return unit


def test_detail_shows_everything_about_the_employer_on_one_screen(login, unit):
    page = login(user_with_role(Role.ADVISER)).get(_detail(unit)).content.decode()
    for text in [
        "Avdeling Stord",
        unit.orgnr,
        "Kari Fast",
        "91234567",
        "Hanne HR",
        "Tor Tillitsvalgt",
        "Trenger stillasbyggere.",
        "Konsernet AS",
        "Underenhet Leirvik",
        "Har avtale",
    ]:
        assert text in page, text


def test_others_are_asked_to_coordinate_with_the_fixed_contact_of_an_agreement(
    login, unit, fixed_contact
):
    notice = "Kari Fast er fast kontaktperson for"
    assert notice in login(user_with_role(Role.ADVISER)).get(_detail(unit)).content.decode()
    assert notice not in login(fixed_contact).get(_detail(unit)).content.decode()


def test_no_coordination_notice_before_an_agreement(login, unit):
    Employer.objects.filter(pk=unit.pk).update(status=Employer.Status.IN_DIALOGUE)
    page = login(user_with_role(Role.ADVISER)).get(_detail(unit)).content.decode()
    assert "Koordiner med den faste kontaktpersonen" not in page


def test_people_can_be_managed_from_the_page_by_editors_only(login, unit):
    add_url = reverse("employers:person_add", args=[unit.pk])
    for role, shown in [(Role.CONTACT_PERSON, True), (Role.ADVISER, False)]:
        page = login(user_with_role(role)).get(_detail(unit)).content.decode()
        assert (add_url in page) is shown, role


def test_unknown_employer_is_404(login, contact_person):
    assert login(contact_person).get("/virksomheter/999999/").status_code == 404


def test_detail_query_count_does_not_grow_with_people_and_sub_units(
    login, unit, django_assert_max_num_queries
):
    for n in range(20):
        EmployerPerson.objects.create(employer=unit, name=f"Person {n}")
        EmployerFactory(parent=unit)
    client = login(user_with_role(Role.PROVIDER_STAFF))
    # One query per section of the page (employers/sections.py), whatever the number of rows;
    # the hires section reads the placements and the first signing date.
    with django_assert_max_num_queries(15):  # +2: the competence paths section
        response = client.get(_detail(unit))
    assert response.status_code == 200
