from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ..forms.imports import ImportUploadForm
from ..imports import COLUMNS, REQUIRED_COLUMNS, plan_import
from ..models import EmployerImport
from ..services import imports as services


def import_upload(request):
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        content = form.cleaned_data["file"]
        employer_import = services.employer_import_create(
            file_name=request.FILES["file"].name, content=content, actor=request.user
        )
        if content.blank_rows:
            messages.info(
                request,
                ngettext(
                    "%(count)s tom rad midt i filen ble hoppet over.",
                    "%(count)s tomme rader midt i filen ble hoppet over.",
                    content.blank_rows,
                )
                % {"count": content.blank_rows},
            )
        if content.ignored_columns:
            messages.warning(
                request,
                _("Disse kolonnene er ukjente og blir ikke lest: %(columns)s.")
                % {"columns": ", ".join(content.ignored_columns)},
            )
        return redirect("employers:import_preview", pk=employer_import.pk)
    earlier = EmployerImport.objects.visible_to(request.user).filter(applied_at__isnull=False)[:10]
    context = {
        "form": form,
        "columns": COLUMNS,
        "required_columns": REQUIRED_COLUMNS,
        "earlier": earlier,
    }
    return render(request, "employers/import_upload.html", context)


def _visible_import(request, pk: int) -> EmployerImport:
    imports = EmployerImport.objects.visible_to(request.user).defer("rows")
    return get_object_or_404(imports, pk=pk)


def import_preview(request, pk: int):
    """The dry run: every row checked against the register, nothing written. A large file's
    dry run and apply run in the background; the page shows their progress."""
    employer_import = _visible_import(request, pk)
    plan = summary = None
    if employer_import.is_applied or employer_import.is_working:
        pass
    elif employer_import.in_background:
        summary = employer_import.dry_run
    else:
        plan = plan_import(employer_import.rows)
        summary = services.dry_run_summary(plan)
    context = {
        "employer_import": employer_import,
        "plan": plan,
        "summary": summary,
        "errors_hidden": summary["error_count"] - len(summary["errors"]) if summary else 0,
    }
    return render(request, "employers/import_preview.html", context)


def import_progress(request, pk: int):
    """Polled by htmx every second while a background check or apply runs; when it is done
    the page reloads and shows the result."""
    employer_import = _visible_import(request, pk)
    if not request.htmx:
        return redirect("employers:import_preview", pk=employer_import.pk)
    context = {"employer_import": employer_import}
    response = render(request, "employers/_import_progress.html", context)
    if not employer_import.is_working:
        response["HX-Refresh"] = "true"
    return response


@require_POST
def import_apply(request, pk: int):
    employer_import = _visible_import(request, pk)
    if employer_import.in_background:
        return _apply_in_background(request, employer_import)
    try:
        applied = services.employer_import_apply(
            employer_import=employer_import, actor=request.user
        )
    except services.ImportAlreadyApplied:
        messages.info(request, _("Denne importen er allerede gjennomført."))
    except services.ImportInvalid as invalid:
        messages.error(
            request,
            _("Importen ble ikke gjennomført: %(count)s rader har feil. Ingenting er lagret.")
            % {"count": len({e.row for e in invalid.plan.errors})},
        )
    else:
        messages.success(
            request,
            _("Importen er gjennomført: %(new)s nye, %(updated)s oppdaterte og %(same)s uendrede.")
            % {
                "new": applied.created_count,
                "updated": applied.updated_count,
                "same": applied.unchanged_count,
            },
        )
    return redirect("employers:import_preview", pk=employer_import.pk)


def _apply_in_background(request, employer_import: EmployerImport):
    try:
        services.employer_import_request_apply(employer_import=employer_import)
    except services.ImportAlreadyApplied:
        messages.info(request, _("Denne importen er allerede gjennomført."))
    except services.ImportInvalid:
        messages.error(
            request, _("Importen kan ikke gjennomføres før prøvekjøringen er uten feil.")
        )
    else:
        messages.success(
            request,
            _("Importen er startet. Siden viser framdriften; du kan gå fra den i mellomtiden."),
        )
    return redirect("employers:import_preview", pk=employer_import.pk)
