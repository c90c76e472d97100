import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from accounts.models import Role
from candidates.models import TRANSITIONS, AuditRecord, Candidate, Step
from candidates.services.audit import audit_candidate_reads
from candidates.services.shortlist import shortlist_add
from candidates.validators import clean_fnr
from core.activity import history_for
from employers.models import JobOpening

from ..employers.factories import JobOpeningFactory
from ..factories import user_with_role
from .factories import CandidateFactory

pytestmark = pytest.mark.django_db


class TestIdentityNumber:
    def test_a_valid_number_passes_and_gives_the_birth_date(self):
        candidate = CandidateFactory(fnr="15108695088")
        assert candidate.birth_date == datetime.date(1986, 10, 15)

    def test_spaces_are_removed(self):
        assert clean_fnr("151086 95088") == "15108695088"

    @pytest.mark.parametrize(
        ("value", "code"),
        [
            ("1510869508", "length"),
            ("151086950888", "length"),
            ("1510869508a", "format"),
            ("15108695089", "checksum"),
            ("32138612345", "checksum"),
        ],
    )
    def test_invalid_numbers_are_refused_with_a_reason(self, value, code):
        with pytest.raises(ValidationError) as error:
            clean_fnr(value)
        assert error.value.code == code

    def test_a_number_with_valid_check_digits_but_no_real_date_is_refused(self):
        with pytest.raises(ValidationError) as error:
            clean_fnr("31028612358")  # 31 February, check digits computed for it
        assert error.value.code in ("date", "checksum")


class TestScoping:
    def test_owners_see_their_own_caseload_only(self):
        mine = CandidateFactory()
        CandidateFactory()
        assert list(Candidate.objects.visible_to(mine.owner)) == [mine]

    def test_provider_staff_see_their_own_caseload(self):
        theirs = CandidateFactory(provider_owned=True)
        assert theirs.provider_id == theirs.owner.provider_id
        assert list(Candidate.objects.visible_to(theirs.owner)) == [theirs]

    @pytest.mark.parametrize(
        "role",
        [Role.CONTACT_PERSON, Role.PROJECT_LEADER, Role.NATIONAL_READER, Role.EMPLOYER_USER],
    )
    def test_other_roles_see_no_one_through_the_caseload(self, role):
        CandidateFactory()
        assert not Candidate.objects.visible_to(user_with_role(role)).exists()

    def test_administrators_see_everyone(self):
        CandidateFactory.create_batch(2)
        assert Candidate.objects.visible_to(user_with_role(Role.ADMIN)).count() == 2


class TestAuditLog:
    def test_one_record_per_candidate_shown(self):
        candidates = CandidateFactory.create_batch(3)
        reader = candidates[0].owner
        written = audit_candidate_reads(
            actor=reader, candidates=candidates, action=AuditRecord.Action.LIST, purpose="test"
        )
        assert written == 3
        assert AuditRecord.objects.filter(actor=reader).count() == 3

    def test_records_cannot_be_changed_or_deleted(self):
        candidate = CandidateFactory()
        audit_candidate_reads(
            actor=candidate.owner,
            candidates=[candidate],
            action=AuditRecord.Action.VIEW,
            purpose="test",
        )
        record = AuditRecord.objects.get()
        with pytest.raises(ValueError):
            record.save()
        with pytest.raises(ValueError):
            record.delete()
        # Not even a bulk statement gets past the database trigger.
        with pytest.raises(DatabaseError), transaction.atomic():
            AuditRecord.objects.update(purpose="rewritten")
        with pytest.raises(DatabaseError), transaction.atomic():
            AuditRecord.objects.all().delete()
        assert AuditRecord.objects.get().purpose == "test"


class TestPipelineGraph:
    def test_hired_is_reachable_only_after_the_candidate_was_presented(self):
        before_presented = {
            Step.PROPOSED,
            Step.ASSESSING,
            Step.CONSENT_REQUESTED,
            Step.CONSENT_GIVEN,
            Step.CONSENT_DECLINED,
            Step.PRESENTED,
        }
        for step in before_presented:
            assert Step.HIRED not in TRANSITIONS[step]

    def test_every_open_step_can_be_withdrawn_and_final_steps_go_nowhere(self):
        for step, targets in TRANSITIONS.items():
            if step in (Step.HIRED, Step.NOT_HIRED, Step.NOT_RELEVANT, Step.WITHDRAWN):
                assert targets == frozenset()
            else:
                assert Step.WITHDRAWN in targets


class TestShortlistAdd:
    def test_a_candidate_is_added_once(self):
        opening = JobOpeningFactory()
        candidate = CandidateFactory()
        entry = shortlist_add(
            opening=opening, candidate=candidate, actor=opening.recorded_by, source="search"
        )
        assert entry.step == Step.PROPOSED
        assert history_for(entry).get().to_state == Step.PROPOSED
        with pytest.raises(ValidationError, match="allerede"):
            shortlist_add(
                opening=opening, candidate=candidate, actor=opening.recorded_by, source="search"
            )

    def test_a_closed_or_unpublished_opening_takes_no_candidates(self):
        draft = JobOpeningFactory(status=JobOpening.Status.DRAFT, published_at=None)
        with pytest.raises(ValidationError, match="åpne stillinger"):
            shortlist_add(
                opening=draft,
                candidate=CandidateFactory(),
                actor=draft.recorded_by,
                source="search",
            )
