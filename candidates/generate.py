"""Realistic, made-up candidates for the demo world and the national-scale benchmark data.

Deterministic for a seed: the same owners and seed give the same people. Identity numbers are
synthetic H-numbers (candidates.synthetic), unique within a run and against `taken`."""

import datetime
import random
from dataclasses import dataclass, field

from .matching.document import area_tokens, build_document
from .matching.vocabulary import remember
from .models import (
    BirthCountryGroup,
    Candidate,
    DrivingLicence,
    Education,
    Gender,
    Innsatsgruppe,
    Language,
    TargetGroupReason,
)
from .synthetic import synthetic_fnr


@dataclass(frozen=True)
class Profile:
    """An occupation people in the target group often want, with what such people know."""

    code: str
    weight: int
    competencies: tuple[str, ...]
    certificates: tuple[str, ...]
    workplaces: tuple[str, ...]
    summary: str
    related: tuple[str, ...] = ()
    licences: tuple[str, ...] = ()


PROFILES = (
    Profile(
        "7212",
        6,
        ("sveising MIG/MAG", "TIG-sveising", "platearbeid", "lese arbeidstegninger", "sliping"),
        ("sveisesertifikat NS-EN ISO 9606-1", "varme arbeider", "HMS-kurs"),
        ("mekanisk verksted", "verft", "stålkonstruksjoner"),
        "Erfaren sveiser som liker praktisk arbeid og jobber nøyaktig.",
        ("7214", "9329"),
    ),
    Profile(
        "8344",
        7,
        ("truckkjøring", "vareplukk med skanner", "lasting og lossing", "lagerstyring"),
        ("truckførerbevis T1–T4", "kranførerbevis G11", "varme arbeider"),
        ("lager", "byggevarehus", "dagligvarelager"),
        "Truckfører med god oversikt, vant til høyt tempo og skift.",
        ("4321",),
        ("B",),
    ),
    Profile(
        "5321",
        8,
        ("stell og pleie", "forflytning", "legemiddelhåndtering", "demensomsorg", "dokumentasjon"),
        ("fagbrev helsearbeiderfaget", "førstehjelpskurs", "kurs i legemiddelhåndtering"),
        ("sykehjem", "hjemmetjenesten", "omsorgsbolig"),
        "Helsefagarbeider med hjerte for eldre, rolig og omsorgsfull.",
        ("5322",),
    ),
    Profile(
        "9112",
        8,
        ("renhold av kontorer", "maskinelt renhold", "bruk av renholdsmidler", "avfallssortering"),
        ("fagbrev renholdsoperatør", "kurs i renholdsteknikk"),
        ("renholdsbyrå", "sykehus", "hotell"),
        "Pålitelig renholder som jobber selvstendig og grundig.",
        ("9622",),
    ),
    Profile(
        "5311",
        6,
        ("lek og aktiviteter med barn", "språkstimulering", "samarbeid med foreldre", "tegnspråk"),
        ("barne- og ungdomsarbeiderfaget", "førstehjelp for barn", "politiattest"),
        ("barnehage", "SFO", "aktivitetsskole"),
        "Barnehageassistent som er tålmodig, leken og god med barn.",
        ("5312",),
    ),
    Profile(
        "5120",
        5,
        ("matlaging", "kald og varm mat", "bestilling av varer", "allergener", "catering"),
        ("kokkefagbrev", "hygienekurs (IK-mat)", "kurs i allergener"),
        ("restaurant", "kantine", "institusjonskjøkken"),
        "Kokk som trives i travle kjøkken og liker å lage god mat.",
        ("9412",),
    ),
    Profile(
        "9412",
        4,
        ("oppvask", "kjøkkenhjelp", "enkel matlaging", "renhold av kjøkken"),
        ("hygienekurs (IK-mat)",),
        ("kantine", "restaurant", "hotell"),
        "Kjøkkenassistent som er rask, ryddig og lærer fort.",
        ("5120",),
    ),
    Profile(
        "5223",
        8,
        ("kundeservice", "kassearbeid", "varepåfylling", "butikkdrift", "salg"),
        ("kurs i kundebehandling", "kassesertifikat"),
        ("dagligvarebutikk", "klesbutikk", "byggevarehus"),
        "Butikkmedarbeider som er serviceinnstilt og blid i møte med kunder.",
        ("5131",),
    ),
    Profile(
        "4321",
        7,
        ("vareplukk", "varemottak", "lagerstyring", "pakking", "inventering"),
        ("truckførerbevis T1–T4", "HMS-kurs"),
        ("lager", "netthandel", "grossist"),
        "Lagermedarbeider som er strukturert og liker fysisk arbeid.",
        ("8344",),
    ),
    Profile(
        "3512",
        4,
        ("brukerstøtte", "feilsøking på PC", "Microsoft 365", "nettverk", "kundeservice"),
        ("IT-støttefaget (fagbrev)", "ITIL Foundation", "Microsoft-sertifisering"),
        ("IT-avdeling", "kundesenter", "kommune"),
        "IT-brukerstøtte med godt humør, forklarer teknikk på en enkel måte.",
        ("3513",),
    ),
    Profile(
        "8322",
        5,
        ("varelevering", "kjøring i by", "ruteplanlegging", "kundekontakt"),
        ("førerkort klasse B", "yrkessjåførkompetanse"),
        ("budfirma", "taxi", "distribusjon"),
        "Sjåfør som kjører trygt, er punktlig og kjenner området godt.",
        ("8332",),
        ("B",),
    ),
    Profile(
        "8332",
        4,
        ("lastebilkjøring", "vogntog", "sikring av last", "kjøre- og hviletid"),
        ("førerkort klasse CE", "yrkessjåførkompetanse", "ADR-kurs"),
        ("transportfirma", "entreprenør", "renovasjon"),
        "Lastebilsjåfør med erfaring fra langtransport og distribusjon.",
        ("8322",),
        ("B", "C", "CE"),
    ),
    Profile(
        "7119",
        3,
        ("stillasbygging", "grunnarbeid", "riving", "betongarbeid"),
        ("stillaskurs", "varme arbeider", "HMS-kurs"),
        ("byggeplass", "entreprenør", "stillasfirma"),
        "Praktisk anlagt og vant til å jobbe ute i all slags vær.",
        ("7115",),
        ("B",),
    ),
    Profile(
        "7115",
        3,
        ("snekring", "montering av kjøkken", "forskaling", "lese tegninger"),
        ("svennebrev tømrer", "HMS-kurs"),
        ("byggefirma", "oppussingsfirma"),
        "Tømrer som er nøyaktig og tar ansvar for eget arbeid.",
        ("7119",),
        ("B",),
    ),
    Profile(
        "5131",
        3,
        ("servering", "kundeservice", "kasse", "vinkunnskap"),
        ("skjenkebevilling (kunnskapsprøve)", "hygienekurs (IK-mat)"),
        ("restaurant", "kafé", "hotell"),
        "Servitør som er rask, imøtekommende og god på service.",
        ("5223",),
    ),
    Profile(
        "9329",
        3,
        ("pakking", "maskinbetjening", "kvalitetskontroll", "produksjon"),
        ("HMS-kurs", "truckførerbevis T1–T4"),
        ("fabrikk", "næringsmiddelindustri", "verksted"),
        "Produksjonsmedarbeider som liker faste rutiner og jobber jevnt.",
        ("7212",),
    ),
    Profile(
        "4110",
        3,
        ("kontorarbeid", "arkiv", "Excel", "kundemottak", "telefon"),
        ("kontor- og administrasjonsfaget", "kurs i Excel"),
        ("kommune", "regnskapsbyrå", "advokatkontor"),
        "Strukturert kontormedarbeider som liker orden og service.",
    ),
    Profile(
        "5322",
        3,
        ("praktisk bistand i hjemmet", "handling og matlaging", "omsorg"),
        ("førstehjelpskurs",),
        ("hjemmetjenesten", "omsorgsbolig"),
        "Hjemmehjelp med god omsorg og respekt for folks hjem.",
        ("5321",),
        ("B",),
    ),
)

NORWEGIAN_FIRST = {
    Gender.FEMALE: [
        "Kari",
        "Ingrid",
        "Sofie",
        "Marte",
        "Hanne",
        "Ida",
        "Silje",
        "Nora",
        "Emma",
        "Thea",
        "Ingeborg",
        "Maja",
        "Hilde",
        "Tone",
        "Anne",
        "Linn",
        "Camilla",
        "Marit",
        "Eli",
        "Astrid",
        "Synnøve",
        "Randi",
        "Guro",
        "Vilde",
        "Julie",
    ],
    Gender.MALE: [
        "Ola",
        "Lars",
        "Jonas",
        "Erik",
        "Sindre",
        "Per",
        "Tor",
        "Magnus",
        "Even",
        "Henrik",
        "Kristian",
        "Ole",
        "Sverre",
        "Jon",
        "Eirik",
        "Håkon",
        "Anders",
        "Knut",
        "Geir",
        "Stian",
        "Vegard",
        "Øyvind",
        "Arne",
        "Trond",
        "Mathias",
    ],
}
NORWEGIAN_LAST = [
    "Nordmann",
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Berg",
    "Haugen",
    "Dahl",
    "Lie",
    "Moen",
    "Strand",
    "Solberg",
    "Bakken",
    "Lund",
    "Aas",
    "Vik",
    "Eide",
    "Pedersen",
    "Nilsen",
    "Kristiansen",
    "Jensen",
    "Karlsen",
    "Andersen",
    "Halvorsen",
    "Sæther",
    "Rønning",
    "Aune",
    "Brekke",
    "Hagen",
    "Jacobsen",
    "Myhre",
    "Nygård",
    "Sletten",
    "Tangen",
    "Røed",
]
IMMIGRANT_FIRST = {
    Gender.FEMALE: [
        "Fatima",
        "Amina",
        "Hodan",
        "Sara",
        "Leila",
        "Yasmin",
        "Zahra",
        "Mariam",
        "Ayan",
        "Nasra",
        "Aster",
        "Shirin",
    ],
    Gender.MALE: [
        "Ahmed",
        "Mohamed",
        "Ali",
        "Hassan",
        "Abdi",
        "Omar",
        "Yonas",
        "Reza",
        "Tesfay",
        "Karim",
        "Yusuf",
        "Dawit",
    ],
}
IMMIGRANT_LAST = [
    "Ali",
    "Hussein",
    "Mohammed",
    "Abdi",
    "Ahmadi",
    "Hassan",
    "Osman",
    "Tesfamariam",
    "Haile",
    "Rahimi",
    "Karimi",
    "Nur",
    "Farah",
]
EUROPEAN_FIRST = {
    Gender.FEMALE: ["Anna", "Agnieszka", "Olena", "Ieva", "Katarzyna", "Maria"],
    Gender.MALE: ["Piotr", "Tomasz", "Andrii", "Jonas", "Marek", "Mindaugas"],
}
EUROPEAN_LAST = [
    "Kowalski",
    "Nowak",
    "Shevchenko",
    "Kazlauskas",
    "Wiśniewski",
    "Petrauskas",
    "Bondarenko",
]
IMMIGRANT_LANGUAGES = ("ar", "so", "ti", "fa", "prs", "ku", "ur")
EUROPEAN_LANGUAGES = ("pl", "lt", "uk", "es", "sv")

# Municipalities by county, and by the demo world's market areas (accounts.demo.REGIONS).
COUNTY_MUNICIPALITIES = {
    "Oslo": ("Oslo",),
    "Rogaland": ("Stavanger", "Sandnes", "Haugesund", "Sola", "Karmøy", "Time"),
    "Møre og Romsdal": ("Ålesund", "Molde", "Kristiansund", "Sula", "Volda"),
    "Nordland": ("Bodø", "Narvik", "Rana", "Vefsn", "Vestvågøy"),
    "Østfold": ("Fredrikstad", "Sarpsborg", "Moss", "Halden", "Indre Østfold"),
    "Akershus": ("Bærum", "Asker", "Lillestrøm", "Lørenskog", "Ullensaker", "Nordre Follo"),
    "Buskerud": ("Drammen", "Kongsberg", "Ringerike", "Lier", "Øvre Eiker"),
    "Innlandet": ("Hamar", "Lillehammer", "Gjøvik", "Ringsaker", "Elverum", "Kongsvinger"),
    "Vestfold": ("Sandefjord", "Larvik", "Tønsberg", "Horten", "Holmestrand"),
    "Telemark": ("Skien", "Porsgrunn", "Notodden", "Bamble", "Midt-Telemark"),
    "Agder": ("Kristiansand", "Arendal", "Grimstad", "Lindesnes", "Lillesand"),
    "Vestland": ("Bergen", "Øygarden", "Alver", "Stord", "Voss", "Sunnfjord"),
    "Trøndelag": ("Trondheim", "Malvik", "Orkland", "Stjørdal", "Levanger", "Steinkjer"),
    "Troms": ("Tromsø", "Harstad", "Senja", "Balsfjord", "Målselv"),
    "Finnmark": ("Alta", "Hammerfest", "Sør-Varanger", "Vadsø", "Porsanger"),
}
REGION_MUNICIPALITIES = {
    "Trondheim": ("Trondheim", "Malvik"),
    "Orkdalsregionen": ("Orkland", "Skaun"),
    "Gauldal": ("Midtre Gauldal", "Melhus"),
    "Værnesregionen": ("Stjørdal", "Meråker"),
    "Innherred": ("Levanger", "Verdal", "Inderøy"),
    "Namdal": ("Namsos", "Grong"),
    "Fosen": ("Ørland", "Indre Fosen"),
    "Bergen": ("Bergen",),
    "Vest": ("Øygarden", "Askøy"),
    "Nordhordland": ("Alver", "Osterøy"),
    "Sunnhordland": ("Stord", "Bømlo"),
    "Hardanger": ("Ullensvang", "Kvam"),
    "Voss": ("Voss",),
    "Sogn": ("Sogndal", "Luster"),
    "Sunnfjord": ("Sunnfjord",),
    "Nordfjord": ("Stad", "Stryn"),
}

INNSATSGRUPPER = (
    (Innsatsgruppe.STANDARD, 20),
    (Innsatsgruppe.SITUATION, 45),
    (Innsatsgruppe.SPECIAL, 25),
    (Innsatsgruppe.PERMANENT, 10),
)
# Share (of 100) of candidates with each reason; everyone has at least one.
REASONS = (
    (TargetGroupReason.REDUCED_WORK_ABILITY, 45),
    (TargetGroupReason.CV_GAP, 50),
    (TargetGroupReason.YOUNG_NO_UPPER_SECONDARY, 20),
    (TargetGroupReason.PRIORITISED_IMMIGRANT, 25),
)
COMMUTE_KM = (5, 10, 15, 20, 20, 30, 40, 50, 60, 80)


@dataclass(frozen=True)
class Owner:
    """Who follows a generated candidate, and where the candidate then lives."""

    user_id: int
    county_id: int
    county_name: str
    region_id: int | None = None
    region_name: str = ""
    office_id: int | None = None
    provider_id: int | None = None


@dataclass
class Generated:
    candidate: Candidate
    wanted: list[str] = field(default_factory=list)
    done: list[str] = field(default_factory=list)


def owners_for(users) -> list[Owner]:
    """Owners from advisers (their office's area) and provider staff (each region their
    provider serves). `users` needs office__region/county and provider__regions loaded."""
    owners = []
    for user in users:
        if user.provider_id:
            for region in user.provider.regions.all():
                owners.append(
                    Owner(
                        user.pk,
                        region.county_id,
                        region.county.name,
                        region.pk,
                        region.name,
                        provider_id=user.provider_id,
                    )
                )
        elif user.office_id:
            office = user.office
            owners.append(
                Owner(
                    user.pk,
                    office.county_id,
                    office.county.name,
                    office.region_id,
                    office.region.name if office.region_id else "",
                    office_id=office.pk,
                )
            )
    return owners


class CandidateGenerator:
    def __init__(self, *, seed: int, occupations: dict, today: datetime.date, taken=()):
        """`occupations`: STYRK-08 code -> Occupation for every code PROFILES use."""
        self.random = random.Random(seed)
        self.occupations = occupations
        self.today = today
        self.taken = set(taken)
        self.profiles = [p for p in PROFILES for _ in range(p.weight)]

    def generate(self, number: int, owner: Owner) -> Generated:
        rnd = self.random
        profile = rnd.choice(self.profiles)
        gender = rnd.choice([Gender.FEMALE, Gender.MALE])
        reasons = self._reasons()
        origin = self._origin(reasons)
        birth_date = self.today - datetime.timedelta(days=rnd.randint(18 * 365, 62 * 365))
        if TargetGroupReason.YOUNG_NO_UPPER_SECONDARY in reasons:
            birth_date = self.today - datetime.timedelta(days=rnd.randint(18 * 365, 29 * 365))
        first, last = self._name(origin, gender)
        wanted = [profile.code]
        if profile.related and rnd.random() < 0.35:
            wanted.append(rnd.choice(profile.related))
        done = [profile.code] if rnd.random() < 0.6 else []
        if profile.related and rnd.random() < 0.25:
            done.append(rnd.choice(profile.related))
        competencies = ", ".join(
            rnd.sample(profile.competencies, k=min(3, len(profile.competencies)))
        )
        certificates = ", ".join(
            rnd.sample(profile.certificates, k=rnd.randint(0, min(2, len(profile.certificates))))
        )
        years = rnd.randint(1, 12)
        experience = (
            f"{years} år fra {rnd.choice(profile.workplaces)}"
            f"{'' if done else ' som ekstrahjelp'}. "
            f"Praksisplass i {rnd.choice(profile.workplaces)} gjennom NAV."
        )
        summary = profile.summary
        if TargetGroupReason.CV_GAP in reasons:
            summary += (
                " Har vært borte fra arbeidslivet en periode og er motivert for å komme i gang."
            )
        candidate = Candidate(
            owner_id=owner.user_id,
            office_id=owner.office_id,
            provider_id=owner.provider_id,
            first_name=first,
            last_name=last,
            fnr=self._fnr(birth_date, gender, number),
            birth_date=birth_date,
            gender=gender,
            municipality=rnd.choice(self._municipalities(owner)),
            county_id=owner.county_id,
            region_id=owner.region_id,
            commute_km=rnd.choice(COMMUTE_KM),
            email=f"kandidat{number}@eksempel.no",
            phone=f"4{number % 10_000_000:07d}",
            innsatsgruppe=self._weighted(INNSATSGRUPPER),
            target_group_reasons=reasons,
            education=self._education(profile, reasons),
            birth_country_group=origin,
            competencies=competencies,
            certificates=certificates,
            work_experience=experience,
            languages=self._languages(origin),
            driving_licences=self._licences(profile),
            available_from=self.today
            + datetime.timedelta(days=rnd.choice((0, 0, 0, 0, 14, 30, 60))),
            cv_summary=summary,
            unavailable_until=(
                self.today + datetime.timedelta(days=rnd.randint(5, 30))
                if rnd.random() < 0.03
                else None
            ),
        )
        candidate.search_document = build_document(
            wanted=[self.occupations[code] for code in wanted],
            done=[self.occupations[code] for code in done],
            area=area_tokens(
                county_id=owner.county_id,
                region_id=owner.region_id,
                commute_km=candidate.commute_km,
            ),
            competencies=candidate.competencies,
            certificates=candidate.certificates,
            work_experience=candidate.work_experience,
            cv_summary=candidate.cv_summary,
        )
        return Generated(candidate, wanted, done)

    def _weighted(self, options):
        values, weights = zip(*options, strict=True)
        return self.random.choices(values, weights=weights)[0]

    def _reasons(self) -> list[str]:
        reasons = [reason for reason, share in REASONS if self.random.randrange(100) < share]
        return reasons or [TargetGroupReason.CV_GAP]

    def _origin(self, reasons) -> str:
        if TargetGroupReason.PRIORITISED_IMMIGRANT in reasons:
            return BirthCountryGroup.AFRICA_ASIA_OTHER
        return self._weighted(
            (
                (BirthCountryGroup.NORWAY, 85),
                (BirthCountryGroup.EU_EEA, 12),
                ("africa_asia_other", 3),
            )
        )

    def _name(self, origin, gender) -> tuple[str, str]:
        rnd = self.random
        if origin == BirthCountryGroup.AFRICA_ASIA_OTHER:
            return rnd.choice(IMMIGRANT_FIRST[gender]), rnd.choice(IMMIGRANT_LAST)
        if origin == BirthCountryGroup.EU_EEA:
            return rnd.choice(EUROPEAN_FIRST[gender]), rnd.choice(EUROPEAN_LAST)
        return rnd.choice(NORWEGIAN_FIRST[gender]), rnd.choice(NORWEGIAN_LAST)

    def _languages(self, origin) -> list[str]:
        languages = [Language.NORWEGIAN]
        if origin == BirthCountryGroup.AFRICA_ASIA_OTHER:
            languages.append(self.random.choice(IMMIGRANT_LANGUAGES))
        elif origin == BirthCountryGroup.EU_EEA:
            languages.append(self.random.choice(EUROPEAN_LANGUAGES))
        if self.random.random() < 0.5:
            languages.append(Language.ENGLISH)
        return languages

    def _licences(self, profile: Profile) -> list[str]:
        if profile.licences:
            return list(profile.licences)
        return [DrivingLicence.B] if self.random.random() < 0.6 else []

    def _education(self, profile: Profile, reasons) -> str:
        if TargetGroupReason.YOUNG_NO_UPPER_SECONDARY in reasons:
            return self.random.choice([Education.PRIMARY, Education.UPPER_SECONDARY_NOT_COMPLETED])
        return self._weighted(
            (
                (Education.PRIMARY, 15),
                (Education.UPPER_SECONDARY_NOT_COMPLETED, 15),
                (Education.UPPER_SECONDARY, 30),
                (Education.TRADE_CERTIFICATE, 25),
                (Education.VOCATIONAL_COLLEGE, 5),
                (Education.HIGHER_SHORT, 5),
                (Education.UNKNOWN, 5),
            )
        )

    def _municipalities(self, owner: Owner) -> tuple[str, ...]:
        return REGION_MUNICIPALITIES.get(owner.region_name) or COUNTY_MUNICIPALITIES.get(
            owner.county_name, (owner.county_name,)
        )

    def _fnr(self, birth_date: datetime.date, gender: str, number: int) -> str:
        serial = number
        while True:
            fnr = synthetic_fnr(birth_date, serial, gender)
            if fnr not in self.taken:
                self.taken.add(fnr)
                return fnr
            serial += 1


def save_generated(batch: list[Generated]) -> list[Candidate]:
    """Insert a batch with its occupation lists in three statements. The search document is
    already built, and PostgreSQL derives the search vector from it."""
    candidates = Candidate.objects.bulk_create([item.candidate for item in batch])
    wanted = Candidate.occupations_wanted.through
    done = Candidate.occupations_done.through
    wanted.objects.bulk_create(
        wanted(candidate_id=item.candidate.pk, occupation_id=code)
        for item in batch
        for code in dict.fromkeys(item.wanted)
    )
    done.objects.bulk_create(
        done(candidate_id=item.candidate.pk, occupation_id=code)
        for item in batch
        for code in dict.fromkeys(item.done)
    )
    remember(item.candidate.search_document for item in batch)
    return candidates


def profile_codes() -> set[str]:
    return {code for profile in PROFILES for code in (profile.code, *profile.related)}
