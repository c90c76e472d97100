"""The sections of a candidate's page (core.sections): each feature shows its part, with its
template in templates/candidates/detail/.
"""

from accounts.models import Role, User
from core.sections import Page, Section

from .models import Candidate
from .selectors.pipeline import candidate_entries
from .selectors.register import audit_log


def may_see_special_categories(candidate: Candidate, user: User) -> bool:
    """Adaptation needs and the access log: the owner and administrators (issue 5)."""
    return candidate.is_owned_by(user) or user.role == Role.ADMIN


def _profile(candidate: Candidate, user: User) -> Section:
    return Section(
        "candidates/detail/_profile.html",
        {"show_fnr": may_see_special_categories(candidate, user)},
    )


def _competence(candidate: Candidate, user: User) -> Section:
    return Section("candidates/detail/_competence.html")


def _occupations(candidate: Candidate, user: User) -> Section:
    return Section("candidates/detail/_occupations.html")


def _adaptation(candidate: Candidate, user: User) -> Section | None:
    if not may_see_special_categories(candidate, user):
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
    if not may_see_special_categories(candidate, user):
        return None
    records, total = audit_log(candidate)
    return Section("candidates/detail/_audit_log.html", {"records": records, "total": total})


CANDIDATE_PAGE = Page(
    main=[_competence, _occupations, pipeline_section, _audit_log],
    aside=[_profile, _adaptation],
)
