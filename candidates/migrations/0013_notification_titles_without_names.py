"""Stored notifications about a shortlist entry carried the candidate's name and free-text
reasons (issue 15, item 10). Their titles are rewritten to name the opening only, bodies that
could hold a reason or motivation are emptied, and the entry becomes the notification's subject,
which the list names for readers who may still see the candidate."""

import re

from django.db import migrations

ENTRY_LINK = re.compile(r"^/kandidater/kandidatliste/(\d+)/$")
TITLE = "Oppdatering om en kandidat på kandidatlisten til %(opening)s"


def forward(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    ShortlistEntry = apps.get_model("candidates", "ShortlistEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    entry_type, _created = ContentType.objects.get_or_create(
        app_label="candidates", model="shortlistentry"
    )
    linked = Notification.objects.filter(link__regex=ENTRY_LINK.pattern, subject_id__isnull=True)
    entry_ids = {int(ENTRY_LINK.match(n.link).group(1)) for n in linked.only("link")}
    openings = dict(
        ShortlistEntry.objects.filter(pk__in=entry_ids).values_list(
            "pk", "shortlist__opening__title"
        )
    )
    for notification in linked.iterator():
        entry_id = int(ENTRY_LINK.match(notification.link).group(1))
        if entry_id not in openings:
            continue
        notification.title = TITLE % {"opening": openings[entry_id]}
        notification.body = ""
        notification.subject_type = entry_type
        notification.subject_id = entry_id
        notification.save(update_fields=["title", "body", "subject_type", "subject_id"])
    # Proposals told to a fixed contact linked to the shortlist, with the motivation in the body.
    for notification in Notification.objects.filter(
        title__startswith="Ny kandidat foreslått til ", body__contains=": "
    ):
        notification.body = notification.body.split(": ", 1)[0] + "."
        notification.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [
        ("candidates", "0012_audit_fnr_attempt"),
        ("notifications", "0003_notification_subject"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
