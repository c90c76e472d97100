"""The status flow in dialogue → signed → active → ended: every allowed and forbidden step,
who and when, and the employer kept in step."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import Role
from agreements.models import Agreement, ContactPeriod
from agreements.services.agreements import (
    agreement_change_contact,
    agreement_create,
    agreement_transition,
)
from core.activity import history_for
from employers.models import Employer
from notifications.models import Notification
from tests.factories import user_with_role

from .factories import AgreementFactory, county

pytestmark = pytest.mark.django_db

S = Agreement.Status
ALLOWED = [
    (S.IN_DIALOGUE, S.SIGNED),
    (S.IN_DIALOGUE, S.ENDED),
    (S.SIGNED, S.ACTIVE),
    (S.SIGNED, S.ENDED),
    (S.ACTIVE, S.ENDED),
]
FORBIDDEN = [(from_, to) for from_ in S for to in S if (from_, to) not in ALLOWED]


def _agreement_in(status: str) -> Agreement:
    """A Trøndelag agreement (signs on mutual commitment) with the given status."""
    employer_county = county("Trøndelag")
    fields = {"status": status}
    if status in (S.SIGNED, S.ACTIVE, S.ENDED):
        fields["signed_on"] = timezone.localdate() - datetime.timedelta(days=40)
    if status == S.ACTIVE:
        fields["plan_anchor"] = timezone.localdate() - datetime.timedelta(days=30)
    if status == S.ENDED:
        fields |= {"end_reason": Agreement.EndReason.COMPLETED, "end_date": timezone.localdate()}
    return AgreementFactory(employer__county=employer_county, **fields)


def _move(agreement: Agreement, to: str) -> Agreement:
    return agreement_transition(
        agreement=agreement,
        actor=agreement.fixed_contact,
        to=to,
        on=timezone.localdate(),
        reason=Agreement.EndReason.EMPLOYER_WITHDREW,
        note="Avtalt i møte",
    )


@pytest.mark.parametrize(("from_status", "to_status"), ALLOWED)
def test_allowed_transition_changes_status_and_records_who_and_when(from_status, to_status):
    agreement = _agreement_in(from_status)
    before = timezone.now()
    agreement = _move(agreement, to_status)
    agreement.refresh_from_db()
    assert agreement.status == to_status
    event = history_for(agreement).get(to_state=to_status)
    assert event.from_state == from_status
    assert event.actor == agreement.fixed_contact
    assert event.at >= before
    assert event.note == "Avtalt i møte"


@pytest.mark.parametrize(("from_status", "to_status"), FORBIDDEN)
def test_forbidden_transition_is_refused_with_a_norwegian_message(from_status, to_status):
    agreement = _agreement_in(from_status)
    if from_status == S.ENDED:
        # Nobody edits an ended agreement.
        with pytest.raises(PermissionDenied):
            _move(agreement, to_status)
    else:
        with pytest.raises(ValidationError, match="kan ikke endres til"):
            _move(agreement, to_status)
    agreement.refresh_from_db()
    assert agreement.status == from_status
    assert not history_for(agreement).exists()


def test_signing_needs_a_date_that_is_not_in_the_future():
    agreement = _agreement_in(S.IN_DIALOGUE)
    actor = agreement.fixed_contact
    with pytest.raises(ValidationError, match="Oppgi datoen"):
        agreement_transition(agreement=agreement, actor=actor, to=S.SIGNED)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="fram i tid"):
        agreement_transition(agreement=agreement, actor=actor, to=S.SIGNED, on=tomorrow)


def test_ending_needs_a_reason():
    agreement = _agreement_in(S.ACTIVE)
    with pytest.raises(ValidationError, match="hvorfor avtalen avsluttes"):
        agreement_transition(agreement=agreement, actor=agreement.fixed_contact, to=S.ENDED)


def test_database_refuses_an_ended_agreement_without_reason():
    agreement = _agreement_in(S.ACTIVE)
    with pytest.raises(IntegrityError), transaction.atomic():
        Agreement.objects.filter(pk=agreement.pk).update(status=S.ENDED, end_date="2026-01-01")


def test_database_refuses_follow_ups_outside_two_to_four():
    agreement = _agreement_in(S.IN_DIALOGUE)
    for value in (1, 5):
        with pytest.raises(IntegrityError), transaction.atomic():
            Agreement.objects.filter(pk=agreement.pk).update(follow_ups_per_year=value)


def test_a_colleague_who_is_not_the_fixed_contact_cannot_move_the_agreement():
    agreement = _agreement_in(S.IN_DIALOGUE)
    colleague = user_with_role(Role.CONTACT_PERSON, county=agreement.county)
    with pytest.raises(PermissionDenied):
        agreement_transition(
            agreement=agreement, actor=colleague, to=S.SIGNED, on=timezone.localdate()
        )


def test_county_project_leader_and_admin_may_move_it():
    agreement = _agreement_in(S.IN_DIALOGUE)
    leader = user_with_role(Role.PROJECT_LEADER, county=agreement.county)
    agreement_transition(agreement=agreement, actor=leader, to=S.SIGNED, on=timezone.localdate())
    admin = user_with_role(Role.ADMIN)
    agreement_transition(agreement=agreement, actor=admin, to=S.ACTIVE)
    agreement.refresh_from_db()
    assert agreement.status == S.ACTIVE


def test_signed_agreement_makes_the_employer_an_agreement_employer_with_its_contact():
    agreement = _agreement_in(S.IN_DIALOGUE)
    _move(agreement, S.SIGNED)
    employer = Employer.objects.get(pk=agreement.employer_id)
    assert employer.status == Employer.Status.AGREEMENT
    assert employer.fixed_contact == agreement.fixed_contact
    outsider = user_with_role(Role.ADVISER)
    assert employer.coordinate_with(outsider) == agreement.fixed_contact


def test_ending_the_only_agreement_puts_the_employer_back_in_dialogue():
    agreement = _agreement_in(S.SIGNED)
    _move(agreement, S.ACTIVE)
    _move(agreement, S.ENDED)
    employer = Employer.objects.get(pk=agreement.employer_id)
    assert employer.status == Employer.Status.IN_DIALOGUE
    assert employer.coordinate_with(user_with_role(Role.ADVISER)) is None


def test_ending_one_of_two_agreements_keeps_the_other_ones_contact():
    first = _agreement_in(S.SIGNED)
    second = AgreementFactory(
        employer=first.employer, status=S.IN_DIALOGUE, county=first.county, title="Avdeling nord"
    )
    _move(second, S.SIGNED)
    _move(first, S.ENDED)
    employer = Employer.objects.get(pk=first.employer_id)
    assert employer.status == Employer.Status.AGREEMENT
    assert employer.fixed_contact == second.fixed_contact


def test_create_starts_in_dialogue_with_template_commitments_and_a_contact_period():
    actor = user_with_role(Role.CONTACT_PERSON)
    employer = AgreementFactory.build().employer
    employer.save()
    agreement = agreement_create(
        employer=employer,
        actor=actor,
        fixed_contact=actor,
        employer_signatory="Kari Nordmann",
        employer_responsible="Per Hansen",
        union_involvement=Agreement.UnionInvolvement.INFORMED,
    )
    assert agreement.status == S.IN_DIALOGUE
    assert "melde behov for arbeidskraft" in agreement.employer_commitments
    assert agreement.follow_ups_per_year == 4
    assert ContactPeriod.objects.get(agreement=agreement).contact == actor
    employer.refresh_from_db()
    assert employer.status == Employer.Status.IN_DIALOGUE


def test_changing_the_contact_keeps_history_and_notifies_employer_users_and_new_contact():
    agreement = _agreement_in(S.SIGNED)
    old = agreement.fixed_contact
    new = user_with_role(Role.PROVIDER_STAFF)
    employer_user = user_with_role(Role.EMPLOYER_USER, employer=agreement.employer)
    other_employer_user = user_with_role(Role.EMPLOYER_USER)
    ContactPeriod.objects.create(agreement=agreement, contact=old, changed_by=old)
    agreement_change_contact(
        agreement=agreement, actor=old, contact=new, note="Jeg går ut i permisjon"
    )
    periods = list(agreement.contact_periods.order_by("started_at", "id"))
    assert [p.contact for p in periods] == [old, new]
    assert periods[0].ended_at is not None and periods[1].ended_at is None
    assert Notification.objects.filter(recipient=new).exists()
    assert Notification.objects.filter(recipient=employer_user).exists()
    assert not Notification.objects.filter(recipient=other_employer_user).exists()
    assert Employer.objects.get(pk=agreement.employer_id).fixed_contact == new


def test_contact_must_be_a_contact_person_or_provider_staff():
    agreement = _agreement_in(S.SIGNED)
    adviser = user_with_role(Role.ADVISER)
    with pytest.raises(ValidationError, match="aktiv markedskontakt"):
        agreement_change_contact(
            agreement=agreement, actor=agreement.fixed_contact, contact=adviser
        )
