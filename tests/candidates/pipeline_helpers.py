"""Personas and builders for the pipeline tests: the opening's contact person, the candidate's
owner, a second owner with a candidate on the same list, and outsiders."""

import pytest

from accounts.models import County, Role
from candidates.models import EMPLOYER_VISIBLE_STEPS, ConsentRequest, Step
from candidates.services.shortlist import shortlist_for

from ..employers.factories import JobOpeningFactory
from ..factories import user_with_role
from .factories import CandidateFactory, ConsentRequestFactory, ShortlistEntryFactory

# Steps after consent was given: an entry there has a given consent.
AFTER_CONSENT = {Step.CONSENT_GIVEN, *EMPLOYER_VISIBLE_STEPS}


@pytest.fixture
def opening(db):
    return JobOpeningFactory()


@pytest.fixture
def contact(opening):
    return opening.recorded_by


@pytest.fixture
def owner(db):
    return user_with_role(Role.ADVISER)


@pytest.fixture
def other_owner(db):
    return user_with_role(Role.PROVIDER_STAFF)


@pytest.fixture
def outside_contact(db):
    return user_with_role(Role.CONTACT_PERSON, county=County.objects.get(name="Vestland"))


@pytest.fixture
def employer_user(opening):
    return user_with_role(Role.EMPLOYER_USER, employer=opening.employer)


@pytest.fixture
def entry_at(opening, owner):
    """An entry of the owner's candidate on the opening's list at a step, with a given consent
    when the step comes after consent."""

    def build(step=Step.PROPOSED, *, candidate_owner=None, **fields):
        candidate = CandidateFactory(owner=candidate_owner or owner, email="kandidat@example.no")
        entry = ShortlistEntryFactory(
            shortlist=shortlist_for(opening), candidate=candidate, step=step, **fields
        )
        if step in AFTER_CONSENT:
            ConsentRequestFactory(
                entry=entry,
                method=ConsentRequest.Method.MEETING,
                deadline=None,
                status=ConsentRequest.Status.GIVEN,
            )
        return entry

    return build
