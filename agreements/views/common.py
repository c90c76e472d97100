from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from ..models import Agreement, FollowUpMeeting
from ..permissions import may_edit_agreement


def visible_agreement(request, pk: int) -> Agreement:
    agreements = Agreement.objects.visible_to(request.user).select_related(
        "employer__county",
        "county",
        "fixed_contact__provider",
        "deputy_contact__provider",
        "template",
    )
    return get_object_or_404(agreements, pk=pk)


def editable_agreement(request, pk: int) -> Agreement:
    """Seeing an agreement is not enough to change it (see permissions.may_edit_agreement)."""
    agreement = visible_agreement(request, pk)
    if not may_edit_agreement(request.user, agreement):
        raise PermissionDenied
    return agreement


def visible_meeting(request, pk: int) -> FollowUpMeeting:
    meetings = FollowUpMeeting.objects.visible_to(request.user).select_related(
        "agreement__employer__county",
        "agreement__county",
        "agreement__fixed_contact",
        "agreement__deputy_contact",
    )
    return get_object_or_404(meetings, pk=pk)


def editable_meeting(request, pk: int) -> FollowUpMeeting:
    meeting = visible_meeting(request, pk)
    if not may_edit_agreement(request.user, meeting.agreement):
        raise PermissionDenied
    return meeting
