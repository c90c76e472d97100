"""The sections of a candidate's page (core.sections): each feature shows its part, with its
template in templates/candidates/detail/.
"""

from accounts.models import User
from core.sections import Page, Section

from .models import Candidate
from .permissions import may_see_special_categories
from .selectors.pipeline import candidate_entries
from .selectors.register import audit_log


def _profile(candidate: Candidate, user: User) -> Section:
    return Section(
        "candidates/detail/_profile.html",
        {"show_fnr": may_see_special_categories(user, candidate)},
    )


def _competence(candidate: Candidate, user: User) -> Section:
    return Section("candidates/detail/_competence.html")


def _occupations(candidate: Candidate, user: User) -> Section:
    return Section("candidates/detail/_occupations.html")


def _adaptation(candidate: Candidate, user: User) -> Section | None:
    if not may_see_special_categories(user, candidate):
        return None
    return Section("candidates/detail/_adaptation.html")


def pipeline_section(candidate: Candidate, user: User) -> Section:
    """The shortlists the candidate is on, with the step and a link to each entry's history."""
    return Section(
        "candidates/detail/_pipeline.html",
        {
            "entries": list(candidate_entries(candidate=candidate, user=user)),
            "candidate": candidate,
        },
    )


def _audit_log(candidate: Candidate, user: User) -> Section | None:
    if not may_see_special_categories(user, candidate):
        return None
    records, total = audit_log(candidate)
    return Section("candidates/detail/_audit_log.html", {"records": records, "total": total})


CANDIDATE_PAGE = Page(
    main=[_competence, _occupations, pipeline_section, _audit_log],
    aside=[_profile, _adaptation],
)
