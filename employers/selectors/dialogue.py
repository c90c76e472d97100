"""Reads for the contact history and tasks, each in a fixed number of queries."""

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from accounts.models import NAV_COUNTY_ROLES, TASK_OWNER_ROLES, User

from ..models import DialogueEntry, Employer, Task

HOME_TASK_LIMIT = 15
HOME_TASK_HORIZON_DAYS = 7


def dialogue_timeline(
    *,
    employer: Employer,
    user: User,
    topic: str = "",
    channel: str = "",
    oldest_first: bool = False,
) -> QuerySet[DialogueEntry]:
    """All contacts with the employer, from NAV and providers alike, newest first."""
    entries = DialogueEntry.objects.visible_to(user).filter(employer=employer).for_timeline()
    if topic:
        entries = entries.filter(topics__contains=[topic])
    if channel:
        entries = entries.filter(channel=channel)
    if oldest_first:
        entries = entries.order_by("occurred_at", "id")
    return entries


def dialogue_latest(*, employer: Employer, user: User, limit: int = 5) -> list[DialogueEntry]:
    """The newest contacts, for the employer's detail page (two queries)."""
    return list(dialogue_timeline(employer=employer, user=user)[:limit])


def employer_for_dialogue(*, user: User, pk: int) -> QuerySet[Employer]:
    """The employer with its fixed contact loaded, as the coordination notice needs it."""
    return (
        Employer.objects.visible_to(user)
        .select_related("fixed_contact__provider", "fixed_contact__office")
        .filter(pk=pk)
    )


def task_owner_choices(*, employer: Employer, author: User) -> QuerySet[User]:
    """Who a next step can be given to: the author, the employer's fixed contact, NAV staff
    in the employer's county and staff at providers serving that county."""
    nearby = (
        Q(pk=author.pk)
        | Q(county_id=employer.county_id, role__in=NAV_COUNTY_ROLES)
        | Q(provider__regions__county_id=employer.county_id)
    )
    if employer.fixed_contact_id:
        nearby |= Q(pk=employer.fixed_contact_id)
    return (
        User.objects.filter(nearby, is_active=True, role__in=TASK_OWNER_ROLES)
        .select_related("provider")
        .distinct()
        .order_by("first_name", "last_name", "email")
    )


def tasks_of(*, user: User, done: bool = False) -> QuerySet[Task]:
    tasks = Task.objects.visible_to(user).select_related("entry__employer", "entry__author")
    if done:
        return tasks.filter(status=Task.Status.DONE).order_by("-done_at", "-id")
    return tasks.open().order_by("due_date", "id")


@dataclass
class TaskAgenda:
    urgent: list[Task]
    upcoming: list[Task]
    has_more: bool


def task_agenda(*, user: User, today: datetime.date) -> TaskAgenda:
    """Open tasks for the home page: overdue and due today first, then the next 7 days."""
    horizon = today + datetime.timedelta(days=HOME_TASK_HORIZON_DAYS)
    tasks = list(tasks_of(user=user).filter(due_date__lte=horizon)[: HOME_TASK_LIMIT + 1])
    has_more = len(tasks) > HOME_TASK_LIMIT
    tasks = tasks[:HOME_TASK_LIMIT]
    return TaskAgenda(
        urgent=[task for task in tasks if task.due_date <= today],
        upcoming=[task for task in tasks if task.due_date > today],
        has_more=has_more,
    )
