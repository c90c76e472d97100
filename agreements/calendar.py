"""The .ics calendar invitation of a follow-up meeting (RFC 5545), in Europe/Oslo time."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress

from .models import FollowUpMeeting
from .models.meetings import DEFAULT_DURATION


def meeting_calendar(meeting: FollowUpMeeting, attendees: list[str]) -> bytes:
    agreement = meeting.agreement
    calendar = Calendar()
    calendar.add("prodid", "-//NAV//Vi inkluderer!//NO")
    calendar.add("version", "2.0")
    # A cancelled meeting goes out once more as a CANCEL of the same UID, so calendars
    # remove it (RFC 5546).
    calendar.add("method", "CANCEL" if meeting.is_cancelled else "REQUEST")
    event = Event()
    # The same UID for every version of the meeting, and a higher SEQUENCE for each change,
    # so calendar programs update the event instead of adding a new one.
    event.add("uid", meeting.ics_uid)
    event.add("sequence", meeting.ics_sequence)
    if meeting.is_cancelled:
        event.add("status", "CANCELLED")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.starts_at + DEFAULT_DURATION)
    event.add(
        "summary",
        _("Oppfølgingsmøte Vi inkluderer!: %(name)s") % {"name": agreement.display_name},
    )
    if meeting.location:
        event.add("location", meeting.location)
    description = meeting.agenda or _("Vi går gjennom samarbeidet og kommende rekrutteringsbehov.")
    event.add("description", description)
    event.add("url", settings.SITE_URL + reverse("agreements:meeting_detail", args=[meeting.pk]))
    organizer = vCalAddress(f"mailto:{agreement.fixed_contact.email}")
    organizer.params["cn"] = str(agreement.fixed_contact)
    event.add("organizer", organizer)
    for address in attendees:
        event.add("attendee", vCalAddress(f"mailto:{address}"))
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
