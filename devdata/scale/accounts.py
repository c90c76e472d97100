"""National-scale organisation and people for benchmarks (`manage.py seed_scale`).

About 500 market contacts, 300 advisers and 500 measure providers nationally, as in the pilot."""

from django.contrib.auth.hashers import make_password

from accounts.models import County, Measure, MeasureProvider, NavOffice, Region, Role, User
from devdata.demo.accounts import demo_orgnr

REGIONS_PER_COUNTY = 8
OFFICES_PER_REGION = 3
PROVIDERS = 500


def seed_scale(scale: float = 1.0) -> str:
    """The organisation is national at every scale; `scale` thins out the providers."""
    if User.objects.filter(email__endswith="@skala.no").exists():
        return "already there"
    password = make_password("skala-passord-2026")
    regions = []
    for county in County.objects.all():
        for n in range(REGIONS_PER_COUNTY):
            regions.append(Region(county=county, name=f"{county.name} region {n + 1}"))
    regions = Region.objects.bulk_create(regions)
    offices = NavOffice.objects.bulk_create(
        NavOffice(
            name=f"NAV {region.name} kontor {n + 1}", county_id=region.county_id, region=region
        )
        for region in regions
        for n in range(OFFICES_PER_REGION)
    )

    def person(local_part: str, role: Role, last_name: str, **fields) -> User:
        """An unsaved user "Skala <last_name>" at skala.no with the shared password."""
        return User(
            email=f"{local_part}@skala.no",
            role=role,
            password=password,
            first_name="Skala",
            last_name=last_name,
            **fields,
        )

    users = []
    for n, office in enumerate(offices):
        for role, count in ((Role.CONTACT_PERSON, 1), (Role.ADVISER, 1)):
            for k in range(count):
                users.append(
                    person(
                        f"{role}.{n}.{k}",
                        role,
                        f"{role} {n}",
                        county_id=office.county_id,
                        region_id=office.region_id,
                        office=office,
                    )
                )
    for county in County.objects.all():
        users.append(
            person(
                f"prosjektleder.{county.number}",
                Role.PROJECT_LEADER,
                "Prosjektleder",
                county=county,
            )
        )
    # The steering group's reader, for the national dashboard bench.
    users.append(person("nasjonal", Role.NATIONAL_READER, "Nasjonal"))
    measures = list(Measure.objects.all())
    providers = MeasureProvider.objects.bulk_create(
        MeasureProvider(
            name=f"Skala leverandør {n} AS",
            orgnr=demo_orgnr(1_000_000 + n),
            procurement=MeasureProvider.Procurement.TENDERED,
        )
        for n in range(max(1, round(PROVIDERS * scale)))
    )
    through_measures = MeasureProvider.measures.through
    through_regions = MeasureProvider.regions.through
    through_measures.objects.bulk_create(
        through_measures(measureprovider_id=p.pk, measure_id=measures[n % len(measures)].pk)
        for n, p in enumerate(providers)
    )
    through_regions.objects.bulk_create(
        through_regions(measureprovider_id=p.pk, region_id=regions[n % len(regions)].pk)
        for n, p in enumerate(providers)
    )
    for n, provider in enumerate(providers):
        users.append(
            person(f"leverandor.{n}", Role.PROVIDER_STAFF, f"Leverandør {n}", provider=provider)
        )
    # bulk_create skips save(), which sets the admin flags; none of these are admins.
    User.objects.bulk_create(users, batch_size=2000)
    return f"{len(regions)} regions, {len(offices)} offices, {len(users)} people"
