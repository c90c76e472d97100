import pytest
from django.core.management import call_command

from accounts.models import Role, User
from candidates.models import ConsentRequest, Placement, ShortlistEntry, Step

pytestmark = pytest.mark.django_db


@pytest.mark.slow
def test_seed_demo_puts_candidates_at_every_step_once():
    call_command("seed_demo")
    steps = set(ShortlistEntry.objects.values_list("step", flat=True))
    assert steps == set(Step)
    assert Placement.objects.count() >= 2
    # Table 7-1 on the demo dashboard has an Eastern European hire.
    assert Placement.objects.filter(candidate__birth_region="eastern_europe").exists()
    assert ConsentRequest.objects.filter(status=ConsentRequest.Status.GIVEN).exists()
    # The demo employer login of the first shortlist's employer sees a presented candidate.
    employers_with_login = User.objects.filter(role=Role.EMPLOYER_USER).values("employer")
    assert ShortlistEntry.objects.filter(
        shortlist__opening__employer__in=employers_with_login, step=Step.PRESENTED
    ).exists()
    entries = ShortlistEntry.objects.count()
    call_command("seed_demo")
    assert ShortlistEntry.objects.count() == entries
