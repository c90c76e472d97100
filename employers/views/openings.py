from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.access import rule_for
from core.activity import history_for
from core.versioning import save_versioned
from core.views import run_action, show_errors, submit_form, visible_or_404

from ..forms.openings import JobOpeningForm, OpeningNoteForm, SharedOpeningFilterForm
from ..models import Employer, JobOpening
from ..permissions import may_manage_openings
from ..selectors.openings import fits_own_candidates, visible_opening
from ..services import openings as services
from ..signals import opening_page_context


def opening_create(request, employer_pk: int):
    employer = visible_or_404(Employer, request.user, employer_pk)
    form = JobOpeningForm(request.POST or None, employer=employer)
    opening = submit_form(request, form, services.opening_create, employer=employer)
    if opening is not None:
        messages.success(
            request,
            _(
                "Stillingen er lagret som utkast. Publiser den for å dele den med veiledere "
                "og tiltaksleverandører i området."
            ),
        )
        return redirect("employers:opening_detail", pk=opening.pk)
    context = {"form": form, "employer": employer}
    return render(request, "employers/openings/form.html", context)


def opening_edit(request, pk: int):
    opening = visible_opening(request.user, pk)
    if not opening.is_editable:
        messages.error(request, _("En besatt eller avlyst stilling kan ikke endres."))
        return redirect("employers:opening_detail", pk=opening.pk)
    form = JobOpeningForm(request.POST or None, instance=opening, employer=opening.employer)
    if form.is_valid() and save_versioned(
        form,
        opening,
        lambda version: services.opening_update(
            opening=opening, actor=request.user, version=version, **form.cleaned_data
        ),
    ):
        messages.success(request, _("Endringene er lagret."))
        return redirect("employers:opening_detail", pk=opening.pk)
    context = {"form": form, "employer": opening.employer, "opening": opening}
    return render(request, "employers/openings/form.html", context)


@dataclass(frozen=True)
class _Closing:
    """Filling or cancelling an opening: the note form on its page (`form_name` in the
    context), the service that closes it and the message when it did."""

    form_name: str
    prefix: str
    label: str
    service: Callable[..., JobOpening]
    success: str

    def form(self, data=None) -> OpeningNoteForm:
        return OpeningNoteForm(data, prefix=self.prefix, label=self.label)


FILL = _Closing(
    "fill_form",
    "besatt",
    _lazy("Merknad (for eksempel hvem som ble ansatt)"),
    services.opening_mark_filled,
    _lazy("Stillingen er merket som besatt."),
)
CANCEL = _Closing(
    "cancel_form",
    "avlys",
    _lazy("Hvorfor avlyses stillingen?"),
    services.opening_cancel,
    _lazy("Stillingen er avlyst."),
)


def _render_detail(request, opening: JobOpening, **forms):
    for closing in (FILL, CANCEL):
        forms.setdefault(closing.form_name, closing.form())
    context = {
        "opening": opening,
        "history": history_for(opening),
        "may_manage": may_manage_openings(request.user),
        "may_see_shortlist": rule_for("candidates:shortlist").allows(request.user),
        **opening_page_context(opening=opening, user=request.user),
        **forms,
    }
    return render(request, "employers/openings/detail.html", context)


def opening_detail(request, pk: int):
    return _render_detail(request, visible_opening(request.user, pk))


@require_POST
def opening_publish(request, pk: int):
    opening = visible_opening(request.user, pk)
    try:
        notified = services.opening_publish(opening=opening, actor=request.user)
    except ValidationError as error:
        show_errors(request, error)
    else:
        message = ngettext(
            "Stillingen er publisert og delt med %(count)d veileder eller tiltaksleverandør.",
            "Stillingen er publisert og delt med %(count)d veiledere og tiltaksleverandører.",
            notified,
        )
        messages.success(request, message % {"count": notified})
    return redirect("employers:opening_detail", pk=opening.pk)


def _finish(request, pk: int, closing: _Closing):
    """Mark the opening filled or cancelled, with an optional note kept on the event."""
    opening = visible_opening(request.user, pk)
    form = closing.form(request.POST)
    if not form.is_valid():
        return _render_detail(request, opening, **{closing.form_name: form})
    run_action(
        request,
        lambda: closing.service(
            opening=opening, actor=request.user, note=form.cleaned_data["note"]
        ),
        closing.success,
    )
    return redirect("employers:opening_detail", pk=opening.pk)


@require_POST
def opening_mark_filled(request, pk: int):
    return _finish(request, pk, FILL)


@require_POST
def opening_cancel(request, pk: int):
    return _finish(request, pk, CANCEL)


def shared_openings(request):
    form = SharedOpeningFilterForm(request.GET, user=request.user)
    openings = form.filter(JobOpening.objects.visible_to(request.user).open().for_list())
    if rule_for("candidates:propose").allows(request.user):
        openings = openings.annotate(fits_mine=fits_own_candidates(request.user))
    page = Paginator(openings, 20).get_page(request.GET.get("side"))
    context = {
        "form": form,
        "page": page,
        "may_suggest_lead": rule_for("employers:lead_create").allows(request.user),
        "may_propose": rule_for("candidates:propose").allows(request.user),
    }
    return render(request, "employers/openings/shared_list.html", context)
