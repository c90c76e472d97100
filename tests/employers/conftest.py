import pytest

from accounts.models import County, Role

from ..factories import RegionFactory, user_with_role


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
