import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from core.activity import describe, history_for, history_for_many, log_action, register_actions
from core.models import ActivityEntry
from core.transitions import TransitionRefused, may_transition, transition
from employers.models import Lead
from tests.employers.factories import LeadFactory

pytestmark = pytest.mark.django_db


def closable_lead(**kwargs) -> Lead:
    lead = LeadFactory(**kwargs)
    lead.close_reason = "other"
    return lead


def test_transition_saves_the_status_and_logs_one_entry(project_leader):
    lead = closable_lead()
    entry = transition(
        lead,
        to=Lead.Status.CLOSED,
        actor=project_leader,
        note="Ikke aktuell nå",
        fields=["close_reason"],
    )
    lead.refresh_from_db()
    assert lead.status == Lead.Status.CLOSED
    assert entry.action == "employers.lead.closed"
    assert (entry.from_state, entry.to_state) == (Lead.Status.NEW, Lead.Status.CLOSED)
    assert entry.actor == project_leader and entry.note == "Ikke aktuell nå"
    assert list(history_for(lead)) == [entry]


def test_refused_transition_saves_nothing_and_logs_nothing(project_leader):
    lead = LeadFactory(status=Lead.Status.CLOSED, close_reason="other")
    assert not may_transition(lead, Lead.Status.ASSIGNED)
    with pytest.raises(TransitionRefused) as refused:
        transition(lead, to=Lead.Status.ASSIGNED, actor=project_leader)
    assert isinstance(refused.value, ValidationError)
    lead.refresh_from_db()
    assert lead.status == Lead.Status.CLOSED
    assert not ActivityEntry.objects.exists()


def test_an_explicit_action_code_overrides_the_default(project_leader):
    entry = transition(
        closable_lead(),
        to=Lead.Status.CLOSED,
        actor=project_leader,
        action="employers.lead.dropped",
        fields=["close_reason"],
    )
    assert entry.action == "employers.lead.dropped"


def test_entry_labels_use_the_models_choices(project_leader):
    entry = transition(
        closable_lead(), to=Lead.Status.CLOSED, actor=project_leader, fields=["close_reason"]
    )
    assert entry.from_label == Lead.Status.NEW.label
    assert entry.to_label == Lead.Status.CLOSED.label


def test_registry_renders_a_code_and_refuses_a_second_text():
    register_actions({"tests.thing.done": "Tingen ble gjort"})
    register_actions({"tests.thing.done": "Tingen ble gjort"})
    with pytest.raises(ValueError):
        register_actions({"tests.thing.done": "Noe annet"})
    assert describe(ActivityEntry(action="tests.thing.done")) == "Tingen ble gjort"
    assert describe(ActivityEntry(action="tests.unknown")) == "tests.unknown"


def test_history_of_many_objects_is_one_query(project_leader, django_assert_num_queries):
    leads = LeadFactory.create_batch(3)
    for lead in leads:
        log_action(lead, "employers.lead.viewed", actor=project_leader)

    ContentType.objects.clear_cache()
    with django_assert_num_queries(2):  # the content type (cached after) and the entries
        entries = list(history_for_many(leads))
        assert [str(entry.actor) for entry in entries] == [str(project_leader)] * 3
