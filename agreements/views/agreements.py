from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.activity import history_for
from core.versioning import save_versioned
from core.views import submit_form, visible_or_404
from employers.models import Employer

from ..documents import agreement_parties, agreement_pdf, agreement_sections, agreement_signatures
from ..forms import (
    AgreementCreateForm,
    AgreementFilterForm,
    AgreementForm,
    ContactChangeForm,
    SignedCopyForm,
    TransitionForm,
)
from ..models import Agreement, AgreementTemplate
from ..permissions import may_edit_agreement, may_see_internal_details
from ..policy import signing_blocker
from ..sections import AGREEMENT_PAGE
from ..selectors import agreement_list
from ..services import agreements as services
from ..services.plans import plan_change_preview
from ..signals import hires_around
from .common import editable_agreement, visible_agreement

PAGE_SIZE = 25


def agreement_index(request):
    data = request.GET.copy()
    # NAV staff start in their own county; "Alle" sends fylke= and shows every county.
    if "fylke" not in data and request.user.county_id:
        data["fylke"] = str(request.user.county_id)
    # The contact filter offers the contacts of the agreements in the chosen county.
    visible = Agreement.objects.visible_to(request.user)
    if data.get("fylke", "").isdecimal():
        visible = visible.filter(county_id=int(data["fylke"]))
    form = AgreementFilterForm(data, agreements=visible)
    agreements = form.filter(agreement_list(user=request.user, today=timezone.localdate()))
    page = Paginator(agreements, PAGE_SIZE).get_page(request.GET.get("side"))
    context = {"form": form, "page": page, "sort": form.sort_columns()}
    return render(request, "agreements/list.html", context)


def agreement_create(request, employer_pk: int):
    employer = visible_or_404(Employer, request.user, employer_pk)
    template = AgreementTemplate.current()
    initial = {
        "fixed_contact": employer.fixed_contact_id or request.user.pk,
        "employer_commitments": template.employer_commitments,
        "nav_commitments": template.nav_commitments,
    }
    form = AgreementCreateForm(request.POST or None, initial=initial, county_id=employer.county_id)
    agreement = submit_form(request, form, services.agreement_create, employer=employer)
    if agreement is not None:
        messages.success(request, _("Avtalen er opprettet med status «I dialog»."))
        return redirect("agreements:detail", pk=agreement.pk)
    return render(request, "agreements/form.html", {"form": form, "employer": employer})


def agreement_edit(request, pk: int):
    agreement = editable_agreement(request, pk)
    stored_per_year = agreement.follow_ups_per_year
    form = AgreementForm(request.POST or None, instance=agreement, county_id=agreement.county_id)
    plan_change = None
    if form.is_valid():
        plan_change = _plan_change_to_confirm(agreement, stored_per_year, form.cleaned_data)
        if plan_change is None or request.POST.get("confirm_plan_change") == "yes":
            saved = save_versioned(
                form,
                agreement,
                lambda version: services.agreement_update(
                    agreement=agreement, actor=request.user, version=version, **form.cleaned_data
                ),
            )
            if saved:
                messages.success(request, _("Endringene er lagret."))
                return redirect("agreements:detail", pk=agreement.pk)
    context = {
        "form": form,
        "employer": agreement.employer,
        "agreement": agreement,
        "plan_change": plan_change,
    }
    return render(request, "agreements/form.html", context)


def _plan_change_to_confirm(agreement: Agreement, stored_per_year: int, data: dict):
    """A new number of meetings a year on an active agreement replaces the plan ahead: the
    user sees what that does (plan_change_preview) and confirms before anything changes."""
    per_year = data.get("follow_ups_per_year", stored_per_year)
    if agreement.status != Agreement.Status.ACTIVE or per_year == stored_per_year:
        return None
    return plan_change_preview(agreement=agreement, per_year=per_year, today=timezone.localdate())


def _detail_context(request, agreement: Agreement, **forms) -> dict:
    user = request.user
    internal = may_see_internal_details(user)
    may_edit = may_edit_agreement(user, agreement)
    context = {
        "agreement": agreement,
        "may_edit": may_edit,
        "internal": internal,
        "parties": agreement_parties(agreement),
        "transitions": [Agreement.Status(s) for s in Agreement.TRANSITIONS[agreement.status]],
        "signing_blocker": (
            signing_blocker(agreement) if agreement.status == Agreement.Status.IN_DIALOGUE else None
        ),
        "transition_form": forms.get("transition_form")
        or TransitionForm(initial={"on": timezone.localdate()}),
        "upload_form": forms.get("upload_form") or SignedCopyForm(),
        "today": timezone.localdate(),
        "hires": hires_around(employer_id=agreement.employer_id, signed_on=agreement.signed_on),
        **AGREEMENT_PAGE.sections(agreement, user),
    }
    if internal:
        today = timezone.localdate()
        # Overdue meetings first: they are what needs doing (issue 13, item 3).
        meetings = sorted(
            agreement.meetings.order_by("planned_date", "id"),
            key=lambda meeting: not meeting.is_overdue(today),
        )
        context |= {
            "meetings": meetings,
            # Newest first, as this page has always shown it.
            "history": history_for(agreement).reverse(),
            "contact_periods": agreement.contact_periods.select_related("contact", "changed_by"),
        }
    return context


def agreement_detail(request, pk: int):
    agreement = visible_agreement(request, pk)
    return render(request, "agreements/detail.html", _detail_context(request, agreement))


@require_POST
def agreement_transition(request, pk: int, to: str):
    agreement = editable_agreement(request, pk)
    if to not in Agreement.Status.values:
        raise Http404
    form = TransitionForm(request.POST)
    if submit_form(request, form, services.agreement_transition, agreement=agreement, to=to):
        messages.success(
            request,
            _("Avtalen har nå status «%(status)s».") % {"status": Agreement.Status(to).label},
        )
        return redirect("agreements:detail", pk=agreement.pk)
    # Refused: the same page again, with the date, reason and note the user typed kept.
    context = _detail_context(request, agreement, transition_form=form) | {"transition_to": to}
    return render(request, "agreements/detail.html", context)


def agreement_change_contact(request, pk: int):
    agreement = editable_agreement(request, pk)
    form = ContactChangeForm(request.POST or None, county_id=agreement.county_id)
    if submit_form(request, form, services.agreement_change_contact, agreement=agreement):
        messages.success(
            request,
            _("%(name)s er ny fast kontaktperson. Virksomheten og kontaktpersonen er varslet.")
            % {"name": form.cleaned_data["contact"]},
        )
        return redirect("agreements:detail", pk=agreement.pk)
    return render(request, "agreements/change_contact.html", {"form": form, "agreement": agreement})


def agreement_document(request, pk: int):
    agreement = visible_agreement(request, pk)
    context = {
        "agreement": agreement,
        "parties": agreement_parties(agreement),
        "sections": agreement_sections(agreement),
        "signatures": agreement_signatures(agreement),
    }
    return render(request, "agreements/document.html", context)


def _filename(agreement: Agreement, suffix: str) -> str:
    return f"vi-inkluderer-avtale-{slugify(agreement.employer.name)}{suffix}.pdf"


def agreement_document_pdf(request, pk: int):
    agreement = visible_agreement(request, pk)
    response = HttpResponse(agreement_pdf(agreement), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(agreement, "")}"'
    return response


@require_POST
def agreement_upload(request, pk: int):
    agreement = editable_agreement(request, pk)
    form = SignedCopyForm(request.POST, request.FILES)
    if not form.is_valid():
        context = _detail_context(request, agreement, upload_form=form)
        return render(request, "agreements/detail.html", context)
    services.agreement_upload_signed_copy(
        agreement=agreement, actor=request.user, upload=form.cleaned_data["file"]
    )
    messages.success(request, _("Den signerte avtalen er lastet opp."))
    return redirect("agreements:detail", pk=agreement.pk)


def agreement_signed_copy(request, pk: int):
    """The uploaded copy is served only here, after the access checks, never as public media."""
    agreement = visible_agreement(request, pk)
    if not agreement.signed_copy:
        raise Http404
    return FileResponse(
        agreement.signed_copy.open("rb"),
        as_attachment=True,
        filename=_filename(agreement, "-signert"),
        content_type="application/pdf",
    )
