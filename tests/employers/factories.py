import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from accounts.models import County, Role
from devdata.demo.accounts import demo_orgnr
from employers.models import (
    DialogueEntry,
    Employer,
    EmployerPerson,
    Industry,
    JobOpening,
    Lead,
    Occupation,
    ResourceGroup,
    ResourceGroupMember,
    Task,
)
from employers.services.dialogue import dialogue_log

from ..factories import UserFactory, user_with_role


class EmployerFactory(DjangoModelFactory):
    class Meta:
        model = Employer

    # Every other block: demo_orgnr(n) can spill into block n + 1 when block n has no valid orgnr.
    orgnr = factory.Sequence(lambda n: demo_orgnr(700_000 + 2 * n))
    name = factory.Sequence(lambda n: f"Virksomhet {n} AS")
    sector = Employer.Sector.PRIVATE
    industry = factory.LazyFunction(lambda: Industry.objects.get(code="C"))
    county = factory.LazyFunction(lambda: County.objects.get(name="Oslo"))
    municipality = "Oslo"


class EmployerPersonFactory(DjangoModelFactory):
    class Meta:
        model = EmployerPerson

    employer = factory.SubFactory(EmployerFactory)
    name = factory.Faker("name", locale="no_NO")
    title = "HR-leder"
    email = factory.Sequence(lambda n: f"kontakt{n}@virksomhet.example.no")


def log_contact(employer, actor, **fields) -> DialogueEntry:
    """A phone call two hours ago logged through the service (which moves the employer's
    status and notifies its fixed contact), with any other `fields` of dialogue_log."""
    defaults = {
        "occurred_at": timezone.now() - datetime.timedelta(hours=2),
        "channel": DialogueEntry.Channel.PHONE,
        "topics": [DialogueEntry.Topic.FOLLOW_UP],
        "summary": "Oppfølging av samarbeidet.",
        "no_sensitive_data_confirmed": True,
    }
    return dialogue_log(employer=employer, actor=actor, **{**defaults, **fields})


class DialogueEntryFactory(DjangoModelFactory):
    class Meta:
        model = DialogueEntry

    employer = factory.SubFactory(EmployerFactory)
    author = factory.SubFactory(UserFactory)
    occurred_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    channel = DialogueEntry.Channel.MEETING
    topics = factory.LazyFunction(lambda: [DialogueEntry.Topic.RECRUITMENT_NEED])
    summary = "Virksomheten trenger to lagermedarbeidere fra august."
    no_sensitive_data_confirmed = True


class TaskFactory(DjangoModelFactory):
    class Meta:
        model = Task

    entry = factory.SubFactory(DialogueEntryFactory)
    owner = factory.SelfAttribute("entry.author")
    description = "Sende oversikt over lønnstilskudd"
    due_date = factory.LazyFunction(timezone.localdate)


class ResourceGroupFactory(DjangoModelFactory):
    class Meta:
        model = ResourceGroup

    county = factory.LazyFunction(lambda: County.objects.get(name="Oslo"))
    name = factory.Sequence(lambda n: f"Ressursgruppe {n}")


class ResourceGroupMemberFactory(DjangoModelFactory):
    class Meta:
        model = ResourceGroupMember

    group = factory.SubFactory(ResourceGroupFactory)
    name = factory.Faker("name", locale="no_NO")
    organisation = ResourceGroupMember.Organisation.NHO


class LeadFactory(DjangoModelFactory):
    """A new lead about an employer not yet in the register."""

    class Meta:
        model = Lead

    employer_name = factory.Sequence(lambda n: f"Tipset Virksomhet {n} AS")
    county = factory.LazyFunction(lambda: County.objects.get(name="Oslo"))
    reason = "Vokser og trenger folk i lageret."
    recorded_by = factory.LazyAttribute(
        lambda lead: user_with_role(Role.PROJECT_LEADER, county=lead.county)
    )


class JobOpeningFactory(DjangoModelFactory):
    """A published, open opening."""

    class Meta:
        model = JobOpening

    employer = factory.SubFactory(EmployerFactory)
    title = factory.Sequence(lambda n: f"Lagermedarbeider {n}")
    occupation = factory.LazyFunction(lambda: Occupation.objects.get(code="4321"))
    location = "Oslo"
    region = factory.SelfAttribute("employer.region")
    requirements_must = "Kan jobbe skift."
    status = JobOpening.Status.OPEN
    published_at = factory.LazyFunction(timezone.now)
    recorded_by = factory.LazyAttribute(
        lambda opening: user_with_role(Role.CONTACT_PERSON, county=opening.employer.county)
    )
