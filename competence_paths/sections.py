"""The paths on the employer's, the agreement's and the candidate's pages. Those apps expose
section lists (`sections.MAIN`); this app, which sits above them, appends to them in its
AppConfig.ready(), so no lower app imports this one."""

from accounts.models import User
from vi_inkluderer.home import Section

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
    from agreements import sections as agreement_sections
    from candidates import sections as candidate_sections
    from employers import sections as employer_sections

    if employer_paths not in employer_sections.MAIN:
        employer_sections.MAIN.append(employer_paths)
    if agreement_paths not in agreement_sections.MAIN:
        agreement_sections.MAIN.append(agreement_paths)
    if candidate_paths not in candidate_sections.MAIN:
        candidate_sections.MAIN.append(candidate_paths)
