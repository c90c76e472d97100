import factory
from factory.django import DjangoModelFactory

from accounts.models import County, MeasureProvider, NavOffice, Region, Role, User
from devdata.demo.accounts import demo_orgnr


def county(name: str = "Oslo") -> County:
    """Counties are reference data loaded by a migration."""
    return County.objects.get(name=name)


class RegionFactory(DjangoModelFactory):
    class Meta:
        model = Region

    county = factory.LazyFunction(county)
    name = factory.Sequence(lambda n: f"Region {n}")


class NavOfficeFactory(DjangoModelFactory):
    class Meta:
        model = NavOffice

    region = factory.SubFactory(RegionFactory)
    county = factory.SelfAttribute("region.county")
    name = factory.Sequence(lambda n: f"NAV Kontor {n}")


class MeasureProviderFactory(DjangoModelFactory):
    class Meta:
        model = MeasureProvider

    name = factory.Sequence(lambda n: f"Leverandør {n} AS")
    # Every other block: demo_orgnr(n) can spill into block n + 1 when block n has no valid orgnr.
    orgnr = factory.Sequence(lambda n: demo_orgnr(500_000 + 2 * n))
    procurement = MeasureProvider.Procurement.TENDERED


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.no")
    first_name = factory.Faker("first_name", locale="no_NO")
    last_name = factory.Faker("last_name", locale="no_NO")
    role = Role.CONTACT_PERSON
    county = factory.LazyFunction(county)
    password = factory.django.Password("et-langt-testpassord")

    class Params:
        provider_staff = factory.Trait(
            role=Role.PROVIDER_STAFF,
            county=None,
            provider=factory.SubFactory(MeasureProviderFactory),
        )


def user_with_role(role: Role, **fields) -> User:
    if role == Role.PROVIDER_STAFF:
        return UserFactory(provider_staff=True, **fields)
    if role == Role.EMPLOYER_USER:
        from .employers.factories import EmployerFactory

        fields.setdefault("employer", EmployerFactory())
    if role in (Role.NATIONAL_READER, Role.ADMIN, Role.EMPLOYER_USER):
        fields.setdefault("county", None)
    return UserFactory(role=role, **fields)


def provider_staff_serving(*regions: Region, **fields) -> User:
    """Staff of a provider of their own that serves `regions`."""
    staff = user_with_role(Role.PROVIDER_STAFF, **fields)
    staff.provider.regions.add(*regions)
    return staff
