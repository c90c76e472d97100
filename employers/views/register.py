import copy

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.access import rule_for
from accounts.models import County
from core.versioning import save_versioned
from core.views import visible_or_404

from ..brreg import BrregUnavailable, brreg_lookup
from ..forms.register import EmployerFilterForm, EmployerForm, OrgnrForm
from ..models import Employer, Industry
from ..sections import EMPLOYER_PAGE
from ..services import register as services

PAGE_SIZE = 25


def employer_list(request):
    data = request.GET.copy()
    # NAV staff start in their own county; choosing "Alle fylker" sends fylke= and shows all.
    county_is_default = "fylke" not in data and request.user.county_id is not None
    if county_is_default:
        data["fylke"] = str(request.user.county_id)
    form = EmployerFilterForm(data)
    form.is_valid()
    employers = form.filter(
        Employer.objects.visible_to(request.user).select_related(
            "county", "region", "industry", "fixed_contact"
        ),
        request.user,
    )
    page = Paginator(employers, PAGE_SIZE).get_page(request.GET.get("side"))
    context = {
        "form": form,
        "page": page,
        "sort": form.sort_columns(),
        "default_county": form.cleaned_data.get("fylke") if county_is_default else None,
        "can_create": rule_for("employers:create").allows(request.user),
        "can_import": rule_for("employers:import").allows(request.user),
    }
    return render(request, "employers/list.html", context)


def employer_detail(request, pk: int):
    employer = visible_or_404(
        Employer,
        request.user,
        pk,
        "county",
        "region",
        "industry",
        "parent",
        "fixed_contact__county",
        "fixed_contact__office",
        "fixed_contact__provider",
    )
    context = {
        "employer": employer,
        "can_edit": rule_for("employers:edit").allows(request.user),
        **EMPLOYER_PAGE.sections(employer, request.user),
    }
    return render(request, "employers/detail.html", context)


def _existing(request, orgnr: str):
    """Go to an employer that is registered already instead of creating it twice."""
    employer = Employer.objects.visible_to(request.user).filter(orgnr=orgnr).first()
    if employer is not None:
        messages.info(
            request,
            _("%(name)s (%(orgnr)s) er allerede registrert. Her er virksomheten.")
            % {"name": employer.name, "orgnr": orgnr},
        )
    return employer


def _prefill(orgnr: str) -> tuple[dict, str]:
    """Initial form values from Enhetsregisteret, and a note for the user."""
    try:
        unit = brreg_lookup(orgnr)
    except BrregUnavailable:
        return {}, _("Enhetsregisteret svarte ikke, så skjemaet er ikke fylt ut. Fyll det ut selv.")
    if unit is None:
        return {}, _("Fant ikke organisasjonsnummeret i Enhetsregisteret. Fyll ut skjemaet selv.")
    initial = {
        "name": unit.name,
        "street_address": unit.street_address,
        "postal_code": unit.postal_code,
        "postal_place": unit.postal_place,
        "municipality": unit.municipality,
        "employee_band": unit.employee_band,
        "sector": unit.sector,
        "website": unit.website,
        "county": County.objects.filter(number=unit.county_number).first(),
        "industry": Industry.objects.filter(code=unit.industry_code).first(),
    }
    note = _("Skjemaet er fylt ut fra Enhetsregisteret. Sjekk opplysningene før du lagrer.")
    if unit.parent_orgnr:
        if Employer.objects.filter(orgnr=unit.parent_orgnr).exists():
            initial["parent_orgnr"] = unit.parent_orgnr
        else:
            note += " " + _(
                "Hovedenheten (%(orgnr)s) er ikke registrert her ennå, så den er ikke fylt ut."
            ) % {"orgnr": unit.parent_orgnr}
    return {k: v for k, v in initial.items() if v}, note


def employer_create(request):
    """Step 1 asks for the orgnr (a GET form); step 2 is the full form for a new orgnr."""
    if request.method == "POST":
        orgnr_form = OrgnrForm(request.POST)
        if orgnr_form.is_valid() and (
            existing := _existing(request, orgnr_form.cleaned_data["orgnr"])
        ):
            return redirect("employers:detail", pk=existing.pk)
        form = EmployerForm(request.POST)
        if form.is_valid():
            employer = services.employer_create(data=form.employer_data(), actor=request.user)
            messages.success(request, _("%(name)s er registrert.") % {"name": employer.name})
            return redirect("employers:detail", pk=employer.pk)
        context = {"form": form, "orgnr": form["orgnr"].value()}
        return render(request, "employers/create.html", context)

    orgnr_form = OrgnrForm(request.GET or None)
    if not orgnr_form.is_valid():
        return render(request, "employers/create_orgnr.html", {"form": orgnr_form})
    orgnr = orgnr_form.cleaned_data["orgnr"]
    if existing := _existing(request, orgnr):
        return redirect("employers:detail", pk=existing.pk)
    initial, note = _prefill(orgnr) if settings.BRREG_ENABLED else ({}, "")
    form = EmployerForm(initial={"orgnr": orgnr, **initial})
    return render(request, "employers/create.html", {"form": form, "orgnr": orgnr, "note": note})


def employer_edit(request, pk: int):
    employer = visible_or_404(Employer, request.user, pk, "parent")
    # The form gets a copy: validation writes the input onto its instance, and the page
    # keeps showing the stored name until the changes are saved.
    form = EmployerForm(request.POST or None, instance=copy.copy(employer))
    if (
        request.method == "POST"
        and form.is_valid()
        and save_versioned(
            form,
            employer,
            lambda version: services.employer_update(
                employer=employer, data=form.employer_data(), version=version, actor=request.user
            ),
        )
    ):
        messages.success(request, _("Endringene er lagret."))
        return redirect("employers:detail", pk=employer.pk)
    return render(request, "employers/edit.html", {"form": form, "employer": employer})
