"""The agreements section of an employer's page. Agreements sit above employers, so they add
it to employers' page (EMPLOYER_PAGE) from AgreementsConfig.ready()."""

from accounts.access import rule_for
from accounts.models import User
from core.sections import Section
from employers.models import Employer
from employers.sections import EMPLOYER_PAGE, openings_section

from .models import Agreement


def agreements_section(employer: Employer, user: User) -> Section:
    agreements = (
        Agreement.objects.visible_to(user)
        .filter(employer=employer)
        .select_related("fixed_contact")
        .order_by("-created_at", "-id")
    )
    return Section(
        "employers/detail/_agreements.html",
        {
            "employer": employer,
            "agreements": agreements,
            "can_create": rule_for("agreements:create").allows(user),
        },
    )


def add_to_employer_page() -> None:
    EMPLOYER_PAGE.add(agreements_section, before=openings_section)
