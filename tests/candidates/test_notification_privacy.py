"""Notifications about candidates (issue 15, item 10): stored titles and e-mails name the opening
and the step, never the person or a free-text reason; the list names the candidate at display
time, only for readers who may still see them, and audits that read."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from candidates.models import AuditRecord, Step
from candidates.services import pipeline as services
from candidates.services.assessment import assessment_set
from candidates.services.consent import consent_withdraw
from notifications.models import Notification
from notifications.services import notification_create, notification_send_email

from .factories import CandidateFactory

pytestmark = pytest.mark.django_db

REASON = "Hemmelig begrunnelse om helse"


@pytest.fixture
def named_entry(entry_at):
    def build(step, **fields):
        entry = entry_at(step, **fields)
        entry.candidate.first_name, entry.candidate.last_name = "Hemmeligfornavn", "Etternavnsen"
        entry.candidate.save()
        return entry

    return build


def _assert_nameless(notification, entry):
    text = notification.title + notification.body
    assert entry.candidate.first_name not in text
    assert REASON not in text


def test_moves_archive_and_closing_tell_the_owner_without_name_or_reason(
    named_entry, contact, owner, mailoutbox
):
    entry = named_entry(Step.PRESENTED)
    services.entry_move(entry=entry, to_step=Step.NOT_RELEVANT, actor=contact, reason=REASON)
    other = named_entry(Step.ASSESSING)
    services.entry_archive(entry=other, actor=contact, reason=REASON)
    services.entry_restore(entry=other, actor=contact)
    notices = list(Notification.objects.filter(recipient=owner))
    assert len(notices) == 3
    for notice in notices:
        _assert_nameless(notice, entry)
        assert entry.shortlist.opening.title in notice.title
        assert notice.subject_id in (entry.pk, other.pk)
        notification_send_email(notification_id=notice.pk)
    assert "Ikke aktuell for arbeidsgiver" in notices[-1].title
    for mail in mailoutbox:
        body = mail.subject + mail.body + mail.alternatives[0][0]
        assert "Hemmeligfornavn" not in body
        assert REASON not in body


def test_an_employers_answer_and_a_withdrawn_consent_name_no_one(
    named_entry, contact, owner, employer_user
):
    entry = named_entry(Step.PRESENTED)
    assessment_set(entry=entry, actor=employer_user, status="not_relevant", reason=REASON)
    consent_withdraw(consent=entry.consents.get(), actor=owner)
    notices = Notification.objects.exclude(recipient=employer_user)
    assert notices.count() >= 3
    for notice in notices:
        _assert_nameless(notice, entry)


def test_a_proposal_tells_the_contact_side_without_the_motivation(opening, owner):
    candidate = CandidateFactory(owner=owner, first_name="Hemmeligfornavn")
    entry = services.shortlist_propose(
        opening=opening, candidate=candidate, actor=owner, motivation=REASON
    )
    notices = Notification.objects.filter(recipient=opening.recorded_by)
    assert notices.exists()
    for notice in notices:
        _assert_nameless(notice, entry)


def test_the_list_names_the_candidate_for_a_reader_who_may_see_them_and_audits_it(
    login, named_entry, contact, owner, django_assert_max_num_queries
):
    entry = named_entry(Step.ASSESSING)
    services.entry_move(entry=entry, to_step=Step.WITHDRAWN, actor=contact, reason=REASON)
    client = login(owner)
    with django_assert_max_num_queries(10):
        page = client.get(reverse("notifications:list")).text
    assert "Gjelder: Hemmeligfornavn Etternavnsen" in page
    assert AuditRecord.objects.filter(
        actor=owner, candidate=entry.candidate, action=AuditRecord.Action.LIST
    ).exists()


def test_a_reader_who_lost_access_sees_no_name(login, named_entry, contact, owner, employer_user):
    """The contact side hears of the employer's answer; once the entry is removed, the contact
    person no longer sees who it was about."""
    entry = named_entry(Step.PRESENTED)
    services.entry_move(entry=entry, to_step=Step.INTERVIEW_WANTED, actor=employer_user)
    recipient = Notification.objects.exclude(recipient__in=[owner, employer_user]).get().recipient
    assert "Hemmeligfornavn" in login(recipient).get(reverse("notifications:list")).text
    services.entry_archive(entry=entry, actor=owner)
    page = login(recipient).get(reverse("notifications:list")).text
    assert "Hemmeligfornavn" not in page
    assert "Gjelder:" not in page


def test_stored_titles_are_rewritten_by_the_data_migration(named_entry, owner):
    entry = named_entry(Step.ASSESSING)
    old = notification_create(
        recipient=owner,
        title=f"{entry.candidate}: Vurderes",
        body=f"{entry.shortlist.opening.title}. {REASON}",
        link=f"/kandidater/kandidatliste/{entry.pk}/",
        send_email=False,
    )
    unrelated = notification_create(recipient=owner, title="Nytt tips til deg", send_email=False)
    migration = importlib.import_module(
        "candidates.migrations.0013_notification_titles_without_names"
    )
    migration.forward(apps, None)
    old.refresh_from_db()
    _assert_nameless(old, entry)
    assert entry.shortlist.opening.title in old.title
    assert old.subject_id == entry.pk
    unrelated.refresh_from_db()
    assert unrelated.title == "Nytt tips til deg"
