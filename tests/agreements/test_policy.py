"""County signing policy: Oslo signs after the first hire, Trøndelag and Vestland when both
sides commit; the policy is data an administrator can change."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from agreements.models import Agreement, CountySigningPolicy
from agreements.services.agreements import agreement_transition

from .factories import AgreementFactory, county, record_hire

pytestmark = pytest.mark.django_db


def _sign(agreement):
    return agreement_transition(
        agreement=agreement,
        actor=agreement.fixed_contact,
        to=Agreement.Status.SIGNED,
        on=timezone.localdate(),
    )


def test_pilot_counties_have_their_policies_from_the_migration():
    kinds = dict(CountySigningPolicy.objects.values_list("county__name", "kind"))
    assert kinds == {
        "Oslo": "after_first_hire",
        "Trøndelag": "mutual_commitment",
        "Vestland": "mutual_commitment",
    }


def test_oslo_refuses_to_sign_before_the_first_hire():
    agreement = AgreementFactory(employer__county=county("Oslo"))
    with pytest.raises(ValidationError, match="Oslo signerer avtaler først når"):
        _sign(agreement)
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.IN_DIALOGUE


def test_oslo_signs_once_the_employer_has_hired_a_candidate():
    agreement = AgreementFactory(employer__county=county("Oslo"))
    record_hire(agreement.employer)
    _sign(agreement)
    assert Agreement.objects.get(pk=agreement.pk).status == Agreement.Status.SIGNED


def test_a_hire_at_another_employer_does_not_count():
    agreement = AgreementFactory(employer__county=county("Oslo"))
    record_hire(AgreementFactory().employer)
    with pytest.raises(ValidationError):
        _sign(agreement)


@pytest.mark.parametrize("name", ["Trøndelag", "Vestland"])
def test_mutual_commitment_counties_sign_without_any_hire(name):
    agreement = AgreementFactory(employer__county=county(name))
    _sign(agreement)
    assert Agreement.objects.get(pk=agreement.pk).status == Agreement.Status.SIGNED


def test_an_administrator_can_change_a_countys_policy():
    CountySigningPolicy.objects.filter(county__name="Trøndelag").update(
        kind=CountySigningPolicy.Kind.AFTER_FIRST_HIRE
    )
    agreement = AgreementFactory(employer__county=county("Trøndelag"))
    with pytest.raises(ValidationError, match="Trøndelag signerer"):
        _sign(agreement)


def test_a_county_without_policy_signs_on_mutual_commitment():
    agreement = AgreementFactory(employer__county=county("Agder"))
    _sign(agreement)
    assert Agreement.objects.get(pk=agreement.pk).status == Agreement.Status.SIGNED
