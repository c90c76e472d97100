"""The paths on the employer's, the agreement's and the candidate's pages. Those pages are
core.sections.Page objects; this app, which sits above their apps, adds its sections in its
AppConfig.ready(), so no lower app imports this one."""

from accounts.models import User
from core.sections import Section

from .permissions import may_create
from .selectors import participations_of_candidate, paths_of_agreement, paths_of_employer


def employer_paths(employer, user: User) -> Section:
    return Section(
        "competence_paths/sections/_employer.html",
        {
            "paths": list(paths_of_employer(user=user, employer_id=employer.pk)[:10]),
            "employer": employer,
            "may_create": may_create(user),
        },
    )


def agreement_paths(agreement, user: User) -> Section:
    return Section(
        "competence_paths/sections/_employer.html",
        {
            "paths": list(paths_of_agreement(user=user, agreement_id=agreement.pk)[:10]),
            "employer": agreement.employer,
            "may_create": may_create(user),
        },
    )


def candidate_paths(candidate, user: User) -> Section | None:
    participations = list(participations_of_candidate(candidate_id=candidate.pk))
    if not participations:
        return None
    return Section("competence_paths/sections/_candidate.html", {"participations": participations})


def register() -> None:
    from agreements.sections import AGREEMENT_PAGE
    from candidates.sections import CANDIDATE_PAGE
    from employers.sections import EMPLOYER_PAGE

    EMPLOYER_PAGE.add(employer_paths)
    AGREEMENT_PAGE.add(agreement_paths)
    CANDIDATE_PAGE.add(candidate_paths)
