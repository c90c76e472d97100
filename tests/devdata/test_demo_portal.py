import pytest
from django.core.management import call_command

from accounts.models import Role, User
from candidates.models import EMPLOYER_VISIBLE_STEPS, EmployerAssessment
from candidates.selectors.pipeline import employer_entries
from devdata.demo.portal import GROUP_USER_EMAIL
from employers.models import JobOpening
from portal.models import Message

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_seed_demo_gives_several_employers_portal_users_answers_messages_and_a_need():
    call_command("seed_demo")
    employer_users = User.objects.filter(role=Role.EMPLOYER_USER)
    assert employer_users.values("employer").distinct().count() >= 3
    statuses = set(
        EmployerAssessment.objects.exclude(updated_by=None).values_list("status", flat=True)
    )
    assert {"relevant", "not_relevant"} <= statuses
    # Candidates at every step an employer sees, and with every assessment, in some portal.
    steps, assessments = set(), set()
    for user in employer_users:
        for entry in employer_entries(user):
            steps.add(entry.step)
            assessments.add(entry.employer_assessment.status)
    assert steps == set(EMPLOYER_VISIBLE_STEPS)
    assert assessments == set(EmployerAssessment.Status.values)
    roles = set(Message.objects.values_list("author__role", flat=True))
    assert Role.EMPLOYER_USER in roles and roles - {Role.EMPLOYER_USER}
    assert JobOpening.objects.filter(reported_by__isnull=False).count() == 1
    group_user = User.objects.get(email=GROUP_USER_EMAIL)
    units = list(group_user.employer_units.all())
    assert len(units) == 2 and {unit.parent for unit in units} == {group_user.employer}
    assert group_user.is_employer_admin
    counts = (User.objects.count(), Message.objects.count(), EmployerAssessment.objects.count())
    call_command("seed_demo")
    assert (User.objects.count(), Message.objects.count(), EmployerAssessment.objects.count()) == (
        counts
    )
