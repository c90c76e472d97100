"""The fixed contact person sees on the employer's page what the employer answered in the
portal about its candidates: per opening, its assessments and the interviews it asked for."""

import pytest
from django.urls import reverse

from accounts.models import Role
from candidates.models import Step
from candidates.services.assessment import assessment_remove, assessment_set
from candidates.services.pipeline import entry_move

from ..factories import user_with_role

pytestmark = pytest.mark.django_db


def _employer_page(client, user, employer):
    client.force_login(user)
    return client.get(reverse("employers:detail", args=[employer.pk])).content.decode()


def test_the_contact_person_sees_the_employers_answers_per_opening(
    client, accepted, presented, contact
):
    interview, not_relevant, waiting, removed = (presented() for _ in range(4))
    assessment_set(entry=interview, actor=accepted, status="relevant")
    entry_move(entry=interview, to_step=Step.INTERVIEW_WANTED, actor=accepted)
    assessment_set(
        entry=not_relevant, actor=accepted, status="not_relevant", reason="Mangler førerkort"
    )
    assessment_remove(entry=removed, actor=accepted)
    opening = interview.shortlist.opening
    page = _employer_page(client, contact, opening.employer)
    section = page[page.index('id="svar"') :]
    section = section[: section.index("</section>")]
    assert reverse("candidates:shortlist", args=[opening.pk]) in section
    assert "Til vurdering 1 · Aktuell 1 · Ikke aktuell 1" in section
    assert "1 ønsker intervju" in section
    for entry in (interview, not_relevant, waiting, removed):
        assert entry.candidate.full_name not in section
    assert "Mangler førerkort" not in section


def test_the_answers_are_shown_only_to_the_fixed_contact_person_and_administrators(
    client, accepted, presented, contact
):
    entry = presented()
    employer = entry.shortlist.opening.employer
    assert "Virksomhetens svar om kandidatene" in _employer_page(client, contact, employer)
    admin = user_with_role(Role.ADMIN)
    assert "Virksomhetens svar om kandidatene" in _employer_page(client, admin, employer)
    other = user_with_role(Role.PROJECT_LEADER)
    page = _employer_page(client, other, employer)
    assert employer.name in page
    assert "Virksomhetens svar om kandidatene" not in page


def test_no_section_without_presented_candidates(client, contact, employer):
    assert "Virksomhetens svar om kandidatene" not in _employer_page(client, contact, employer)
