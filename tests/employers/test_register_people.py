import pytest
from django.urls import reverse

from accounts.models import Role
from employers.models import EmployerPerson
from tests.factories import user_with_role

from .factories import DialogueEntryFactory, EmployerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(db):
    return EmployerPerson.objects.create(employer=EmployerFactory(), name="Hanne Hansen")


def test_contact_person_adds_a_union_representative(login, contact_person):
    employer = EmployerFactory()
    url = reverse("employers:person_add", args=[employer.pk])
    client = login(contact_person)
    assert client.get(url, {"type": "union_rep"}).context["form"].initial["kind"] == "union_rep"
    data = {"kind": "union_rep", "name": "Tor Tillitsvalgt", "title": "Fagforbundet"}
    response = client.post(url, {**data, "email": "tor@example.no", "phone": "4000"})
    assert response["Location"] == reverse("employers:detail", args=[employer.pk])
    rep = employer.people.get()
    assert (rep.kind, rep.name, rep.email) == ("union_rep", "Tor Tillitsvalgt", "tor@example.no")


def test_person_form_explains_errors_in_norwegian(login, contact_person):
    employer = EmployerFactory()
    url = reverse("employers:person_add", args=[employer.pk])
    response = login(contact_person).post(url, {"kind": "contact", "name": "", "email": "ikke"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Oppgi en gyldig e-postadresse" in page
    assert "Feltet er påkrevet." in page
    assert not employer.people.exists()


def test_contact_person_edits_a_person(login, contact_person, person):
    url = reverse("employers:person_edit", args=[person.pk])
    data = {"kind": "contact", "name": "Hanne Hansen", "title": "HR-sjef", "phone": "99"}
    assert login(contact_person).post(url, data).status_code == 302
    person.refresh_from_db()
    assert person.title == "HR-sjef"


def test_deleting_a_person_asks_for_confirmation_first(login, contact_person, person):
    url = reverse("employers:person_delete", args=[person.pk])
    client = login(contact_person)
    confirmation = client.get(url)
    assert "Fjern Hanne Hansen?" in confirmation.content.decode()
    assert EmployerPerson.objects.filter(pk=person.pk).exists()
    assert client.post(url).status_code == 302
    assert not EmployerPerson.objects.current().filter(pk=person.pk).exists()


def test_provider_staff_manage_people_only_where_they_are_the_fixed_contact(login, person):
    provider_staff = user_with_role(Role.PROVIDER_STAFF)
    client = login(provider_staff)
    edit = reverse("employers:person_edit", args=[person.pk])
    assert client.get(edit).status_code == 403

    person.employer.fixed_contact = provider_staff
    person.employer.save(update_fields=["fixed_contact"])
    assert client.get(edit).status_code == 200


@pytest.mark.parametrize("role", [Role.ADVISER, Role.NATIONAL_READER, Role.EMPLOYER_USER])
def test_other_roles_cannot_change_people(login, person, role):
    client = login(user_with_role(role))
    assert client.post(reverse("employers:person_delete", args=[person.pk])).status_code == 403
    assert EmployerPerson.objects.filter(pk=person.pk).exists()


def test_changing_people_counts_as_a_change_of_the_employer(login, contact_person, person):
    before = person.employer.updated_at
    login(contact_person).post(reverse("employers:person_delete", args=[person.pk]))
    person.employer.refresh_from_db()
    assert person.employer.updated_at > before


def test_every_form_page_carries_the_csrf_field_a_browser_needs(login, contact_person, person):
    client = login(contact_person)
    employer = person.employer
    for url in [
        reverse("employers:create") + "?orgnr=974760673",
        reverse("employers:edit", args=[employer.pk]),
        reverse("employers:person_add", args=[employer.pk]),
        reverse("employers:person_edit", args=[person.pk]),
        reverse("employers:person_delete", args=[person.pk]),
    ]:
        assert 'name="csrfmiddlewaretoken"' in client.get(url).content.decode(), url


def test_a_removed_person_stays_named_in_the_contact_history(login, contact_person, person):
    person.email = "hanne@example.no"
    person.save(update_fields=["email"])
    entry = DialogueEntryFactory(employer=person.employer)
    entry.participants.add(person)
    client = login(contact_person)
    client.post(reverse("employers:person_delete", args=[person.pk]))

    assert list(entry.participants.all()) == [person]
    detail = client.get(reverse("employers:detail", args=[person.employer.pk]))
    assert "hanne@example.no" not in detail.content.decode()
    history = client.get(reverse("employers:dialogue_list", args=[person.employer.pk]))
    assert "Hanne Hansen" in history.content.decode()
    assert client.get(reverse("employers:person_edit", args=[person.pk])).status_code == 404
