"""Builders for the pipeline tests, on the shared personas of tests/conftest.py (`opening`,
`owner`, ...)."""

import re

import pytest

from candidates.models import EMPLOYER_VISIBLE_STEPS, ConsentRequest, Step
from candidates.services.consent import consent_from_token
from candidates.services.shortlist import shortlist_for

from .factories import CandidateFactory, ConsentRequestFactory, ShortlistEntryFactory

# Steps after consent was given: an entry there has a given consent.
AFTER_CONSENT = {Step.CONSENT_GIVEN, *EMPLOYER_VISIBLE_STEPS}


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


def consent_in_mail(body: str) -> ConsentRequest:
    """The request a mailed consent link points to. Tokens carry their signing time, so a
    test compares the request a link resolves to, never the token text."""
    token = re.search(r"/samtykke/svar/([^/\s]+)/", body.replace("=\n", "")).group(1)
    return consent_from_token(token)
