"""A worker killed after the SMTP server took a meeting invitation, before the meeting was
marked invited, does not lead to a second copy when the task runs again; a refused send is
released and sent by the retry (the model is tests/notifications/test_email_crash.py)."""

import os
import signal

import pytest

from agreements.models import FollowUpMeeting
from agreements.services.meetings import meeting_invite, meeting_send_invitation_email
from agreements.tasks import send_meeting_invitation
from tests.agreements.factories import MeetingFactory
from tests.smtp import closed_port, settings_override, smtp_worker
from tests.workers import wait_for

pytestmark = [pytest.mark.worker, pytest.mark.usefixtures("reference_data")]


def _copies(server, meeting: FollowUpMeeting) -> int:
    address = meeting.agreement.fixed_contact.email.encode()
    return sum(address in message for message in server.messages)


def test_a_worker_killed_mid_send_does_not_send_the_invitation_twice(smtp_server):
    port = smtp_server.server_address[1]
    first = smtp_worker("doomed", port)
    smtp_server.on_message = lambda: os.kill(first.pid, signal.SIGKILL)
    meeting = MeetingFactory()
    meeting_invite(meeting=meeting, actor=meeting.agreement.fixed_contact)
    assert wait_for(lambda: first.poll() is not None, timeout=120), "the worker was not killed"
    assert _copies(smtp_server, meeting) == 1

    smtp_server.on_message = lambda: None
    second = smtp_worker("survivor", port)
    try:
        send_meeting_invitation.delay(meeting.pk)  # what a redelivery or retry does
        marker = MeetingFactory()
        meeting_invite(meeting=marker, actor=marker.agreement.fixed_contact)
        # The solo worker takes tasks in order: once the marker is sent, the retry has run.
        invited = FollowUpMeeting.objects.filter(pk=marker.pk, invited_sequence=0)
        assert wait_for(invited.exists, timeout=120)
    finally:
        second.terminate()
        second.wait(timeout=30)
    assert _copies(smtp_server, meeting) == 1
    meeting.refresh_from_db()
    assert meeting.invitation_claimed_sequence == 0 and meeting.invited_sequence is None

    # Inviting again on purpose sends a new version despite the stuck claim.
    meeting_invite(meeting=meeting, actor=meeting.agreement.fixed_contact)
    meeting.refresh_from_db()
    assert meeting.ics_sequence == 1
    with settings_override(port):
        assert meeting_send_invitation_email(meeting_id=meeting.pk) is True
    assert _copies(smtp_server, meeting) == 2


def test_a_refused_send_is_released_and_sent_by_the_retry(smtp_server, transactional_db):
    meeting = MeetingFactory()
    with pytest.raises(OSError), settings_override(closed_port()):
        send_meeting_invitation.run(meeting.pk)
    meeting.refresh_from_db()
    assert meeting.invitation_claimed_sequence is None and meeting.invited_sequence is None

    with settings_override(smtp_server.server_address[1]):
        assert send_meeting_invitation.run(meeting.pk) is True
        assert send_meeting_invitation.run(meeting.pk) is False
    meeting.refresh_from_db()
    assert meeting.invited_sequence == 0
    assert _copies(smtp_server, meeting) == 1
