import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from accounts.models import County, Role
from candidates.models import (
    BirthCountryGroup,
    Candidate,
    ConsentRequest,
    Gender,
    Innsatsgruppe,
    SearchResult,
    SearchRun,
    ShortlistEntry,
    Step,
    TargetGroupReason,
)
from candidates.services.consent import consent_request_link
from candidates.services.shortlist import shortlist_for
from devdata.synthetic import synthetic_fnr
from employers.models import Occupation

from ..employers.factories import EmployerFactory, JobOpeningFactory
from ..factories import user_with_role


class CandidateFactory(DjangoModelFactory):
    """A candidate followed by a NAV adviser in Oslo."""

    class Meta:
        model = Candidate

    owner = factory.LazyFunction(lambda: user_with_role(Role.ADVISER))
    office = factory.SelfAttribute("owner.office")
    provider = factory.SelfAttribute("owner.provider")
    first_name = factory.Faker("first_name", locale="no_NO")
    last_name = factory.Faker("last_name", locale="no_NO")
    gender = Gender.FEMALE
    fnr = factory.Sequence(
        lambda n: synthetic_fnr(datetime.date(1990, 1, 1) + datetime.timedelta(days=n), n, "female")
    )
    municipality = "Oslo"
    county = factory.LazyFunction(lambda: County.objects.get(name="Oslo"))
    innsatsgruppe = Innsatsgruppe.SITUATION
    target_group_reasons = factory.LazyFunction(lambda: [TargetGroupReason.CV_GAP])
    birth_country_group = BirthCountryGroup.NORWAY
    cv_summary = "Stabil og punktlig, erfaring fra lager og butikk."

    class Params:
        provider_owned = factory.Trait(
            owner=factory.LazyFunction(lambda: user_with_role(Role.PROVIDER_STAFF))
        )


class ShortlistEntryFactory(DjangoModelFactory):
    class Meta:
        model = ShortlistEntry

    shortlist = factory.LazyFunction(lambda: shortlist_for(JobOpeningFactory()))
    candidate = factory.SubFactory(CandidateFactory)
    source = ShortlistEntry.Source.SEARCH
    added_by = factory.LazyAttribute(lambda entry: entry.shortlist.opening.recorded_by)


class ConsentRequestFactory(DjangoModelFactory):
    """A pending consent link, answerable for three days."""

    class Meta:
        model = ConsentRequest

    entry = factory.SubFactory(ShortlistEntryFactory, step=Step.CONSENT_REQUESTED)
    method = ConsentRequest.Method.LINK
    deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=3))
    requested_by = factory.SelfAttribute("entry.candidate.owner")


def link_sent_to_sara() -> ConsentRequest:
    """Sara (sara@example.no) is being assessed for a list; her owner sends her a consent link
    through the service (which queues the e-mail), with three days to answer."""
    entry = ShortlistEntryFactory(
        step=Step.ASSESSING, candidate=CandidateFactory(email="sara@example.no")
    )
    return consent_request_link(
        entry=entry,
        actor=entry.candidate.owner,
        deadline=timezone.now() + datetime.timedelta(days=3),
    )


def truck_driver_opening(region, **fields):
    """A truck driver's opening ("Truckfører", STYRK-08 8344) at an employer in `region`."""
    return JobOpeningFactory(
        employer=EmployerFactory(region=region),
        occupation=Occupation.objects.get(code="8344"),
        title="Truckfører",
        **fields,
    )


def finished_search(*, opening, user, candidate, **fields) -> SearchRun:
    """A finished search run by `user` for `opening` (with any other `fields` of the run), with
    `candidate` as its one result."""
    run = SearchRun.objects.create(
        opening=opening, created_by=user, status=SearchRun.Status.DONE, progress=100, **fields
    )
    SearchResult.objects.create(
        run=run,
        candidate=candidate,
        rank=1,
        score=50,
        explanation={
            "terms": [],
            "area": "national",
            "commute_km": 20,
            "municipality": "Oslo",
            "available_by": "2026-01-01",
        },
    )
    return run
