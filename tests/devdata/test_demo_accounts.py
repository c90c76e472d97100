import pytest
from django.core.management import call_command

from accounts.models import MeasureProvider, NavOffice, Region, Role, User
from devdata.demo.accounts import DEMO_LOGINS, DEMO_PASSWORD, demo_orgnr


@pytest.mark.slow
@pytest.mark.django_db
def test_seed_demo_creates_a_login_for_every_staff_role_and_is_idempotent():
    call_command("seed_demo")
    counts = (User.objects.count(), Region.objects.count(), NavOffice.objects.count())
    call_command("seed_demo")
    assert (User.objects.count(), Region.objects.count(), NavOffice.objects.count()) == counts

    for email, _label in DEMO_LOGINS:
        assert User.objects.get(email=email).check_password(DEMO_PASSWORD)
    roles = set(User.objects.values_list("role", flat=True))
    assert roles >= {r for r in Role if r != Role.EMPLOYER_USER}


@pytest.mark.slow
@pytest.mark.django_db
def test_seed_demo_builds_the_three_pilot_counties():
    call_command("seed_demo")
    per_county = {
        name: Region.objects.filter(county__name=name).count()
        for name in ("Oslo", "Vestland", "Trøndelag")
    }
    assert per_county == {"Oslo": 5, "Vestland": 9, "Trøndelag": 7}
    assert MeasureProvider.objects.filter(staff__isnull=False).distinct().count() >= 6


def test_demo_orgnrs_are_valid_and_never_repeat():
    from stdnum.no import orgnr

    numbers = [demo_orgnr(n) for n in range(20_000)]
    assert len(set(numbers)) == len(numbers)
    assert all(orgnr.is_valid(number) for number in numbers)
