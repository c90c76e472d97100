"""The data migrations that moved the four event tables into the activity log lose nothing: the
schema is taken back to before them, event rows are written, and after migrating forward
there is one ActivityEntry per event row, with its actor, time, states, note and extras."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from accounts.models import Role
from candidates.models import Step
from tests.agreements.factories import AgreementFactory
from tests.candidates.factories import ShortlistEntryFactory
from tests.employers.factories import JobOpeningFactory, LeadFactory
from tests.factories import user_with_role

BEFORE = [
    ("core", "0001_activity_log"),
    ("employers", "0009_constraint_messages"),
    ("agreements", "0003_meeting_cancelled"),
    ("candidates", "0005_email_claims"),
]
COPIED = [
    ("core", "0001_activity_log"),
    ("employers", "0010_events_to_activity_log"),
    ("agreements", "0004_events_to_activity_log"),
    ("candidates", "0006_events_to_activity_log"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _write_events(apps, *, lead, opening, agreement, entry, actor, contact, at):
    LeadEvent = apps.get_model("employers", "LeadEvent")
    LeadEvent.objects.create(lead_id=lead.pk, actor_id=actor.pk, at=at, to_status="new")
    LeadEvent.objects.create(
        lead_id=lead.pk,
        actor_id=actor.pk,
        at=at,
        from_status="new",
        to_status="assigned",
        assigned_to_id=contact.pk,
        note="Ring henne før fredag.",
    )
    OpeningEvent = apps.get_model("employers", "JobOpeningEvent")
    OpeningEvent.objects.create(opening_id=opening.pk, actor_id=actor.pk, at=at, to_status="draft")
    OpeningEvent.objects.create(
        opening_id=opening.pk, actor_id=actor.pk, at=at, from_status="draft", to_status="open"
    )
    AgreementEvent = apps.get_model("agreements", "AgreementEvent")
    AgreementEvent.objects.create(
        agreement_id=agreement.pk,
        actor_id=actor.pk,
        at=at,
        from_status="active",
        to_status="ended",
        reason="employer_withdrew",
        note="Avtalt i møte",
    )
    ShortlistEvent = apps.get_model("candidates", "ShortlistEvent")
    ShortlistEvent.objects.create(entry_id=entry.pk, actor_id=actor.pk, at=at, to_step="proposed")
    ShortlistEvent.objects.create(
        entry_id=entry.pk,
        actor_id=None,
        at=at,
        from_step="consent_requested",
        to_step="consent_given",
        reason="Kandidaten samtykket via lenken.",
    )
    ShortlistEvent.objects.create(
        entry_id=entry.pk, actor_id=actor.pk, at=at, from_step="proposed", to_step="proposed",
        kind="archive", reason="Passer ikke",
    )  # fmt: skip
    return sum(
        model.objects.count() for model in (LeadEvent, OpeningEvent, AgreementEvent, ShortlistEvent)
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("reference_data")
def test_every_event_row_becomes_one_activity_entry_with_nothing_lost():
    actor = user_with_role(Role.PROJECT_LEADER)
    contact = user_with_role(Role.CONTACT_PERSON, first_name="Kari", last_name="Nordmann")
    lead, opening = LeadFactory(), JobOpeningFactory()
    agreement, entry = AgreementFactory(), ShortlistEntryFactory(step=Step.CONSENT_GIVEN)
    at = timezone.now() - datetime.timedelta(days=3)
    try:
        apps = _migrate(BEFORE)
        entries_before = apps.get_model("core", "ActivityEntry").objects.count()
        events = _write_events(
            apps,
            lead=lead,
            opening=opening,
            agreement=agreement,
            entry=entry,
            actor=actor,
            contact=contact,
            at=at,
        )
        assert events == 8

        apps = _migrate(COPIED)
        ActivityEntry = apps.get_model("core", "ActivityEntry")
        assert ActivityEntry.objects.count() == entries_before + events
        rows = list(ActivityEntry.objects.order_by("id").select_related("content_type"))
        rows = rows[entries_before:]
        assert all(row.at == at for row in rows)
        assert sorted(
            (r.action, r.from_state, r.to_state, r.actor_id or 0) for r in rows
        ) == sorted(
            [
                ("employers.lead.created", "", "new", actor.pk),
                ("employers.lead.assigned", "new", "assigned", actor.pk),
                ("employers.opening.created", "", "draft", actor.pk),
                ("employers.opening.published", "draft", "open", actor.pk),
                ("agreements.agreement.ended", "active", "ended", actor.pk),
                ("candidates.entry.added", "", "proposed", actor.pk),
                ("candidates.entry.moved", "consent_requested", "consent_given", 0),
                ("candidates.entry.archived", "proposed", "proposed", actor.pk),
            ]
        )
        by_action = {row.action: row for row in rows}
        assigned = by_action["employers.lead.assigned"]
        ended = by_action["agreements.agreement.ended"]
        assert assigned.note == "Ring henne før fredag."
        assert assigned.data == {"assigned_to": contact.pk, "assigned_to_name": "Kari Nordmann"}
        assert (ended.note, ended.data) == ("Avtalt i møte", {"end_reason": "employer_withdrew"})
        assert by_action["candidates.entry.moved"].note == "Kandidaten samtykket via lenken."
        subjects = {(row.content_type.model, row.object_id) for row in rows}
        assert subjects == {
            ("lead", lead.pk),
            ("jobopening", opening.pk),
            ("agreement", agreement.pk),
            ("shortlistentry", entry.pk),
        }
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
