import pytest

from candidates.models import Step
from portal.services import terms_accept

# The pipeline builder; the personas (opening, contact, owner, employer_user, ...) are in
# tests/conftest.py.
from ..candidates.pipeline_helpers import entry_at  # noqa: F401


@pytest.fixture
def accepted(employer_user):
    """The employer user, with the current terms of use accepted."""
    terms_accept(user=employer_user)
    return employer_user


@pytest.fixture
def presented(entry_at, contact):  # noqa: F811
    """An entry presented to the employer through the pipeline service (which starts the
    six-month clock), with health data and contact details the employer must not see unasked."""
    from candidates.services.pipeline import entry_move

    def build(**consent):
        entry = entry_at(Step.CONSENT_GIVEN)
        candidate = entry.candidate
        candidate.adaptation_needs = "Hemmelig helseopplysning"
        candidate.phone = "99887766"
        candidate.save()
        if consent:
            entry.consents.update(**consent)
        entry_move(entry=entry, to_step=Step.PRESENTED, actor=contact)
        entry.refresh_from_db()
        return entry

    return build
