"""Special-category data and removed entries on the shortlist pages (issue 15, items 1 and 3):
adaptation needs only for the owner and administrators (others see what the candidate shared in
a consent still given); the owner hears of every addition by someone else; a removed entry
shows nobody's personal data to anyone but the owner and administrators."""

import pytest
from django.urls import reverse

from candidates.models import AuditRecord, ShortlistEntry, Step
from candidates.services import pipeline as services
from candidates.services.consent import consent_withdraw
from candidates.services.shortlist import shortlist_add
from notifications.models import Notification

from .factories import CandidateFactory

pytestmark = pytest.mark.django_db

NEEDS = "Trenger hev-senk-pult etter skade"
SHARED = "Fungerer best med faste oppgaver"


def _detail(entry):
    return reverse("candidates:entry_detail", kwargs={"entry_id": entry.pk})


def _shortlist(entry, **params):
    url = reverse("candidates:shortlist", kwargs={"opening_id": entry.shortlist.opening_id})
    return url, params


@pytest.fixture
def removed(entry_at, contact):
    entry = entry_at(Step.ASSESSING, motivation="Kjent fra arbeidstrening")
    entry.candidate.adaptation_needs = NEEDS
    entry.candidate.cv_summary = "Hemmelig CV-sammendrag"
    entry.candidate.save()
    services.entry_archive(entry=entry, actor=contact, reason="Passet ikke")
    return entry


class TestAdaptationNeeds:
    def test_a_withdrawn_consents_shared_text_is_no_longer_shown_to_the_contact_side(
        self, login, entry_at, contact
    ):
        entry = entry_at(Step.CONSENT_GIVEN)
        consent = entry.consents.get()
        consent.share_adaptation_text = SHARED
        consent.save()
        assert SHARED in login(contact).get(_detail(entry)).text
        consent_withdraw(consent=consent, actor=entry.candidate.owner)
        page = login(contact).get(_detail(entry)).text
        assert SHARED not in page
        assert SHARED in login(entry.candidate.owner).get(_detail(entry)).text

    def test_an_administrator_sees_the_adaptation_needs(self, login, entry_at, admin_user):
        entry = entry_at(Step.ASSESSING)
        entry.candidate.adaptation_needs = NEEDS
        entry.candidate.save()
        assert NEEDS in login(admin_user).get(_detail(entry)).text

    def test_the_board_and_table_never_show_adaptation_needs(self, login, entry_at, contact):
        entry = entry_at(Step.ASSESSING)
        entry.candidate.adaptation_needs = NEEDS
        entry.candidate.save()
        client = login(contact)
        for layout in ("tavle", "tabell"):
            url, params = _shortlist(entry, vis=layout)
            page = client.get(url, params).text
            assert entry.candidate.full_name in page
            assert NEEDS not in page


class TestOwnerIsTold:
    def test_any_addition_by_someone_else_notifies_the_owner_without_the_name(
        self, opening, contact
    ):
        candidate = CandidateFactory(first_name="Hemmeligfornavn")
        entry = shortlist_add(
            opening=opening, candidate=candidate, actor=contact, source=ShortlistEntry.Source.SEARCH
        )
        notice = Notification.objects.get(recipient=candidate.owner)
        assert opening.title in notice.title
        assert "Hemmelig" not in notice.title + notice.body
        assert notice.link == _detail(entry)

    def test_the_owner_proposing_their_own_candidate_is_not_told(self, opening, owner):
        services.shortlist_propose(
            opening=opening,
            candidate=CandidateFactory(owner=owner),
            actor=owner,
            motivation="Passer godt",
        )
        assert not Notification.objects.filter(recipient=owner).exists()


class TestRemovedEntry:
    def test_the_contact_side_sees_no_personal_data_and_can_still_undo(
        self, login, removed, contact, colleague
    ):
        for user in (contact, colleague):
            response = login(user).get(_detail(removed))
            assert response.status_code == 200
            page = response.text
            for secret in (
                removed.candidate.full_name,
                removed.candidate.cv_summary,
                NEEDS,
                "Kjent fra arbeidstrening",
                "Passet ikke",
            ):
                assert secret not in page
            assert "Fjernet kandidat" in page
            assert reverse("candidates:entry_restore", kwargs={"entry_id": removed.pk}) in page
            assert (
                login(user).get(_detail(removed), {"fane": "historikk"}).text.count("Passet ikke")
                == 0
            )
        assert not AuditRecord.objects.filter(actor__in=[contact, colleague]).exists()

    def test_the_contact_sides_list_of_removed_entries_hides_who(self, login, removed, contact):
        client = login(contact)
        for layout in ("tavle", "tabell"):
            url, params = _shortlist(removed, vis=layout, arkiverte="on")
            page = client.get(url, params).text
            assert removed.candidate.full_name not in page
            assert "Fjernet kandidat" in page
        assert not AuditRecord.objects.filter(actor=contact).exists()

    def test_the_hire_page_of_a_removed_entry_shows_no_name(self, login, removed, contact):
        url = reverse("candidates:entry_hire", kwargs={"entry_id": removed.pk})
        assert removed.candidate.full_name not in login(contact).get(url).text

    def test_the_owner_and_administrators_still_see_everything(self, login, removed, admin_user):
        for user in (removed.candidate.owner, admin_user):
            page = login(user).get(_detail(removed)).text
            assert removed.candidate.full_name in page
            assert NEEDS in page
            url, params = _shortlist(removed, arkiverte="on")
            if user == admin_user:
                assert removed.candidate.full_name in login(user).get(url, params).text

    def test_undo_by_the_contact_side_shows_the_candidate_again(self, login, removed, contact):
        client = login(contact)
        client.post(reverse("candidates:entry_restore", kwargs={"entry_id": removed.pk}))
        assert removed.candidate.full_name in client.get(_detail(removed)).text
