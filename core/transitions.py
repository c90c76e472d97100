"""The one way to change an object's state: check the model's transition table, save the
status with `update_fields`, and write one entry to the activity log.

A model that uses it declares its table and (optionally) its action prefix:

    class Lead(models.Model):
        ACTIVITY_PREFIX = "employers.lead"
        TRANSITIONS = {Status.NEW: {Status.ASSIGNED, Status.CLOSED}, ...}

and a service calls, inside its transaction and with the row locked:

    transition(lead, to=Lead.Status.ASSIGNED, actor=user, note=note, fields=["assigned_to"])

which logs `employers.lead.assigned` unless another `action` code is given."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .activity import log_action
from .models import ActivityEntry


class TransitionRefused(ValidationError):
    """The model's transition table does not allow this change from the current state."""


def activity_prefix(obj: models.Model) -> str:
    return getattr(obj, "ACTIVITY_PREFIX", f"{obj._meta.app_label}.{obj._meta.model_name}")


def may_transition(obj: models.Model, to: str) -> bool:
    current = getattr(obj, getattr(obj, "STATUS_FIELD", "status"))
    return to in obj.TRANSITIONS.get(current, ())


def transition(
    obj: models.Model,
    *,
    to: str,
    actor,
    note: str = "",
    action: str = "",
    fields: Iterable[str] = (),
    data: dict | None = None,
    message=None,
) -> ActivityEntry:
    """Move `obj` to the state `to`, saving the status and `fields`, and log it.

    Raises TransitionRefused (a ValidationError, with `message` or a generic Norwegian text)
    when the table does not allow it; nothing is saved then."""
    status_field = getattr(obj, "STATUS_FIELD", "status")
    from_state = getattr(obj, status_field)
    if not may_transition(obj, to):
        raise TransitionRefused(message or _("Statusen kan ikke endres slik nå."))
    setattr(obj, status_field, to)
    update_fields = [status_field, *fields]
    if any(field.name == "updated_at" for field in obj._meta.concrete_fields):
        update_fields.append("updated_at")
    obj.save(update_fields=list(dict.fromkeys(update_fields)))
    return log_action(
        obj,
        action or f"{activity_prefix(obj)}.{to}",
        actor=actor,
        note=note,
        from_state=from_state,
        to_state=to,
        data=data,
    )
