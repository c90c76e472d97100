"""Home page sections of the pipeline: new proposals for the contact person, the owner's
candidates in process with the consents that wait for an answer."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import County, Role
from candidates.models import AuditRecord, ConsentRequest, ShortlistEntry, Step
from candidates.services.shortlist import shortlist_for
from tests.pages import home_section

from ..employers.factories import EmployerFactory, JobOpeningFactory
from ..factories import user_with_role
from .factories import CandidateFactory, ConsentRequestFactory, ShortlistEntryFactory


def _home_entries(client, user, name: str):
    """`user`'s home page: the entries its section `home/_<name>.html` shows, and the HTML."""
    client.force_login(user)
    response = client.get("/")
    return home_section(response, name).context["entries"], response.content.decode()


@pytest.mark.django_db
def test_contact_person_sees_proposals_to_their_openings_newest_first_without_names(client):
    opening = JobOpeningFactory(title="Lagermedarbeider natt")
    contact = opening.recorded_by
    adviser = user_with_role(Role.ADVISER, first_name="Vera", last_name="Veileder")
    older = ShortlistEntryFactory(
        shortlist=shortlist_for(opening),
        candidate=CandidateFactory(owner=adviser, last_name="Eldrestad"),
        source=ShortlistEntry.Source.PROPOSAL,
        added_by=adviser,
        created_at=timezone.now() - datetime.timedelta(days=2),
    )
    newer = ShortlistEntryFactory(
        shortlist=shortlist_for(JobOpeningFactory(title="Truckfører dag", recorded_by=contact)),
        source=ShortlistEntry.Source.PROPOSAL,
        added_by=adviser,
    )
    # Not news: the contact person's own additions, assessed entries, other counties' lists.
    ShortlistEntryFactory(shortlist=shortlist_for(opening), added_by=contact)
    ShortlistEntryFactory(shortlist=shortlist_for(opening), step=Step.ASSESSING, added_by=adviser)
    ShortlistEntryFactory(
        shortlist=shortlist_for(
            JobOpeningFactory(
                title="Sveiser i Bergen",
                employer=EmployerFactory(county=County.objects.get(name="Vestland")),
            )
        ),
        added_by=adviser,
    )
    entries, html = _home_entries(client, contact, "new_proposals")
    assert entries == [newer, older]
    assert "Nye forslag til dine stillinger" in html
    assert "Forslag til Lagermedarbeider natt" in html and "fra Vera Veileder" in html
    assert "Sveiser i Bergen" not in html
    assert older.candidate.last_name not in html


@pytest.mark.django_db
def test_owner_sees_their_candidates_in_process_waiting_consents_first_and_the_read_is_audited(
    client,
):
    owner = user_with_role(Role.ADVISER)
    moving = ShortlistEntryFactory(
        candidate=CandidateFactory(owner=owner, first_name="Per", last_name="Presentert"),
        step=Step.PRESENTED,
    )
    waiting = ConsentRequestFactory(
        entry__candidate=CandidateFactory(owner=owner, first_name="Sara", last_name="Samtykke"),
        deadline=timezone.now() + datetime.timedelta(days=2),
    ).entry
    ShortlistEntryFactory(candidate=CandidateFactory(owner=owner), step=Step.HIRED)
    ShortlistEntryFactory(candidate=CandidateFactory(owner=owner), archived_at=timezone.now())
    ShortlistEntryFactory(step=Step.PROPOSED)  # someone else's candidate
    entries, html = _home_entries(client, owner, "candidates_in_process")
    assert entries == [waiting, moving]
    assert "Dine kandidater i prosess" in html
    assert "Sara Samtykke" in html and "Venter på samtykke, frist" in html
    assert "Presentert for arbeidsgiver" in html
    # Each item says what happens next.
    assert "Venter på arbeidsgiverens svar" in html
    assert "Venter på kandidatens svar på samtykket" in html
    audited = AuditRecord.objects.filter(actor=owner, action=AuditRecord.Action.LIST)
    assert set(audited.values_list("candidate_id", flat=True)) == {
        waiting.candidate_id,
        moving.candidate_id,
    }


@pytest.mark.django_db
def test_answered_consents_and_closed_lists_leave_the_owners_section(client):
    owner = user_with_role(Role.PROVIDER_STAFF)
    answered = ConsentRequestFactory(
        entry__candidate=CandidateFactory(owner=owner), status=ConsentRequest.Status.GIVEN
    )
    answered.entry.step = Step.CONSENT_GIVEN
    answered.entry.save()
    closed = ShortlistEntryFactory(candidate=CandidateFactory(owner=owner))
    closed.shortlist.closed_at = timezone.now()
    closed.shortlist.save()
    entries, _html = _home_entries(client, owner, "candidates_in_process")
    assert [(e, e.consent_deadline) for e in entries] == [(answered.entry, None)]


@pytest.mark.django_db
def test_home_page_notifications_open_what_they_are_about(client):
    from notifications.models import Notification
    from notifications.services import notification_create

    adviser = user_with_role(Role.ADVISER)
    entry = ShortlistEntryFactory(candidate=CandidateFactory(owner=adviser))
    link = reverse("candidates:entry_detail", kwargs={"entry_id": entry.pk})
    linked = notification_create(recipient=adviser, title="Et varsel", link=link, send_email=False)
    notification_create(recipient=adviser, title="Uten lenke", send_email=False)
    client.force_login(adviser)
    html = client.get("/").content.decode()
    open_url = reverse("notifications:open", args=[linked.pk])
    assert f'action="{open_url}"' in html
    assert html.count('action="/varsler/') == 1
    response = client.post(open_url)
    assert response.url == link
    assert Notification.objects.get(pk=linked.pk).is_read
