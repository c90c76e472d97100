from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Role
from candidates.models import AuditRecord, Placement, ShortlistEntry
from candidates.permissions import may_propose
from candidates.selectors.display import shown
from core.activity import history_for
from core.forms import service_done, service_result
from core.versioning import save_versioned
from core.views import permitted, run_action, show_errors, submit_form, visible_or_404
from employers.models import Employer

from . import permissions, timeline
from .forms import (
    CostFormSet,
    InterviewForm,
    OutcomeForm,
    PathFilterForm,
    PathForm,
    ProgressForm,
    StageFormSet,
    StatusForm,
    TemplateNameForm,
    TransitionForm,
    filled,
)
from .models import CompetencePath, Participant, PathTemplate, StageProgress
from .selectors import path_list, paths_visible_to
from .services import participants as participant_services
from .services import paths as services
from .services import selection

PAGE_SIZE = 25
PURPOSE_PATH = _("Oppfølging av deltakere i kompetansehevende løp")


def path_index(request):
    data = request.GET.copy()
    if "fylke" not in data and request.user.county_id:
        data["fylke"] = str(request.user.county_id)
    form = PathFilterForm(data)
    paths = form.filter(path_list(user=request.user))
    page = Paginator(paths, PAGE_SIZE).get_page(request.GET.get("side"))
    context = {
        "form": form,
        "page": page,
        "sort": form.sort_columns(),
        "may_create": permissions.may_create(request.user),
    }
    return render(request, "competence_paths/list.html", context)


def _visible_path(request, pk: int) -> CompetencePath:
    paths = paths_visible_to(request.user).select_related(
        "employer", "county", "contact", "agreement", "opening", "target_role", "template"
    )
    return get_object_or_404(paths, pk=pk)


def _managed_path(request, pk: int) -> CompetencePath:
    return permitted(request.user, _visible_path(request, pk), permissions.may_manage)


def _save_path(request, *, employer: Employer, path=None, initial=None, stage_initial=None):
    form = PathForm(request.POST or None, instance=path, employer=employer, initial=initial)
    prefix_initial = stage_initial
    if path is not None and stage_initial is None:
        prefix_initial = list(path.stages.values(*services.STAGE_FIELDS))
    stage_forms = StageFormSet(request.POST or None, prefix="trinn", initial=prefix_initial)
    cost_initial = list(path.cost_items.values("description", "amount")) if path else None
    cost_forms = CostFormSet(request.POST or None, prefix="kostnad", initial=cost_initial)
    if request.method == "POST" and all(f.is_valid() for f in (form, stage_forms, cost_forms)):
        fields = {
            name: form.cleaned_data[name] for name in form.Meta.fields if name in form.cleaned_data
        }
        arguments = {
            "actor": request.user,
            "stages": filled(stage_forms),
            "costs": filled(cost_forms),
            "union_reps": form.cleaned_data["union_reps"],
            **fields,
        }
        if path is None:
            template = initial.get("template") if initial else None
            saved = service_result(
                form,
                lambda: services.path_create(employer=employer, template=template, **arguments),
            )
        elif save_versioned(
            form,
            path,
            lambda version: services.path_update(path=path, version=version, **arguments),
        ):
            saved = path
        else:
            saved = None
        if saved is not None:
            messages.success(request, _("Løpet er lagret."))
            return redirect("competence_paths:detail", pk=saved.pk)
    context = {
        "form": form,
        "stage_forms": stage_forms,
        "cost_forms": cost_forms,
        "employer": employer,
        "path": path,
        "templates": PathTemplate.objects.for_county(employer.county_id),
        "template": (initial or {}).get("template"),
    }
    return render(request, "competence_paths/form.html", context)


def path_create(request, employer_pk: int):
    if not permissions.may_create(request.user):
        raise PermissionDenied
    employer = visible_or_404(Employer, request.user, employer_pk)
    agreement = employer.agreements.order_by("-signed_on", "-id").first()
    initial = {
        "contact": request.user.pk,
        "agreement": agreement,
        "planned_start": timezone.localdate(),
    }
    stage_initial = None
    template_id = request.GET.get("mal", "")
    if template_id.isdecimal():  # not isdigit: "²" is a digit int() refuses
        template = get_object_or_404(
            PathTemplate.objects.for_county(employer.county_id), pk=int(template_id)
        )
        copied, stage_initial = services.template_initial(template, start=timezone.localdate())
        initial |= copied | {"template": template}
        if template.union_involved:
            initial["union_reps"] = list(employer.people.filter(kind="union_rep"))
    return _save_path(request, employer=employer, initial=initial, stage_initial=stage_initial)


def path_edit(request, pk: int):
    path = _managed_path(request, pk)
    return _save_path(request, employer=path.employer, path=path)


def path_detail(request, pk: int):
    path = _visible_path(request, pk)
    user = request.user
    stages = list(path.stages.select_related("provider"))
    counts = path.participants.aggregate(
        total=Count("pk"),
        taking_part=Count("pk", filter=Q(status="taking_part")),
        completed=Count("pk", filter=Q(status="completed")),
        dropped_out=Count("pk", filter=Q(status="dropped_out")),
        hired=Count("pk", filter=Q(outcome="hired")),
    )
    participants = list(permissions.participants_for(user, path))
    progress = StageProgress.objects.filter(participant__in=participants)
    progress_by_pair = {(p.participant_id, p.stage_id): p for p in progress}
    may_select = permissions.may_select(user, path)
    entries = list(selection.path_entries(path)) if may_select else []
    # The page names the participants and, for those who select, the shortlisted candidates.
    seen = {c.pk: c for c in [p.candidate for p in participants] + [e.candidate for e in entries]}
    shown(
        seen.values(),
        actor=user,
        path=request.path,
        purpose=PURPOSE_PATH,
        action=_read_action(user, AuditRecord.Action.LIST),
    )
    may_manage = permissions.may_manage(user, path)
    context = {
        "path": path,
        "stages": stages,
        "counts": counts,
        "participants": participants,
        "progress_by_pair": progress_by_pair,
        "timeline": timeline.build(
            path, stages, participants, progress_by_pair, timezone.localdate()
        ),
        "may_manage": may_manage,
        "shows_owners": user.role != "employer_user",
        "transitions": [CompetencePath.Status(s) for s in CompetencePath.TRANSITIONS[path.status]],
        "transition_form": TransitionForm(),
        "template_form": TemplateNameForm(initial={"name": path.title}),
        "cost_items": list(path.cost_items.all()),
        "union_reps": list(path.union_reps.all()),
        "history": history_for(path) if user.role != "employer_user" else [],
    }
    if may_select:
        context |= {
            "may_select": True,
            "entries": entries,
            "interview_form": InterviewForm(entries=selection.path_entries(path)),
            "may_interview": any(e.step in InterviewForm.INTERVIEW_STEPS for e in entries),
        }
    if path.opening_id and path.opening.status == "open":
        context["may_propose"] = may_propose(user, path.opening)
    return render(request, "competence_paths/detail.html", context)


@require_POST
def path_transition(request, pk: int, to: str):
    path = _managed_path(request, pk)
    form = TransitionForm(request.POST)
    form.is_valid()
    run_action(
        request,
        lambda: services.path_transition(
            path=path,
            to=to,
            actor=request.user,
            reason=form.cleaned_data.get("reason", ""),
            note=form.cleaned_data.get("note", ""),
        ),
        _("Statusen er endret."),
    )
    return redirect("competence_paths:detail", pk=path.pk)


@require_POST
def path_save_template(request, pk: int):
    path = _managed_path(request, pk)
    form = TemplateNameForm(request.POST)
    if form.is_valid():
        run_action(
            request,
            lambda: services.path_save_as_template(
                path=path, actor=request.user, name=form.cleaned_data["name"]
            ),
            _("Løpet er lagret som mal for fylket."),
        )
    return redirect("competence_paths:detail", pk=path.pk)


@require_POST
def participant_add(request, pk: int):
    path = _managed_path(request, pk)
    entry_id = request.POST.get("entry", "")
    entry = (
        ShortlistEntry.objects.select_related("shortlist", "candidate")
        .filter(
            pk=int(entry_id) if entry_id.isdecimal() else None,
            shortlist__opening_id=path.opening_id,
        )
        .first()
    )
    if entry is None:
        messages.error(request, _("Velg en kandidat fra stillingens kandidatliste."))
        return redirect("competence_paths:detail", pk=path.pk)
    run_action(
        request,
        lambda: participant_services.participant_add(path=path, entry=entry, actor=request.user),
        _("%(name)s er tatt med i løpet.") % {"name": entry.candidate},
    )
    return redirect("competence_paths:detail", pk=path.pk)


def _visible_participant(request, pk: int) -> Participant:
    participant = get_object_or_404(
        Participant.objects.select_related(
            "path__employer", "candidate__owner", "entry", "placement"
        ),
        pk=pk,
        path__in=paths_visible_to(request.user),
    )
    if not permissions.participants_for(request.user, participant.path).filter(pk=pk).exists():
        raise Http404
    return participant


def _read_action(user, staff_action: str) -> str:
    """Employer users' reads are logged as the employer's, as on the portal's pages."""
    if user.role == Role.EMPLOYER_USER:
        return AuditRecord.Action.EMPLOYER_VIEW
    return staff_action


def _participant_page(request, participant: Participant, **forms):
    user = request.user
    path = participant.path
    shown(
        [participant.candidate],
        actor=user,
        path=request.path,
        purpose=PURPOSE_PATH,
        action=_read_action(user, AuditRecord.Action.VIEW),
    )
    may_follow = permissions.may_follow(user, participant)
    statuses = sorted(
        Participant.TRANSITIONS[participant.status], key=list(Participant.Status).index
    )
    progress = {p.stage_id: p for p in participant.progress.select_related("updated_by")}
    context = {
        "participant": participant,
        "path": path,
        "stages": [(stage, progress.get(stage.pk)) for stage in path.stages.all()],
        "changes": participant.status_changes.select_related("actor"),
        "may_follow": may_follow and user.role != "employer_user",
        "may_manage": permissions.may_manage(user, path),
        "status_form": forms.get("status_form")
        or StatusForm(statuses=statuses, initial={"valid_from": timezone.localdate()}),
        "has_statuses": bool(statuses),
        "progress_form": forms.get("progress_form") or ProgressForm(path=path),
        "outcome_form": forms.get("outcome_form")
        or OutcomeForm(
            initial={"outcome": participant.outcome}, placement=_recorded_hire(participant)
        ),
        "history": history_for(participant) if user.role != "employer_user" else [],
    }
    return render(request, "competence_paths/participant.html", context)


def participant_detail(request, pk: int):
    return _participant_page(request, _visible_participant(request, pk))


def _followed_participant(request, pk: int) -> Participant:
    return permitted(request.user, _visible_participant(request, pk), permissions.may_follow)


def _participant_answer(request, participant: Participant, saved, success: str, **form):
    """After a form on the participant's page: the page with `success` when the form was
    `saved`, else the page again with the form (status_form=, …) and its errors."""
    if saved:
        messages.success(request, success)
        return redirect("competence_paths:participant", pk=participant.pk)
    return _participant_page(request, participant, **form)


@require_POST
def participant_status(request, pk: int):
    participant = _followed_participant(request, pk)
    form = StatusForm(request.POST, statuses=sorted(Participant.TRANSITIONS[participant.status]))
    saved = submit_form(
        request, form, participant_services.participant_set_status, participant=participant
    )
    return _participant_answer(
        request, participant, saved, _("Statusen er registrert."), status_form=form
    )


@require_POST
def participant_progress(request, pk: int):
    participant = _followed_participant(request, pk)
    form = ProgressForm(request.POST, path=participant.path)
    # The form offers only this path's stages, so the service's stage check cannot refuse it.
    saved = submit_form(
        request, form, participant_services.progress_record, participant=participant
    )
    return _participant_answer(
        request, participant, saved, _("Framdriften er registrert."), progress_form=form
    )


def _recorded_hire(participant: Participant):
    """The Placement the opening's pipeline already recorded for the participant's entry."""
    if participant.placement_id:
        return participant.placement
    if participant.entry_id is None:
        return None
    return Placement.objects.filter(entry_id=participant.entry_id).first()


@require_POST
def participant_outcome(request, pk: int):
    participant = _visible_participant(request, pk)
    permitted(request.user, participant.path, permissions.may_manage)
    form = OutcomeForm(request.POST, placement=_recorded_hire(participant))
    saved = form.is_valid() and service_done(
        form,
        lambda: participant_services.participant_record_outcome(
            participant=participant,
            outcome=form.cleaned_data["outcome"],
            not_hired_reason=form.cleaned_data["not_hired_reason"],
            hire=form.hire()
            if form.cleaned_data["outcome"] == "hired" and not form.placement
            else None,
            actor=request.user,
        ),
    )
    return _participant_answer(
        request, participant, saved, _("Utfallet er registrert."), outcome_form=form
    )


def _selecting_path(request, pk: int) -> CompetencePath:
    return permitted(request.user, _visible_path(request, pk), permissions.may_select)


@require_POST
def path_search(request, pk: int):
    """The broad search from the path: on its opening (created the first time), with the
    path's target role and county; the run page then shortlists onto the path's list."""
    path = _selecting_path(request, pk)
    try:
        run = selection.path_search_start(path=path, actor=request.user)
    except ValidationError as error:
        show_errors(request, error)
        return redirect("competence_paths:detail", pk=path.pk)
    return redirect("candidates:search_run", pk=run.pk)


@require_POST
def interview_record(request, pk: int):
    path = _selecting_path(request, pk)
    form = InterviewForm(request.POST, entries=selection.path_entries(path))
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect("competence_paths:detail", pk=path.pk)
    entry = form.cleaned_data["entry"]
    run_action(
        request,
        lambda: selection.interview_record(
            path=path,
            entry=entry,
            actor=request.user,
            held_on=form.cleaned_data["held_on"],
            note=form.cleaned_data["note"],
        ),
        _("Intervjuet med %(name)s er registrert.") % {"name": entry.candidate},
    )
    return redirect(f"{reverse('competence_paths:detail', args=[path.pk])}#utvelgelse")
