"""The coordination rule: others see the employer's fixed contact person and are asked to
coordinate; a contact logged by someone else tells the fixed contact (in-app and e-mail)."""

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse

from notifications.models import Notification
from notifications.services import notification_send_email

from .factories import EmployerFactory, log_contact

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("view_name", ["employers:dialogue_list", "employers:dialogue_create"])
def test_others_see_who_the_fixed_contact_is_and_are_asked_to_coordinate(
    login, employer, colleague, view_name
):
    html = login(colleague).get(reverse(view_name, args=[employer.pk])).content.decode()
    assert "Koordiner med den faste kontaktpersonen" in html
    assert "Kari Fast er fast kontaktperson for Fjordbakeriet AS." in html
    assert "91234567" in html
    assert "NAV Frogner" in html
    assert f"mailto:{employer.fixed_contact.email}" in html


def test_log_form_says_the_fixed_contact_will_be_told(login, employer, provider_staff):
    html = login(provider_staff).get(reverse("employers:dialogue_create", args=[employer.pk]))
    assert "får den faste kontaktpersonen beskjed" in html.content.decode()


def test_the_fixed_contact_sees_no_notice_on_their_own_employer(login, employer, fixed_contact):
    html = login(fixed_contact).get(reverse("employers:dialogue_list", args=[employer.pk]))
    assert "Koordiner med den faste kontaktpersonen" not in html.content.decode()


def test_no_notice_when_the_employer_has_no_fixed_contact(login, colleague):
    employer = EmployerFactory(fixed_contact=None)
    html = login(colleague).get(reverse("employers:dialogue_list", args=[employer.pk]))
    assert "Koordiner med den faste kontaktpersonen" not in html.content.decode()


def test_notice_partial_can_be_included_on_other_pages(employer, provider_staff):
    html = render_to_string(
        "employers/_coordination_notice.html", {"employer": employer, "user": provider_staff}
    )
    assert "Kari Fast" in html


def test_contact_logged_by_someone_else_notifies_the_fixed_contact_after_commit(
    employer, colleague, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        log_contact(employer, colleague)

    notification = Notification.objects.get(recipient=employer.fixed_contact)
    assert notification.title == "Ola Kollega har logget kontakt med Fjordbakeriet AS"
    assert notification.send_email
    assert notification.link == reverse("employers:dialogue_list", args=[employer.pk])
    assert len(callbacks) == 1, "the e-mail is queued only when the transaction commits"

    assert notification_send_email(notification_id=notification.pk)
    assert [message.to for message in mail.outbox] == [[employer.fixed_contact.email]]
    assert "Ola Kollega har logget kontakt med Fjordbakeriet AS" in mail.outbox[0].subject


def test_provider_contact_names_the_provider_in_the_notification(employer, provider_staff):
    log_contact(employer, provider_staff)
    notification = Notification.objects.get(recipient=employer.fixed_contact)
    assert provider_staff.provider.name in notification.body


def test_fixed_contact_logging_their_own_contact_notifies_nobody(
    employer, fixed_contact, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        log_contact(employer, fixed_contact)
    assert not Notification.objects.exists()
    assert callbacks == []


def test_inactive_fixed_contact_is_not_notified(employer, colleague, fixed_contact):
    fixed_contact.is_active = False
    fixed_contact.save(update_fields=["is_active"])
    log_contact(employer, colleague)
    assert not Notification.objects.exists()


def test_before_an_agreement_nobody_is_asked_to_coordinate_or_notified(
    login, employer, colleague, fixed_contact
):
    employer.status = employer.Status.IN_DIALOGUE
    employer.save(update_fields=["status"])
    html = login(colleague).get(reverse("employers:dialogue_create", args=[employer.pk]))
    assert "Koordiner med den faste kontaktpersonen" not in html.content.decode()
    log_contact(employer, colleague)
    assert not Notification.objects.filter(recipient=fixed_contact).exists()
