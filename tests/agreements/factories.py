import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from accounts.models import County, Role
from agreements.models import Agreement, AgreementTemplate, FollowUpMeeting, RecruitmentNeed
from candidates.models import Placement
from candidates.services.shortlist import shortlist_for
from employers.models import Occupation

from ..candidates.factories import ShortlistEntryFactory
from ..employers.factories import EmployerFactory, JobOpeningFactory
from ..factories import user_with_role


class AgreementFactory(DjangoModelFactory):
    """An agreement in dialogue with an Oslo employer; its fixed contact a contact person."""

    class Meta:
        model = Agreement

    employer = factory.SubFactory(EmployerFactory)
    county = factory.SelfAttribute("employer.county")
    fixed_contact = factory.LazyAttribute(
        lambda a: user_with_role(Role.CONTACT_PERSON, county=a.county)
    )
    employer_signatory = "Kari Nordmann, daglig leder"
    employer_responsible = "Per Hansen, HR-leder"
    union_involvement = Agreement.UnionInvolvement.PARTICIPATES
    template = factory.LazyFunction(AgreementTemplate.current)
    employer_commitments = factory.LazyAttribute(lambda a: a.template.employer_commitments)
    nav_commitments = factory.LazyAttribute(lambda a: a.template.nav_commitments)
    created_by = factory.SelfAttribute("fixed_contact")

    class Params:
        active = factory.Trait(
            status=Agreement.Status.ACTIVE,
            signed_on=factory.LazyFunction(
                lambda: timezone.localdate() - datetime.timedelta(days=30)
            ),
            plan_anchor=factory.LazyFunction(
                lambda: timezone.localdate() - datetime.timedelta(days=20)
            ),
        )


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = FollowUpMeeting

    agreement = factory.SubFactory(AgreementFactory, active=True)
    planned_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=10))


def unit_group() -> Occupation:
    return Occupation.objects.unit_groups().get(code="4321")


class RecruitmentNeedFactory(DjangoModelFactory):
    class Meta:
        model = RecruitmentNeed

    meeting = factory.SubFactory(MeetingFactory)
    title = "Lagermedarbeider"
    occupation = factory.LazyFunction(unit_group)
    positions = 2
    description = "Truckførerbevis er en fordel; tunge løft."


def county(name: str) -> County:
    return County.objects.get(name=name)


def record_hire(employer) -> Placement:
    """A hire of a target-group candidate at the employer."""
    opening = JobOpeningFactory(employer=employer)
    entry = ShortlistEntryFactory(shortlist=shortlist_for(opening))
    return Placement.objects.create(
        entry=entry,
        candidate=entry.candidate,
        employer=employer,
        start_date=timezone.localdate(),
        position="Lagermedarbeider",
        contract_type=Placement.ContractType.PERMANENT,
        contract_confirmed=True,
        extent_percent=100,
        recorded_by=opening.recorded_by,
    )
