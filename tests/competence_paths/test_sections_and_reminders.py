import datetime

import pytest
from django.urls import reverse

from competence_paths.models import CompetencePath, Participant, PathReminder
from competence_paths.services.participants import progress_record
from competence_paths.services.reminders import path_reminders_send
from notifications.models import Notification

from .factories import add_participant, make_path

pytestmark = pytest.mark.django_db
D = datetime.date


def test_the_employer_page_shows_its_paths(client):
    path = make_path()
    client.force_login(path.contact)
    response = client.get(reverse("employers:detail", args=[path.employer_id]))
    assert path.title in response.content.decode()
    assert reverse("competence_paths:detail", args=[path.pk]) in response.content.decode()


def test_the_agreement_page_shows_the_paths_linked_to_it(client):
    from tests.agreements.factories import AgreementFactory

    agreement = AgreementFactory()
    path = make_path(employer=agreement.employer, agreement=agreement)
    client.force_login(path.contact)
    response = client.get(reverse("agreements:detail", args=[agreement.pk]))
    assert response.status_code == 200
    assert reverse("competence_paths:detail", args=[path.pk]) in response.content.decode()


def test_the_candidate_page_shows_the_paths_the_candidate_takes_part_in(client):
    path = make_path()
    participant = add_participant(path)
    client.force_login(participant.candidate.owner)
    response = client.get(reverse("candidates:detail", args=[participant.candidate_id]))
    assert (
        reverse("competence_paths:participant", args=[participant.pk]) in response.content.decode()
    )


def test_hire_decision_reminder_goes_14_days_before_once():
    path = make_path(status=CompetencePath.Status.PLANNED, hire_decision_on=D(2026, 6, 1))
    add_participant(path)
    assert path_reminders_send(today=D(2026, 5, 17)) == 0
    assert path_reminders_send(today=D(2026, 5, 18)) == 1
    assert path_reminders_send(today=D(2026, 5, 19)) == 0
    assert Notification.objects.filter(recipient=path.contact).count() == 1


def test_a_stage_ended_but_not_marked_for_a_participant_reminds_the_contact():
    path = make_path(start=D(2026, 3, 2), weeks=(4, 8), status=CompetencePath.Status.RUNNING)
    marked = add_participant(path)
    unmarked = add_participant(path)
    Participant.objects.filter(pk__in=[marked.pk, unmarked.pk]).update(status="taking_part")
    first = path.stages.first()
    progress_record(participant=marked, stage=first, state="completed", actor=path.contact)
    assert path_reminders_send(today=first.ends_on) == 0
    assert path_reminders_send(today=first.ends_on + datetime.timedelta(days=1)) == 1
    assert PathReminder.objects.get().kind == "stage_unmarked"
    progress_record(participant=unmarked, stage=first, state="not_completed", actor=path.contact)
    assert path_reminders_send(today=first.ends_on + datetime.timedelta(days=2)) == 0


def test_a_path_that_should_have_started_without_participants_reminds_once():
    make_path(start=D(2026, 3, 2), status=CompetencePath.Status.PLANNED)
    assert path_reminders_send(today=D(2026, 3, 1)) == 0
    assert path_reminders_send(today=D(2026, 3, 2)) == 1
    assert path_reminders_send(today=D(2026, 3, 3)) == 0
    assert PathReminder.objects.get().kind == "no_participants"
