from pathlib import Path

import pytest

from accounts.models import Role
from dashboards.pilot_import import apply_pilot_import, read_pilot_dir
from tests.factories import county, user_with_role

PILOT = Path(__file__).parent / "pilot"


@pytest.fixture
def pilot_contacts(db):
    return [
        user_with_role(Role.CONTACT_PERSON, email="kontakt.oslo@pilot.no", county=county("Oslo")),
        user_with_role(
            Role.CONTACT_PERSON, email="kontakt.trondelag@pilot.no", county=county("Trøndelag")
        ),
    ]


@pytest.fixture
def pilot(pilot_contacts, admin_user):
    """The hand-written valid fixture set, imported."""
    return apply_pilot_import(rows=read_pilot_dir(PILOT / "valid"), actor=admin_user)
