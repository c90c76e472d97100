import pytest
from django.core.management import call_command
from django.utils import timezone

from agreements.models import Agreement, FollowUpMeeting
from agreements.policy import signing_blocker
from candidates.models import Placement
from employers.models import Employer

pytestmark = pytest.mark.django_db


@pytest.mark.slow
def test_demo_agreements_cover_the_pilot_counties_statuses_and_an_oslo_employer_waiting():
    call_command("seed_demo", verbosity=0)
    count = Agreement.objects.count()
    call_command("seed_demo", verbosity=0)
    assert Agreement.objects.count() == count > 0
    counties = set(Agreement.objects.values_list("county__name", flat=True))
    assert counties == {"Oslo", "Trøndelag", "Vestland"}
    assert set(Agreement.objects.values_list("status", flat=True)) == set(Agreement.Status)
    waiting = Agreement.objects.get(county__name="Oslo", status=Agreement.Status.IN_DIALOGUE)
    assert "Oslo signerer avtaler først" in signing_blocker(waiting)
    # Oslo's signed agreements are with employers that have hired from the target group.
    for signed in Agreement.objects.filter(county__name="Oslo").exclude(pk=waiting.pk):
        assert Placement.objects.filter(employer_id=signed.employer_id).exists()
    today = timezone.localdate()
    overdue = FollowUpMeeting.objects.planned().filter(
        planned_date__lt=today, agreement__status=Agreement.Status.ACTIVE
    )
    assert overdue.exists()
    assert FollowUpMeeting.objects.held().count() > 10
    for agreement in Agreement.objects.in_force():
        employer = Employer.objects.get(pk=agreement.employer_id)
        assert employer.status == Employer.Status.AGREEMENT
        assert employer.fixed_contact_id is not None
