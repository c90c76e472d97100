"""The sections of a candidate's page, like employers/sections.py: each feature shows its part.

A section is a function of the candidate and the viewing user that returns a Section (a
template in templates/candidates/detail/ and its context), or None to show nothing. MAIN is the
wide column, ASIDE the narrow one. Each section runs a fixed number of queries.
"""

from collections.abc import Callable

from accounts.models import Role, User
from vi_inkluderer.home import Section

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


SectionBuilder = Callable[[Candidate, User], Section | None]

MAIN: list[SectionBuilder] = [_competence, _occupations, pipeline_section, _audit_log]
ASIDE: list[SectionBuilder] = [_profile, _adaptation]


def detail_sections(candidate: Candidate, user: User) -> dict[str, list[Section]]:
    def build(builders: list[SectionBuilder]) -> list[Section]:
        return [s for s in (b(candidate, user) for b in builders) if s is not None]

    return {"main_sections": build(MAIN), "aside_sections": build(ASIDE)}
