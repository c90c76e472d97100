from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import rule_for
from core.activity import history_for
from core.views import permitted, submit_form, visible_or_404

from ..forms.leads import LeadAcceptForm, LeadAssignForm, LeadCloseForm, LeadFilterForm, LeadForm
from ..models import Employer, Lead, ResourceGroup
from ..permissions import may_accept_lead, may_assign_lead, may_close_lead
from ..services import leads as services


def lead_list(request):
    leads = Lead.objects.visible_to(request.user)
    form = LeadFilterForm(request.GET)
    filtered = form.filter(leads).select_related(
        "employer", "county", "assigned_to", "suggested_by"
    )
    page = Paginator(filtered, 25).get_page(request.GET.get("side"))
    counts = dict(leads.values_list("status").annotate(n=Count("id")).order_by())
    per_status = [(value, label, counts.get(value, 0)) for value, label in Lead.Status.choices]
    context = {
        "page": page,
        "form": form,
        "per_status": per_status,
        "may_create": rule_for("employers:lead_create").allows(request.user),
    }
    return render(request, "employers/leads/list.html", context)


def lead_create(request):
    employer = None
    if request.GET.get("virksomhet", "").isdecimal():
        employer = visible_or_404(Employer, request.user, request.GET["virksomhet"])
    form = LeadForm(request.POST or None, user=request.user, employer=employer)
    lead = submit_form(request, form, services.lead_suggest, employer=employer)
    if lead is not None:
        messages.success(request, _("Tipset er registrert."))
        if Lead.objects.visible_to(request.user).filter(pk=lead.pk).exists():
            return redirect("employers:lead_detail", pk=lead.pk)
        messages.info(request, _("Prosjektlederen i fylket fordeler tipset."))
        return redirect("home")
    context = {
        "form": form,
        "employer": employer,
        "may_list": rule_for("employers:lead_list").allows(request.user),
    }
    return render(request, "employers/leads/create.html", context)


def _visible_lead(request, pk: int) -> Lead:
    return visible_or_404(
        Lead,
        request.user,
        pk,
        "employer",
        "county",
        "assigned_to",
        "recorded_by",
        "suggested_by__group",
    )


def _render_detail(request, lead: Lead, **forms):
    user = request.user
    if may_assign_lead(user, lead):
        forms.setdefault("assign_form", LeadAssignForm(lead=lead))
    if may_accept_lead(user, lead):
        forms.setdefault("accept_form", LeadAcceptForm(lead=lead))
    if may_close_lead(user, lead):
        forms.setdefault("close_form", LeadCloseForm())
    context = {"lead": lead, "history": history_for(lead), **forms}
    return render(request, "employers/leads/detail.html", context)


def lead_detail(request, pk: int):
    return _render_detail(request, _visible_lead(request, pk))


@require_POST
def lead_assign(request, pk: int):
    lead = permitted(request.user, _visible_lead(request, pk), may_assign_lead)
    form = LeadAssignForm(request.POST, lead=lead)
    if submit_form(request, form, services.lead_assign, lead=lead):
        messages.success(
            request,
            _("Tipset er tildelt %(name)s, som har fått beskjed.")
            % {"name": form.cleaned_data["assignee"]},
        )
        return redirect("employers:lead_detail", pk=lead.pk)
    return _render_detail(request, lead, assign_form=form)


@require_POST
def lead_accept(request, pk: int):
    lead = permitted(request.user, _visible_lead(request, pk), may_accept_lead)
    form = LeadAcceptForm(request.POST, lead=lead)
    employer = submit_form(request, form, services.lead_accept, lead=lead)
    if employer is not None:
        messages.success(
            request,
            _("%(name)s er tatt inn i dialog. Husk å logge kontakten.") % {"name": employer.name},
        )
        return redirect("employers:lead_detail", pk=lead.pk)
    return _render_detail(request, lead, accept_form=form)


@require_POST
def lead_close(request, pk: int):
    lead = permitted(request.user, _visible_lead(request, pk), may_close_lead)
    form = LeadCloseForm(request.POST)
    if submit_form(request, form, services.lead_close, lead=lead):
        messages.success(request, _("Tipset er avsluttet."))
        return redirect("employers:lead_detail", pk=lead.pk)
    return _render_detail(request, lead, close_form=form)


def resource_groups(request):
    groups = (
        ResourceGroup.objects.visible_to(request.user)
        .select_related("county")
        .prefetch_related("members")
    )
    return render(request, "employers/leads/resource_groups.html", {"groups": groups})
