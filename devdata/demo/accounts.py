"""Demo organisation and people for the pilot counties (see `manage.py seed_demo`)."""

from django.contrib.auth.hashers import make_password
from stdnum.no import orgnr as stdnum_orgnr

from accounts.models import County, Measure, MeasureProvider, NavOffice, Region, Role, User

DEMO_PASSWORD = "vi-inkluderer-demo"  # noqa: S105 (demo data only, printed by make run)

# One easy login per role, shown by `make run`.
DEMO_LOGINS = [
    ("markedskontakt@demo.no", Role.CONTACT_PERSON.label),
    ("veileder@demo.no", Role.ADVISER.label),
    ("prosjektleder@demo.no", Role.PROJECT_LEADER.label),
    ("nasjonal@demo.no", Role.NATIONAL_READER.label),
    ("leverandor@demo.no", Role.PROVIDER_STAFF.label),
    ("admin@demo.no", Role.ADMIN.label),
    # Created with the demo employers (devdata.demo.employers), since it belongs to one of them.
    ("virksomhet@demo.no", Role.EMPLOYER_USER.label),
]

# Market areas as the pilot organised them: Trøndelag 7 market areas, Vestland 9 regions,
# Oslo one state market contact per district office (evaluation, chapter 4).
REGIONS = {
    "Trøndelag": {
        "Trondheim": ["NAV Trondheim", "NAV Malvik"],
        "Orkdalsregionen": ["NAV Orkland"],
        "Gauldal": ["NAV Midtre Gauldal"],
        "Værnesregionen": ["NAV Stjørdal"],
        "Innherred": ["NAV Levanger", "NAV Verdal"],
        "Namdal": ["NAV Namsos"],
        "Fosen": ["NAV Ørland"],
    },
    "Vestland": {
        "Bergen": ["NAV Bergenhus", "NAV Bergen sør", "NAV Fana"],
        "Vest": ["NAV Øygarden"],
        "Nordhordland": ["NAV Alver"],
        "Sunnhordland": ["NAV Stord"],
        "Hardanger": ["NAV Ullensvang"],
        "Voss": ["NAV Voss"],
        "Sogn": ["NAV Sogndal"],
        "Sunnfjord": ["NAV Sunnfjord"],
        "Nordfjord": ["NAV Stad"],
    },
    "Oslo": {
        "Oslo sentrum": ["NAV Gamle Oslo", "NAV St. Hanshaugen", "NAV Sagene"],
        "Oslo vest": ["NAV Frogner", "NAV Ullern", "NAV Vestre Aker"],
        "Oslo nord": ["NAV Nordre Aker", "NAV Bjerke", "NAV Grorud"],
        "Oslo øst": ["NAV Alna", "NAV Stovner", "NAV Grünerløkka"],
        "Oslo sør": ["NAV Nordstrand", "NAV Søndre Nordstrand", "NAV Østensjø"],
    },
}

PROVIDERS = [
    # name, number for a demo orgnr, procurement, measures, county, regions
    (
        "Jobbverkstedet Trøndelag AS",
        1,
        "pre_approved",
        ["aft", "vta"],
        "Trøndelag",
        ["Trondheim", "Værnesregionen"],
    ),
    (
        "Innherred Arbeid og Inkludering AS",
        2,
        "tendered",
        ["oppfolging", "avklaring"],
        "Trøndelag",
        ["Innherred", "Namdal"],
    ),
    (
        "Vestland Jobbstøtte AS",
        3,
        "tendered",
        ["oppfolging", "ips"],
        "Vestland",
        ["Bergen", "Vest", "Nordhordland"],
    ),
    (
        "Sunnhordland Kompetanse AS",
        4,
        "pre_approved",
        ["aft", "amo"],
        "Vestland",
        ["Sunnhordland", "Hardanger"],
    ),
    (
        "Oslo Arbeidsinkludering AS",
        5,
        "tendered",
        ["oppfolging", "arr", "mentor"],
        "Oslo",
        ["Oslo øst", "Oslo sør"],
    ),
    (
        "Byjobb Oslo AS",
        6,
        "pre_approved",
        ["aft", "vta", "jobbklubb"],
        "Oslo",
        ["Oslo sentrum", "Oslo nord", "Oslo vest"],
    ),
]

FIRST_NAMES = [
    "Kari",
    "Ola",
    "Ingrid",
    "Lars",
    "Sofie",
    "Ahmed",
    "Marte",
    "Jonas",
    "Fatima",
    "Erik",
    "Hanne",
    "Sindre",
    "Amina",
    "Per",
    "Ida",
    "Tor",
    "Silje",
    "Magnus",
    "Nora",
    "Even",
]
LAST_NAMES = [
    "Nordmann",
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Berg",
    "Haugen",
    "Ali",
    "Dahl",
    "Lie",
    "Moen",
    "Strand",
    "Hussein",
    "Solberg",
    "Bakken",
    "Lund",
    "Aas",
    "Vik",
    "Eide",
]


def demo_orgnr(number: int) -> str:
    """A valid, made-up organisation number, different for every `number`.

    Base 9000000 + 2n or the next one: adjacent bases never both lack a mod-11 check digit."""
    for base in (90_000_000 + 2 * number, 90_000_001 + 2 * number):
        for check in range(10):
            if stdnum_orgnr.is_valid(f"{base}{check}"):
                return f"{base}{check}"
    raise AssertionError("unreachable: one of two adjacent bases always has a check digit")


def _at(office: NavOffice) -> dict:
    """The placement of a person working at a NAV office: its county, region and the office."""
    return {"county": office.county, "region": office.region, "office": office}


def seed() -> str:
    """Create what is missing of the demo organisation and people; returns a summary."""
    seeder = _OrganisationSeeder()
    offices = seeder._organisation()
    providers = seeder._providers()
    seeder._staff(offices, providers)
    return f"{seeder.people} new people"


class _OrganisationSeeder:
    def __init__(self):
        self.people = 0
        # Hashing is deliberately slow; every demo account shares one password and one hash.
        self.password_hash = make_password(DEMO_PASSWORD)

    def _organisation(self) -> dict[str, list[NavOffice]]:
        offices_by_county: dict[str, list[NavOffice]] = {}
        for county_name, regions in REGIONS.items():
            county = County.objects.get(name=county_name)
            for region_name, office_names in regions.items():
                region, _ = Region.objects.get_or_create(county=county, name=region_name)
                for office_name in office_names:
                    office, _ = NavOffice.objects.get_or_create(
                        name=office_name, defaults={"county": county, "region": region}
                    )
                    offices_by_county.setdefault(county_name, []).append(office)
        return offices_by_county

    def _providers(self) -> list[MeasureProvider]:
        providers = []
        for name, number, procurement, measures, county, regions in PROVIDERS:
            provider, created = MeasureProvider.objects.get_or_create(
                orgnr=demo_orgnr(number), defaults={"name": name, "procurement": procurement}
            )
            if created:
                provider.measures.set(Measure.objects.filter(code__in=measures))
                provider.regions.set(Region.objects.filter(county__name=county, name__in=regions))
            providers.append(provider)
        return providers

    def _person(self, email: str, role: Role, index: int, **placement) -> User:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(
                email=email,
                role=role,
                first_name=FIRST_NAMES[index % len(FIRST_NAMES)],
                last_name=LAST_NAMES[(index * 7) % len(LAST_NAMES)],
                phone=f"9{index:07d}",
                **placement,
            )
            user.password = self.password_hash
            user.save()
            self.people += 1
        return user

    def _staff(self, offices: dict[str, list[NavOffice]], providers: list[MeasureProvider]):
        trondheim = offices["Trøndelag"][0]
        self._person("markedskontakt@demo.no", Role.CONTACT_PERSON, 0, **_at(trondheim))
        self._person("veileder@demo.no", Role.ADVISER, 1, **_at(trondheim))
        self._person("prosjektleder@demo.no", Role.PROJECT_LEADER, 2, county=trondheim.county)
        self._person("nasjonal@demo.no", Role.NATIONAL_READER, 3)
        self._person("leverandor@demo.no", Role.PROVIDER_STAFF, 4, provider=providers[0])
        self._person("admin@demo.no", Role.ADMIN, 5)

        index = 10
        for county_name, county_offices in offices.items():
            slug = county_name.lower().replace("ø", "o").replace("å", "a")
            county = county_offices[0].county
            self._person(f"prosjektleder.{slug}@demo.no", Role.PROJECT_LEADER, index, county=county)
            for office in county_offices:
                index += 1
                office_slug = office.name.lower().replace(" ", "-").replace(".", "")
                for role, prefix in [(Role.CONTACT_PERSON, "mk"), (Role.ADVISER, "veileder")]:
                    index += 1
                    self._person(f"{prefix}.{office_slug}@demo.no", role, index, **_at(office))
        for number, provider in enumerate(providers):
            for staff in range(2):
                index += 1
                self._person(
                    f"ansatt{staff + 1}.leverandor{number + 1}@demo.no",
                    Role.PROVIDER_STAFF,
                    index,
                    provider=provider,
                )
