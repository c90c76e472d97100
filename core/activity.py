"""Writing and reading the activity log, and the registry that renders action codes as
Norwegian. Each app registers its codes in its AppConfig.ready():

    register_actions({"employers.opening.published": _("Stillingen ble publisert")})
"""

from collections.abc import Iterable, Mapping

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import ActivityEntry

_ACTIONS: dict[str, str] = {}


def register_actions(actions: Mapping[str, str]) -> None:
    """Add action codes with their (lazy) Norwegian descriptions. A code is registered once."""
    for code, text in actions.items():
        if code in _ACTIONS and _ACTIONS[code] != text:
            raise ValueError(f"Action {code} is already registered with another text")
        _ACTIONS[code] = text


def describe(entry: ActivityEntry) -> str:
    """The plain-Norwegian sentence for an entry; an unregistered code is shown as it is."""
    return str(_ACTIONS.get(entry.action, entry.action))


def registered_actions() -> dict[str, str]:
    return dict(_ACTIONS)


def log_action(
    subject: models.Model,
    action: str,
    *,
    actor=None,
    note: str = "",
    from_state: str = "",
    to_state: str = "",
    data: dict | None = None,
    at=None,
) -> ActivityEntry:
    """Record that `action` happened to `subject`. `actor` is None for the system (beat)."""
    entry = unsaved_entry(
        subject,
        action,
        actor=actor,
        note=note,
        from_state=from_state,
        to_state=to_state,
        data=data,
        at=at,
    )
    entry.save()
    return entry


def unsaved_entry(subject: models.Model, action: str, *, at=None, data=None, **fields):
    """An entry for `subject`, not yet saved: data generators bulk_create these. The content
    type comes from ContentType's cache, so a batch looks it up once."""
    entry = ActivityEntry(
        content_type=ContentType.objects.get_for_model(subject, for_concrete_model=False),
        object_id=subject.pk,
        action=action,
        data=data or {},
        **fields,
    )
    if at is not None:
        entry.at = at
    return entry


def history_for(subject: models.Model) -> models.QuerySet[ActivityEntry]:
    """The subject's history, oldest first, with the actor loaded: one query."""
    return history_for_many([subject])


def history_for_many(subjects: Iterable[models.Model]) -> models.QuerySet[ActivityEntry]:
    """The history of several objects of one model in one query (for a list of cards)."""
    subjects = list(subjects)
    if not subjects:
        return ActivityEntry.objects.none()
    content_type = ContentType.objects.get_for_model(subjects[0], for_concrete_model=False)
    return ActivityEntry.objects.filter(
        content_type=content_type, object_id__in=[subject.pk for subject in subjects]
    ).select_related("actor")
