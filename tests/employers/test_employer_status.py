"""The employer's status has a transition table, and every change of it is in the activity log:
first contact, an agreement signed and ended, and an edit in the register."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from agreements.models import Agreement
from agreements.services.agreements import agreement_transition
from core.activity import history_for
from core.transitions import TransitionRefused
from employers.models import Employer
from employers.services.register import employer_move
from tests.agreements.factories import AgreementFactory, county
from tests.factories import user_with_role

from .factories import EmployerFactory, log_contact

pytestmark = pytest.mark.django_db


def _history(employer):
    return list(history_for(employer).values_list("action", "from_state", "to_state", "actor"))


def test_first_contact_logs_the_move_into_dialogue_with_who_did_it():
    colleague = user_with_role(Role.CONTACT_PERSON)
    employer = EmployerFactory(status=Employer.Status.LEAD)
    for _contact in range(2):
        log_contact(employer, colleague, summary="Første samtale.")
    assert _history(employer) == [
        ("employers.employer.in_dialogue", "lead", "in_dialogue", colleague.pk)
    ]


def test_signing_and_ending_the_agreement_move_the_employer_and_log_it():
    agreement = AgreementFactory(
        employer__county=county("Trøndelag"), employer__status=Employer.Status.IN_DIALOGUE
    )
    actor = agreement.fixed_contact
    signed_on = timezone.localdate() - datetime.timedelta(days=3)
    agreement_transition(agreement=agreement, actor=actor, to=Agreement.Status.SIGNED, on=signed_on)
    agreement_transition(
        agreement=agreement,
        actor=actor,
        to=Agreement.Status.ENDED,
        reason=Agreement.EndReason.COMPLETED,
    )
    assert _history(agreement.employer) == [
        ("employers.employer.agreement", "in_dialogue", "agreement", actor.pk),
        ("employers.employer.in_dialogue", "agreement", "in_dialogue", actor.pk),
    ]
    ended = history_for(agreement).last()
    assert ended.detail == Agreement.EndReason.COMPLETED.label


def test_the_table_refuses_an_employer_with_an_agreement_back_to_not_contacted():
    employer = EmployerFactory(status=Employer.Status.AGREEMENT)
    with pytest.raises(TransitionRefused):
        employer_move(employer, to=Employer.Status.LEAD, actor=None)
    employer.refresh_from_db()
    assert employer.status == Employer.Status.AGREEMENT
    assert _history(employer) == []


def test_the_register_edit_offers_only_allowed_statuses_and_logs_a_change(login):
    editor = user_with_role(Role.CONTACT_PERSON)
    employer = EmployerFactory(status=Employer.Status.AGREEMENT)
    url = reverse("employers:edit", args=[employer.pk])
    client = login(editor)
    form = client.get(url).context["form"]
    offered = [value for value, _label in form.fields["status"].choices]
    assert offered == [Employer.Status.IN_DIALOGUE, Employer.Status.AGREEMENT, "inactive"]
    data = {
        name: value
        for name, value in form.initial.items()
        if name in form.fields and value is not None
    }
    data |= {"status": Employer.Status.INACTIVE, "version": form["version"].value()}
    response = client.post(url, data)
    assert response.status_code == 302
    assert _history(employer) == [
        ("employers.employer.inactive", "agreement", "inactive", editor.pk)
    ]
