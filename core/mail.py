"""Sending an e-mail for a row at most once, even when a worker dies mid-send.

The send is claimed in the database first (a short transaction of its own), then the mail goes
out, then the row is marked sent. If sending raises (the SMTP server refused or could not be
reached), the mail provably did not go out: the claim is released and the task's retry sends
it. If the worker is killed after the SMTP server accepted the mail but before the row was
marked sent, the claim stays and the mail is never sent again automatically: whether it went
out cannot be known, and a duplicate is worse than a mail an administrator can resend (rows
claimed and not sent are listed in the admin as "uncertain")."""

from collections.abc import Callable

from django.db import models, transaction
from django.utils import timezone


def send_once(
    candidates: models.QuerySet,
    pk: int,
    *,
    send: Callable[[models.Model], bool],
    sent_field: str,
    claimed_field: str,
) -> bool:
    """Claim the row `pk` of `candidates` (unsent and unclaimed), call `send(row)` and mark it
    sent. Returns False when there is nothing to send or `send` declined."""
    with transaction.atomic():
        row = (
            candidates.select_for_update(of=("self",))
            .filter(pk=pk, **{f"{sent_field}__isnull": True, f"{claimed_field}__isnull": True})
            .first()
        )
        if row is None:
            return False
        setattr(row, claimed_field, timezone.now())
        row.save(update_fields=[claimed_field])
    model = type(row).objects
    try:
        sent = send(row)
    except Exception:
        model.filter(pk=pk).update(**{claimed_field: None})
        raise
    if not sent:
        model.filter(pk=pk).update(**{claimed_field: None})
        return False
    model.filter(pk=pk).update(**{sent_field: timezone.now()})
    return True
