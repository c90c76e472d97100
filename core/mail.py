"""Sending an e-mail for a row at most once, even when a worker dies mid-send.

The send is claimed in the database first (a short transaction of its own), then the mail goes
out, then the row is marked sent. If sending raises (the SMTP server refused or could not be
reached), the mail provably did not go out: the claim is released and the task's retry sends
it. If the worker is killed after the SMTP server accepted the mail but before the row was
marked sent, the claim stays and the mail is never sent again automatically: whether it went
out cannot be known, and a duplicate is worse than a mail an administrator can resend (rows
claimed and not sent are listed in the admin as "uncertain")."""

from collections.abc import Callable

from django.core.mail import send_mail
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone


def send_rendered(to: str, context: dict, *, subject: str, text: str, html: str) -> None:
    """Send one e-mail to `to` from the default sender, its subject line, plain text and HTML
    rendered from the three named templates with `context`."""
    send_mail(
        subject=render_to_string(subject, context).strip(),
        message=render_to_string(text, context),
        html_message=render_to_string(html, context),
        from_email=None,
        recipient_list=[to],
    )


def send_claimed(
    claimable: models.QuerySet,
    pk: int,
    *,
    send: Callable[[models.Model], bool],
    claim: Callable[[models.Model], dict],
    mark_sent: Callable[[models.Model], dict],
) -> bool:
    """Claim the row `pk` of `claimable` (the rows with something to send and no claim on it)
    by saving `claim(row)`, call `send(row)`, then save `mark_sent(row)`. A failed or declined
    send releases the claim (only if it is still this one). Returns True if sent now."""
    with transaction.atomic():
        row = claimable.select_for_update(of=("self",)).filter(pk=pk).first()
        if row is None:
            return False
        claimed = claim(row)
        for field, value in claimed.items():
            setattr(row, field, value)
        row.save(update_fields=list(claimed))
    ours = type(row).objects.filter(pk=pk, **claimed)
    try:
        sent = send(row)
    except Exception:
        ours.update(**dict.fromkeys(claimed))
        raise
    if not sent:
        ours.update(**dict.fromkeys(claimed))
        return False
    type(row).objects.filter(pk=pk).update(**mark_sent(row))
    return True


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
    return send_claimed(
        candidates.filter(**{f"{sent_field}__isnull": True, f"{claimed_field}__isnull": True}),
        pk,
        send=send,
        claim=lambda row: {claimed_field: timezone.now()},
        mark_sent=lambda row: {sent_field: timezone.now()},
    )
