import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from accounts.models import County, Role
from devdata.demo.accounts import demo_orgnr
from employers.models import Employer, Industry
from tests.factories import RegionFactory, user_with_role

from .factories import EmployerFactory

pytestmark = pytest.mark.django_db

CREATE = reverse("employers:create")


def _form_data(orgnr: str, **overrides) -> dict:
    data = {
        "orgnr": orgnr,
        "name": "Fjordkroa AS",
        "sector": Employer.Sector.PRIVATE,
        "industry": Industry.objects.get(code="I").pk,
        "status": Employer.Status.LEAD,
        "county": County.objects.get(name="Vestland").pk,
        "municipality": "Bergen",
        "postal_code": "5003",
        "website": "fjordkroa.example.no",
    }
    return {**data, **overrides}


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("974760674", "kontrollsifferet stemmer ikke"),
        ("97476067", "må ha 9 siffer"),
        ("9747606731", "må ha 9 siffer"),
        ("97476067A", "kan bare inneholde siffer"),
    ],
)
def test_step_one_refuses_an_invalid_orgnr_with_a_norwegian_message(
    login, contact_person, typed, message
):
    response = login(contact_person).get(CREATE, {"orgnr": typed})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "employers/create_orgnr.html" in [t.name for t in response.templates]


def test_step_one_accepts_a_valid_orgnr_typed_with_spaces_and_shows_the_full_form(
    login, contact_person
):
    response = login(contact_person).get(CREATE, {"orgnr": "974 760 673"})
    assert response.status_code == 200
    assert response.context["form"].initial["orgnr"] == "974760673"
    assert "employers/create.html" in [t.name for t in response.templates]


def test_step_one_goes_to_an_existing_employer_instead_of_creating_a_duplicate(
    login, contact_person
):
    existing = EmployerFactory()
    client = login(contact_person)
    response = client.get(CREATE, {"orgnr": existing.orgnr})
    assert response.status_code == 302
    assert response["Location"] == reverse("employers:detail", args=[existing.pk])
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("allerede registrert" in m for m in messages)


def test_posting_the_form_for_an_orgnr_registered_meanwhile_goes_to_the_existing_employer(
    login, contact_person
):
    existing = EmployerFactory()
    response = login(contact_person).post(CREATE, _form_data(existing.orgnr))
    assert response.status_code == 302
    assert response["Location"] == reverse("employers:detail", args=[existing.pk])
    assert Employer.objects.filter(orgnr=existing.orgnr).count() == 1


def test_contact_person_registers_an_employer(login, contact_person):
    response = login(contact_person).post(CREATE, _form_data(demo_orgnr(42)))
    employer = Employer.objects.get(orgnr=demo_orgnr(42))
    assert response["Location"] == reverse("employers:detail", args=[employer.pk])
    assert employer.created_by == contact_person
    assert employer.website == "https://fjordkroa.example.no"
    assert employer.county.name == "Vestland"


def test_form_keeps_the_input_and_explains_errors_in_norwegian(login, contact_person):
    data = _form_data(demo_orgnr(42), name="", postal_code="50")
    response = login(contact_person).post(CREATE, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Postnummeret må ha fire siffer." in page
    assert 'value="Bergen"' in page
    assert not Employer.objects.filter(orgnr=demo_orgnr(42)).exists()


def test_region_must_lie_in_the_chosen_county(login, contact_person):
    oslo_region = RegionFactory()
    data = _form_data(demo_orgnr(42), region=oslo_region.pk)
    response = login(contact_person).post(CREATE, data)
    assert "Regionen ligger ikke i valgt fylke." in response.content.decode()


def test_parent_is_given_by_orgnr_and_must_be_registered(login, contact_person):
    client = login(contact_person)
    response = client.post(CREATE, _form_data(demo_orgnr(42), parent_orgnr=demo_orgnr(43)))
    assert "Registrer hovedenheten først" in response.content.decode()

    parent = EmployerFactory()
    client.post(CREATE, _form_data(demo_orgnr(42), parent_orgnr=parent.orgnr))
    assert Employer.objects.get(orgnr=demo_orgnr(42)).parent == parent


@pytest.mark.parametrize("role", [Role.ADVISER, Role.NATIONAL_READER, Role.PROVIDER_STAFF])
def test_roles_that_only_read_the_register_cannot_create(login, role):
    response = login(user_with_role(role)).post(CREATE, _form_data(demo_orgnr(42)))
    assert response.status_code == 403
    assert not Employer.objects.filter(orgnr=demo_orgnr(42)).exists()


def test_edit_saves_the_changes(login, contact_person):
    employer = EmployerFactory(name="Gammelt navn AS")
    url = reverse("employers:edit", args=[employer.pk])
    client = login(contact_person)
    version = client.get(url).context["form"]["version"].value()
    data = {**_form_data(employer.orgnr), "name": "Nytt navn AS", "version": version}
    response = client.post(url, data)
    assert response.status_code == 302
    employer.refresh_from_db()
    assert employer.name == "Nytt navn AS"
    assert employer.orgnr != "" and employer.county.name == "Vestland"


def test_edit_does_not_overwrite_a_change_someone_else_saved_meanwhile(login, contact_person):
    employer = EmployerFactory(name="Gammelt navn AS")
    url = reverse("employers:edit", args=[employer.pk])
    client = login(contact_person)
    version = client.get(url).context["form"]["version"].value()

    colleague = login(user_with_role(Role.PROJECT_LEADER))
    colleague_data = {**_form_data(employer.orgnr), "name": "Kollegas navn AS"}
    colleague.post(url, {**colleague_data, "version": version})

    client = login(contact_person)
    response = client.post(url, {**_form_data(employer.orgnr), "version": version})
    assert response.status_code == 200
    assert "Noen andre har endret virksomheten" in response.content.decode()
    employer.refresh_from_db()
    assert employer.name == "Kollegas navn AS"

    new_version = response.context["form"]["version"].value()
    response = client.post(url, {**_form_data(employer.orgnr), "version": new_version})
    assert response.status_code == 302
    employer.refresh_from_db()
    assert employer.name == "Fjordkroa AS"


def test_adviser_cannot_edit(login):
    employer = EmployerFactory()
    url = reverse("employers:edit", args=[employer.pk])
    assert login(user_with_role(Role.ADVISER)).get(url).status_code == 403


def test_employer_user_gets_403_on_every_register_page(login):
    user = user_with_role(Role.EMPLOYER_USER)
    client = login(user)
    own = user.employer
    for url in [
        reverse("employers:list"),
        reverse("employers:detail", args=[own.pk]),
        reverse("employers:edit", args=[own.pk]),
        CREATE,
        reverse("employers:person_add", args=[own.pk]),
        reverse("employers:import"),
    ]:
        assert client.get(url).status_code == 403, url


def test_edit_form_starts_from_the_stored_parent_and_keeps_it(login, contact_person):
    parent = EmployerFactory()
    employer = EmployerFactory(parent=parent)
    url = reverse("employers:edit", args=[employer.pk])
    client = login(contact_person)
    form = client.get(url).context["form"]
    assert form["parent_orgnr"].value() == parent.orgnr
    data = {**_form_data(employer.orgnr), "parent_orgnr": parent.orgnr}
    client.post(url, {**data, "version": form["version"].value()})
    employer.refresh_from_db()
    assert employer.parent == parent
