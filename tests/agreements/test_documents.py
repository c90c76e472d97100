"""The agreement document (page and PDF), the signed copy upload, and the .ics invitation."""

import datetime
import re
import zlib

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from fpdf import FPDF
from icalendar import Calendar

from accounts.models import Role
from agreements.calendar import meeting_calendar
from agreements.documents import agreement_pdf
from agreements.models import Agreement
from agreements.services.meetings import (
    meeting_invite,
    meeting_plan_update,
    meeting_send_invitation_email,
)
from employers.models import EmployerPerson
from tests.factories import user_with_role

from .factories import AgreementFactory, MeetingFactory, county

pytestmark = pytest.mark.django_db


def _pdf_bytes(text: str = "Signert") -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text=text)
    return bytes(pdf.output())


def _pdf_texts(pdf: bytes) -> list[str]:
    """The text shown on the pages, read back without a PDF library: each embedded font's
    ToUnicode map turns the glyph ids in the page streams into characters. Returns the page
    text decoded with each font's map (the regular and bold fonts number glyphs apart)."""
    streams = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            streams.append(zlib.decompress(match.group(1)))
        except zlib.error:
            streams.append(match.group(1))
    maps = [
        {int(g, 16): chr(int(u, 16)) for g, u in re.findall(rb"<([0-9A-F]{4})> <([0-9A-F]{4})>", s)}
        for s in streams
        if b"beginbfchar" in s
    ]
    shown = []
    for stream in streams:
        for text in re.findall(rb"\((.*?)(?<!\\)\) Tj", stream, re.S):
            text = re.sub(rb"\\([()\\])", rb"\1", text).replace(b"\\r", b"\r")
            shown.append([int.from_bytes(text[i : i + 2]) for i in range(0, len(text), 2)])
    return ["".join(m.get(g, "") for ids in shown for g in ids) for m in maps]


def test_pdf_is_a_pdf_with_the_employer_and_contact_in_it():
    agreement = AgreementFactory(employer__name="Fjordbåt Ærlig Øl AS")
    pdf = agreement_pdf(agreement)
    assert pdf.startswith(b"%PDF-")
    assert b"/FontFile2" in pdf  # the embedded DejaVu font, so æøå render anywhere
    texts = _pdf_texts(pdf)
    assert any("Fjordbåt Ærlig Øl AS" in text for text in texts)
    assert any(agreement.fixed_contact.email in text for text in texts)
    assert any("NAVs forpliktelser" in text for text in texts)


def test_pdf_download_view_sends_an_attachment(client):
    agreement = AgreementFactory(employer__name="Bakeriet på hjørnet AS")
    client.force_login(agreement.fixed_contact)
    response = client.get(reverse("agreements:document_pdf", args=[agreement.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF-")


def test_printable_page_shows_template_sections_and_commitments(client):
    agreement = AgreementFactory(local_adaptations="Vi møtes hver måned de første tre månedene.")
    client.force_login(agreement.fixed_contact)
    page = client.get(reverse("agreements:document", args=[agreement.pk])).content.decode()
    for heading in (
        "1. Formål",
        "2. Virksomhetens forpliktelser",
        "3. NAVs forpliktelser",
        "4. Kontaktpersoner",
        "5. Involvering av tillitsvalgte",
        "6. Varighet og oppfølging",
        "7. Lokale tilpasninger",
    ):
        assert heading in page
    assert "Vi møtes hver måned" in page
    assert agreement.employer.name in page


def _upload(client, agreement, upload):
    return client.post(reverse("agreements:upload", args=[agreement.pk]), {"file": upload})


def test_signed_pdf_is_stored_and_served_only_through_the_checked_view(client, media_root):
    agreement = AgreementFactory()
    client.force_login(agreement.fixed_contact)
    response = _upload(client, agreement, SimpleUploadedFile("avtale.pdf", _pdf_bytes()))
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.signed_copy.name.startswith("agreements/signed/")
    assert (media_root / agreement.signed_copy.name).exists()
    download = client.get(reverse("agreements:signed_copy", args=[agreement.pk]))
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    outsider = user_with_role(Role.EMPLOYER_USER)
    client.force_login(outsider)
    assert client.get(reverse("agreements:signed_copy", args=[agreement.pk])).status_code == 404


def test_upload_rejects_a_file_that_is_not_a_pdf_whatever_its_name(client):
    agreement = AgreementFactory()
    client.force_login(agreement.fixed_contact)
    fake = SimpleUploadedFile("avtale.pdf", b"PK\x03\x04 this is a zip", "application/pdf")
    response = _upload(client, agreement, fake)
    assert response.status_code == 200
    assert "Filen må være en PDF." in response.content.decode()
    agreement.refresh_from_db()
    assert not agreement.signed_copy


def test_upload_rejects_a_file_over_the_size_limit(client, settings):
    settings.AGREEMENT_UPLOAD_MAX_BYTES = 1024
    agreement = AgreementFactory()
    client.force_login(agreement.fixed_contact)
    big = SimpleUploadedFile("avtale.pdf", b"%PDF-1.7\n" + b"0" * 2000)
    response = _upload(client, agreement, big)
    assert response.status_code == 200
    assert "Filen er for stor" in response.content.decode()


def test_only_an_editor_may_upload(client):
    agreement = AgreementFactory()
    colleague = user_with_role(Role.CONTACT_PERSON, county=agreement.county)
    client.force_login(colleague)
    response = _upload(client, agreement, SimpleUploadedFile("a.pdf", _pdf_bytes()))
    assert response.status_code == 403


def _parse(ics: bytes):
    calendar = Calendar.from_ical(ics)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    return calendar, events[0]


def test_ics_parses_back_with_oslo_time_uid_and_attendees():
    agreement = AgreementFactory(employer__county=county("Trøndelag"), active=True)
    # The day after the clocks go forward: 10:00 in Oslo is 08:00 UTC.
    meeting = MeetingFactory(
        agreement=agreement, planned_date=datetime.date(2026, 3, 30), location="Kantina"
    )
    calendar, event = _parse(meeting_calendar(meeting, ["kari@example.no"]))
    start = event.decoded("dtstart")
    assert start.tzinfo is not None and str(start.tzinfo) == "Europe/Oslo"
    assert start.astimezone(datetime.UTC).hour == 8
    assert event["dtstart"].params["TZID"] == "Europe/Oslo"
    assert list(calendar.walk("VTIMEZONE"))[0]["TZID"] == "Europe/Oslo"
    assert str(event["uid"]) == meeting.ics_uid
    assert event.decoded("sequence") == 0
    assert str(event["location"]) == "Kantina"
    assert str(event["attendee"]) == "mailto:kari@example.no"


def test_moving_a_meeting_keeps_the_uid_and_raises_the_sequence():
    meeting = MeetingFactory(planned_date=datetime.date(2026, 9, 1))
    uid = meeting.ics_uid
    meeting_plan_update(
        meeting=meeting,
        actor=meeting.agreement.fixed_contact,
        planned_date=datetime.date(2026, 9, 3),
        start_time=datetime.time(13, 0),
        location="",
        agenda="",
    )
    meeting.refresh_from_db()
    _calendar, event = _parse(meeting_calendar(meeting, []))
    assert str(event["uid"]) == uid
    assert event.decoded("sequence") == 1


def test_invitation_email_has_the_ics_and_is_sent_once_per_version():
    meeting = MeetingFactory()
    EmployerPerson.objects.create(
        employer=meeting.agreement.employer, name="Per", email="per@virksomhet.example.no"
    )
    assert meeting_send_invitation_email(meeting_id=meeting.pk) is True
    assert meeting_send_invitation_email(meeting_id=meeting.pk) is False
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert set(message.to) == {meeting.agreement.fixed_contact.email, "per@virksomhet.example.no"}
    name, content, mimetype = message.attachments[0]
    assert name.endswith(".ics") and mimetype.startswith("text/calendar")
    _calendar, event = _parse(content if isinstance(content, bytes) else content.encode())
    assert str(event["uid"]) == meeting.ics_uid


def test_ics_download_for_staff(client):
    meeting = MeetingFactory()
    client.force_login(meeting.agreement.fixed_contact)
    response = client.get(reverse("agreements:meeting_ics", args=[meeting.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    _parse(response.content)


def test_ended_agreements_are_not_uploadable(client):
    agreement = AgreementFactory(
        status=Agreement.Status.ENDED,
        signed_on=datetime.date(2025, 1, 1),
        end_date=datetime.date(2026, 1, 1),
        end_reason=Agreement.EndReason.COMPLETED,
    )
    client.force_login(agreement.fixed_contact)
    response = _upload(client, agreement, SimpleUploadedFile("a.pdf", _pdf_bytes()))
    assert response.status_code == 403


def test_invite_queues_the_email_after_commit_and_a_resend_is_a_new_version(
    django_capture_on_commit_callbacks,
):
    meeting = MeetingFactory()
    actor = meeting.agreement.fixed_contact
    with django_capture_on_commit_callbacks() as callbacks:
        meeting_invite(meeting=meeting, actor=actor)
    assert len(callbacks) == 1
    assert meeting_send_invitation_email(meeting_id=meeting.pk)  # what the queued task does
    meeting.refresh_from_db()
    assert meeting.invited_sequence == meeting.ics_sequence == 0
    with django_capture_on_commit_callbacks():
        meeting_invite(meeting=meeting, actor=actor)
    assert meeting_send_invitation_email(meeting_id=meeting.pk)
    meeting.refresh_from_db()
    assert meeting.invited_sequence == meeting.ics_sequence == 1
    assert len(mail.outbox) == 2
