"""Writes for the contact history: log a contact, edit it (keeping the previous version),
complete a task and send the morning reminders."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from accounts.models import DIALOGUE_AUTHOR_ROLES, TASK_OWNER_ROLES, Role, User
from core.mail import send_rendered
from core.versioning import check_version
from notifications.services import notification_create

from ..models import DialogueEntry, DialogueEntryRevision, Employer, EmployerPerson, Task
from ..permissions import may_edit_dialogue_entry
from .register import employer_move

NOTIFICATION_TITLE_LENGTH = 200
EDITABLE_FIELDS = ("occurred_at", "channel", "topics", "participants", "others_present", "summary")


@dataclass(frozen=True)
class NextStep:
    description: str
    due_date: datetime.date
    owner: User


def _title(text: str) -> str:
    return Truncator(text).chars(NOTIFICATION_TITLE_LENGTH)


def _check_participants(employer: Employer, participants: Iterable[EmployerPerson]) -> None:
    if any(person.employer_id != employer.pk for person in participants):
        raise ValidationError(_("Deltakerne må være personer hos denne virksomheten."))


@transaction.atomic
def dialogue_log(
    *,
    employer: Employer,
    actor: User,
    occurred_at: datetime.datetime,
    channel: str,
    topics: list[str],
    summary: str,
    no_sensitive_data_confirmed: bool,
    participants: Iterable[EmployerPerson] = (),
    others_present: str = "",
    next_step: NextStep | None = None,
) -> DialogueEntry:
    """Log one contact with an employer. The first contact moves a lead into dialogue; a
    contact by anyone but the employer's fixed contact person tells the fixed contact."""
    if actor.role not in DIALOGUE_AUTHOR_ROLES:
        raise PermissionDenied
    participants = list(participants)
    _check_participants(employer, participants)
    entry = DialogueEntry(
        employer=employer,
        author=actor,
        author_provider_id=actor.provider_id if actor.role == Role.PROVIDER_STAFF else None,
        occurred_at=occurred_at,
        channel=channel,
        topics=list(topics),
        summary=summary,
        others_present=others_present,
        no_sensitive_data_confirmed=no_sensitive_data_confirmed,
    )
    entry.full_clean(exclude=["employer", "author", "author_provider"])
    entry.save()
    entry.participants.set(participants)

    if next_step is not None:
        _task_create(entry=entry, next_step=next_step, actor=actor)

    not_yet_contacted = (
        Employer.objects.select_for_update().filter(pk=employer.pk, status=Employer.Status.LEAD)
    ).first()
    if not_yet_contacted is not None:
        employer_move(not_yet_contacted, to=Employer.Status.IN_DIALOGUE, actor=actor)
    _notify_fixed_contact(entry=entry, actor=actor)
    return entry


def _task_create(*, entry: DialogueEntry, next_step: NextStep, actor: User) -> Task:
    owner = next_step.owner
    if owner.role not in TASK_OWNER_ROLES or not owner.is_active:
        raise ValidationError(
            _("Oppgaven kan bare gis til en aktiv ansatt i NAV eller hos en leverandør.")
        )
    task = Task(
        entry=entry, owner=owner, description=next_step.description, due_date=next_step.due_date
    )
    task.full_clean(exclude=["entry", "owner"])
    task.save()
    if owner.pk != actor.pk:
        notification_create(
            recipient=owner,
            title=_title(
                _("%(actor)s har gitt deg en oppgave: %(employer)s")
                % {"actor": actor, "employer": entry.employer.name}
            ),
            body=_("%(description)s\nFrist: %(due)s")
            % {"description": task.description, "due": date_format(task.due_date)},
            link=reverse("employers:task_list"),
        )
    return task


def _notify_fixed_contact(*, entry: DialogueEntry, actor: User) -> None:
    """The coordination rule (Employer.coordinate_with): an employer with an agreement should
    not be approached by many parties without its fixed contact knowing (evaluation ch. 4, 7)."""
    employer = entry.employer
    fixed_contact = employer.coordinate_with(actor)
    if fixed_contact is None:
        return
    organisation = f" ({actor.provider.name})" if entry.author_provider_id else ""
    notification_create(
        recipient=fixed_contact,
        title=_title(
            _("%(actor)s har logget kontakt med %(employer)s")
            % {"actor": actor, "employer": employer.name}
        ),
        body=_(
            "Du er fast kontaktperson for virksomheten. %(actor)s%(organisation)s registrerte "
            "%(channel)s %(when)s om: %(topics)s."
        )
        % {
            "actor": actor,
            "organisation": organisation,
            "channel": entry.get_channel_display().lower(),
            "when": date_format(timezone.localtime(entry.occurred_at)),
            "topics": ", ".join(str(label).lower() for label in entry.topic_labels),
        },
        link=reverse("employers:dialogue_list", kwargs={"pk": employer.pk}),
    )


@transaction.atomic
def dialogue_update(
    *,
    entry: DialogueEntry,
    actor: User,
    occurred_at: datetime.datetime,
    channel: str,
    topics: list[str],
    summary: str,
    no_sensitive_data_confirmed: bool,
    participants: Iterable[EmployerPerson] = (),
    others_present: str = "",
    version: str = "",
) -> DialogueEntry:
    """Change an entry (author or administrator only). The version before the change is kept
    as a revision, so nothing written about an employer is ever lost; a save from a version
    older than the stored one is refused (ChangedMeanwhile)."""
    if not may_edit_dialogue_entry(actor, entry):
        raise PermissionDenied
    # Lock the row so two saves in a row each keep the version the other one replaced.
    entry = DialogueEntry.objects.select_for_update().select_related("employer").get(pk=entry.pk)
    check_version(entry, version)
    participants = list(participants)
    _check_participants(entry.employer, participants)
    before = entry.snapshot()

    entry.occurred_at = occurred_at
    entry.channel = channel
    entry.topics = list(topics)
    entry.summary = summary
    entry.others_present = others_present
    entry.no_sensitive_data_confirmed = no_sensitive_data_confirmed
    entry.full_clean(exclude=["employer", "author", "author_provider"])
    after = {**entry.snapshot(), "participants": sorted(str(person) for person in participants)}
    changed = [name for name in EDITABLE_FIELDS if before[name] != after[name]]
    if not changed:
        return entry

    DialogueEntryRevision.objects.create(
        entry=entry, changed_by=actor, changed_fields=changed, previous=before
    )
    entry.save(
        update_fields=[
            "occurred_at",
            "channel",
            "topics",
            "summary",
            "others_present",
            "no_sensitive_data_confirmed",
            "updated_at",
        ]
    )
    entry.participants.set(participants)
    return entry


@transaction.atomic
def task_complete(*, task: Task, actor: User) -> Task:
    if task.owner_id != actor.pk:
        raise PermissionDenied
    task = Task.objects.select_for_update().get(pk=task.pk)
    if task.is_open:
        task.status = Task.Status.DONE
        task.done_at = timezone.now()
        task.save(update_fields=["status", "done_at"])
    return task


def task_send_due_reminders(*, today: datetime.date) -> int:
    """E-mail the owner of every open task due today or earlier, once per task; returns how
    many went out. Each task is locked in its own transaction and skipped while another run
    holds it, so two runs at the same time never remind twice."""
    sent = 0
    candidate_ids = list(Task.objects.due_for_reminder(today).values_list("pk", flat=True))
    for task_id in candidate_ids:
        with transaction.atomic():
            task = (
                Task.objects.due_for_reminder(today)
                .select_for_update(skip_locked=True, of=("self",))
                .select_related("owner", "entry__employer")
                .filter(pk=task_id)
                .first()
            )
            if task is None:
                continue
            task.reminder_sent_at = timezone.now()
            task.save(update_fields=["reminder_sent_at"])
            if task.owner.is_active:
                _send_reminder(task=task, today=today)
                sent += 1
    return sent


def _send_reminder(*, task: Task, today: datetime.date) -> None:
    employer = task.entry.employer
    link = reverse("employers:task_list")
    context = {
        "task": task,
        "employer": employer,
        "overdue": task.due_date < today,
        "link": link,
        "site_url": settings.SITE_URL,
    }
    # In-app only: the reminder's own e-mail below is sent now, under the task's row lock.
    notification_create(
        recipient=task.owner,
        title=_title(_("Frist for oppgave: %(employer)s") % {"employer": employer.name}),
        body=task.description,
        link=link,
        send_email=False,
    )
    send_rendered(
        task.owner.email,
        context,
        subject="employers/email/task_reminder_subject.txt",
        text="employers/email/task_reminder.txt",
        html="employers/email/task_reminder.html",
    )
