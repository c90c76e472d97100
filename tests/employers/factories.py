import factory
from factory.django import DjangoModelFactory

from accounts.demo import demo_orgnr
from accounts.models import County
from employers.models import Employer, Industry


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
