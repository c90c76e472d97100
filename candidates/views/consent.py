"""The candidate's own page, reached by the signed link in the e-mail: no login."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.views import show_errors

from ..forms.pipeline import ConsentAnswerForm
from ..models import AuditRecord, ConsentRequest
from ..services import consent as services
from ..services.audit import audit_candidate_reads


def _consent_or_404(token: str) -> ConsentRequest:
    try:
        return services.consent_from_token(token)
    except ConsentRequest.DoesNotExist:
        raise Http404(_("Lenken er ugyldig.")) from None


def consent_respond(request, token: str):
    consent = _consent_or_404(token)
    form = ConsentAnswerForm(request.POST or None)
    if request.method == "POST":
        try:
            if "withdraw" in request.POST:
                services.consent_withdraw(consent=consent, actor=None)
                messages.success(request, _("Samtykket ditt er trukket tilbake."))
            elif form.is_valid():
                accept = request.POST.get("answer") == "accept"
                services.consent_respond(
                    consent=consent,
                    accept=accept,
                    share_adaptation=form.cleaned_data["share_adaptation"],
                )
                messages.success(
                    request,
                    _("Takk! Du har samtykket.") if accept else _("Takk! Du har takket nei."),
                )
        except ValidationError as error:
            show_errors(request, error)
        return redirect("candidates:consent_respond", token=token)
    entry = consent.entry
    audit_candidate_reads(
        actor=None,
        candidates=[entry.candidate],
        action=AuditRecord.Action.CONSENT_PAGE,
        purpose=_("Kandidaten åpnet samtykkelenken"),
        # Without the token: the log must not hold a working link to the candidate's answer.
        path=reverse("candidates:consent_respond", kwargs={"token": "-"}),
    )
    answerable = consent.is_pending and not consent.is_overdue()
    context = {"consent": consent, "form": form, "answerable": answerable}
    if answerable:
        # Once answered or expired the page shows only the status: the link outlives the
        # question in the candidate's mailbox, and whoever finds it must not learn who it is.
        context |= {"candidate": entry.candidate, "opening": entry.shortlist.opening}
    return render(request, "candidates/pipeline/consent_respond.html", context)
