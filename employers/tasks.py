from celery import shared_task
from django.utils import timezone

from core.tasks import RETRY_ON_TRANSIENT_ERRORS

from .services import imports
from .services.dialogue import task_send_due_reminders


@shared_task(bind=True, **RETRY_ON_TRANSIENT_ERRORS)
def send_due_task_reminders(self) -> int:
    """Beat, every morning. Safe to run twice or in parallel: each task is reminded once, and
    the unsent ones are picked up on retry."""
    return task_send_due_reminders(today=timezone.localdate())


@shared_task(bind=True, **RETRY_ON_TRANSIENT_ERRORS)
def check_employer_import(self, employer_import_id: int) -> bool:
    """The dry run of a large import. Reads only; a checked import is not checked again."""
    return imports.employer_import_check(employer_import_id=employer_import_id)


@shared_task(bind=True, **RETRY_ON_TRANSIENT_ERRORS)
def apply_employer_import(self, employer_import_id: int, actor_id: int) -> bool:
    """Apply a large import, all or nothing. A re-delivered task finds it applied (under the
    row lock) and writes nothing."""
    return imports.employer_import_apply_in_background(
        employer_import_id=employer_import_id, actor_id=actor_id
    )
