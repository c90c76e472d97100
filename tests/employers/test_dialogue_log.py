"""Logging a contact with an employer: the form, its rules and what the service does."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.models import County, Role
from employers.models import DialogueEntry, Employer, Task
from employers.services.dialogue import NextStep
from notifications.models import Notification

from ..factories import user_with_role
from .factories import EmployerFactory, EmployerPersonFactory, log_contact

pytestmark = pytest.mark.django_db


def _form_data(**overrides) -> dict:
    occurred_at = timezone.localtime() - datetime.timedelta(hours=1)
    data = {
        "occurred_at": occurred_at.strftime("%Y-%m-%dT%H:%M"),
        "channel": "meeting",
        "topics": ["recruitment_need", "measures"],
        "summary": "Bakeriet trenger to medarbeidere i pakkeriet fra august. Vi gikk gjennom "
        "lønnstilskudd og mentor.",
        "others_present": "Tillitsvalgt i NNN",
        "no_sensitive_data_confirmed": "on",
        "neste-description": "",
        "neste-due_date": "",
        "neste-owner": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_contact_person_logs_a_meeting_and_sees_it_on_the_timeline(login, employer, colleague):
    client = login(colleague)
    response = client.post(reverse("employers:dialogue_create", args=[employer.pk]), _form_data())

    assert response.status_code == 302
    assert response["Location"] == reverse("employers:dialogue_list", args=[employer.pk])
    entry = DialogueEntry.objects.get(employer=employer)
    assert entry.author == colleague
    assert entry.author_provider is None
    assert entry.topics == ["recruitment_need", "measures"]
    assert entry.others_present == "Tillitsvalgt i NNN"
    page = client.get(response["Location"]).content.decode()
    assert "Kontakten med Fjordbakeriet AS er logget." in page
    assert "Bakeriet trenger to medarbeidere" in page


def test_logging_without_confirming_no_sensitive_data_is_refused_with_the_input_kept(
    login, employer, colleague
):
    client = login(colleague)
    data = _form_data(no_sensitive_data_confirmed=None)
    response = client.post(reverse("employers:dialogue_create", args=[employer.pk]), data)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Du må bekrefte at det ikke står sensitive personopplysninger i teksten." in page
    assert "Bakeriet trenger to medarbeidere i pakkeriet" in page
    assert not DialogueEntry.objects.exists()


def test_the_database_refuses_an_entry_without_the_confirmation(employer, colleague):
    with pytest.raises(ValidationError, match="sensitive personopplysninger"):
        log_contact(employer=employer, actor=colleague, no_sensitive_data_confirmed=False)
    assert not DialogueEntry.objects.exists()


def test_summary_of_exactly_5000_characters_is_accepted(login, employer, colleague):
    client = login(colleague)
    data = _form_data(summary="a" * 5000)
    response = client.post(reverse("employers:dialogue_create", args=[employer.pk]), data)
    assert response.status_code == 302
    assert len(DialogueEntry.objects.get().summary) == 5000


def test_summary_over_5000_characters_gets_a_norwegian_error(login, employer, colleague):
    client = login(colleague)
    data = _form_data(summary="a" * 5001)
    response = client.post(reverse("employers:dialogue_create", args=[employer.pk]), data)

    assert response.status_code == 200
    error = "Sammendraget kan ikke være lengre enn 5000 tegn (nå: 5001)."
    assert error in response.content.decode()
    assert not DialogueEntry.objects.exists()


def test_service_refuses_a_summary_over_5000_characters(employer, colleague):
    with pytest.raises(ValidationError, match="5000 tegn"):
        log_contact(employer=employer, actor=colleague, summary="b" * 5001)


def test_at_least_one_topic_is_required(login, employer, colleague):
    client = login(colleague)
    data = _form_data(topics=None)
    response = client.post(reverse("employers:dialogue_create", args=[employer.pk]), data)
    assert "Velg minst ett tema." in response.content.decode()
    assert not DialogueEntry.objects.exists()


def test_a_contact_in_the_future_is_refused(login, employer, colleague):
    client = login(colleague)
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    data = _form_data(occurred_at=tomorrow.strftime("%Y-%m-%dT%H:%M"))
    response = client.post(reverse("employers:dialogue_create", args=[employer.pk]), data)
    assert "Kontakten kan ikke være fram i tid." in response.content.decode()


def test_participants_are_chosen_among_the_employers_own_people(login, employer, colleague):
    hr_lead = EmployerPersonFactory(employer=employer, name="Siri Personal")
    stranger = EmployerPersonFactory(name="Annen Virksomhet")
    client = login(colleague)
    url = reverse("employers:dialogue_create", args=[employer.pk])

    form_page = client.get(url).content.decode()
    assert "Siri Personal" in form_page
    assert "Annen Virksomhet" not in form_page

    refused = client.post(url, _form_data(participants=[stranger.pk]))
    assert refused.status_code == 200
    client.post(url, _form_data(participants=[hr_lead.pk]))
    assert list(DialogueEntry.objects.get().participants.all()) == [hr_lead]


def test_service_refuses_participants_from_another_employer(employer, colleague):
    stranger = EmployerPersonFactory()
    with pytest.raises(ValidationError):
        log_contact(employer=employer, actor=colleague, participants=[stranger])


def test_provider_staff_entry_records_their_provider(employer, provider_staff):
    entry = log_contact(employer=employer, actor=provider_staff)
    assert entry.author_provider == provider_staff.provider
    assert entry.author_organisation == provider_staff.provider.name


def test_national_reader_cannot_log_a_contact(employer, national_reader):
    with pytest.raises(PermissionDenied):
        log_contact(employer=employer, actor=national_reader)


def test_first_contact_moves_a_lead_into_dialogue(colleague):
    lead = EmployerFactory(status=Employer.Status.LEAD)
    log_contact(employer=lead, actor=colleague)
    lead.refresh_from_db()
    assert lead.status == Employer.Status.IN_DIALOGUE


def test_contact_with_an_agreement_employer_keeps_its_status(colleague):
    partner = EmployerFactory(status=Employer.Status.AGREEMENT)
    log_contact(employer=partner, actor=colleague)
    partner.refresh_from_db()
    assert partner.status == Employer.Status.AGREEMENT


def test_next_step_becomes_an_open_task_for_the_author_by_default(login, employer, colleague):
    client = login(colleague)
    due = timezone.localdate() + datetime.timedelta(days=3)
    data = _form_data(**{"neste-description": "Sende info om lønnstilskudd", "neste-due_date": due})
    client.post(reverse("employers:dialogue_create", args=[employer.pk]), data)

    task = Task.objects.get()
    assert (task.owner, task.description, task.due_date) == (
        colleague,
        "Sende info om lønnstilskudd",
        due,
    )
    assert task.status == Task.Status.OPEN


def test_next_step_needs_both_a_description_and_a_due_date(login, employer, colleague):
    client = login(colleague)
    url = reverse("employers:dialogue_create", args=[employer.pk])
    without_date = client.post(url, _form_data(**{"neste-description": "Ringe tilbake"}))
    assert "Sett en frist for neste steg." in without_date.content.decode()
    past = timezone.localdate() - datetime.timedelta(days=1)
    in_the_past = client.post(
        url, _form_data(**{"neste-description": "Ringe tilbake", "neste-due_date": past})
    )
    assert "Fristen kan ikke være tilbake i tid." in in_the_past.content.decode()
    assert not DialogueEntry.objects.exists()


def test_next_step_given_to_a_colleague_is_their_task_and_tells_them(employer, colleague):
    helper = EmployerPersonFactory(employer=employer)
    adviser = employer.fixed_contact
    entry = log_contact(
        employer=employer,
        actor=colleague,
        participants=[helper],
        next_step=NextStep(
            description="Finne kandidater til pakkeriet",
            due_date=timezone.localdate(),
            owner=adviser,
        ),
    )
    assert entry.next_step.owner == adviser
    titles = list(Notification.objects.filter(recipient=adviser).values_list("title", flat=True))
    assert "Ola Kollega har gitt deg en oppgave: Fjordbakeriet AS" in titles


def test_next_step_owner_list_offers_staff_near_the_employer(login, employer, colleague):
    elsewhere = user_with_role(
        Role.CONTACT_PERSON, first_name="Bortenfor", county=County.objects.get(name="Vestland")
    )
    page = login(colleague).get(reverse("employers:dialogue_create", args=[employer.pk]))
    owner_choices = page.context["next_step_form"].fields["owner"].queryset
    assert colleague in owner_choices
    assert employer.fixed_contact in owner_choices
    assert elsewhere not in owner_choices
