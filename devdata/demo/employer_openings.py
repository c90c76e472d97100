"""Demo resource groups, leads and job openings for the pilot counties (see `seed_demo`).

Rows are written directly rather than through the services so that they can carry dates in
the past (a lead that has waited 12 days, an opening published last week) and so that seeding
sends no notifications or e-mails. Each status change still gets its activity log entry.
"""

import datetime
import itertools
from dataclasses import dataclass

from django.utils import timezone

from accounts.models import County, Role, User
from core.activity import unsaved_entry
from core.models import ActivityEntry
from employers.models import (
    Employer,
    JobOpening,
    Lead,
    Occupation,
    ResourceGroup,
    ResourceGroupMember,
)

PILOT_COUNTIES = ["Trøndelag", "Vestland", "Oslo"]

# name, organisation (one of ResourceGroupMember.Organisation)
MEMBERS = {
    "Trøndelag": [
        ("Randi Aunet", "NHO"),
        ("Geir Stjern", "LO"),
        ("Marit Kvello", "KS"),
        ("Arve Lien", "Virke"),
        ("Tone Rønning", "Spekter"),
        ("Knut Hegge", "YS"),
    ],
    "Vestland": [
        ("Solveig Tveit", "NHO"),
        ("Bjørn Haugland", "LO"),
        ("Ingunn Sæle", "KS"),
        ("Rune Vik", "Virke"),
        ("Liv Brekke", "Unio"),
        ("Håkon Lid", "Akademikerne"),
    ],
    "Oslo": [
        ("Camilla Strøm", "NHO"),
        ("Tariq Malik", "LO"),
        ("Hilde Berge", "KS"),
        ("Jon Sandvik", "Virke"),
        ("Eva Nyhus", "Spekter"),
        ("Per Ødegård", "YS"),
    ],
}

# employer name, reason, status, days since suggested. Leads about employers not yet in
# the register; "accepted" leads instead take an employer from the register (see below).
NEW_EMPLOYER_LEADS = {
    "Trøndelag": [
        ("Heimdal Stillas AS", "Vant to store kontrakter og mangler stillasbyggere.", "new", 12),
        ("Orkla Matservering AS", "Ny kantinedrift på Orkanger fra januar.", "new", 2),
        (
            "Stjørdal Renhold AS",
            "Vil ta inn folk via NAV, sa lederen.",
            "assigned",
            9,
        ),
        ("Namsos Sveis og Mekaniske AS", "Mangler sveisere; åpne for opplæring.", "closed", 30),
    ],
    "Vestland": [
        ("Sotra Fiskeindustri AS", "Sesongtopp i produksjonen, behov for 10 operatører.", "new", 5),
        (
            "Stord Verft Service AS",
            "Mangler stillasbyggere og sveisere.",
            "assigned",
            15,
        ),
        ("Voss Hotelldrift AS", "Utvider med nytt hotell, trenger kokker og renholdere.", "new", 1),
        ("Fana Bygg og Tre AS", "Tillitsvalgt foreslo samarbeid om lærlinger.", "closed", 40),
    ],
    "Oslo": [
        ("Alnabru Lager og Logistikk AS", "Nytt lager, 30 lagermedarbeidere innen mars.", "new", 7),
        (
            "Løkka Kafé og Bakeri AS",
            "Vil gi ungdom uten vgs. en sjanse.",
            "assigned",
            4,
        ),
        ("Stovner Omsorg AS", "Private omsorgsboliger, mangler helsefagarbeidere.", "new", 20),
    ],
}
ACCEPTED_LEAD_REASON = "Tips fra ressursgruppen: har vist interesse for å rekruttere via NAV."
CLOSE_REASON = "Virksomheten har ikke rekrutteringsbehov det nærmeste året."

# title, STYRK-08 code, must-have, nice-to-have, demands, adaptations, competence path,
# extent, percentage, working hours
OPENINGS = [
    (
        "Stillasbygger",
        "7119",
        "Fysisk god form. Kan jobbe i høyden.",
        "Stillaskurs (opplæring kan gis). Førerkort klasse B.",
        "Tunge løft, arbeid ute i all slags vær, ingen skulderplager.",
        "Fadder første måneder; kurs betales av bedriften.",
        True,
        "full_time",
        None,
        "Dagtid 07–15",
    ),
    (
        "Helsefagarbeider",
        "5321",
        "Fagbrev som helsefagarbeider eller godt i gang med det.",
        "Erfaring fra eldreomsorg.",
        "Stell og forflytning; skiftarbeid.",
        "Kan starte i redusert stilling og øke gradvis.",
        True,
        "part_time",
        75,
        "Turnus, hver tredje helg",
    ),
    (
        "Renholder",
        "9112",
        "Pålitelig og nøyaktig.",
        "Erfaring med renhold i næringsbygg.",
        "Mye gåing og stående arbeid.",
        "Faste ruter og tydelig opplæring; kan tilpasse arbeidstid.",
        False,
        "part_time",
        50,
        "Kveld 16–20",
    ),
    (
        "Lagermedarbeider",
        "4321",
        "Kan jobbe skift. Grunnleggende norsk muntlig.",
        "Truckførerbevis T1–T4.",
        "Løft opptil 20 kg, kjølelager.",
        "Truckkurs i arbeidstiden.",
        True,
        "full_time",
        None,
        "Tredelt skift",
    ),
    (
        "Kokk",
        "5120",
        "Erfaring fra storkjøkken eller restaurant.",
        "Fagbrev som kokk.",
        "Stående arbeid og varme omgivelser.",
        "Mentor fra kjøkkensjefen første måned.",
        False,
        "full_time",
        None,
        "Dagtid, annenhver helg",
    ),
    (
        "Butikkmedarbeider",
        "5223",
        "Serviceinnstilt. Grunnleggende norsk.",
        "Erfaring fra varehandel.",
        "Varepåfylling og kasse.",
        "Kan tilpasse vakter etter behov.",
        False,
        "part_time",
        60,
        "",
    ),
    (
        "Sveiser",
        "7212",
        "Sveisesertifikat (MAG/TIG) eller vilje til å ta det.",
        "Erfaring fra verft eller mekanisk industri.",
        "Støy, verneutstyr og arbeid i trange rom.",
        "Sertifisering gjennom kompetansehevende løp.",
        True,
        "full_time",
        None,
        "Dagtid, mulighet for skift",
    ),
    (
        "Kjøkkenassistent",
        "9412",
        "Punktlig og samarbeidsvillig.",
        "Hygienekurs.",
        "Stående arbeid.",
        "Enkel norsk holder; kollega som fadder.",
        False,
        "part_time",
        40,
        "Formiddag",
    ),
    (
        "Sjåfør varebil",
        "8322",
        "Førerkort klasse B.",
        "Kjentmann i området.",
        "Bæring av varer.",
        "Følger erfaren sjåfør de første ukene.",
        False,
        "full_time",
        None,
        "",
    ),
    (
        "Produksjonsmedarbeider",
        "9329",
        "Kan jobbe skift.",
        "Erfaring fra næringsmiddelindustri.",
        "Kaldt miljø og repetitive oppgaver.",
        "Rotasjon mellom oppgaver for å unngå belastning.",
        True,
        "full_time",
        None,
        "Todelt skift",
    ),
    (
        "Servitør",
        "5131",
        "Serviceinnstilt, kan snakke norsk eller engelsk med gjester.",
        "Erfaring fra servering.",
        "Mye gåing; kveld og helg.",
        "Kortere vakter i starten.",
        False,
        "part_time",
        50,
        "Kveld og helg",
    ),
    (
        "Barnehageassistent",
        "5311",
        "Glad i barn, tålmodig og trygg.",
        "Erfaring fra barnehage eller SFO.",
        "Mye ute, løfting av barn, støy.",
        "Fast fadder i avdelingen; kan starte i redusert stilling.",
        False,
        "part_time",
        80,
        "Dagtid 08–16",
    ),
    (
        "Tømrer",
        "7115",
        "Erfaring fra byggeplass.",
        "Fagbrev som tømrer.",
        "Tunge løft, arbeid ute.",
        "Lærlingplass eller praksiskandidatløp mulig.",
        True,
        "full_time",
        None,
        "Dagtid",
    ),
]

# The SN2007 sections (Employer.industry) whose employers plausibly hire for each opening: no
# kindergarten hires warehouse workers. Kindergartens (section Q, "barnehage" in the name) hire
# only what KINDERGARTEN_OPENINGS lists; an employer without an industry only the all-round jobs.
OPENING_INDUSTRIES = {
    "Stillasbygger": {"C", "F"},
    "Helsefagarbeider": {"Q"},
    "Renholder": {"C", "G", "H", "I", "N", "O", "P", "Q"},
    "Lagermedarbeider": {"C", "G", "H"},
    "Kokk": {"I", "O", "Q"},
    "Butikkmedarbeider": {"G"},
    "Sveiser": {"C", "F"},
    "Kjøkkenassistent": {"I", "O", "P", "Q"},
    "Sjåfør varebil": {"G", "H"},
    "Produksjonsmedarbeider": {"A", "C"},
    "Servitør": {"I"},
    "Tømrer": {"F"},
    "Barnehageassistent": set(),
}
KINDERGARTEN_OPENINGS = {"Barnehageassistent", "Kjøkkenassistent", "Renholder"}
ALL_ROUND_OPENINGS = {"Renholder", "Kjøkkenassistent"}


def opening_fits(title: str, employer: Employer) -> bool:
    """Whether an employer of this industry plausibly hires for the opening."""
    if "barnehage" in employer.name.lower():
        return title in KINDERGARTEN_OPENINGS
    if employer.industry is None:
        return title in ALL_ROUND_OPENINGS
    return employer.industry.code in OPENING_INDUSTRIES[title]


# How the 25 demo openings are spread: (status, days since published or None, deadline in days)
OPENING_STATES = [
    ("open", 1, 21),
    ("open", 2, 14),
    ("open", 3, None),
    ("open", 4, 10),
    ("open", 5, 30),
    ("open", 6, 7),
    ("open", 8, 20),
    ("open", 9, None),
    ("open", 10, 5),
    ("open", 12, 25),
    ("open", 14, 3),
    ("open", 15, None),
    ("open", 16, 18),
    ("open", 18, 12),
    ("open", 20, 28),
    ("open", 21, 9),
    ("open", 22, None),
    ("open", 25, 15),
    ("draft", None, 30),
    ("draft", None, 21),
    ("draft", None, None),
    ("draft", None, 14),
    ("filled", 35, None),
    ("filled", 40, None),
    ("cancelled", 28, None),
]


def seed() -> str:
    """Create what is missing of the demo resource groups, leads and openings."""
    now = timezone.now()
    leads = 0
    for county_name in PILOT_COUNTIES:
        county = County.objects.get(name=county_name)
        leads += _leads(county, _resource_group(county), now)
    openings, employers_found = _openings(now)
    summary = f"{len(PILOT_COUNTIES)} resource groups, {leads} new leads, {openings} new openings"
    if not employers_found:
        summary += " (no employers in the pilot counties, so no openings and no accepted leads)"
    return summary


ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "a", " ": "."})


def _resource_group(county: County) -> ResourceGroup:
    group, created = ResourceGroup.objects.get_or_create(
        county=county, name=f"Ressursgruppe {county.name}"
    )
    if created:
        ResourceGroupMember.objects.bulk_create(
            ResourceGroupMember(
                group=group,
                name=name,
                organisation=organisation,
                email=f"{name.lower().translate(ASCII)}@ressursgruppe.demo.no",
            )
            for name, organisation in MEMBERS[county.name]
        )
    return group


def _staff(county: County, role: Role, preferred: str) -> User | None:
    """A demo user of the role in the county; the easy demo login first when it fits."""
    users = User.objects.filter(role=role, county=county, is_active=True)
    return users.filter(email=preferred).first() or users.order_by("email").first()


@dataclass
class _LeadPlan:
    name: str
    employer: Employer | None
    reason: str
    status: str
    days_ago: int


def _leads(county: County, group: ResourceGroup, now: datetime.datetime) -> int:
    leader = _staff(county, Role.PROJECT_LEADER, "prosjektleder@demo.no")
    contact = _staff(county, Role.CONTACT_PERSON, "markedskontakt@demo.no")
    if leader is None or contact is None:
        return 0
    plans = [_LeadPlan(name, None, *rest) for name, *rest in NEW_EMPLOYER_LEADS[county.name]]
    # Accepted leads turned registered prospects into employers in dialogue; only once.
    if not Lead.objects.filter(county=county, reason=ACCEPTED_LEAD_REASON).exists():
        prospects = Employer.objects.filter(county=county, status=Employer.Status.LEAD)
        plans += [
            _LeadPlan(employer.name, employer, ACCEPTED_LEAD_REASON, "accepted", 25 - 5 * index)
            for index, employer in enumerate(prospects.order_by("pk")[:2])
        ]
    members = itertools.cycle(group.members.order_by("name"))
    created = 0
    for plan in plans:
        if Lead.objects.filter(county=county, employer_name=plan.name).exists():
            continue
        lead = Lead.objects.create(
            employer=plan.employer,
            employer_name=plan.name,
            orgnr=plan.employer.orgnr if plan.employer else "",
            county=county,
            reason=plan.reason,
            suggested_by=next(members),
            recorded_by=leader,
            created_at=now - datetime.timedelta(days=plan.days_ago),
        )
        _lead_history(lead, plan.status, leader=leader, contact=contact)
        created += 1
    return created


def _lead_history(lead: Lead, status: str, *, leader: User, contact: User) -> None:
    """Move a freshly created lead to `status` a few days at a time, with its history."""
    events = [
        unsaved_entry(
            lead,
            "employers.lead.created",
            actor=leader,
            at=lead.created_at,
            to_state=Lead.Status.NEW,
        )
    ]
    if status != Lead.Status.NEW:
        lead.status, lead.assigned_to = Lead.Status.ASSIGNED, contact
        lead.assigned_at = lead.created_at + datetime.timedelta(days=1)
        events.append(
            unsaved_entry(
                lead,
                "employers.lead.assigned",
                actor=leader,
                at=lead.assigned_at,
                from_state=Lead.Status.NEW,
                to_state=Lead.Status.ASSIGNED,
                data={"assigned_to": contact.pk, "assigned_to_name": str(contact)},
            )
        )
    moved_at = (lead.assigned_at or lead.created_at) + datetime.timedelta(days=2)
    if status == Lead.Status.ACCEPTED:
        lead.status, lead.accepted_at = Lead.Status.ACCEPTED, moved_at
        if lead.employer.status == Employer.Status.LEAD:
            lead.employer.status = Employer.Status.IN_DIALOGUE
            lead.employer.save(update_fields=["status", "updated_at"])
            events.append(
                unsaved_entry(
                    lead.employer,
                    "employers.employer.in_dialogue",
                    actor=contact,
                    at=moved_at,
                    from_state=Employer.Status.LEAD,
                    to_state=Employer.Status.IN_DIALOGUE,
                )
            )
    elif status == Lead.Status.CLOSED:
        lead.status, lead.closed_at, lead.close_reason = Lead.Status.CLOSED, moved_at, CLOSE_REASON
    if status in (Lead.Status.ACCEPTED, Lead.Status.CLOSED):
        events.append(
            unsaved_entry(
                lead,
                f"employers.lead.{status}",
                actor=contact,
                at=moved_at,
                from_state=Lead.Status.ASSIGNED,
                to_state=status,
                data={"assigned_to": contact.pk},
                note=lead.close_reason,
            )
        )
    lead.save()
    ActivityEntry.objects.bulk_create(events)


def _openings(now: datetime.datetime) -> tuple[int, bool]:
    employers = list(
        Employer.objects.filter(county__name__in=PILOT_COUNTIES)
        .exclude(status=Employer.Status.INACTIVE)
        .select_related("county", "region", "industry")
        .order_by("county__name", "pk")
    )
    # Employers in the demo adviser's region first, so that login sees shared openings.
    adviser_region = (
        User.objects.filter(email="veileder@demo.no").values_list("region", flat=True).first()
    )
    employers.sort(
        key=lambda employer: (employer.region_id != adviser_region, employer.region_id is None)
    )
    if not employers:
        return 0, False
    # Take employers from each county in turn, so every pilot county gets openings.
    by_county: dict[int, list[Employer]] = {}
    for employer in employers:
        by_county.setdefault(employer.county_id, []).append(employer)
    rotation = [e for e in itertools.chain(*itertools.zip_longest(*by_county.values())) if e]
    recorders: dict[int, User | None] = {}
    chosen: set[tuple[int, str]] = set()
    created = 0
    for number, (status, published_days, deadline_days) in enumerate(OPENING_STATES):
        # Round after round over the employers, each round shifting the titles by one, so
        # no employer gets the same title twice; only titles that fit the employer's industry.
        picked = _pick(rotation, number, chosen)
        if picked is None:
            continue
        employer, template = picked
        chosen.add((employer.pk, template[0]))
        if JobOpening.objects.filter(employer=employer, title=template[0]).exists():
            continue
        if employer.county_id not in recorders:
            recorders[employer.county_id] = (
                _staff(employer.county, Role.CONTACT_PERSON, "markedskontakt@demo.no")
                or User.objects.filter(role=Role.ADMIN).first()
            )
        recorder = recorders[employer.county_id]
        if recorder is None:
            continue
        _opening(employer, template, recorder, status, published_days, deadline_days, now)
        created += 1
    return created, True


def _pick(
    rotation: list[Employer], number: int, chosen: set[tuple[int, str]]
) -> tuple[Employer, tuple] | None:
    """The employer whose turn it is (or the next one with a fitting title left) and a title
    that fits it and was not chosen for it yet in this run (the same on every run, so seeding
    again adds nothing)."""
    shift = number // len(rotation)
    for step in range(len(rotation)):
        employer = rotation[(number + step) % len(rotation)]
        fitting = [t for t in OPENINGS if opening_fits(t[0], employer)]
        for offset in range(len(fitting)):
            template = fitting[(shift + offset) % len(fitting)]
            if (employer.pk, template[0]) not in chosen:
                return employer, template
    return None


def _opening(employer, template, recorder, status, published_days, deadline_days, now) -> None:
    title, code, must, nice, demands, adaptations, path, extent, percent, hours = template
    today = timezone.localdate(now)
    published_at = now - datetime.timedelta(days=published_days) if published_days else None
    recorded_at = (published_at or now) - datetime.timedelta(days=2)
    deadline = today + datetime.timedelta(days=deadline_days) if deadline_days else None
    opening = JobOpening.objects.create(
        employer=employer,
        title=title,
        occupation=Occupation.objects.get(code=code),
        positions=1 + len(title) % 3,
        location=employer.municipality or employer.county.name,
        region=employer.region,
        start_date=deadline + datetime.timedelta(days=14) if deadline else None,
        application_deadline=deadline,
        extent=extent,
        extent_percent=percent,
        working_hours=hours,
        requirements_must=must,
        requirements_nice=nice,
        demands=demands,
        adaptations=adaptations,
        competence_path_possible=path,
        status=status,
        published_at=published_at,
        recorded_by=recorder,
        created_at=recorded_at,
    )
    events = [("created", "", JobOpening.Status.DRAFT, recorded_at)]
    if published_at:
        events.append(("published", JobOpening.Status.DRAFT, JobOpening.Status.OPEN, published_at))
    if status in (JobOpening.Status.FILLED, JobOpening.Status.CANCELLED):
        filled_at = published_at + datetime.timedelta(days=20)
        events.append((status, JobOpening.Status.OPEN, status, filled_at))
    ActivityEntry.objects.bulk_create(
        unsaved_entry(
            opening,
            f"employers.opening.{verb}",
            actor=recorder,
            at=at,
            from_state=old,
            to_state=new,
        )
        for verb, old, new, at in events
    )
