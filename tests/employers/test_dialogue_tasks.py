"""Next steps as tasks: "Mine oppgaver", the home page and the morning e-mail reminder."""

import datetime
import threading

import pytest
from django.core import mail
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from employers.models import Task
from employers.services.dialogue import task_send_due_reminders
from employers.tasks import send_due_task_reminders
from notifications.models import Notification

from ..factories import user_with_role
from .factories import DialogueEntryFactory, TaskFactory

TODAY = timezone.localdate()


def _in_days(days: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=days)


@pytest.mark.django_db
def test_running_the_beat_task_twice_sends_exactly_one_reminder(colleague):
    TaskFactory(owner=colleague, due_date=TODAY, description="Ringe HR-sjefen")

    send_due_task_reminders.run()
    send_due_task_reminders.run()

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [colleague.email]
    assert "Frist i dag" in mail.outbox[0].subject
    assert "Ringe HR-sjefen" in mail.outbox[0].body
    assert Task.objects.get().reminder_sent_at is not None
    assert Notification.objects.filter(recipient=colleague, send_email=False).count() == 1


@pytest.mark.django_db
def test_task_not_due_yet_gets_no_reminder(colleague):
    TaskFactory(owner=colleague, due_date=_in_days(1))
    assert task_send_due_reminders(today=TODAY) == 0
    assert mail.outbox == []
    assert Task.objects.get().reminder_sent_at is None


@pytest.mark.django_db
def test_overdue_task_not_yet_reminded_gets_one_reminder(colleague):
    TaskFactory(owner=colleague, due_date=_in_days(-3))
    assert task_send_due_reminders(today=TODAY) == 1
    assert "Forfalt oppgave" in mail.outbox[0].subject
    assert task_send_due_reminders(today=_in_days(1)) == 0


@pytest.mark.django_db
def test_done_task_gets_no_reminder(colleague):
    TaskFactory(owner=colleague, due_date=TODAY, status=Task.Status.DONE, done_at=timezone.now())
    assert task_send_due_reminders(today=TODAY) == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_inactive_owner_gets_no_e_mail_and_the_task_is_not_tried_again(colleague):
    colleague.is_active = False
    colleague.save(update_fields=["is_active"])
    TaskFactory(owner=colleague, due_date=TODAY)
    assert task_send_due_reminders(today=TODAY) == 0
    assert mail.outbox == []
    assert Task.objects.get().reminder_sent_at is not None


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("reference_data")
def test_a_task_locked_by_a_parallel_run_is_skipped_not_reminded_twice(colleague):
    task = TaskFactory(owner=colleague, due_date=TODAY)
    locked, release = threading.Event(), threading.Event()

    def parallel_run_holding_the_row():
        try:
            with transaction.atomic():
                Task.objects.select_for_update().get(pk=task.pk)
                locked.set()
                release.wait(timeout=10)
        finally:
            connection.close()

    other = threading.Thread(target=parallel_run_holding_the_row)
    other.start()
    assert locked.wait(timeout=10)
    try:
        assert task_send_due_reminders(today=TODAY) == 0
    finally:
        release.set()
        other.join(timeout=10)
    assert mail.outbox == []
    assert task_send_due_reminders(today=TODAY) == 1


@pytest.mark.django_db
def test_reminder_guard_is_backed_by_a_partial_index():
    index_names = {index.name for index in Task._meta.indexes}
    assert "task_reminder_due_idx" in index_names


@pytest.mark.django_db
def test_beat_schedule_runs_the_reminders_every_morning(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["employers-task-reminders"]
    assert entry["task"] == send_due_task_reminders.name
    assert (entry["schedule"].hour, entry["schedule"].minute) == ({7}, {0})


@pytest.mark.django_db
def test_my_tasks_lists_open_tasks_by_due_date_and_marks_overdue(login, colleague):
    TaskFactory(owner=colleague, due_date=_in_days(5), description="Senere oppgave")
    TaskFactory(owner=colleague, due_date=_in_days(-2), description="Gammel oppgave")
    TaskFactory(description="Noen andres oppgave")

    html = login(colleague).get(reverse("employers:task_list")).content.decode()
    assert html.index("Gammel oppgave") < html.index("Senere oppgave")
    assert "Forfalt" in html
    assert "Noen andres oppgave" not in html


@pytest.mark.django_db
def test_owner_marks_a_task_done_and_finds_it_under_done(login, colleague):
    task = TaskFactory(owner=colleague, description="Sende avtaleutkast")
    client = login(colleague)
    response = client.post(reverse("employers:task_complete", args=[task.pk]))
    assert response["Location"] == reverse("employers:task_list")

    task.refresh_from_db()
    assert task.status == Task.Status.DONE
    assert task.done_at is not None
    open_page = client.get(reverse("employers:task_list")).content.decode()
    done_page = client.get(reverse("employers:task_list"), {"vis": "utforte"}).content.decode()
    assert "Sende avtaleutkast" not in open_page
    assert "Sende avtaleutkast" in done_page


@pytest.mark.django_db
def test_marking_done_returns_to_a_local_page_only(login, colleague):
    client = login(colleague)
    first, second = TaskFactory(owner=colleague), TaskFactory(owner=colleague)
    home = client.post(reverse("employers:task_complete", args=[first.pk]), {"neste": "/"})
    assert home["Location"] == "/"
    evil = "https://evil.example/"
    elsewhere = client.post(reverse("employers:task_complete", args=[second.pk]), {"neste": evil})
    assert elsewhere["Location"] == reverse("employers:task_list")


@pytest.mark.django_db
def test_someone_elses_task_is_404_and_stays_open(login, colleague):
    task = TaskFactory(description="Ikke din")
    response = login(colleague).post(reverse("employers:task_complete", args=[task.pk]))
    assert response.status_code == 404
    task.refresh_from_db()
    assert task.status == Task.Status.OPEN


@pytest.mark.django_db
def test_empty_task_list_says_where_tasks_come_from(login, colleague):
    html = login(colleague).get(reverse("employers:task_list")).content.decode()
    assert "Du har ingen åpne oppgaver." in html


@pytest.mark.django_db
def test_task_list_query_count_does_not_grow_with_tasks(
    login, colleague, django_assert_max_num_queries
):
    client = login(colleague)
    TaskFactory.create_batch(2, owner=colleague)
    with django_assert_max_num_queries(6) as few:
        client.get(reverse("employers:task_list"))
    TaskFactory.create_batch(20, owner=colleague)
    with django_assert_max_num_queries(6) as many:
        client.get(reverse("employers:task_list"))
    assert len(many.captured_queries) == len(few.captured_queries)


@pytest.mark.django_db
def test_home_page_shows_overdue_and_today_first_then_the_next_seven_days(login, colleague):
    TaskFactory(owner=colleague, due_date=_in_days(6), description="Neste uke")
    TaskFactory(owner=colleague, due_date=TODAY, description="I dag")
    TaskFactory(owner=colleague, due_date=_in_days(-1), description="I går")
    TaskFactory(owner=colleague, due_date=_in_days(12), description="Om to uker")

    html = login(colleague).get(reverse("home")).content.decode()
    section = html[html.index('id="home-tasks"') :]
    assert section.index("Forfalt og i dag") < section.index("I går")
    assert section.index("I går") < section.index("I dag</span>")
    assert section.index("De neste 7 dagene") < section.index("Neste uke")
    assert "Om to uker" not in html


@pytest.mark.django_db
def test_home_page_without_tasks_has_an_empty_state(login, colleague):
    html = login(colleague).get(reverse("home")).content.decode()
    assert "Du har ingen åpne oppgaver med frist de neste 7 dagene." in html


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.NATIONAL_READER, Role.EMPLOYER_USER, Role.ADMIN])
def test_roles_without_tasks_get_no_task_section(login, role):
    html = login(user_with_role(role)).get(reverse("home")).content.decode()
    assert 'id="home-tasks"' not in html


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.ADVISER, Role.PROJECT_LEADER, Role.PROVIDER_STAFF])
def test_every_role_that_owns_tasks_sees_them_at_home(login, role):
    user = user_with_role(role)
    TaskFactory(entry=DialogueEntryFactory(author=user), owner=user, description="Følge opp")
    html = login(user).get(reverse("home")).content.decode()
    assert "Følge opp" in html
