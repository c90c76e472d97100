from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.activity import history_for
from core.forms import add_service_errors
from core.views import back_url, run_action, show_errors, submit_form
from employers.selectors.openings import visible_opening

from ..forms.pipeline import (
    ArchiveForm,
    ConsentForm,
    HireForm,
    MoveForm,
    ProposeForm,
    ShortlistFilterForm,
)
from ..models import (
    AuditRecord,
    Candidate,
    ConsentRequest,
    EmployerAssessment,
    ShortlistEntry,
    Step,
)
from ..permissions import (
    manages_opening,
    may_archive,
    may_propose,
    may_see_entry_person,
    may_see_special_categories,
)
from ..selectors.display import entry_shown, shortlist_purpose, shown
from ..selectors.pipeline import opening_placements, shortlist_view
from ..services import consent as consent_services
from ..services import pipeline as services

TABLE_PAGE_SIZE = 50


def _visible_entries(request):
    return ShortlistEntry.objects.visible_to(request.user).select_related(
        "shortlist__opening__employer", "candidate__owner", "added_by"
    )


def _visible_entry(request, entry_id: int) -> ShortlistEntry:
    """An entry for an action; its page re-renders through `_render_entry`, which audits."""
    return get_object_or_404(_visible_entries(request), pk=entry_id)


def _entry_shown(request, entry_id: int) -> ShortlistEntry:
    """An entry for a form about it (the form names the candidate), audited."""
    return entry_shown(_visible_entries(request), entry_id, user=request.user, path=request.path)


def shortlist(request, opening_id: int):
    opening = visible_opening(request.user, opening_id)
    form = ShortlistFilterForm(request.GET)
    layout, step, show_archived = form.values()
    view = shortlist_view(
        opening=opening, user=request.user, step=step, show_archived=show_archived
    )
    page = Paginator(view.entries, TABLE_PAGE_SIZE).get_page(request.GET.get("side"))
    # A removed entry shows nobody's name to the contact side (may_see_entry_person).
    shown(
        [
            entry
            for entry in (page.object_list if layout == "tabell" else view.entries)
            if not entry.person_hidden
        ],
        actor=request.user,
        path=request.path,
        purpose=_("Kandidatliste for %(opening)s") % {"opening": opening.title},
        action=AuditRecord.Action.LIST,
        candidate_of=lambda entry: entry.candidate,
    )
    context = {
        "opening": opening,
        "view": view,
        "form": form,
        "layout": layout,
        "page": page,
        "steps": list(Step),
        "may_propose": may_propose(request.user, opening),
        "placements": opening_placements(opening),
    }
    return render(request, "candidates/pipeline/shortlist.html", context)


def _render_entry(request, entry: ShortlistEntry, *, move_form=None, archive_form=None):
    user = request.user
    if not may_see_entry_person(user, entry):
        return _render_removed_entry(request, entry)
    manages = manages_opening(user, entry.shortlist.opening)
    show_needs = may_see_special_categories(user, entry.candidate)
    tab = "historikk" if request.GET.get("fane") == "historikk" else "profil"
    purpose = shortlist_purpose(entry)
    if show_needs and entry.candidate.adaptation_needs:
        purpose += " " + _("(med behov for tilrettelegging)")
    shown([entry.candidate], actor=user, path=request.path, purpose=purpose)
    steps = services.next_steps(user, entry)
    consents = list(entry.consents.select_related("requested_by"))
    # A link that never went out does not make the owner wait for its deadline.
    waiting = any(consent.is_pending and not consent.is_link_unsent() for consent in consents)
    is_owner = entry.candidate.owner_id == user.pk
    live = not entry.is_archived and not entry.shortlist.is_closed
    context = {
        "entry": entry,
        "candidate": entry.candidate,
        "opening": entry.shortlist.opening,
        "tab": tab,
        "history": history_for(entry),
        "consents": consents,
        "show_adaptation_needs": show_needs,
        "move_form": move_form or (MoveForm(steps=steps) if steps else None),
        "archive_form": archive_form or ArchiveForm(),
        "may_archive": may_archive(user, entry) and not entry.shortlist.is_closed,
        "may_ask_consent": is_owner
        and live
        and not waiting
        and entry.can_move_to(Step.CONSENT_GIVEN),
        "may_hire": live and manages and entry.can_move_to(Step.HIRED),
        "is_owner": is_owner,
        "may_ask_owner": live
        and not waiting
        and consent_services.may_ask_owner_for_consent(user, entry),
        "owner_asked": entry.consent_asks.filter(done_at__isnull=True)
        .select_related("asked_by")
        .first(),
        # A refused move returns here; a form re-rendered after a POST keeps the original page.
        "back": request.get_full_path()
        if request.method == "GET"
        else back_url(request, reverse("candidates:entry_detail", args=[entry.pk])),
        "employer_assessment": EmployerAssessment.objects.filter(entry=entry)
        .select_related("updated_by")
        .first(),
    }
    return render(request, "candidates/pipeline/entry_detail.html", context)


def _render_removed_entry(request, entry: ShortlistEntry):
    """A removed entry seen by someone other than the owner or an administrator: that someone
    was removed, and the undo, but nobody's name, profile or history (so no audit record)."""
    context = {
        "entry": entry,
        "opening": entry.shortlist.opening,
        "may_archive": may_archive(request.user, entry) and not entry.shortlist.is_closed,
    }
    return render(request, "candidates/pipeline/entry_removed.html", context)


def entry_detail(request, entry_id: int):
    return _render_entry(request, _visible_entry(request, entry_id))


@require_POST
def entry_move(request, entry_id: int):
    entry = _visible_entry(request, entry_id)
    expected_step = request.POST.get("fra") or None
    form = MoveForm(request.POST, steps=services.next_steps(request.user, entry))
    try:
        # Moved since the page was opened: the step chosen may no longer be offered, so say
        # why before the form would only call it an invalid choice.
        services.check_not_moved(entry, expected_step)
        if not form.is_valid():
            return _render_entry(request, entry, move_form=form)
        services.entry_move(
            entry=entry,
            to_step=form.cleaned_data["step"],
            actor=request.user,
            reason=form.cleaned_data["reason"],
            expected_step=expected_step,
        )
    except ValidationError as error:
        # Refused (the step moved meanwhile, a rule forbids it): back to the page the user
        # was on, with why, rather than a page left at …/flytt/.
        show_errors(request, error)
        return redirect(back_url(request, reverse("candidates:entry_detail", args=[entry.pk])))
    messages.success(
        request,
        _("%(candidate)s er flyttet til «%(step)s».")
        % {"candidate": entry.candidate, "step": Step(form.cleaned_data["step"]).label},
    )
    return redirect("candidates:entry_detail", entry_id=entry.pk)


@require_POST
def entry_archive(request, entry_id: int):
    entry = _visible_entry(request, entry_id)
    form = ArchiveForm(request.POST)
    if not form.is_valid():
        return _render_entry(request, entry, archive_form=form)
    run_action(
        request,
        lambda: services.entry_archive(
            entry=entry, actor=request.user, reason=form.cleaned_data["reason"]
        ),
        _("%(candidate)s er fjernet fra listen. Du kan angre og legge kandidaten tilbake.")
        % {"candidate": entry.candidate},
    )
    return redirect("candidates:entry_detail", entry_id=entry.pk)


def _entry_action(request, entry_id: int, action, success: str):
    """An action without a form on one entry, `action(entry=, actor=)`: the refusal or
    `success` (which may name the %(candidate)s and its %(owner)s) on the entry's page."""
    entry = _visible_entry(request, entry_id)
    names = {"candidate": entry.candidate, "owner": entry.candidate.owner}
    run_action(request, lambda: action(entry=entry, actor=request.user), success % names)
    return redirect("candidates:entry_detail", entry_id=entry.pk)


@require_POST
def entry_restore(request, entry_id: int):
    success = _("%(candidate)s er lagt tilbake på listen.")
    return _entry_action(request, entry_id, services.entry_restore, success)


def entry_hire(request, entry_id: int):
    entry = _visible_entry(request, entry_id)
    if not may_see_entry_person(request.user, entry):
        return _render_removed_entry(request, entry)
    shown(
        [entry.candidate], actor=request.user, path=request.path, purpose=shortlist_purpose(entry)
    )
    form = HireForm(request.POST or None, entry=entry)
    if submit_form(request, form, services.entry_hire, entry=entry):
        messages.success(
            request,
            _("Ansettelsen av %(candidate)s er registrert.") % {"candidate": entry.candidate},
        )
        return redirect("candidates:entry_detail", entry_id=entry.pk)
    context = {"entry": entry, "opening": entry.shortlist.opening, "form": form}
    return render(request, "candidates/pipeline/hire.html", context)


def propose(request, opening_id: int):
    opening = visible_opening(request.user, opening_id)
    if not may_propose(request.user, opening):
        messages.error(request, _("Du kan bare foreslå kandidater til åpne, delte stillinger."))
        return redirect("employers:opening_detail", pk=opening.pk)
    already = ShortlistEntry.objects.filter(shortlist__opening=opening).values("candidate_id")
    candidates = (
        Candidate.objects.visible_to(request.user)
        .active()
        .exclude(pk__in=already)
        .order_by("last_name", "first_name")
    )
    form = ProposeForm(request.POST or None, candidates=candidates, opening=opening)
    entry = submit_form(request, form, services.shortlist_propose, opening=opening)
    if entry is not None:
        messages.success(
            request,
            _("%(candidate)s er foreslått. Markedskontakten har fått beskjed.")
            % {"candidate": entry.candidate},
        )
        return redirect("candidates:entry_detail", entry_id=entry.pk)
    # The form lists the caseload by name.
    listed = shown(
        form.fields["candidate"].queryset,
        actor=request.user,
        path=request.path,
        purpose=_("Forslag til stillingen «%(title)s»") % {"title": opening.title},
        action=AuditRecord.Action.LIST,
    )
    context = {"opening": opening, "form": form, "has_candidates": bool(listed)}
    return render(request, "candidates/pipeline/propose.html", context)


def consent_request(request, entry_id: int):
    entry = _entry_shown(request, entry_id)
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["method"] == "link":
                consent_services.consent_request_link(
                    entry=entry,
                    actor=request.user,
                    deadline=form.deadline_value(),
                    adaptation_text_offered=data["adaptation_text"],
                )
                success = _("Lenken er sendt til %(email)s.") % {"email": entry.candidate.email}
            else:
                consent_services.consent_record_meeting(
                    entry=entry, actor=request.user, share_adaptation_text=data["adaptation_text"]
                )
                success = _("Samtykket er registrert.")
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, success)
            return redirect("candidates:entry_detail", entry_id=entry.pk)
    context = {"entry": entry, "opening": entry.shortlist.opening, "form": form}
    return render(request, "candidates/pipeline/consent_request.html", context)


@require_POST
def consent_ask_owner(request, entry_id: int):
    success = _("%(owner)s har fått beskjed om å innhente samtykke.")
    return _entry_action(request, entry_id, consent_services.consent_ask_owner, success)


@require_POST
def consent_withdraw(request, consent_id: int):
    consents = ConsentRequest.objects.filter(
        entry__in=ShortlistEntry.objects.visible_to(request.user)
    )
    consent = get_object_or_404(consents.select_related("entry"), pk=consent_id)
    run_action(
        request,
        lambda: consent_services.consent_withdraw(consent=consent, actor=request.user),
        _("Samtykket er trukket tilbake. Arbeidsgiveren ser ikke lenger kandidaten."),
    )
    return redirect("candidates:entry_detail", entry_id=consent.entry_id)
