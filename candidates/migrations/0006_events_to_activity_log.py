"""Move every ShortlistEvent into the one activity log (core.ActivityEntry), nothing lost: the
kind becomes the action code, the steps from/to_state, the reason the note. The table goes
next."""

from django.db import migrations

BATCH = 5000
VERBS = {"move": "moved", "archive": "archived", "restore": "restored", "note": "noted"}


def forward(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ActivityEntry = apps.get_model("core", "ActivityEntry")
    ShortlistEvent = apps.get_model("candidates", "ShortlistEvent")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="candidates", model="shortlistentry"
    )
    entries = []
    for event in ShortlistEvent.objects.order_by("pk").iterator(chunk_size=BATCH):
        added = event.kind == "move" and not event.from_step
        entries.append(
            ActivityEntry(
                content_type=content_type,
                object_id=event.entry_id,
                action=f"candidates.entry.{'added' if added else VERBS[event.kind]}",
                actor_id=event.actor_id,
                at=event.at,
                from_state=event.from_step,
                to_state=event.to_step,
                note=event.reason,
            )
        )
        if len(entries) >= BATCH:
            ActivityEntry.objects.bulk_create(entries)
            entries = []
    ActivityEntry.objects.bulk_create(entries)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0001_activity_log"),
        ("candidates", "0005_email_claims"),
    ]

    # Going back keeps the log; the table comes back empty, so going forward again copies
    # nothing twice.
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
