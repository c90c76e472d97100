"""Audit by construction: no page shows a candidate's name without writing an audit record.

Every URL pattern is opened (GET, and POST with an empty form, which re-renders forms with
their errors) by every role its access rule lets in, in a world where one candidate with a
name found nowhere else in the database is linked to everything the visitor may see: an
opening's shortlist, a consent, a search result, a competence path, an employer's portal.
"""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.access import RULES
from accounts.models import County, Role
from candidates.models import AuditRecord, Candidate, ConsentRequest, Step
from candidates.services.consent import consent_token
from candidates.services.shortlist import shortlist_for
from competence_paths.services.participants import participant_add
from portal.services import terms_accept

from .agreements.factories import AgreementFactory, MeetingFactory
from .candidates.factories import (
    CandidateFactory,
    ConsentRequestFactory,
    ShortlistEntryFactory,
    finished_search,
)
from .competence_paths.factories import make_path
from .employers.factories import EmployerFactory, JobOpeningFactory
from .factories import user_with_role
from .test_access_matrix import POST_ONLY, URL_KWARGS, _our_view_names

FIRST_NAME = "Qvendolyn"
LAST_NAME = "Zyxbrekke"
CANDIDATE_OWNERS = {Role.ADVISER, Role.PROVIDER_STAFF}


class World:
    """Everything a visitor of one role may see, linked to the one candidate."""

    def __init__(self, user):
        county = user.county or County.objects.get(name="Oslo")
        owner = (
            user if user.role in CANDIDATE_OWNERS else user_with_role(Role.ADVISER, county=county)
        )
        contact = (
            user
            if user.role == Role.CONTACT_PERSON
            else user_with_role(Role.CONTACT_PERSON, county=county)
        )
        fixed = user if user.role in (Role.CONTACT_PERSON, Role.PROVIDER_STAFF) else contact
        self.user = user
        self.employer = user.employer or EmployerFactory(county=county, fixed_contact=fixed)
        self.candidate = CandidateFactory(owner=owner, first_name=FIRST_NAME, last_name=LAST_NAME)
        self.opening = JobOpeningFactory(employer=self.employer, recorded_by=contact)
        self.entry = ShortlistEntryFactory(
            shortlist=shortlist_for(self.opening),
            candidate=self.candidate,
            step=Step.PRESENTED,
            added_by=contact,
        )
        self.consent = ConsentRequestFactory(
            entry=self.entry, status=ConsentRequest.Status.GIVEN, requested_by=owner
        )
        # A second opening waits for the candidate's answer to a consent link.
        waiting = ShortlistEntryFactory(
            shortlist=shortlist_for(JobOpeningFactory(employer=self.employer, recorded_by=contact)),
            candidate=self.candidate,
            step=Step.CONSENT_REQUESTED,
            added_by=contact,
        )
        self.pending = ConsentRequestFactory(entry=waiting, requested_by=owner)
        # An opening the candidate is not on yet, to be proposed for.
        self.free_opening = JobOpeningFactory(employer=self.employer, recorded_by=contact)
        self.path = make_path(
            employer=self.employer, contact=contact, opening=self.opening, status="planned"
        )
        self.participant = participant_add(path=self.path, entry=self.entry, actor=contact)
        self.run = finished_search(opening=self.opening, user=user, candidate=self.candidate)
        agreement = AgreementFactory(employer=self.employer, fixed_contact=fixed, active=True)
        self.meeting = MeetingFactory(agreement=agreement)
        if user.role == Role.EMPLOYER_USER:
            terms_accept(user=user)


# URL arguments that lead to the world's candidate; other pages take the access matrix's.
WORLD_KWARGS = {
    **{
        f"candidates:{name}": lambda w: {"pk": w.candidate.pk}
        for name in ("detail", "edit", "unavailable", "available", "deactivate", "reactivate")
    },
    **{
        f"candidates:{name}": lambda w: {"opening_id": w.opening.pk}
        for name in ("shortlist", "search_start")
    },
    "candidates:propose": lambda w: {"opening_id": w.free_opening.pk},
    **{
        f"candidates:{name}": lambda w: {"entry_id": w.entry.pk}
        for name in (
            "entry_detail",
            "entry_move",
            "entry_archive",
            "entry_restore",
            "entry_hire",
            "consent_request",
        )
    },
    "candidates:consent_withdraw": lambda w: {"consent_id": w.consent.pk},
    "candidates:consent_respond": lambda w: {"token": consent_token(w.pending)},
    **{
        f"candidates:{name}": lambda w: {"pk": w.run.pk}
        for name in ("search_run", "search_progress", "search_rerun")
    },
    "candidates:search_shortlist_add": lambda w: {"pk": w.run.pk, "candidate_id": w.candidate.pk},
    **{
        f"portal:{name}": lambda w: {"entry_id": w.entry.pk}
        for name in ("contact_reveal", "assess", "next_step", "hire", "remove")
    },
    **{
        f"portal:{name}": lambda w: {"opening_id": w.opening.pk}
        for name in ("opening", "opening_messages")
    },
    "portal:meeting_ics": lambda w: {"meeting_id": w.meeting.pk},
    **{
        f"portal:{name}": lambda w: {"employer_id": w.employer.pk}
        for name in ("staff_message", "staff_users")
    },
    **{
        f"employers:{name}": lambda w: {"pk": w.opening.pk}
        for name in ("opening_detail", "opening_edit", "opening_mark_filled", "opening_cancel")
    },
    **{
        f"employers:{name}": lambda w: {"pk": w.employer.pk}
        for name in ("detail", "edit", "dialogue_list", "dialogue_create", "person_add")
    },
    **{
        f"competence_paths:{name}": lambda w: {"pk": w.path.pk}
        for name in ("detail", "edit", "save_template", "participant_add")
    },
    "competence_paths:transition": lambda w: {"pk": w.path.pk, "to": "draft"},
    **{
        f"competence_paths:{name}": lambda w: {"pk": w.participant.pk}
        for name in (
            "participant",
            "participant_status",
            "participant_progress",
            "participant_outcome",
        )
    },
    **{
        f"agreements:{name}": lambda w: {"pk": w.meeting.agreement.pk}
        for name in ("detail", "edit", "meeting_create")
    },
    **{
        f"agreements:{name}": lambda w: {"pk": w.meeting.pk}
        for name in ("meeting_detail", "meeting_edit", "meeting_record")
    },
}


def _url(view_name: str, world: World) -> str:
    if view_name in WORLD_KWARGS:
        kwargs = WORLD_KWARGS[view_name](world)
    elif view_name in URL_KWARGS:
        kwargs = URL_KWARGS[view_name](world.user)
    else:
        kwargs = {}
    return reverse(view_name, kwargs=kwargs)


def _roles_let_in(view_name: str) -> list[Role | None]:
    rule = RULES[view_name]
    if rule.is_public:
        return [None]
    return [role for role in Role if rule.allows(user_with_role(role))]


def _shows_name_unaudited(client: Client, method: str, url: str, candidate) -> bool:
    before = AuditRecord.objects.filter(candidate=candidate).count()
    response = getattr(client, method)(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode(errors="replace")
    shown = FIRST_NAME in text or LAST_NAME in text
    return shown and AuditRecord.objects.filter(candidate=candidate).count() == before


@pytest.mark.django_db
@pytest.mark.parametrize("view_name", sorted(set(_our_view_names())))
def test_page_that_shows_a_candidate_name_writes_an_audit_record(view_name):
    unaudited = []
    for role in _roles_let_in(view_name):
        visitor = user_with_role(role or Role.ADVISER)
        client = Client()
        if role is not None:
            client.force_login(visitor)
        world = World(visitor)
        url = _url(view_name, world)
        for method in ["post"] if view_name in POST_ONLY else ["get", "post"]:
            if _shows_name_unaudited(client, method, url, world.candidate):
                unaudited.append(f"{role} {method.upper()}")
        # Each role gets a candidate of its own, so the next one's name stays unique.
        Candidate.objects.filter(pk=world.candidate.pk).update(
            first_name="Brukt", last_name="Kandidat"
        )
    assert not unaudited, f"{view_name} shows the name without an audit record: {unaudited}"
