"""Demo employers in the pilot counties (see `manage.py seed_demo`). The names are made up;
the kinds of workplace are those the pilot worked with (evaluation ch. 7): hospital trusts,
industry and scaffolding at Stord, hotels, retail chains, municipalities, cleaning, logistics,
construction and kindergartens."""

import csv
import re
from pathlib import Path

from django.contrib.auth.hashers import make_password

from accounts.models import County, Region, Role, User
from devdata.demo.accounts import DEMO_PASSWORD, FIRST_NAMES, LAST_NAMES, demo_orgnr
from employers.models import Employer, EmployerPerson, Industry

AGREEMENT, IN_DIALOGUE = Employer.Status.AGREEMENT, Employer.Status.IN_DIALOGUE

# One employer a row; `number` makes its orgnr (demo_orgnr(2000 + 2 * number), since
# demo_orgnr(n) may equal demo_orgnr(n + 1)); a parent is listed before its sub-units.
EMPLOYERS_CSV = Path(__file__).resolve().parent.parent / "data" / "demo_employers.csv"

# Employers whose fixed contact is someone at a measure provider serving their region, as the
# pilot allowed (evaluation ch. 8).
PROVIDER_IS_FIXED_CONTACT = {11, 47}

NEEDS = {
    "Q": "Trenger helsefagarbeidere og assistenter i turnus. Kan tilby språkpraksis, fast "
    "fadder og et forkurs etter Springbrett-modellen. Mye forflytning av pasienter; "
    "hjelpemidler finnes.",
    "C": "Rekrutterer industriarbeidere og stillasbyggere. Fysisk krevende arbeid, ikke egnet "
    "ved skulder- eller ryggplager. Kan tilby kurs og utprøving i produksjon før ansettelse, "
    "planlagt sammen med de tillitsvalgte.",
    "I": "Behov for romrengjøring, kjøkkenassistenter og frokostvakter, mest i sesong. Kan "
    "starte med korte vakter og øke gradvis.",
    "G": "Butikkmedarbeidere og varemottak. Kan tilby arbeidstrening med oppfølging fra "
    "butikksjefen og deltid som kan økes.",
    "N": "Renholdere på kveld og tidlig morgen. Grunnleggende norsk holder; opplæring gis på "
    "jobben.",
    "H": "Lagerarbeidere og sjåfører med klasse C. Truckførerbevis kan tas i arbeidstiden.",
    "F": "Tømrere og hjelpearbeidere. Tar inn lærlinger og kan lage et løp mot fagbrev.",
    "O": "Ulike stillinger i drift, administrasjon og omsorg; ønsker kandidater til praksis.",
    "A": "Produksjonsmedarbeidere i skift på anlegget. Opplæring og fadder de første ukene.",
}
UNIONS = {
    "Q": "Fagforbundet",
    "C": "Fellesforbundet",
    "I": "Fellesforbundet",
    "G": "Handel og Kontor",
    "N": "Norsk Arbeidsmandsforbund",
    "H": "Norsk Transportarbeiderforbund",
    "F": "Fellesforbundet",
    "O": "Fagforbundet",
    "A": "Fellesforbundet",
}
CONTACT_TITLES = ["Daglig leder", "HR-rådgiver", "Avdelingsleder", "Driftsleder"]


# The demo employer user works at Nidaros Hotelldrift AS (Trondheim, has an agreement), whose
# fixed contact is the demo contact person markedskontakt@demo.no.
EMPLOYER_USER_EMAIL = "virksomhet@demo.no"
EMPLOYER_USER_NUMBER = 46

# Municipality → a postcode and post town in it.
POST = {
    "Oslo": ("0150", "Oslo"),
    "Bergen": ("5003", "Bergen"),
    "Stord": ("5411", "Stord"),
    "Voss": ("5700", "Voss"),
    "Ulvik": ("5730", "Ulvik"),
    "Øygarden": ("5353", "Straume"),
    "Alver": ("5914", "Isdalstø"),
    "Ullensvang": ("5750", "Odda"),
    "Sogndal": ("6856", "Sogndal"),
    "Sunnfjord": ("6800", "Førde"),
    "Stad": ("6770", "Nordfjordeid"),
    "Trondheim": ("7010", "Trondheim"),
    "Orkland": ("7300", "Orkanger"),
    "Levanger": ("7600", "Levanger"),
    "Midtre Gauldal": ("7290", "Støren"),
    "Stjørdal": ("7500", "Stjørdal"),
    "Verdal": ("7650", "Verdal"),
    "Namsos": ("7800", "Namsos"),
    "Ørland": ("7130", "Brekstad"),
    "Malvik": ("7560", "Vikhammer"),
}
STREETS = ["Storgata", "Kirkegata", "Industriveien", "Havnegata", "Stasjonsveien", "Parkveien"]


def _ascii(text: str) -> str:
    for char, plain in (("æ", "ae"), ("ø", "o"), ("å", "a"), ("é", "e")):
        text = text.replace(char, plain)
    return text


def _domain(name: str) -> str:
    """ "Bryggen Hotell Bergen AS" → "bryggen-hotell-bergen-as.example.no"."""
    return re.sub(r"[^a-z0-9]+", "-", _ascii(name.lower())).strip("-") + ".example.no"


def _person(employer: Employer, index: int, domain: str, **fields) -> EmployerPerson:
    """An unsaved person at the employer, named by `index`, with an address at `domain`."""
    first = FIRST_NAMES[index % len(FIRST_NAMES)]
    last = LAST_NAMES[(index * 5) % len(LAST_NAMES)]
    return EmployerPerson(
        employer=employer,
        name=f"{first} {last}",
        email=f"{_ascii(first.lower())}.{_ascii(last.lower())}@{domain}",
        **fields,
    )


def seed() -> str:
    """Create the demo employers that are missing; leave the existing ones as they are."""
    seeder = _EmployerSeeder()
    with EMPLOYERS_CSV.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            seeder.employer(row)
    users = _employer_user(seeder.by_number[EMPLOYER_USER_NUMBER])
    return f"{seeder.created} new employers, {users} new employer users"


def _employer_user(employer: Employer) -> int:
    """The demo login for an employer (HR adviser at the hotel); 1 if created, else 0."""
    if User.objects.filter(email=EMPLOYER_USER_EMAIL).exists():
        return 0
    User.objects.create(
        email=EMPLOYER_USER_EMAIL,
        role=Role.EMPLOYER_USER,
        employer=employer,
        first_name="Hilde",
        last_name="Nygård",
        phone="47000046",
        password=make_password(DEMO_PASSWORD),
    )
    return 1


class _EmployerSeeder:
    def __init__(self):
        self.created = 0
        self.by_number: dict[int, Employer] = {}
        self.counties = {c.name: c for c in County.objects.filter(is_pilot=True)}
        self.regions = {(r.county.name, r.name): r for r in Region.objects.select_related("county")}
        self.industries = {i.code: i for i in Industry.objects.all()}

    def _fixed_contact(self, number: int, county: County, region: Region) -> User | None:
        if number in PROVIDER_IS_FIXED_CONTACT:
            return (
                User.objects.filter(role=Role.PROVIDER_STAFF, provider__regions=region)
                .order_by("pk")
                .first()
            )
        contacts = User.objects.filter(
            role=Role.CONTACT_PERSON, county=county, is_active=True
        ).order_by("pk")
        return contacts.filter(region=region).first() or contacts.first()

    def employer(self, row: dict[str, str]) -> None:
        number, status, industry = int(row["number"]), row["status"], row["industry"]
        county = self.counties[row["county"]]
        region = self.regions[(row["county"], row["region"])]
        # Agreements always have a fixed contact person; every other employer in dialogue too.
        has_contact = status == AGREEMENT or (status == IN_DIALOGUE and number % 2 == 0)
        in_contact = status in (AGREEMENT, IN_DIALOGUE)
        employer, created = Employer.objects.get_or_create(
            orgnr=demo_orgnr(2000 + 2 * number),
            defaults={
                "name": row["name"],
                "county": county,
                "municipality": row["municipality"],
                "region": region,
                "industry": self.industries[industry],
                "sector": row["sector"],
                "employee_band": row["employee_band"],
                "status": status,
                "parent": self.by_number.get(int(row["parent"])) if row["parent"] else None,
                "fixed_contact": self._fixed_contact(number, county, region)
                if has_contact
                else None,
                "needs_notes": NEEDS.get(industry, "") if in_contact else "",
                "street_address": f"{STREETS[number % len(STREETS)]} {number}",
                "postal_code": POST[row["municipality"]][0],
                "postal_place": POST[row["municipality"]][1],
                "website": f"https://{_domain(row['name'])}",
            },
        )
        self.by_number[number] = employer
        if created:
            self.created += 1
            self._people(employer, number, industry, status)

    def _people(self, employer: Employer, number: int, industry: str, status: str) -> None:
        domain = _domain(employer.name)
        people = []
        for offset in range(2 if status == AGREEMENT else 1):
            index = number * 3 + offset
            people.append(
                _person(
                    employer,
                    index,
                    domain,
                    kind=EmployerPerson.Kind.CONTACT,
                    title=CONTACT_TITLES[index % len(CONTACT_TITLES)],
                    phone=f"4{number:03d}{offset:04d}",
                )
            )
        # Union representatives take part in agreements (evaluation ch. 4).
        if status == AGREEMENT and industry in UNIONS:
            people.append(
                _person(
                    employer,
                    number * 3 + 2,
                    domain,
                    kind=EmployerPerson.Kind.UNION_REP,
                    title=f"Hovedtillitsvalgt, {UNIONS[industry]}",
                )
            )
        EmployerPerson.objects.bulk_create(people)
