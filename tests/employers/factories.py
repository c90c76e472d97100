import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from accounts.demo import demo_orgnr
from accounts.models import County
from employers.models import DialogueEntry, Employer, EmployerPerson, Industry, Task

from ..factories import UserFactory


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
