"""Creating, changing and ending paths: one service per use case, each in one transaction."""

import datetime
from collections.abc import Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from core.activity import log_action
from core.transitions import transition
from core.versioning import check_version
from employers.models import Employer, EmployerPerson

from ..models import CompetencePath, CostItem, PathTemplate, Stage, TemplateStage, add_weeks
from ..permissions import may_create, may_manage

PATH_FIELDS = (
    "title",
    "agreement",
    "opening",
    "target_role",
    "qualification",
    "places",
    "planned_start",
    "measures",
    "hire_decision_on",
    "hire_terms",
    "union_note",
    "open_advertising",
    "contact",
)
STAGE_FIELDS = ("kind", "title", "duration_weeks", "deliverer", "provider", "place")
# All of a stage but its provider, which a template does not name and a path's stage keeps only
# when the provider delivers it.
PLAIN_STAGE_FIELDS = tuple(field for field in STAGE_FIELDS if field != "provider")


def stage_dates(
    start: datetime.date, weeks: Sequence[int]
) -> list[tuple[datetime.date, datetime.date]]:
    """Each stage's first and last day: stages follow each other without a gap, a stage of n
    weeks lasting 7n days."""
    dates = []
    for duration in weeks:
        end = add_weeks(start, duration)
        dates.append((start, end - datetime.timedelta(days=1)))
        start = end
    return dates


def template_initial(template: PathTemplate, *, start: datetime.date) -> tuple[dict, list[dict]]:
    """The path form's starting values copied from a template (the template is only read)."""
    stages = [
        {field: getattr(stage, field) for field in PLAIN_STAGE_FIELDS}
        for stage in template.stages.all()
    ]
    total_weeks = sum(stage["duration_weeks"] for stage in stages)
    initial = {
        "title": template.name,
        "qualification": template.qualification,
        "places": template.places,
        "measures": list(template.measures),
        "hire_terms": template.hire_terms,
        "planned_start": start,
        "hire_decision_on": (
            add_weeks(start, template.hire_decision_weeks or total_weeks)
            if stages or template.hire_decision_weeks
            else None
        ),
    }
    return initial, stages


def _check_links(employer: Employer, fields: dict, union_reps) -> None:
    errors = {}
    if fields.get("agreement") and fields["agreement"].employer_id != employer.pk:
        errors["agreement"] = _("Avtalen gjelder en annen virksomhet.")
    if fields.get("opening") and fields["opening"].employer_id != employer.pk:
        errors["opening"] = _("Stillingen hører til en annen virksomhet.")
    if any(
        rep.employer_id != employer.pk or rep.kind != EmployerPerson.Kind.UNION_REP
        for rep in union_reps
    ):
        errors["union_reps"] = _("Velg tillitsvalgte hos virksomheten.")
    if errors:
        raise ValidationError(errors)


def _check_stages(stages: Sequence[dict]) -> None:
    if not stages:
        raise ValidationError(_("Løpet må ha minst ett trinn."))
    for stage in stages:
        if stage["deliverer"] == "provider" and not stage.get("provider"):
            raise ValidationError(
                _("Velg tiltaksleverandøren for trinnet «%(title)s».") % {"title": stage["title"]}
            )


def _write_stages(path: CompetencePath, stages: Sequence[dict]) -> None:
    path.stages.all().delete()
    dates = stage_dates(path.planned_start, [stage["duration_weeks"] for stage in stages])
    Stage.objects.bulk_create(
        Stage(
            path=path,
            order=order,
            starts_on=starts_on,
            ends_on=ends_on,
            provider=stage.get("provider") if stage["deliverer"] == "provider" else None,
            **{field: stage[field] for field in PLAIN_STAGE_FIELDS},
        )
        for order, (stage, (starts_on, ends_on)) in enumerate(zip(stages, dates, strict=True), 1)
    )
    path.ends_on = dates[-1][1]


def _write_costs(path: CompetencePath, costs: Sequence[dict]) -> None:
    path.cost_items.all().delete()
    CostItem.objects.bulk_create(
        CostItem(path=path, description=cost["description"], amount=cost["amount"])
        for cost in costs
    )


@transaction.atomic
def path_create(
    *,
    employer: Employer,
    actor: User,
    stages: Sequence[dict],
    costs: Sequence[dict] = (),
    union_reps=(),
    template: PathTemplate | None = None,
    **fields,
) -> CompetencePath:
    if not may_create(actor):
        raise PermissionDenied
    _check_links(employer, fields, union_reps)
    _check_stages(stages)
    path = CompetencePath(
        employer=employer,
        county_id=employer.county_id,
        template=template,
        created_by=actor,
        ends_on=fields["planned_start"],
        **{name: fields[name] for name in PATH_FIELDS if name in fields},
    )
    path.save()
    _write_stages(path, stages)
    path.save(update_fields=["ends_on"])
    _write_costs(path, costs)
    path.union_reps.set(union_reps)
    log_action(path, "competence_paths.path.created", actor=actor, to_state=path.status)
    return path


@transaction.atomic
def path_update(
    *,
    path: CompetencePath,
    actor: User,
    stages: Sequence[dict],
    costs: Sequence[dict] = (),
    union_reps=(),
    version: str = "",
    **fields,
) -> CompetencePath:
    path = CompetencePath.objects.select_for_update().get(pk=path.pk)
    if not may_manage(actor, path):
        raise PermissionDenied
    check_version(path, version)
    if path.status in (CompetencePath.Status.COMPLETED, CompetencePath.Status.CANCELLED):
        raise ValidationError(_("Et avsluttet løp kan ikke endres."))
    _check_links(path.employer, fields, union_reps)
    _check_stages(stages)
    if path.status == CompetencePath.Status.RUNNING and path.progress_started():
        # Participants' progress hangs on the stages: their order and length stay.
        stages = None
    for name in PATH_FIELDS:
        if name in fields:
            setattr(path, name, fields[name])
    if stages is not None:
        _write_stages(path, stages)
    path.save()
    _write_costs(path, costs)
    path.union_reps.set(union_reps)
    log_action(path, "competence_paths.path.edited", actor=actor)
    return path


@transaction.atomic
def path_transition(
    *, path: CompetencePath, to: str, actor: User | None, reason: str = "", note: str = ""
) -> CompetencePath:
    path = CompetencePath.objects.select_for_update().get(pk=path.pk)
    if actor is not None and not may_manage(actor, path):
        raise PermissionDenied
    fields = []
    if to == CompetencePath.Status.CANCELLED:
        if not reason:
            raise ValidationError({"reason": _("Oppgi hvorfor løpet avlyses.")})
        if reason == CompetencePath.CancelReason.OTHER and not note.strip():
            raise ValidationError({"note": _("Forklar årsaken når du velger «Annet».")})
        path.cancel_reason, path.cancel_note = reason, note.strip()
        fields = ["cancel_reason", "cancel_note"]
    transition(path, to=to, actor=actor, note=note.strip(), fields=fields)
    return path


@transaction.atomic
def path_save_as_template(*, path: CompetencePath, actor: User, name: str) -> PathTemplate:
    """Save a path as a template for its county; the path itself is left as it is."""
    if not may_manage(actor, path):
        raise PermissionDenied
    if PathTemplate.objects.filter(county_id=path.county_id, name=name).exists():
        raise ValidationError({"name": _("Fylket har allerede en mal med dette navnet.")})
    stages = list(path.stages.all())
    decision_weeks = None
    if path.hire_decision_on:
        decision_weeks = max(0, (path.hire_decision_on - path.planned_start).days // 7)
    template = PathTemplate.objects.create(
        name=name,
        description=path.title,
        county_id=path.county_id,
        qualification=path.qualification,
        places=path.places,
        measures=list(path.measures),
        hire_decision_weeks=decision_weeks,
        hire_terms=path.hire_terms,
        union_involved=path.union_reps.exists(),
        created_by=actor,
    )
    TemplateStage.objects.bulk_create(
        TemplateStage(
            template=template,
            order=stage.order,
            **{field: getattr(stage, field) for field in PLAIN_STAGE_FIELDS},
        )
        for stage in stages
    )
    log_action(path, "competence_paths.path.saved_as_template", actor=actor, note=name)
    return template
