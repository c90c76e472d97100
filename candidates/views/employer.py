"""The employer's own page: candidates presented to it who consented to it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.views import show_errors

from ..forms.pipeline import EmployerAnswerForm
from ..models import AuditRecord, Step
from ..selectors.pipeline import employer_entries
from ..services import pipeline as services
from ..services.audit import audit_candidate_reads


def employer_candidates(request):
    page = Paginator(employer_entries(request.user), 20).get_page(request.GET.get("side"))
    audit_candidate_reads(
        actor=request.user,
        candidates=[entry.candidate for entry in page.object_list],
        action=AuditRecord.Action.EMPLOYER_VIEW,
        purpose=_("Kandidater presentert for virksomheten"),
        path=request.path,
    )
    # The employer answers after a presentation, and may still decline after asking for an
    # interview.
    context = {"page": page, "answerable": {Step.PRESENTED, Step.INTERVIEW_WANTED}}
    return render(request, "candidates/pipeline/employer_candidates.html", context)


@require_POST
def employer_respond(request, entry_id: int):
    entry = get_object_or_404(employer_entries(request.user), pk=entry_id)
    form = EmployerAnswerForm(request.POST)
    if form.is_valid():
        try:
            services.entry_move(
                entry=entry,
                to_step=form.cleaned_data["step"],
                actor=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            show_errors(request, error)
        else:
            messages.success(request, _("Takk! NAV har fått svaret ditt."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect("candidates:employer_candidates")
