import datetime
from collections import deque

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from candidates.models import TRANSITIONS, Placement, Step
from candidates.services import consent as consent_services
from candidates.services import pipeline as services
from core.activity import history_for
from employers.services.openings import opening_cancel, opening_mark_filled
from notifications.models import Notification

pytestmark = pytest.mark.django_db

PLAIN_STEPS = [s for s in Step if s not in services.OWN_FORM_STEPS]


def _mover(step, contact, owner):
    return contact if step in services.CONTACT_SIDE_STEPS else owner


@pytest.mark.parametrize("to_step", PLAIN_STEPS)
@pytest.mark.parametrize("from_step", list(Step))
def test_plain_moves_follow_the_pipeline_graph(entry_at, contact, owner, from_step, to_step):
    entry = entry_at(from_step)
    actor = _mover(to_step, contact, owner)
    if to_step in TRANSITIONS[from_step]:
        services.entry_move(entry=entry, to_step=to_step, actor=actor, reason="Begrunnelse")
        entry.refresh_from_db()
        assert entry.step == to_step
        event = history_for(entry).get()
        assert (event.from_state, event.to_state, event.actor, event.note) == (
            from_step,
            to_step,
            actor,
            "Begrunnelse",
        )
    else:
        with pytest.raises(ValidationError):
            services.entry_move(entry=entry, to_step=to_step, actor=actor, reason="Begrunnelse")
        entry.refresh_from_db()
        assert entry.step == from_step
        assert not history_for(entry).exists()


def test_hired_is_reachable_only_through_presented():
    seen, queue = {Step.PROPOSED}, deque([Step.PROPOSED])
    while queue:
        for step in TRANSITIONS[queue.popleft()]:
            if step != Step.PRESENTED and step not in seen:
                seen.add(step)
                queue.append(step)
    assert Step.HIRED not in seen


def test_final_steps_lead_nowhere():
    for step in (Step.HIRED, Step.NOT_HIRED, Step.NOT_RELEVANT, Step.WITHDRAWN):
        assert TRANSITIONS[step] == frozenset()


def test_a_candidate_who_declined_can_consent_in_a_meeting_later(entry_at, owner):
    entry = entry_at(Step.CONSENT_DECLINED)
    consent_services.consent_record_meeting(entry=entry, actor=owner)
    entry.refresh_from_db()
    assert entry.step == Step.CONSENT_GIVEN


@pytest.mark.parametrize("step", sorted(services.OWN_FORM_STEPS))
def test_consent_and_hire_steps_need_their_own_form(entry_at, contact, owner, step):
    entry = entry_at(Step.INTERVIEW_HELD if step == Step.HIRED else Step.ASSESSING)
    with pytest.raises(ValidationError):
        services.entry_move(entry=entry, to_step=step, actor=_mover(step, contact, owner))


class TestWhoMayMove:
    @pytest.mark.parametrize(
        ("mover", "at", "to"),
        [
            ("owner", Step.CONSENT_GIVEN, Step.PRESENTED),
            ("other_owner", Step.PROPOSED, Step.ASSESSING),
            ("outsider_contact", Step.PROPOSED, Step.ASSESSING),
        ],
        ids=[
            "the-owner-may-not-present-the-candidate",
            "another-owner-may-not-move-someone-elses-candidate",
            "a-contact-person-in-another-county-may-not-move",
        ],
    )
    def test_refused(self, request, entry_at, mover, at, to):
        entry = entry_at(at)
        with pytest.raises(PermissionDenied):
            services.entry_move(entry=entry, to_step=to, actor=request.getfixturevalue(mover))

    def test_the_contact_person_may_not_ask_for_consent(self, entry_at, contact):
        entry = entry_at(Step.ASSESSING)
        with pytest.raises(PermissionDenied):
            consent_services.consent_record_meeting(entry=entry, actor=contact)

    @pytest.mark.parametrize("side", ["contact", "owner"])
    @pytest.mark.parametrize(
        ("at", "to", "fields"),
        [(Step.PRESENTED, Step.WITHDRAWN, {"reason": "Syk"}), (Step.PROPOSED, Step.ASSESSING, {})],
        ids=["withdraw", "mark-as-being-assessed"],
    )
    def test_both_sides_may(self, request, entry_at, side, at, to, fields):
        entry = entry_at(at)
        services.entry_move(entry=entry, to_step=to, actor=request.getfixturevalue(side), **fields)
        entry.refresh_from_db()
        assert entry.step == to

    def test_the_employer_reports_its_own_steps_but_may_not_withdraw_a_candidate(
        self, entry_at, employer_user
    ):
        # Issue 11: the employer asks for an interview and says how it went.
        entry = entry_at(Step.PRESENTED)
        services.entry_move(entry=entry, to_step=Step.INTERVIEW_WANTED, actor=employer_user)
        services.entry_move(entry=entry, to_step=Step.INTERVIEW_HELD, actor=employer_user)
        with pytest.raises(PermissionDenied):
            services.entry_move(
                entry=entry, to_step=Step.WITHDRAWN, actor=employer_user, reason="x"
            )

    def test_next_steps_offer_only_the_actors_side(self, entry_at, contact, owner):
        entry = entry_at(Step.PROPOSED)
        assert services.next_steps(owner, entry) == [Step.ASSESSING, Step.WITHDRAWN]
        entry = entry_at(Step.PRESENTED)
        assert services.next_steps(contact, entry) == [
            Step.INTERVIEW_WANTED,
            Step.NOT_RELEVANT,
            Step.WITHDRAWN,
        ]
        assert services.next_steps(owner, entry) == [Step.WITHDRAWN]


class TestRules:
    @pytest.mark.parametrize("step", [Step.NOT_RELEVANT, Step.WITHDRAWN])
    def test_some_steps_need_a_reason(self, entry_at, contact, step):
        entry = entry_at(Step.PRESENTED)
        with pytest.raises(ValidationError) as error:
            services.entry_move(entry=entry, to_step=step, actor=contact, reason="  ")
        assert "reason" in error.value.error_dict

    def test_not_hired_needs_a_reason(self, entry_at, contact):
        entry = entry_at(Step.INTERVIEW_HELD)
        with pytest.raises(ValidationError):
            services.entry_move(entry=entry, to_step=Step.NOT_HIRED, actor=contact)

    def test_presenting_needs_a_given_consent(self, opening, contact, owner):
        from .factories import CandidateFactory, ShortlistEntryFactory

        entry = ShortlistEntryFactory(
            shortlist=services.Shortlist.objects.get_or_create(opening=opening)[0],
            candidate=CandidateFactory(owner=owner),
            step=Step.CONSENT_GIVEN,
        )
        with pytest.raises(ValidationError, match="samtykke"):
            services.entry_move(entry=entry, to_step=Step.PRESENTED, actor=contact)


HIRE = {
    "start_date": datetime.date(2026, 12, 1),
    "position": "Lagermedarbeider",
    "contract_type": Placement.ContractType.PERMANENT,
    "extent_percent": 80,
    "contract_confirmed": True,
    "measures_used": [Placement.MeasureUsed.MENTOR],
}


class TestHire:
    @pytest.mark.parametrize("step", [Step.INTERVIEW_HELD, Step.WORK_TRIAL])
    def test_a_hire_after_presentation_records_the_placement(self, entry_at, contact, step):
        entry = entry_at(step)
        placement = services.entry_hire(entry=entry, actor=contact, **HIRE)
        entry.refresh_from_db()
        assert entry.step == Step.HIRED
        assert placement.employer == entry.shortlist.opening.employer
        assert placement.candidate == entry.candidate
        assert placement.measures_used == ["mentor"]

    @pytest.mark.parametrize(
        "step", [Step.PROPOSED, Step.CONSENT_GIVEN, Step.PRESENTED, Step.INTERVIEW_WANTED]
    )
    def test_no_hire_before_the_candidate_was_presented_and_interviewed(
        self, entry_at, contact, step
    ):
        entry = entry_at(step)
        with pytest.raises(ValidationError):
            services.entry_hire(entry=entry, actor=contact, **HIRE)
        assert not Placement.objects.exists()

    def test_no_hire_without_a_confirmed_contract(self, entry_at, contact):
        entry = entry_at(Step.INTERVIEW_HELD)
        with pytest.raises(ValidationError) as error:
            services.entry_hire(entry=entry, actor=contact, **{**HIRE, "contract_confirmed": False})
        assert "contract_confirmed" in error.value.error_dict
        assert not Placement.objects.exists()

    def test_the_owner_may_not_record_a_hire(self, entry_at, owner):
        entry = entry_at(Step.INTERVIEW_HELD)
        with pytest.raises(PermissionDenied):
            services.entry_hire(entry=entry, actor=owner, **HIRE)


class TestArchive:
    def test_archive_and_undo_are_recorded_and_nothing_is_deleted(self, entry_at, contact):
        entry = entry_at(Step.ASSESSING)
        services.entry_archive(entry=entry, actor=contact, reason="Passer ikke kravene")
        entry.refresh_from_db()
        assert entry.is_archived
        services.entry_restore(entry=entry, actor=contact)
        entry.refresh_from_db()
        assert not entry.is_archived
        kinds = list(history_for(entry).values_list("action", "note"))
        assert kinds == [
            ("candidates.entry.archived", "Passer ikke kravene"),
            ("candidates.entry.restored", ""),
        ]

    def test_an_archived_entry_cannot_move(self, entry_at, contact):
        entry = entry_at(Step.PROPOSED)
        services.entry_archive(entry=entry, actor=contact)
        with pytest.raises(ValidationError, match="fjernet"):
            services.entry_move(entry=entry, to_step=Step.ASSESSING, actor=contact)

    def test_another_owner_may_not_archive(self, entry_at, other_owner):
        entry = entry_at(Step.PROPOSED)
        with pytest.raises(PermissionDenied):
            services.entry_archive(entry=entry, actor=other_owner)


class TestClosing:
    @pytest.mark.parametrize("finish", [opening_mark_filled, opening_cancel])
    def test_filling_or_cancelling_closes_the_list(self, opening, contact, entry_at, finish):
        entry = entry_at(Step.ASSESSING)
        finish(opening=opening, actor=contact)
        entry.shortlist.refresh_from_db()
        assert entry.shortlist.is_closed
        with pytest.raises(ValidationError, match="lukket"):
            services.entry_move(entry=entry, to_step=Step.WITHDRAWN, actor=contact, reason="x")
        with pytest.raises(ValidationError, match="lukket"):
            services.entry_archive(entry=entry, actor=contact)

    def test_owners_of_candidates_in_play_are_told(self, opening, contact, owner, entry_at):
        entry_at(Step.ASSESSING)
        entry_at(Step.NOT_RELEVANT)
        opening_mark_filled(opening=opening, actor=contact)
        titles = list(Notification.objects.filter(recipient=owner).values_list("title", flat=True))
        assert titles == [f"Kandidatlisten for {opening.title} er lukket"]

    def test_an_opening_without_a_list_closes_without_one(self, opening, contact):
        opening_cancel(opening=opening, actor=contact)
        assert not services.Shortlist.objects.exists()


class TestNotifications:
    def test_the_owner_hears_about_moves_by_others(self, entry_at, contact, owner):
        entry = entry_at(Step.CONSENT_GIVEN)
        services.entry_move(entry=entry, to_step=Step.PRESENTED, actor=contact)
        notification = Notification.objects.get(recipient=owner)
        # Issue 15 item 10: the opening and the step, not the person.
        assert notification.title == (
            f"{entry.shortlist.opening.title}: en kandidat du følger er nå "
            "«Presentert for arbeidsgiver»"
        )
        assert notification.link == f"/kandidater/kandidatliste/{entry.pk}/"

    def test_the_employers_users_hear_about_a_presentation(self, entry_at, contact, employer_user):
        entry = entry_at(Step.CONSENT_GIVEN)
        services.entry_move(entry=entry, to_step=Step.PRESENTED, actor=contact)
        notification = Notification.objects.get(recipient=employer_user)
        opening_id = entry.shortlist.opening_id
        assert notification.link == f"/virksomhet/stillinger/{opening_id}/kandidater/"
        assert entry.candidate.full_name not in notification.title + notification.body

    def test_the_owner_is_not_told_about_their_own_moves(self, entry_at, owner):
        entry = entry_at(Step.PROPOSED)
        services.entry_move(entry=entry, to_step=Step.ASSESSING, actor=owner)
        assert not Notification.objects.filter(recipient=owner).exists()


def test_two_answers_from_the_same_step_never_both_go_through(entry_at, contact):
    """Two people answer the same presented candidate at once (issue: 5 of 10 runs both
    were told "ok"): each carries the step it decided on, and the second is refused."""
    entry = entry_at(Step.PRESENTED)
    services.entry_move(
        entry=entry, to_step=Step.INTERVIEW_WANTED, actor=contact, expected_step=Step.PRESENTED
    )
    with pytest.raises(ValidationError, match="Noen andre har nettopp flyttet kandidaten"):
        services.entry_move(
            entry=entry,
            to_step=Step.NOT_RELEVANT,
            actor=contact,
            reason="Passer ikke",
            expected_step=Step.PRESENTED,
        )
    entry.refresh_from_db()
    assert entry.step == Step.INTERVIEW_WANTED
