import copy

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import rule_for
from accounts.models import Role
from core.versioning import ChangedMeanwhile

from ..forms.register import CandidateFilterForm, CandidateForm, UnavailableForm
from ..models import Candidate
from ..sections import CANDIDATE_PAGE
from ..selectors.display import caseload_purpose, shown_page
from ..selectors.register import (
    candidate_counts,
    candidate_for_detail,
    caseload_for_list,
    owned_candidate,
    owned_candidate_shown,
)
from ..services import register as services

PAGE_SIZE = 25


def candidate_list(request):
    form = CandidateFilterForm(request.GET)
    form.is_valid()
    candidates = form.filter(caseload_for_list(request.user))
    page = shown_page(
        candidates,
        request.GET.get("side"),
        per_page=PAGE_SIZE,
        actor=request.user,
        path=request.get_full_path(),
        purpose=caseload_purpose(request.user),
    )
    context = {
        "form": form,
        "page": page,
        "sort": form.sort_columns(),
        "today": timezone.localdate(),
        "show_owner": request.user.role == Role.ADMIN,
        "can_create": rule_for("candidates:create").allows(request.user),
        "can_export": rule_for("candidates:export").allows(request.user),
    }
    return render(request, "candidates/register/list.html", context)


def candidate_export(request):
    form = CandidateFilterForm(request.GET)
    form.is_valid()
    candidates = form.filter(caseload_for_list(request.user).filter(owner=request.user))
    content = services.caseload_export(
        actor=request.user,
        candidates=candidates.prefetch_related("occupations_done"),
        path=request.get_full_path(),
    )
    response = HttpResponse("\ufeff" + content, content_type="text/csv; charset=utf-8")
    filename = f"kandidater-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def candidate_detail(request, pk: int):
    candidate = candidate_for_detail(request.user, pk, path=request.get_full_path())
    context = {
        "candidate": candidate,
        "is_owner": candidate.is_owned_by(request.user),
        "today": timezone.localdate(),
        **CANDIDATE_PAGE.sections(candidate, request.user),
    }
    return render(request, "candidates/register/detail.html", context)


def _audit_fnr_attempt(request, form: CandidateForm) -> None:
    """When the form refused a number someone else follows (issue 15, item 5)."""
    if form.duplicate_of is not None:
        services.fnr_attempt_record(
            actor=request.user, candidate=form.duplicate_of, path=request.path
        )


def candidate_create(request):
    form = CandidateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            candidate = services.candidate_create(
                actor=request.user, fnr=form.cleaned_data["fnr"], data=form.profile_data()
            )
        except services.DuplicateFnr:
            form.refuse_duplicate()
        else:
            messages.success(request, _("%(name)s er registrert.") % {"name": candidate.full_name})
            return redirect("candidates:detail", pk=candidate.pk)
    _audit_fnr_attempt(request, form)
    return render(request, "candidates/register/form.html", {"form": form})


def candidate_edit(request, pk: int):
    # The form shows the whole profile, identity number included: a read like the detail page.
    candidate = owned_candidate_shown(
        request.user,
        pk,
        path=request.get_full_path(),
        purpose=_("Endring av opplysninger i egen portefølje"),
    )
    # The form gets a copy, so the page keeps the stored name until the changes are saved.
    form = CandidateForm(request.POST or None, instance=copy.copy(candidate), user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.candidate_update(
                candidate=candidate,
                actor=request.user,
                fnr=form.cleaned_data["fnr"],
                data=form.profile_data(),
                version=form.cleaned_data["version"],
            )
        except services.DuplicateFnr:
            form.refuse_duplicate()
        except ChangedMeanwhile:
            form.start_again_from(Candidate.objects.get(pk=candidate.pk))
        else:
            messages.success(request, _("Endringene er lagret."))
            return redirect("candidates:detail", pk=candidate.pk)
    _audit_fnr_attempt(request, form)
    return render(request, "candidates/register/form.html", {"form": form, "candidate": candidate})


def candidate_unavailable(request, pk: int):
    candidate = owned_candidate_shown(request.user, pk, path=request.get_full_path())
    initial = {"until": candidate.unavailable_until, "reason": candidate.unavailable_reason}
    form = UnavailableForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.candidate_mark_unavailable(
            candidate=candidate,
            actor=request.user,
            until=form.cleaned_data["until"],
            reason=form.cleaned_data["reason"],
        )
        messages.success(
            request,
            _("%(name)s er markert som utilgjengelig til og med %(date)s.")
            % {"name": candidate.full_name, "date": f"{candidate.unavailable_until:%d.%m.%Y}"},
        )
        return redirect("candidates:detail", pk=candidate.pk)
    return render(
        request, "candidates/register/unavailable.html", {"form": form, "candidate": candidate}
    )


@require_POST
def candidate_available(request, pk: int):
    candidate = owned_candidate(request.user, pk)
    services.candidate_clear_unavailable(candidate=candidate, actor=request.user)
    messages.success(request, _("%(name)s er tilgjengelig igjen.") % {"name": candidate.full_name})
    return redirect("candidates:detail", pk=candidate.pk)


def _set_active(request, pk: int, *, active: bool, success: str):
    """Take the candidate out of the caseload or back in; `success` names them (%(name)s)."""
    candidate = owned_candidate(request.user, pk)
    services.candidate_set_active(candidate=candidate, actor=request.user, active=active)
    messages.success(request, success % {"name": candidate.full_name})
    return redirect("candidates:detail", pk=candidate.pk)


@require_POST
def candidate_deactivate(request, pk: int):
    return _set_active(
        request,
        pk,
        active=False,
        success=_("%(name)s er tatt ut av porteføljen. Du finner kandidaten under «Inaktive»."),
    )


@require_POST
def candidate_reactivate(request, pk: int):
    return _set_active(request, pk, active=True, success=_("%(name)s er tilbake i porteføljen."))


def candidate_counts_page(request):
    scope, tables = candidate_counts(request.user, timezone.localdate())
    return render(request, "candidates/register/counts.html", {"scope": scope, "tables": tables})
