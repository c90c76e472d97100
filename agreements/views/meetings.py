from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.versioning import save_versioned
from core.views import run_action, show_errors, submit_form
from employers.permissions import may_manage_openings

from ..calendar import meeting_calendar
from ..forms import MeetingPlanForm, MeetingRecordForm, RecruitmentNeedForm
from ..models import FollowUpMeeting, RecruitmentNeed
from ..permissions import may_edit_agreement
from ..selectors import county_follow_up, my_follow_ups
from ..services import meetings as services
from .common import editable_agreement, editable_meeting, visible_meeting

PAGE_SIZE = 25


def _render_detail(request, meeting: FollowUpMeeting, need_form=None):
    context = {
        "meeting": meeting,
        "agreement": meeting.agreement,
        "may_edit": may_edit_agreement(request.user, meeting.agreement)
        and not meeting.is_cancelled,
        "may_make_openings": may_manage_openings(request.user),
        "needs": meeting.needs.select_related("occupation", "opening"),
        "need_form": need_form or RecruitmentNeedForm(),
        "today": timezone.localdate(),
    }
    return render(request, "agreements/meeting_detail.html", context)


def meeting_detail(request, pk: int):
    return _render_detail(request, visible_meeting(request, pk))


def meeting_create(request, pk: int):
    agreement = editable_agreement(request, pk)
    form = MeetingPlanForm(request.POST or None)
    meeting = submit_form(request, form, services.meeting_create, agreement=agreement)
    if meeting is not None:
        messages.success(request, _("Møtet er lagt til i møteplanen."))
        return redirect("agreements:meeting_detail", pk=meeting.pk)
    context = {"form": form, "agreement": agreement, "title": _("Nytt oppfølgingsmøte")}
    return render(request, "agreements/meeting_form.html", context)


def meeting_edit(request, pk: int):
    meeting = editable_meeting(request, pk)
    form = MeetingPlanForm(request.POST or None, instance=meeting)
    return _meeting_change(
        request,
        meeting,
        form,
        services.meeting_plan_update,
        success=_("Møtet er endret. Send invitasjonen på nytt om tiden er ny."),
        title=_("Flytt eller endre møtet"),
    )


def meeting_record(request, pk: int):
    meeting = editable_meeting(request, pk)
    initial = {"held_on": meeting.held_on or min(meeting.planned_date, timezone.localdate())}
    form = MeetingRecordForm(request.POST or None, instance=meeting, initial=initial)
    return _meeting_change(
        request,
        meeting,
        form,
        services.meeting_record,
        success=_("Møtet er registrert som holdt."),
        title=_("Registrer møtet som holdt"),
    )


def _meeting_change(request, meeting, form, change, *, success: str, title: str):
    """The meeting form page: `change` saves the valid form (versioned), else the form shows
    again with why."""
    if form.is_valid() and save_versioned(
        form,
        meeting,
        lambda version: change(
            meeting=meeting, actor=request.user, version=version, **form.cleaned_data
        ),
    ):
        messages.success(request, success)
        return redirect("agreements:meeting_detail", pk=meeting.pk)
    context = {"form": form, "agreement": meeting.agreement, "meeting": meeting, "title": title}
    return render(request, "agreements/meeting_form.html", context)


def meeting_ics(request, pk: int):
    meeting = visible_meeting(request, pk)
    body = meeting_calendar(meeting, services.invitation_recipients(meeting))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="oppfolgingsmote-{meeting.pk}.ics"'
    return response


@require_POST
def meeting_invite(request, pk: int):
    meeting = editable_meeting(request, pk)
    run_action(
        request,
        lambda: services.meeting_invite(meeting=meeting, actor=request.user),
        _("Invitasjonen sendes på e-post til deltakerne."),
    )
    return redirect("agreements:meeting_detail", pk=meeting.pk)


@require_POST
def need_add(request, pk: int):
    meeting = editable_meeting(request, pk)
    form = RecruitmentNeedForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, meeting, need_form=form)
    services.need_add(meeting=meeting, actor=request.user, **form.cleaned_data)
    messages.success(request, _("Rekrutteringsbehovet er registrert."))
    return redirect("agreements:meeting_detail", pk=meeting.pk)


@require_POST
def need_to_opening(request, pk: int):
    needs = RecruitmentNeed.objects.filter(
        meeting__in=FollowUpMeeting.objects.visible_to(request.user)
    )
    need = get_object_or_404(needs, pk=pk)
    try:
        opening = services.need_to_opening(need=need, actor=request.user)
    except ValidationError as error:
        show_errors(request, error)
        return redirect("agreements:meeting_detail", pk=need.meeting_id)
    messages.success(request, _("Stillingen er lagret som utkast. Fyll ut resten og lagre."))
    return redirect("employers:opening_edit", pk=opening.pk)


def my_follow_up_list(request):
    today = timezone.localdate()
    context = {"follow_ups": my_follow_ups(user=request.user, today=today), "today": today}
    return render(request, "agreements/my_follow_ups.html", context)


def county_list(request):
    today = timezone.localdate()
    only_lapsed = request.GET.get("vis") != "alle"
    agreements = county_follow_up(user=request.user, today=today, only_lapsed=only_lapsed)
    page = Paginator(agreements, PAGE_SIZE).get_page(request.GET.get("side"))
    context = {"page": page, "only_lapsed": only_lapsed, "today": today}
    return render(request, "agreements/county.html", context)
