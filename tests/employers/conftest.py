"""Personas for the contact history: the employer's fixed contact, a colleague from NAV, staff
at a provider, a national reader (read only) and a user at the employer (sees nothing)."""

import pytest

from accounts.models import Role
from employers.models import Employer

from ..factories import NavOfficeFactory, user_with_role
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
