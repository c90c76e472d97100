from django.conf import settings
from django.http import Http404
from django.shortcuts import render

from accounts.models import Role

from .export import csv_response, xlsx_response
from .forms import DashboardFilterForm, PilotUploadForm
from .kept import page_figures
from .pilot_import import PilotFileError, PilotImportInvalid, apply_pilot_import
from .tables import dashboard_tables


def _tables(request):
    form = DashboardFilterForm(request.GET or None, user=request.user)
    data, computed_at = page_figures(form.scope(), fresh=request.GET.get("ny") == "1")
    suppress = request.user.role != Role.ADMIN
    tables = dashboard_tables(data, population=form.chosen_population(), suppress=suppress)
    return form, tables, computed_at


def county_dashboard(request):
    form, tables, computed_at = _tables(request)
    query = request.GET.copy()
    query.pop("ny", None)  # the downloads and the new computation link carry the choice only
    return render(
        request,
        "dashboards/dashboard.html",
        {
            "form": form,
            "tables": tables,
            "query": query.urlencode(),
            "computed_at": computed_at,
            "keep_minutes": settings.DASHBOARD_KEEP_SECONDS // 60,
        },
    )


def download(request, key: str, fmt: str):
    _form, tables, _computed_at = _tables(request)
    table = next((t for t in tables if t.key == key), None)
    if table is None or fmt not in ("csv", "xlsx"):
        raise Http404
    return csv_response(table) if fmt == "csv" else xlsx_response(table)


def pilot_import(request):
    """Administrators upload the pilot's four CSV files (or one XLSX with the four sheets).
    Every row is checked first; with any error nothing is written and every error is listed."""
    bound = request.method == "POST"
    form = PilotUploadForm(request.POST if bound else None, request.FILES if bound else None)
    errors, result = [], None
    if bound and form.is_valid():
        try:
            rows = form.rows()
            result = apply_pilot_import(rows=rows, actor=request.user)
        except PilotFileError as error:
            form.add_error(None, str(error))
        except PilotImportInvalid as invalid:
            errors = invalid.plan.errors
    return render(
        request,
        "dashboards/import.html",
        {
            "form": form,
            "errors": errors,
            "result": result,
            "summary": [(n, c, result.updated.get(n, 0)) for n, c in result.created.items()]
            if result
            else [],
        },
        status=422 if errors else 200,
    )
