import pytest
from django.core.management import call_command
from django.db.models import Count

from accounts.models import Role, User
from employers.models import Employer, EmployerPerson

pytestmark = pytest.mark.django_db


@pytest.mark.slow
def test_seed_demo_builds_about_sixty_employers_in_the_pilot_counties_once():
    call_command("seed_demo")
    counts = (Employer.objects.count(), EmployerPerson.objects.count())
    call_command("seed_demo")
    assert (Employer.objects.count(), EmployerPerson.objects.count()) == counts

    per_county = dict(Employer.objects.values_list("county__name").annotate(n=Count("id")))
    assert set(per_county) == {"Oslo", "Vestland", "Trøndelag"}
    assert sum(per_county.values()) >= 60
    assert Employer.objects.filter(parent__isnull=False).count() >= 8
    assert set(Employer.objects.values_list("status", flat=True)) == set(Employer.Status.values)
    assert EmployerPerson.objects.filter(kind=EmployerPerson.Kind.UNION_REP).exists()


@pytest.mark.slow
def test_fixed_contacts_are_contact_persons_of_the_same_county_or_provider_staff():
    call_command("seed_demo")
    with_contact = Employer.objects.filter(fixed_contact__isnull=False).select_related(
        "fixed_contact"
    )
    assert with_contact.count() >= 25
    for employer in with_contact:
        contact = employer.fixed_contact
        assert contact.role == Role.PROVIDER_STAFF or contact.county_id == employer.county_id
    demo_login = User.objects.get(email="markedskontakt@demo.no")
    assert Employer.objects.filter(fixed_contact=demo_login).exists()
    assert not Employer.objects.filter(
        status=Employer.Status.AGREEMENT, fixed_contact__isnull=True
    ).exists()


@pytest.mark.slow
def test_demo_employer_user_belongs_to_an_employer_whose_fixed_contact_is_the_demo_login():
    call_command("seed_demo")
    call_command("seed_demo")
    user = User.objects.select_related("employer__fixed_contact").get(email="virksomhet@demo.no")
    assert user.role == Role.EMPLOYER_USER
    assert user.employer.fixed_contact.email == "markedskontakt@demo.no"
    assert User.objects.filter(email="virksomhet@demo.no").count() == 1
