"""Personas. For the contact history: the employer's fixed contact, a colleague from NAV, staff
at a provider, a national reader (read only) and a user at the employer (sees nothing). For
leads and openings: Oslo's project leader, two Oslo contact persons in different regions
(alice and bob), and a project leader and a contact person of another county."""

import pytest

from accounts.models import County, Role
from employers.models import Employer

from ..factories import NavOfficeFactory, RegionFactory, user_with_role
from .factories import EmployerFactory


@pytest.fixture
def fixed_contact(db):
    return user_with_role(
        Role.CONTACT_PERSON,
        first_name="Kari",
        last_name="Fast",
        phone="91234567",
        office=NavOfficeFactory(name="NAV Frogner"),
    )


@pytest.fixture
def employer(fixed_contact) -> Employer:
    return EmployerFactory(
        name="Fjordbakeriet AS", status=Employer.Status.AGREEMENT, fixed_contact=fixed_contact
    )


@pytest.fixture
def colleague(db):
    return user_with_role(Role.CONTACT_PERSON, first_name="Ola", last_name="Kollega")


@pytest.fixture
def provider_staff(db):
    return user_with_role(Role.PROVIDER_STAFF, first_name="Lise", last_name="Leverandør")


@pytest.fixture
def national_reader(db):
    return user_with_role(Role.NATIONAL_READER)


@pytest.fixture
def employer_user(employer):
    return user_with_role(Role.EMPLOYER_USER, employer=employer)


@pytest.fixture
def oslo(db):
    return County.objects.get(name="Oslo")


@pytest.fixture
def vestland(db):
    return County.objects.get(name="Vestland")


@pytest.fixture
def oslo_east(oslo):
    return RegionFactory(county=oslo, name="Oslo øst")


@pytest.fixture
def oslo_west(oslo):
    return RegionFactory(county=oslo, name="Oslo vest")


@pytest.fixture
def project_leader(oslo):
    """Oslo's county project leader."""
    return user_with_role(Role.PROJECT_LEADER, county=oslo, first_name="Pia")


@pytest.fixture
def alice(oslo, oslo_east):
    """A contact person in Oslo east."""
    return user_with_role(Role.CONTACT_PERSON, county=oslo, region=oslo_east, first_name="Alice")


@pytest.fixture
def bob(oslo, oslo_west):
    """Alice's colleague: a contact person in Oslo west."""
    return user_with_role(Role.CONTACT_PERSON, county=oslo, region=oslo_west, first_name="Bob")


@pytest.fixture
def outsider_leader(vestland):
    """The project leader of another county."""
    return user_with_role(Role.PROJECT_LEADER, county=vestland)


@pytest.fixture
def outsider_contact(vestland):
    """A contact person in another county."""
    return user_with_role(Role.CONTACT_PERSON, county=vestland)
