"""The seeded demo world reads as real (issue 13, item 18): openings fit their employer's
industry, and every signed or active agreement has meetings planned."""

import pytest
from django.core.management import call_command

from agreements.models import Agreement
from devdata.demo.employer_openings import KINDERGARTEN_OPENINGS, OPENINGS, opening_fits
from employers.models import JobOpening

pytestmark = pytest.mark.django_db

TITLE_OF_CODE = {template[1]: template[0] for template in OPENINGS}


@pytest.mark.slow
def test_the_demo_world_is_plausible():
    call_command("seed_demo", verbosity=0)
    openings = list(JobOpening.objects.select_related("employer__industry", "occupation"))
    assert len(openings) >= 25
    demo_titles = {template[0] for template in OPENINGS}
    unfit = [
        f"{opening.employer.name}: {opening.title}"
        for opening in openings
        if opening.title in demo_titles and not opening_fits(opening.title, opening.employer)
    ]
    assert unfit == []
    # Whatever module wrote them: a kindergarten hires only for a kindergarten's jobs.
    kindergarten_jobs = [
        (opening.employer.name, opening.title)
        for opening in openings
        if "barnehage" in opening.employer.name.lower()
        and TITLE_OF_CODE.get(opening.occupation.code) not in KINDERGARTEN_OPENINGS
    ]
    assert kindergarten_jobs == []
    without_plan = [
        str(agreement)
        for agreement in Agreement.objects.filter(
            status__in=[Agreement.Status.SIGNED, Agreement.Status.ACTIVE]
        )
        if not agreement.meetings.filter(held_on__isnull=True, cancelled_at__isnull=True).exists()
    ]
    assert without_plan == []
    assert Agreement.objects.filter(status=Agreement.Status.SIGNED).exists()


def test_a_kindergarten_is_no_warehouse():
    from employers.models import Employer, Industry

    kindergarten = Employer(name="Solsikken Barnehager AS", industry=Industry(code="Q"))
    logistics = Employer(name="Alnabru Logistikk AS", industry=Industry(code="H"))
    assert not opening_fits("Lagermedarbeider", kindergarten)
    assert opening_fits("Barnehageassistent", kindergarten)
    assert opening_fits("Lagermedarbeider", logistics)
    assert not opening_fits("Helsefagarbeider", logistics)
