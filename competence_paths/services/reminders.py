"""Reminders to a path's contact person (in-app and e-mail, never twice; days in Europe/Oslo):
14 days before the hire decision date, when a stage has ended but is not marked for every
participant taking part, and when a path that should have started has no participants."""

import datetime

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from notifications.services import remind_once

from ..models import CompetencePath, Participant, PathReminder, Stage, StageProgress

HIRE_DECISION_DAYS = 14
LIVE = (CompetencePath.Status.PLANNED, CompetencePath.Status.RUNNING)


def _remind(*, kind: str, path: CompetencePath, stage, due_on, title: str) -> bool:
    return remind_once(
        PathReminder,
        recipient=path.contact,
        title=title,
        link=reverse("competence_paths:detail", args=[path.pk]),
        kind=kind,
        path=path,
        stage=stage,
        due_on=due_on,
    )


def _hire_decisions(today: datetime.date) -> int:
    paths = CompetencePath.objects.filter(
        status__in=LIVE,
        hire_decision_on__gte=today,
        hire_decision_on__lte=today + datetime.timedelta(days=HIRE_DECISION_DAYS),
    ).select_related("contact")
    return sum(
        _remind(
            kind=PathReminder.Kind.HIRE_DECISION,
            path=path,
            stage=None,
            due_on=path.hire_decision_on,
            title=_("Ansettelsesvurdering %(date)s: %(path)s")
            % {"date": date_format(path.hire_decision_on, "MONTH_DAY_FORMAT"), "path": path.title},
        )
        for path in paths
    )


def _unmarked_stages(today: datetime.date) -> int:
    marked = StageProgress.objects.filter(
        participant=OuterRef("pk"),
        stage=OuterRef(OuterRef("pk")),
        state__in=(StageProgress.State.COMPLETED, StageProgress.State.NOT_COMPLETED),
    )
    unmarked = Participant.objects.filter(
        path=OuterRef("path_id"),
        status__in=(Participant.Status.TAKING_PART, Participant.Status.COMPLETED),
    ).exclude(Exists(marked))
    stages = (
        Stage.objects.filter(path__status__in=LIVE, ends_on__lt=today)
        .filter(Exists(unmarked))
        .select_related("path__contact")
    )
    return sum(
        _remind(
            kind=PathReminder.Kind.STAGE_UNMARKED,
            path=stage.path,
            stage=stage,
            due_on=stage.ends_on,
            title=_("Marker om deltakerne fullførte «%(stage)s» (%(path)s)")
            % {"stage": stage.title, "path": stage.path.title},
        )
        for stage in stages
    )


def _without_participants(today: datetime.date) -> int:
    paths = (
        CompetencePath.objects.filter(status__in=LIVE, planned_start__lte=today)
        .exclude(Exists(Participant.objects.filter(path=OuterRef("pk"))))
        .select_related("contact")
    )
    return sum(
        _remind(
            kind=PathReminder.Kind.NO_PARTICIPANTS,
            path=path,
            stage=None,
            due_on=path.planned_start,
            title=_("«%(path)s» skulle ha startet %(date)s, men har ingen deltakere")
            % {"path": path.title, "date": date_format(path.planned_start, "MONTH_DAY_FORMAT")},
        )
        for path in paths
    )


def path_reminders_send(*, today: datetime.date) -> int:
    """Send every reminder due on `today`; safe to run twice or in parallel."""
    return _hire_decisions(today) + _unmarked_stages(today) + _without_participants(today)
