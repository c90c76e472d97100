from core.views import permitted, visible_or_404

from ..models import Agreement, FollowUpMeeting
from ..permissions import may_edit_agreement


def visible_agreement(request, pk: int) -> Agreement:
    return visible_or_404(
        Agreement,
        request.user,
        pk,
        "employer__county",
        "county",
        "fixed_contact__provider",
        "deputy_contact__provider",
        "template",
    )


def editable_agreement(request, pk: int) -> Agreement:
    """Seeing an agreement is not enough to change it (see permissions.may_edit_agreement)."""
    return permitted(request.user, visible_agreement(request, pk), may_edit_agreement)


def visible_meeting(request, pk: int) -> FollowUpMeeting:
    return visible_or_404(
        FollowUpMeeting,
        request.user,
        pk,
        "agreement__employer__county",
        "agreement__county",
        "agreement__fixed_contact",
        "agreement__deputy_contact",
    )


def editable_meeting(request, pk: int) -> FollowUpMeeting:
    meeting = visible_meeting(request, pk)
    permitted(request.user, meeting.agreement, may_edit_agreement)
    return meeting
