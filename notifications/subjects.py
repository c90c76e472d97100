"""Names of what notifications are about, rendered when the list is shown. A stored title names
the opening and the step, never the person, because it goes out by e-mail and outlives the
reader's access; the app that owns the subject registers a namer that returns the names this
reader may still see (and audits the read)."""

from collections import defaultdict
from collections.abc import Callable, Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import models

from accounts.models import User

from .models import Notification

# user, subject ids -> {id: name} for the subjects the user may see now.
Namer = Callable[[User, set[int]], dict[int, str]]
_NAMERS: dict[str, Namer] = {}


def register_subject_namer(model: type[models.Model], namer: Namer) -> None:
    _NAMERS[model._meta.label_lower] = namer


def attach_subject_names(user: User, notifications: Iterable[Notification]) -> None:
    """Set `subject_name` on each notification: one call (one query) per kind of subject."""
    by_type: dict[int, list[Notification]] = defaultdict(list)
    for notification in notifications:
        notification.subject_name = ""
        if notification.subject_type_id and notification.subject_id:
            by_type[notification.subject_type_id].append(notification)
    for type_id, group in by_type.items():
        namer = _NAMERS.get(ContentType.objects.get_for_id(type_id).model_class()._meta.label_lower)
        if namer is None:
            continue
        names = namer(user, {notification.subject_id for notification in group})
        for notification in group:
            notification.subject_name = names.get(notification.subject_id, "")
