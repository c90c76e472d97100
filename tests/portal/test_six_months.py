import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from candidates.models import EmployerAssessment, Step
from candidates.services.assessment import assessments_expire
from candidates.tasks import expire_employer_presentations

from .test_candidates import assert_out_of_reach

pytestmark = pytest.mark.django_db


def _age(entry, days: int) -> None:
    EmployerAssessment.objects.filter(entry=entry).update(
        presented_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_a_presentation_leaves_the_employers_view_after_six_months_unless_hired(
    login, accepted, presented
):
    old, hired, fresh = presented(), presented(), presented()
    _age(old, 190)
    _age(hired, 190)
    hired.step = Step.HIRED
    hired.save()
    _age(fresh, 150)
    assert expire_employer_presentations.apply().get() == 1
    old.employer_assessment.refresh_from_db()
    assert old.employer_assessment.gone_why == EmployerAssessment.Gone.EXPIRED
    client = login(accepted)
    page = client.get(reverse("portal:opening", args=[old.shortlist.opening_id])).content.decode()
    assert old.candidate.full_name not in page
    assert hired.candidate.full_name in page and fresh.candidate.full_name in page
    assert_out_of_reach(client, old)


def test_expiring_twice_does_nothing_the_second_time(presented):
    entry = presented()
    _age(entry, 200)
    assert assessments_expire() == 1
    gone_at = EmployerAssessment.objects.get(entry=entry).gone_at
    assert assessments_expire() == 0
    assert EmployerAssessment.objects.get(entry=entry).gone_at == gone_at


def test_the_dashboard_figures_stay_the_same_when_presentations_leave_the_employers_view(
    presented,
):
    from dashboards.figures import figures
    from dashboards.filters import Scope

    entries = [presented() for _ in range(3)]
    for entry in entries:
        _age(entry, 200)
    before = figures(Scope())
    assert before["funnel"]["presented"] >= 3
    assert assessments_expire() == 3
    assert figures(Scope()) == before
