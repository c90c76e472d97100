from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core.outbox import enqueue

from ..imports import ImportFile, ImportPlan, plan_import
from ..models import Employer, EmployerImport

ERRORS_KEPT = 500  # a dry run keeps (and the page shows) the first errors


class ImportAlreadyApplied(Exception):
    pass


class ImportInvalid(Exception):
    def __init__(self, plan: ImportPlan):
        super().__init__(f"{len(plan.errors)} invalid cells")
        self.plan = plan


@transaction.atomic
def employer_import_create(*, file_name: str, content: ImportFile, actor: User) -> EmployerImport:
    """Keep an uploaded file's rows for the dry run and the apply. A person has one pending
    import at a time: a new upload replaces the one not applied."""
    EmployerImport.objects.filter(
        created_by=actor, applied_at__isnull=True, apply_requested_at__isnull=True
    ).delete()
    employer_import = EmployerImport.objects.create(
        created_by=actor,
        file_name=file_name[:255],
        columns=content.columns,
        rows=content.rows,
        row_count=len(content.rows),
    )
    if employer_import.in_background:
        from ..tasks import check_employer_import

        enqueue(check_employer_import, employer_import.pk)
    return employer_import


def dry_run_summary(plan: ImportPlan) -> dict:
    """What the preview page shows of a plan, as stored for a background import."""
    return {
        "new": len(plan.new),
        "changed": len(plan.changed),
        "unchanged": plan.unchanged,
        "invalid_rows": len({error.row for error in plan.errors}),
        "error_count": len(plan.errors),
        "errors": [
            {"row": error.row, "column": error.column, "message": str(error.message)}
            for error in plan.errors[:ERRORS_KEPT]
        ],
    }


def _progress_saver(employer_import_id: int, total: int):
    """Save the dry run's progress as rows are checked (in autocommit, so the page sees it;
    the apply runs in one transaction and shows no percentage)."""

    def save(rows_done: int) -> None:
        percent = min(99, 100 * rows_done // max(total, 1))
        EmployerImport.objects.filter(pk=employer_import_id).update(progress=percent)

    return save


def employer_import_check(*, employer_import_id: int) -> bool:
    """The background dry run: check every row and keep the result. Reads only; safe to run
    again (a checked or applied import is left alone). True if checked now."""
    employer_import = EmployerImport.objects.filter(
        pk=employer_import_id, checked_at__isnull=True, applied_at__isnull=True
    ).first()
    if employer_import is None:
        return False
    total = employer_import.row_count
    plan = plan_import(employer_import.rows, on_progress=_progress_saver(employer_import.pk, total))
    EmployerImport.objects.filter(pk=employer_import.pk, checked_at__isnull=True).update(
        dry_run=dry_run_summary(plan), checked_at=timezone.now(), progress=100
    )
    return True


@transaction.atomic
def employer_import_request_apply(*, employer_import: EmployerImport) -> bool:
    """Start the background apply of a checked, valid import. A second request while it runs
    starts nothing (False)."""
    employer_import = EmployerImport.objects.select_for_update().get(pk=employer_import.pk)
    if employer_import.is_applied:
        raise ImportAlreadyApplied
    if employer_import.apply_requested_at is not None:
        return False
    if employer_import.checked_at is None or employer_import.dry_run.get("invalid_rows"):
        raise ImportInvalid(ImportPlan())
    from ..tasks import apply_employer_import

    employer_import.apply_requested_at = timezone.now()
    employer_import.progress = 0
    employer_import.save(update_fields=["apply_requested_at", "progress"])
    enqueue(apply_employer_import, employer_import.pk, employer_import.created_by_id)
    return True


def employer_import_apply_in_background(*, employer_import_id: int, actor_id: int) -> bool:
    """The apply task's work. A re-delivered task finds the import applied and does nothing;
    rows that turned invalid since the dry run write nothing and come back as a new dry run.
    True if applied now."""
    employer_import = EmployerImport.objects.filter(
        pk=employer_import_id, apply_requested_at__isnull=False
    ).first()
    if employer_import is None or employer_import.is_applied:
        return False
    try:
        employer_import_apply(
            employer_import=employer_import,
            actor=User.objects.get(pk=actor_id),
        )
    except ImportAlreadyApplied:
        return False
    except ImportInvalid as invalid:
        EmployerImport.objects.filter(pk=employer_import.pk).update(
            dry_run=dry_run_summary(invalid.plan),
            checked_at=timezone.now(),
            apply_requested_at=None,
            progress=100,
        )
        return False
    return True


@transaction.atomic
def employer_import_apply(*, employer_import: EmployerImport, actor: User) -> EmployerImport:
    """Create and update the employers of a checked import, all or nothing.

    The rows are checked again against the register as it is now; if any row is invalid,
    nothing is written (ImportInvalid). Applying the same rows twice changes nothing the
    second time: employers are matched on orgnr.
    """
    employer_import = EmployerImport.objects.select_for_update().get(pk=employer_import.pk)
    if employer_import.is_applied:
        raise ImportAlreadyApplied
    plan = plan_import(employer_import.rows)
    if not plan.is_valid:
        raise ImportInvalid(plan)

    now = timezone.now()
    Employer.objects.bulk_create(
        [Employer(**fields, created_by=actor, created_at=now) for fields in plan.new]
    )
    changed_fields = {"updated_at"}
    for employer, changes in plan.changed:
        for name, value in changes.items():
            setattr(employer, name, value)
        employer.updated_at = now
        changed_fields.update(changes)
    Employer.objects.bulk_update([e for e, _c in plan.changed], fields=sorted(changed_fields))
    _link_parents(plan.parents, now)

    employer_import.applied_at = now
    employer_import.created_count = len(plan.new)
    employer_import.updated_count = len(plan.changed)
    employer_import.unchanged_count = plan.unchanged
    employer_import.save(
        update_fields=["applied_at", "created_count", "updated_count", "unchanged_count"]
    )
    return employer_import


def _link_parents(parents: dict[str, str], now) -> None:
    """Set parents once every employer of the file exists (a parent may be a new row)."""
    if not parents:
        return
    by_orgnr = Employer.objects.in_bulk({*parents, *parents.values()}, field_name="orgnr")
    relinked = []
    for child_orgnr, parent_orgnr in parents.items():
        child, parent = by_orgnr[child_orgnr], by_orgnr[parent_orgnr]
        if child.parent_id != parent.pk:
            child.parent_id = parent.pk
            child.updated_at = now
            relinked.append(child)
    Employer.objects.bulk_update(relinked, fields=["parent", "updated_at"])
