"""The hires section of an employer's page. Candidates sit above employers and agreements, so
they add it to employers' page (EMPLOYER_PAGE) from CandidatesConfig.ready()."""

from accounts.models import User
from agreements.selectors import first_signed_on
from core.sections import Section
from employers.models import Employer
from employers.sections import EMPLOYER_PAGE, dialogue_section

from .selectors.pipeline import employer_placements


def placements_section(employer: Employer, user: User) -> Section:
    # Hires are listed without names: the employer page is open to all staff. Each is marked
    # before or after the employer first signed an agreement (the evaluation compares them).
    signed_on = first_signed_on(employer.pk)
    placements = list(employer_placements(employer.pk))
    for placement in placements:
        placement.before_agreement = signed_on is None or placement.start_date < signed_on
    return Section(
        "employers/detail/_placements.html", {"placements": placements, "signed_on": signed_on}
    )


def add_to_employer_page() -> None:
    EMPLOYER_PAGE.add(placements_section, before=dialogue_section)
