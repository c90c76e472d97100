"""The employer portal: thin views over candidates' services, scoped to the user's employer."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agreements.calendar import meeting_calendar
from agreements.models import FollowUpMeeting
from agreements.services.meetings import invitation_recipients
from candidates.models import AuditRecord, Step
from candidates.selectors.display import shown
from candidates.selectors.pipeline import employer_entries
from candidates.services import assessment as assessment_services
from candidates.services import pipeline as pipeline_services
from core.forms import add_service_errors, service_done
from core.views import submit_form
from employers.models import Employer
from employers.services.openings import opening_report

from . import messages as threads
from . import selectors, services, terms, units
from . import users as portal_users
from .forms import (
    AssessmentForm,
    HireForm,
    InviteForm,
    MessageForm,
    NeedForm,
    StepForm,
    TermsForm,
    UnitGrantForm,
    UnitPickForm,
)
from .permissions import may_see_candidates


def terms_required(view):
    """Candidate pages stay closed, and say why, until the current terms are accepted."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not may_see_candidates(request.user):
            context = {"next": request.get_full_path()}
            return render(request, "portal/terms_required.html", context)
        return view(request, *args, **kwargs)

    return wrapper


def terms_page(request):
    form = TermsForm(request.POST if request.method == "POST" else None)
    accepted = may_see_candidates(request.user)
    if request.method == "POST" and form.is_valid():
        services.terms_accept(user=request.user)
        messages.success(request, _("Takk! Nå kan dere se kandidatene NAV har presentert."))
        return redirect("portal:candidates")
    context = {
        "form": form,
        "accepted": accepted,
        "terms_template": terms.template_for(),
        "version": terms.CURRENT_VERSION,
    }
    return render(request, "portal/terms.html", context)


@terms_required
def candidates_page(request):
    active, closed = selectors.recruitment_processes(request.user)
    return render(request, "portal/candidates.html", {"active": active, "closed": closed})


def _own_entry(request, entry_id: int):
    return get_object_or_404(employer_entries(request.user), pk=entry_id)


def _render_opening(request, opening, *, revealed=None, bound=None):
    """The candidates of one opening. `bound` holds the forms of one card that came back with
    errors, so that card keeps what the employer chose and wrote."""
    entries = shown(
        selectors.opening_entries(request.user, opening),
        actor=request.user,
        path=request.path,
        purpose=_("Kandidater presentert for %(opening)s") % {"opening": opening.title},
        action=AuditRecord.Action.EMPLOYER_VIEW,
        candidate_of=lambda entry: entry.candidate,
    )
    bound = bound or {}
    cards = []
    for entry in entries:
        steps = pipeline_services.employer_next_steps(entry)
        forms = bound.get(entry.pk, {})
        step_form = forms.get("step") or StepForm(entry=entry, steps=steps)
        hire_form = forms.get("hire")
        if hire_form is None and Step.HIRED in steps:
            hire_form = HireForm(entry=entry)
        cards.append(
            {
                "entry": entry,
                "candidate": entry.candidate,
                "assessment": getattr(entry, "employer_assessment", None),
                "assessment_form": forms.get("assessment") or AssessmentForm(entry=entry),
                "step_form": step_form if step_form.fields["step"].choices else None,
                "hire_form": hire_form,
                "revealed": revealed == entry.pk,
            }
        )
    context = {"opening": opening, "cards": cards, "Step": Step}
    return render(request, "portal/opening.html", context)


@terms_required
def opening_page(request, opening_id: int):
    opening = get_object_or_404(selectors.own_openings(request.user), pk=opening_id)
    return _render_opening(request, opening)


@terms_required
@require_POST
def contact_reveal(request, entry_id: int):
    entry = _own_entry(request, entry_id)
    shown(
        [entry.candidate],
        actor=request.user,
        path=request.path,
        purpose=_("Kontaktinformasjon for %(opening)s") % {"opening": entry.shortlist.opening},
        action=AuditRecord.Action.CONTACT_REVEAL,
    )
    return _render_opening(request, entry.shortlist.opening, revealed=entry.pk)


@terms_required
@require_POST
def assess(request, entry_id: int):
    entry = _own_entry(request, entry_id)
    form = AssessmentForm(request.POST, entry=entry)
    if submit_form(request, form, assessment_services.assessment_set, entry=entry):
        messages.success(
            request,
            _("Vurderingen av %(name)s er lagret. Kontaktpersonen din i NAV ser den.")
            % {"name": entry.candidate.first_name},
        )
        return redirect("portal:opening", opening_id=entry.shortlist.opening_id)
    return _render_opening(request, entry.shortlist.opening, bound={entry.pk: {"assessment": form}})


@terms_required
@require_POST
def next_step(request, entry_id: int):
    entry = _own_entry(request, entry_id)
    steps = pipeline_services.employer_next_steps(entry)
    form = StepForm(request.POST, entry=entry, steps=steps)
    expected_step = request.POST.get("fra") or None
    try:
        pipeline_services.check_not_moved(entry, expected_step)
    except ValidationError as moved:
        # Moved since the page was opened: the choice may no longer be offered, and saying
        # so beside the steps is the error that helps, not "invalid choice".
        form.errors["step"] = form.error_class(moved.messages)
        return _render_opening(request, entry.shortlist.opening, bound={entry.pk: {"step": form}})
    if form.is_valid() and service_done(
        form,
        lambda: pipeline_services.entry_move(
            entry=entry,
            to_step=form.cleaned_data["step"],
            actor=request.user,
            reason=form.cleaned_data["reason"],
            expected_step=expected_step,
        ),
    ):
        if form.cleaned_data["step"] == Step.INTERVIEW_WANTED:
            text = _("Takk! NAV-kontakten din avtaler intervjuet med %(name)s.")
        else:
            text = _("Takk! NAV-kontakten din har fått beskjed om %(name)s.")
        messages.success(request, text % {"name": entry.candidate.first_name})
        return redirect("portal:opening", opening_id=entry.shortlist.opening_id)
    return _render_opening(request, entry.shortlist.opening, bound={entry.pk: {"step": form}})


@terms_required
@require_POST
def hire(request, entry_id: int):
    """The employer reports a hire with the contract details it knows, through the same
    service as the contact person's; the measures used are NAV's to record."""
    entry = _own_entry(request, entry_id)
    form = HireForm(request.POST, entry=entry)
    if submit_form(request, form, pipeline_services.entry_hire, entry=entry, measures_used=[]):
        messages.success(
            request,
            _(
                "Takk! Ansettelsen av %(name)s er registrert. Kontaktpersonen din i NAV har fått "
                "beskjed og tar kontakt om oppstarten og oppfølgingen på arbeidsplassen."
            )
            % {"name": entry.candidate.first_name},
        )
        return redirect("portal:opening", opening_id=entry.shortlist.opening_id)
    return _render_opening(request, entry.shortlist.opening, bound={entry.pk: {"hire": form}})


@terms_required
def remove(request, entry_id: int):
    entry = _own_entry(request, entry_id)
    if request.method == "POST":
        assessment_services.assessment_remove(entry=entry, actor=request.user)
        messages.success(
            request,
            _("%(name)s er fjernet fra oversikten deres.") % {"name": entry.candidate.first_name},
        )
        return redirect("portal:opening", opening_id=entry.shortlist.opening_id)
    shown(
        [entry.candidate],
        actor=request.user,
        path=request.path,
        purpose=_("Fjerne kandidaten fra virksomhetens oversikt"),
        action=AuditRecord.Action.EMPLOYER_VIEW,
    )
    return render(request, "portal/remove.html", {"entry": entry})


def meeting_ics(request, meeting_id: int):
    """The next follow-up meeting for the employer's own calendar."""
    meetings = FollowUpMeeting.objects.visible_to(request.user).planned()
    meeting = get_object_or_404(
        meetings.select_related("agreement__employer", "agreement__fixed_contact"), pk=meeting_id
    )
    body = meeting_calendar(meeting, invitation_recipients(meeting))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="oppfolgingsmote-{meeting.pk}.ics"'
    return response


def needs_page(request):
    openings = selectors.own_openings(request.user).order_by("-created_at", "-id")
    return render(request, "portal/needs.html", {"openings": openings})


def need_create(request):
    employer = get_object_or_404(Employer.objects.visible_to(request.user))
    form = NeedForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            opening = opening_report(employer=employer, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Takk! Kontaktpersonen din i NAV har fått behovet «%(title)s» og tar kontakt.")
                % {"title": opening.title},
            )
            return redirect("portal:needs")
    return render(request, "portal/need_form.html", {"form": form})


def _thread_page(request, employer, opening=None):
    form = MessageForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        threads.message_send(
            employer=employer, opening=opening, author=request.user, body=form.cleaned_data["body"]
        )
        messages.success(request, _("Meldingen er sendt."))
        return redirect(request.path)
    thread = threads.thread_for(employer, opening)
    threads.thread_mark_read(thread=thread, user=request.user)
    return {
        "thread": thread,
        "messages_list": threads.thread_messages(thread),
        "form": form,
        "opening": opening,
    }


def messages_page(request):
    employer = get_object_or_404(Employer.objects.visible_to(request.user))
    context = _thread_page(request, employer)
    if not isinstance(context, dict):
        return context
    context["openings"] = selectors.own_openings(request.user).order_by("-created_at", "-id")[:20]
    return render(request, "portal/messages.html", context)


def opening_messages(request, opening_id: int):
    opening = get_object_or_404(
        selectors.own_openings(request.user).select_related("employer"), pk=opening_id
    )
    context = _thread_page(request, opening.employer, opening)
    if not isinstance(context, dict):
        return context
    return render(request, "portal/messages.html", context)


@require_POST
def staff_message(request, employer_id: int):
    """The fixed contact person answers from the employer's page, in the employer's thread or
    in one opening's (`stilling`); from the opening's page (`tilbake=stilling`) they go back
    there."""
    employer = get_object_or_404(Employer.objects.visible_to(request.user), pk=employer_id)
    if not threads.may_take_part(request.user, employer):
        raise Http404
    opening = None
    if request.POST.get("stilling"):
        opening_id = request.POST["stilling"]
        if not opening_id.isdecimal():  # not isdigit: "²" is a digit int() refuses
            raise Http404
        opening = get_object_or_404(employer.openings, pk=opening_id)
    form = MessageForm(request.POST)
    if form.is_valid():
        threads.message_send(
            employer=employer,
            opening=opening,
            author=request.user,
            body=form.cleaned_data["body"],
        )
        messages.success(request, _("Meldingen er sendt til virksomheten."))
    else:
        for error in form.errors.get("body", []):
            messages.error(request, error)
    if opening is not None and request.POST.get("tilbake") == "stilling":
        return redirect(reverse("employers:opening_detail", args=[opening.pk]) + "#meldinger")
    return redirect(reverse("employers:detail", args=[employer.pk]) + "#meldinger")


def _managed_employer(request, employer_id: int) -> Employer:
    employer = get_object_or_404(Employer.objects.visible_to(request.user), pk=employer_id)
    if not portal_users.may_manage_users(request.user, employer):
        raise Http404
    return employer


def _invite(request, employer: Employer, form: InviteForm) -> bool:
    """Send the invitation the form asks for; False (with the errors on the form) if not."""
    if not form.is_valid():
        return False
    try:
        invited = portal_users.employer_user_invite(
            employer=employer, actor=request.user, **form.cleaned_data
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return False
    messages.success(request, _("Invitasjonen er sendt til %(email)s.") % {"email": invited.email})
    return True


def staff_users(request, employer_id: int):
    """The employer's portal users, and the invitation form, for its fixed contact person."""
    employer = _managed_employer(request, employer_id)
    sub_units = employer.sub_units.order_by("name")
    form = InviteForm(request.POST if request.method == "POST" else None, sub_units=sub_units)
    if _invite(request, employer, form):
        return redirect("portal:staff_users", employer_id=employer.pk)
    people = portal_users.employer_users(employer).prefetch_related("employer_units")
    rows = [
        {
            "person": person,
            "grant_form": UnitGrantForm(sub_units=sub_units, person=person)
            if person.is_active and sub_units
            else None,
        }
        for person in people
    ]
    context = {"employer": employer, "form": form, "rows": rows}
    return render(request, "portal/staff_users.html", context)


@require_POST
def staff_user_admin(request, employer_id: int, user_id: int):
    """The contact person names, or stops, the employer's own portal administrator."""
    employer = _managed_employer(request, employer_id)
    person = get_object_or_404(portal_users.employer_users(employer), pk=user_id, is_active=True)
    make_admin = request.POST.get("admin") == "1"
    portal_users.employer_user_set_admin(
        employer=employer, user=person, is_admin=make_admin, actor=request.user
    )
    if make_admin:
        text = _("%(name)s er administrator i portalen.")
    else:
        text = _("%(name)s er ikke lenger administrator i portalen.")
    messages.success(request, text % {"name": person})
    return redirect("portal:staff_users", employer_id=employer.pk)


@require_POST
def staff_user_units(request, employer_id: int, user_id: int):
    """The contact person changes which sub-units a person may act for."""
    employer = _managed_employer(request, employer_id)
    person = get_object_or_404(portal_users.employer_users(employer), pk=user_id, is_active=True)
    form = UnitGrantForm(request.POST, sub_units=employer.sub_units.all(), person=person)
    if form.is_valid():
        portal_users.employer_user_grant_units(
            employer=employer, user=person, units=form.cleaned_data["units"], actor=request.user
        )
        messages.success(request, _("Tilgangen til %(name)s er endret.") % {"name": person})
    else:
        messages.error(request, _("Velg bare underenheter av denne virksomheten."))
    return redirect("portal:staff_users", employer_id=employer.pk)


@require_POST
def staff_user_deactivate(request, employer_id: int, user_id: int):
    employer = _managed_employer(request, employer_id)
    user = get_object_or_404(portal_users.employer_users(employer), pk=user_id)
    portal_users.employer_user_deactivate(employer=employer, user=user, actor=request.user)
    messages.success(request, _("%(name)s kan ikke lenger logge inn.") % {"name": user})
    return redirect("portal:staff_users", employer_id=employer.pk)


def unit_pick(request):
    """A person granted sub-units picks which unit they act for; every page then says which."""
    choices = units.units_for(request.user)
    form = UnitPickForm(
        request.POST if request.method == "POST" else None,
        units=choices,
        current_id=request.user.acting_employer_id,
    )
    if form.is_valid() and units.act_for(request, form.cleaned_data["unit"].pk):
        messages.success(
            request,
            _("Nå handler du for %(name)s.") % {"name": form.cleaned_data["unit"].name},
        )
        return redirect("home")
    return render(request, "portal/unit_pick.html", {"form": form})


def _administered_employer(request) -> Employer:
    """The portal administrator's own employer; anyone else at the employer gets a 404."""
    employer = get_object_or_404(Employer, pk=request.user.employer_id)
    if not portal_users.may_manage_users(request.user, employer):
        raise Http404
    return employer


def users_page(request):
    """The employer's portal administrator invites and deactivates the employer's users."""
    employer = _administered_employer(request)
    form = InviteForm(
        request.POST if request.method == "POST" else None,
        sub_units=portal_users.grantable_sub_units(request.user, employer),
        may_make_admins=False,
    )
    if _invite(request, employer, form):
        return redirect("portal:users")
    context = {"employer": employer, "form": form, "users": portal_users.employer_users(employer)}
    return render(request, "portal/users.html", context)


@require_POST
def user_deactivate(request, user_id: int):
    employer = _administered_employer(request)
    person = get_object_or_404(
        portal_users.employer_users(employer).exclude(pk=request.user.pk), pk=user_id
    )
    portal_users.employer_user_deactivate(employer=employer, user=person, actor=request.user)
    messages.success(request, _("%(name)s kan ikke lenger logge inn.") % {"name": person})
    return redirect("portal:users")


def history_page(request):
    return render(request, "portal/history.html", {"items": selectors.history(request.user)})
