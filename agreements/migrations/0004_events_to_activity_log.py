"""Move every AgreementEvent into the one activity log (core.ActivityEntry), nothing lost: the
status change, actor, time and note, and the end reason in `data`. The table goes next."""

from django.db import migrations

BATCH = 5000
# Becoming active is "activated"; other codes are the new status.
VERBS = {"active": "activated"}


def forward(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ActivityEntry = apps.get_model("core", "ActivityEntry")
    AgreementEvent = apps.get_model("agreements", "AgreementEvent")
    content_type, _ = ContentType.objects.get_or_create(app_label="agreements", model="agreement")
    entries = []
    for event in AgreementEvent.objects.order_by("pk").iterator(chunk_size=BATCH):
        verb = VERBS.get(event.to_status, event.to_status) if event.from_status else "created"
        entries.append(
            ActivityEntry(
                content_type=content_type,
                object_id=event.agreement_id,
                action=f"agreements.agreement.{verb}",
                actor_id=event.actor_id,
                at=event.at,
                from_state=event.from_status,
                to_state=event.to_status,
                note=event.note,
                data={"end_reason": event.reason} if event.reason else {},
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
        ("agreements", "0003_meeting_cancelled"),
    ]

    # Going back keeps the log; the table comes back empty, so going forward again copies
    # nothing twice.
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
