from django.db import transaction
from django.utils import timezone

from accounts.models import User

from ..imports import ImportFile, ImportPlan, plan_import
from ..models import Employer, EmployerImport


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
    EmployerImport.objects.filter(created_by=actor, applied_at__isnull=True).delete()
    return EmployerImport.objects.create(
        created_by=actor, file_name=file_name[:255], columns=content.columns, rows=content.rows
    )


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
