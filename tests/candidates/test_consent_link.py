import datetime
import re
import zoneinfo

import pytest
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from candidates.models import AuditRecord, ConsentRequest, Step
from candidates.services import consent as services
from candidates.tasks_consent import expire_consent_requests
from core.activity import history_for
from notifications.models import Notification
from portal.services import terms_accept

from .pipeline_helpers import consent_in_mail

pytestmark = pytest.mark.django_db


def _ask(entry, owner, *, days=3, offered="Trenger rolige pauser."):
    return services.consent_request_link(
        entry=entry,
        actor=owner,
        deadline=timezone.now() + datetime.timedelta(days=days),
        adaptation_text_offered=offered,
    )


def _url(consent):
    return reverse("candidates:consent_respond", kwargs={"token": services.consent_token(consent)})


@pytest.fixture
def asked(entry_at, owner):
    return _ask(entry_at(Step.ASSESSING), owner)


class TestRequest:
    def test_asking_moves_the_entry_and_the_link_is_mailed_once(self, asked, mailoutbox):
        asked.entry.refresh_from_db()
        assert asked.entry.step == Step.CONSENT_REQUESTED
        assert services.consent_send_link(consent_id=asked.pk) is True
        assert services.consent_send_link(consent_id=asked.pk) is False
        assert len(mailoutbox) == 1
        assert mailoutbox[0].to == ["kandidat@example.no"]
        assert consent_in_mail(mailoutbox[0].body) == asked

    def test_the_entry_page_offers_no_new_request_while_one_is_pending(self, login, asked, owner):
        url = reverse("candidates:entry_detail", kwargs={"entry_id": asked.entry_id})
        page = login(owner).get(url).content.decode()
        assert "Venter på svar" in page
        assert "Innhent samtykke" not in page

    def test_a_second_request_is_refused_while_one_is_pending(self, asked, owner):
        asked.entry.step = Step.ASSESSING  # even if the entry was moved back meanwhile
        asked.entry.save()
        with pytest.raises(ValidationError, match="venter allerede"):
            _ask(asked.entry, owner)
        assert asked.entry.consents.count() == 1

    def test_the_database_refuses_two_pending_requests(self, asked):
        with pytest.raises(IntegrityError), transaction.atomic():
            ConsentRequest.objects.create(
                entry=asked.entry,
                method=ConsentRequest.Method.LINK,
                deadline=asked.deadline,
                requested_by=asked.requested_by,
            )

    def test_only_the_owner_may_ask(self, entry_at, contact):
        with pytest.raises(PermissionDenied):
            _ask(entry_at(Step.ASSESSING), contact)

    def test_a_candidate_without_email_cannot_get_a_link(self, entry_at, owner):
        entry = entry_at(Step.ASSESSING)
        entry.candidate.email = ""
        entry.candidate.save()
        with pytest.raises(ValidationError, match="e-post"):
            _ask(entry, owner)

    def test_a_chosen_date_means_the_end_of_that_day_in_norway(self):
        deadline = services.consent_deadline(on=datetime.date(2030, 7, 1), now=timezone.now())
        oslo = deadline.astimezone(zoneinfo.ZoneInfo("Europe/Oslo"))
        assert (oslo.date(), oslo.hour, oslo.minute) == (datetime.date(2030, 7, 1), 23, 59)


def _late(consent, *, minutes=2, claimed_minutes=None):
    """Make `consent` asked for `minutes` ago and, optionally, claimed `claimed_minutes` ago."""
    now = timezone.now()
    claimed = None if claimed_minutes is None else now - datetime.timedelta(minutes=claimed_minutes)
    ConsentRequest.objects.filter(pk=consent.pk).update(
        requested_at=now - datetime.timedelta(minutes=minutes), link_claimed_at=claimed
    )
    consent.refresh_from_db()
    return consent


class TestLinkNeverSent:
    """A link whose send was lost or failed does not block a new request until its deadline."""

    @pytest.mark.parametrize(
        ("minutes", "claimed", "sent", "unsent"),
        [
            (0, None, False, False),  # just asked: the send is on its way
            (2, None, False, True),  # late and never claimed: the task was lost
            (2, 3, False, False),  # being sent right now (a fresh claim)
            (30, 15, False, True),  # the claim's lease ran out: that send died
            (30, None, True, False),  # sent
        ],
    )
    def test_the_rule(self, asked, minutes, claimed, sent, unsent):
        consent = _late(asked, minutes=minutes, claimed_minutes=claimed)
        if sent:
            ConsentRequest.objects.filter(pk=asked.pk).update(link_sent_at=timezone.now())
            consent.refresh_from_db()
        assert consent.is_link_unsent() is unsent

    def test_a_new_request_replaces_a_link_that_never_went_out(self, asked, owner, mailoutbox):
        _late(asked)
        new = _ask(asked.entry, owner, offered="")
        asked.refresh_from_db()
        assert asked.status == ConsentRequest.Status.REPLACED
        assert new.is_pending and new.entry_id == asked.entry_id
        # The lost task, delivered late, sends nothing; the new link goes out once.
        assert services.consent_send_link(consent_id=asked.pk) is False
        assert services.consent_send_link(consent_id=new.pk) is True
        assert len(mailoutbox) == 1
        assert consent_in_mail(mailoutbox[0].body) == new
        new.entry.refresh_from_db()
        assert new.entry.step == Step.CONSENT_REQUESTED
        assert any(a.action == "candidates.consent.replaced" for a in history_for(asked))

    def test_the_replaced_link_no_longer_answers(self, client, asked, owner):
        _late(asked)
        old_url = _url(asked)
        _ask(asked.entry, owner)
        response = client.post(old_url, {"answer": "accept"}, follow=True)
        assert "allerede besvart eller utløpt" in response.content.decode()
        assert ConsentRequest.objects.filter(status=ConsentRequest.Status.GIVEN).count() == 0

    def test_consent_given_in_a_meeting_replaces_it_too(self, asked, owner):
        _late(asked)
        given = services.consent_record_meeting(entry=asked.entry, actor=owner)
        asked.refresh_from_db()
        assert asked.status == ConsentRequest.Status.REPLACED
        assert given.is_given

    def test_a_link_being_sent_still_blocks(self, asked, owner):
        _late(asked, claimed_minutes=1)
        with pytest.raises(ValidationError, match="venter allerede"):
            _ask(asked.entry, owner)

    def test_the_entry_page_says_so_and_offers_a_new_request(self, login, asked, owner):
        url = reverse("candidates:entry_detail", kwargs={"entry_id": asked.entry_id})
        page = login(owner).get(url).content.decode()
        assert "Lenken er ikke sendt ennå." in page
        assert "Innhent samtykke" not in page  # just asked: give the send its minute
        _late(asked)
        page = login(owner).get(url).content.decode()
        assert "Du kan innhente samtykke på nytt" in page
        assert "Innhent samtykke" in page
        response = login(owner).post(
            reverse("candidates:consent_request", kwargs={"entry_id": asked.entry_id}),
            {"method": "link", "deadline": "3", "adaptation_text": ""},
            follow=True,
        )
        assert "Lenken er sendt til" in response.content.decode()
        assert list(asked.entry.consents.values_list("status", flat=True)) == [
            ConsentRequest.Status.PENDING,
            ConsentRequest.Status.REPLACED,
        ]


class TestPublicPage:
    def test_the_page_needs_no_login_and_shows_what_is_shared(self, client, asked):
        url = _url(asked)
        response = client.get(url)
        assert response.status_code == 200
        page = response.content.decode()
        candidate = asked.entry.candidate
        assert asked.entry.shortlist.opening.employer.name in page
        assert candidate.cv_summary in page
        assert "Trenger rolige pauser." in page
        assert candidate.fnr not in page
        record = AuditRecord.objects.get(candidate=candidate)
        assert (record.actor, record.action) == (None, AuditRecord.Action.CONSENT_PAGE)
        token = url.rstrip("/").rsplit("/", 1)[-1]
        assert token not in record.path

    def test_accepting_with_the_adaptation_text(self, client, asked, owner):
        client.post(_url(asked), {"answer": "accept", "share_adaptation": "on"})
        asked.refresh_from_db()
        assert asked.status == ConsentRequest.Status.GIVEN
        assert asked.share_adaptation_text == "Trenger rolige pauser."
        asked.entry.refresh_from_db()
        assert asked.entry.step == Step.CONSENT_GIVEN
        event = history_for(asked.entry).last()
        assert (event.actor, event.to_state) == (None, Step.CONSENT_GIVEN)
        assert Notification.objects.filter(recipient=owner).exists()

    @pytest.mark.parametrize("answer", ["accept", "decline"])
    def test_an_answered_page_no_longer_shows_who_it_is_or_what_was_shared(
        self, client, asked, answer
    ):
        client.post(_url(asked), {"answer": answer, "share_adaptation": "on"})
        page = client.get(_url(asked)).content.decode()
        candidate = asked.entry.candidate
        assert 'id="consent-status"' in page
        for personal in (
            candidate.first_name,
            candidate.last_name,
            candidate.cv_summary,
            "Trenger rolige pauser.",
            asked.entry.shortlist.opening.employer.name,
            asked.entry.shortlist.opening.title,
        ):
            assert not re.search(rf"\b{re.escape(personal)}\b", page), personal
        assert ("Trekk tilbake samtykket" in page) == (answer == "accept")

    def test_accepting_without_sharing_the_adaptation_text(self, client, asked):
        client.post(_url(asked), {"answer": "accept"})
        asked.refresh_from_db()
        assert asked.status == ConsentRequest.Status.GIVEN
        assert asked.share_adaptation_text == ""

    def test_declining(self, client, asked):
        client.post(_url(asked), {"answer": "decline"})
        asked.refresh_from_db()
        asked.entry.refresh_from_db()
        assert asked.status == ConsentRequest.Status.DECLINED
        assert asked.entry.step == Step.CONSENT_DECLINED

    def test_an_answered_link_cannot_be_answered_again(self, client, asked):
        client.post(_url(asked), {"answer": "accept"})
        response = client.post(_url(asked), {"answer": "decline"}, follow=True)
        assert "allerede besvart" in response.content.decode()
        asked.refresh_from_db()
        assert asked.status == ConsentRequest.Status.GIVEN

    def test_an_expired_link_cannot_be_answered(self, client, asked):
        ConsentRequest.objects.filter(pk=asked.pk).update(
            deadline=timezone.now() - datetime.timedelta(minutes=1)
        )
        asked.refresh_from_db()
        page = client.get(_url(asked)).content.decode()
        assert "Ja, jeg samtykker" not in page
        response = client.post(_url(asked), {"answer": "accept"}, follow=True)
        assert "Svarfristen har gått ut" in response.content.decode()
        asked.refresh_from_db()
        assert asked.status == ConsentRequest.Status.PENDING

    @pytest.mark.parametrize(
        "tamper",
        [
            lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
            lambda token: token.replace(
                token.split(":")[0], signing.dumps({"c": 999999, "d": 1}).split(":")[0]
            ),
            lambda token: signing.dumps(signing.loads(token, salt=services.TOKEN_SALT)),
        ],
        ids=["signature", "payload", "other salt"],
    )
    def test_a_tampered_link_is_not_found(self, client, asked, tamper):
        token = tamper(services.consent_token(asked))
        response = client.get(reverse("candidates:consent_respond", kwargs={"token": token}))
        assert response.status_code == 404

    def test_a_link_stops_working_when_the_deadline_is_changed(self, client, asked):
        url = _url(asked)
        ConsentRequest.objects.filter(pk=asked.pk).update(
            deadline=asked.deadline + datetime.timedelta(days=1)
        )
        assert client.get(url).status_code == 404


class TestWithdrawal:
    def test_the_candidate_withdraws_through_the_same_link(
        self, client, asked, contact, employer_user
    ):
        client.post(_url(asked), {"answer": "accept"})
        asked.entry.refresh_from_db()
        from candidates.services.pipeline import entry_move

        entry_move(entry=asked.entry, to_step=Step.PRESENTED, actor=contact)
        terms_accept(user=employer_user)
        client.force_login(employer_user)
        assert (
            asked.entry.candidate.full_name
            in client.get(
                reverse("portal:opening", args=[asked.entry.shortlist.opening_id])
            ).content.decode()
        )
        client.logout()
        client.post(_url(asked), {"withdraw": "1"})
        asked.refresh_from_db()
        asked.entry.refresh_from_db()
        assert asked.status == ConsentRequest.Status.WITHDRAWN
        assert asked.withdrawn_at is not None
        assert asked.entry.step == Step.WITHDRAWN
        client.force_login(employer_user)
        page = client.get(
            reverse("portal:opening", args=[asked.entry.shortlist.opening_id])
        ).content.decode()
        assert asked.entry.candidate.full_name not in page
        assert Notification.objects.filter(recipient=contact).exists()

    def test_the_owner_withdraws(self, login, entry_at, owner):
        entry = entry_at(Step.PRESENTED)
        consent = entry.consents.get()
        response = login(owner).post(
            reverse("candidates:consent_withdraw", kwargs={"consent_id": consent.pk})
        )
        assert response.status_code == 302
        consent.refresh_from_db()
        assert consent.status == ConsentRequest.Status.WITHDRAWN

    def test_withdrawal_works_on_a_closed_list_and_is_noted(self, entry_at, opening, contact):
        entry = entry_at(Step.HIRED)
        from employers.services.openings import opening_mark_filled

        opening_mark_filled(opening=opening, actor=contact)
        services.consent_withdraw(consent=entry.consents.get(), actor=None)
        entry.refresh_from_db()
        assert entry.step == Step.HIRED
        assert history_for(entry).last().note == "Samtykket er trukket tilbake."

    def test_only_a_given_consent_can_be_withdrawn(self, asked):
        with pytest.raises(ValidationError):
            services.consent_withdraw(consent=asked, actor=None)


class TestExpiry:
    def test_the_beat_task_expires_overdue_requests_once(self, asked, owner):
        ConsentRequest.objects.filter(pk=asked.pk).update(
            deadline=timezone.now() - datetime.timedelta(minutes=1)
        )
        assert expire_consent_requests() == 1
        assert expire_consent_requests() == 0
        asked.refresh_from_db()
        asked.entry.refresh_from_db()
        assert asked.status == ConsentRequest.Status.EXPIRED
        assert asked.entry.step == Step.ASSESSING
        assert Notification.objects.filter(recipient=owner).count() == 1

    def test_requests_within_their_deadline_are_left_alone(self, asked):
        assert expire_consent_requests() == 0
        asked.refresh_from_db()
        assert asked.status == ConsentRequest.Status.PENDING

    def test_after_expiry_a_new_request_may_be_sent(self, asked, owner):
        ConsentRequest.objects.filter(pk=asked.pk).update(
            deadline=timezone.now() - datetime.timedelta(minutes=1)
        )
        expire_consent_requests()
        asked.entry.refresh_from_db()
        assert _ask(asked.entry, owner).is_pending
