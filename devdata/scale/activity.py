"""The activity log of rows the scale seeders bulk_create: their save() and services do not
run, so each seeder writes the entries a service would have written itself."""

from core.activity import unsaved_entry
from core.models import ActivityEntry


def log_created(rows, action: str, *, actor: str, state: str | None = None) -> None:
    """One `action` entry per row, by the user in the row's `actor` id field, into `state`
    (the state every row started in) or else the row's own status."""
    ActivityEntry.objects.bulk_create(
        (
            unsaved_entry(row, action, actor_id=getattr(row, actor), to_state=state or row.status)
            for row in rows
        ),
        batch_size=5000,
    )
