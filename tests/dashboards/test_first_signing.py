import datetime

import pytest

from agreements.models import Agreement
from dashboards.models import FirstSigning
from tests.agreements.factories import AgreementFactory

pytestmark = pytest.mark.django_db

DAY = datetime.date(2025, 3, 1)


def test_the_view_holds_each_employers_earliest_signing_and_follows_every_change():
    later = AgreementFactory(active=True, signed_on=DAY)
    employer = later.employer
    AgreementFactory(employer=employer)  # in dialogue: not signed, not counted
    assert FirstSigning.objects.get(employer=employer).signed_on == DAY

    earlier = AgreementFactory(employer=employer, active=True, signed_on=DAY.replace(month=1))
    assert FirstSigning.objects.get(employer=employer).signed_on == earlier.signed_on

    Agreement.objects.filter(pk=earlier.pk).delete()
    assert employer.first_signing.signed_on == DAY
    Agreement.objects.filter(pk=later.pk).update(
        status=Agreement.Status.IN_DIALOGUE, signed_on=None
    )
    assert not FirstSigning.objects.filter(employer=employer).exists()
