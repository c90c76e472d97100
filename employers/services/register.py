from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core.transitions import transition
from core.versioning import check_version

from ..models import Employer, EmployerPerson


def employer_move(employer: Employer, *, to: str, actor: User | None, fields=()) -> None:
    """Move a locked employer to the status `to` (Employer.TRANSITIONS) and log it, saving
    `fields` with it; an employer already there only has `fields` saved."""
    if employer.status != to:
        transition(employer, to=to, actor=actor, fields=fields)
    elif fields:
        employer.save(update_fields=[*fields, "updated_at"])


@transaction.atomic
def employer_create(*, data: dict, actor: User) -> Employer:
    """Register an employer. `data` holds model field values, orgnr included."""
    return Employer.objects.create(**data, created_by=actor)


def _differs(employer: Employer, name: str, value) -> bool:
    field = Employer._meta.get_field(name)
    if field.is_relation:
        return getattr(employer, field.attname) != (value.pk if value is not None else None)
    return getattr(employer, name) != value


@transaction.atomic
def employer_update(*, employer: Employer, data: dict, actor: User, version: str = "") -> Employer:
    """Save the fields that differ from the stored row, and only those.

    `version` is the `updated_at` (ISO format) the editor started from; if the row has
    changed since, nothing is saved, so one person never silently overwrites another.
    """
    employer = Employer.objects.select_for_update().get(pk=employer.pk)
    check_version(employer, version)
    changed = [name for name, value in data.items() if _differs(employer, name, value)]
    for name in changed:
        if name != "status":
            setattr(employer, name, data[name])
    others = [name for name in changed if name != "status"]
    if "status" in changed:
        employer_move(employer, to=data["status"], actor=actor, fields=others)
    elif others:
        employer.save(update_fields=[*others, "updated_at"])
    return employer


def _touch(employer: Employer) -> None:
    # The employer's "last changed" (list sorting) includes changes to its people.
    employer.updated_at = timezone.now()
    employer.save(update_fields=["updated_at"])


@transaction.atomic
def employer_person_create(*, employer: Employer, data: dict, actor: User) -> EmployerPerson:
    person = EmployerPerson.objects.create(employer=employer, **data)
    _touch(employer)
    return person


@transaction.atomic
def employer_person_update(
    *, person: EmployerPerson, data: dict, actor: User, version: str = ""
) -> EmployerPerson:
    person = EmployerPerson.objects.select_for_update().select_related("employer").get(pk=person.pk)
    check_version(person, version)
    for name, value in data.items():
        setattr(person, name, value)
    person.save(update_fields=[*data, "updated_at"])
    _touch(person.employer)
    return person


@transaction.atomic
def employer_person_delete(*, person: EmployerPerson, actor: User) -> None:
    """Remove the person from the employer's lists; the contact history keeps their name."""
    employer = person.employer
    person.removed_at = timezone.now()
    person.save(update_fields=["removed_at"])
    _touch(employer)
