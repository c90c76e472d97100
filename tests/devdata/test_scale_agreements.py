from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Exists, Min, OuterRef

from agreements.models import Agreement
from candidates.models import Placement

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def test_every_employer_that_hired_holds_an_agreement_so_the_dashboards_compare_hires():
    call_command("seed_scale", scale=0.005, stdout=StringIO())
    signed = Agreement.objects.filter(employer_id=OuterRef("employer_id"), signed_on__isnull=False)
    hires = Placement.objects.annotate(at_agreement_employer=Exists(signed))
    assert hires.exists()
    # Each employer that hired holds an agreement: signed, or still in dialogue.
    assert not hires.exclude(employer__in=Agreement.objects.values("employer")).exists()
    assert hires.filter(at_agreement_employer=True).exists()
    first = dict(
        Agreement.objects.filter(signed_on__isnull=False)
        .values_list("employer_id")
        .annotate(first=Min("signed_on"))
    )
    sides = {p.start_date >= first[p.employer_id] for p in hires if p.employer_id in first}
    assert sides == {True, False}  # hires both before and after the first signing
