"""Move every LeadEvent and JobOpeningEvent into the one activity log (core.ActivityEntry),
nothing lost: the row's status change, actor, time and note, and a lead's assignee in `data`.
The event tables go in the next migration."""

from django.db import migrations

BATCH = 5000


def _name(user) -> str:
    # accounts.User.__str__, which historical models do not have.
    return f"{user.first_name} {user.last_name}".strip() or user.email


def _copy(apps, model_name: str, subject_field: str, subject_model: str, entry_data) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    ActivityEntry = apps.get_model("core", "ActivityEntry")
    Event = apps.get_model("employers", model_name)
    content_type, _ = ContentType.objects.get_or_create(app_label="employers", model=subject_model)
    prefix = f"employers.{'opening' if subject_model == 'jobopening' else subject_model}"
    events = Event.objects.order_by("pk")
    if model_name == "LeadEvent":
        events = events.select_related("assigned_to")
    entries = []
    for event in events.iterator(chunk_size=BATCH):
        if not event.from_status:
            verb = "created"
        elif prefix == "employers.opening" and event.to_status == "open":
            verb = "published"
        else:
            verb = event.to_status
        entries.append(
            ActivityEntry(
                content_type=content_type,
                object_id=getattr(event, f"{subject_field}_id"),
                action=f"{prefix}.{verb}",
                actor_id=event.actor_id,
                at=event.at,
                from_state=event.from_status,
                to_state=event.to_status,
                note=event.note,
                data=entry_data(event),
            )
        )
        if len(entries) >= BATCH:
            ActivityEntry.objects.bulk_create(entries)
            entries = []
    ActivityEntry.objects.bulk_create(entries)


def _lead_data(event) -> dict:
    if event.assigned_to_id is None:
        return {}
    data = {"assigned_to": event.assigned_to_id}
    if event.to_status == "assigned":
        data["assigned_to_name"] = _name(event.assigned_to)
    return data


def forward(apps, schema_editor):
    _copy(apps, "LeadEvent", "lead", "lead", _lead_data)
    _copy(apps, "JobOpeningEvent", "opening", "jobopening", lambda event: {})


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0001_activity_log"),
        ("employers", "0009_constraint_messages"),
    ]

    # Going back keeps the log; the event tables come back empty, so going forward again
    # copies nothing twice.
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
