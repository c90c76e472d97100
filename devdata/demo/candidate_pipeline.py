"""Demo shortlists: candidates at every pipeline step on a few shared openings, with consents and
some hires, walked there through the real services so every entry has its history.

Uses the candidates that exist (devdata.demo.candidates makes a few hundred); without any, it
creates a few of its own for the demo adviser and provider. Safe to run again: openings that already
have a shortlist with entries are left alone."""

import datetime

from django.utils import timezone

from accounts.models import Role, User
from candidates.models import (
    BirthRegion,
    Candidate,
    Gender,
    Innsatsgruppe,
    Placement,
    ShortlistEntry,
    Step,
)
from candidates.services import consent as consent_services
from candidates.services import pipeline as pipeline_services
from candidates.services.shortlist import shortlist_add
from devdata.synthetic import synthetic_fnr
from employers.models import JobOpening

EMPLOYER_LOGIN = "arbeidsgiver@demo.no"
OWNER_LOGINS = ("veileder@demo.no", "leverandor@demo.no")
OPENINGS = 3

# Where each demo entry ends up, in pipeline order of the moves that get it there.
ROUTES: dict[str, list[str]] = {
    Step.PROPOSED: [],
    Step.ASSESSING: [Step.ASSESSING],
    Step.CONSENT_REQUESTED: [Step.ASSESSING, Step.CONSENT_REQUESTED],
    Step.CONSENT_GIVEN: [Step.CONSENT_GIVEN],
    Step.CONSENT_DECLINED: [Step.CONSENT_DECLINED],
    Step.PRESENTED: [Step.CONSENT_GIVEN, Step.PRESENTED],
    Step.INTERVIEW_WANTED: [Step.CONSENT_GIVEN, Step.PRESENTED, Step.INTERVIEW_WANTED],
    Step.NOT_RELEVANT: [Step.CONSENT_GIVEN, Step.PRESENTED, Step.NOT_RELEVANT],
    Step.INTERVIEW_HELD: [
        Step.CONSENT_GIVEN,
        Step.PRESENTED,
        Step.INTERVIEW_WANTED,
        Step.INTERVIEW_HELD,
    ],
    Step.WORK_TRIAL: [
        Step.CONSENT_GIVEN,
        Step.PRESENTED,
        Step.INTERVIEW_WANTED,
        Step.INTERVIEW_HELD,
        Step.WORK_TRIAL,
    ],
    Step.HIRED: [
        Step.CONSENT_GIVEN,
        Step.PRESENTED,
        Step.INTERVIEW_WANTED,
        Step.INTERVIEW_HELD,
        Step.HIRED,
    ],
    Step.NOT_HIRED: [
        Step.CONSENT_GIVEN,
        Step.PRESENTED,
        Step.INTERVIEW_WANTED,
        Step.INTERVIEW_HELD,
        Step.NOT_HIRED,
    ],
    Step.WITHDRAWN: [Step.ASSESSING, Step.WITHDRAWN],
}
REASONS = {
    Step.NOT_RELEVANT: "Mangler truckførerbevis, som er et absolutt krav.",
    Step.NOT_HIRED: "Valgte en kandidat med mer erfaring denne gangen.",
    Step.WITHDRAWN: "Kandidaten har fått jobb et annet sted.",
}
FIRST_NAMES = [
    ("Sara", Gender.FEMALE),
    ("Yonas", Gender.MALE),
    ("Ewa", Gender.FEMALE),
    ("Mohamed", Gender.MALE),
    ("Ingrid", Gender.FEMALE),
    ("Jonas", Gender.MALE),
    ("Amina", Gender.FEMALE),
    ("Tor", Gender.MALE),
]
LAST_NAMES = ["Haugen", "Tesfay", "Nowak", "Ali", "Lie", "Berg", "Hassan", "Moen", "Dahl"]
SUMMARIES = [
    "Erfaring fra butikk og lager, truckførerbevis T1–T4.",
    "Fagbrev som kokk, to års erfaring fra kantine.",
    "Renholder i fem år, vant med turnus og ansvar.",
    "Sjåfør med førerkort C, stabil og punktlig.",
    "Helsefagarbeider under utdanning, praksis fra sykehjem.",
    "Lagerarbeid og varetelling, god på data.",
]


def seed() -> str:
    owners = list(User.objects.filter(email__in=OWNER_LOGINS, is_active=True))
    openings = _openings()
    if not owners or not openings:
        return "no demo owners or shared openings, so no shortlists"
    fresh = [
        o for o in openings if not ShortlistEntry.objects.filter(shortlist__opening=o).exists()
    ]
    if not fresh:
        return "demo shortlists exist already"
    candidates = _eastern_european_hired_first(_candidates(owners, needed=len(ROUTES) * len(fresh)))
    entries = 0
    pool = iter(candidates)
    for index, opening in enumerate(fresh):
        # The first opening gets every step; the others a shorter, livelier list.
        steps = list(ROUTES) if index == 0 else list(ROUTES)[index::2]
        for step in steps:
            candidate = next(pool, None)
            if candidate is None:
                break
            _walk(opening, candidate, step)
            entries += 1
    employer_user = _employer_user(fresh[0])
    hires = Placement.objects.filter(entry__shortlist__opening__in=fresh).count()
    return (
        f"{entries} shortlist entries on {len(fresh)} openings, {hires} hires; employer login "
        f"{employer_user.email}"
    )


def _openings() -> list[JobOpening]:
    """Shared openings recorded by a contact person, the demo adviser's county first."""
    openings = (
        JobOpening.objects.open()
        .filter(published_at__isnull=False, recorded_by__role=Role.CONTACT_PERSON)
        .select_related("employer", "recorded_by")
        .order_by("employer__county__name", "pk")
    )
    adviser = User.objects.filter(email=OWNER_LOGINS[0]).first()
    if adviser and adviser.county_id:
        own = [o for o in openings if o.employer.county_id == adviser.county_id]
        if own:
            openings = own
    # Employers that already have a demo login first, so that login sees presented candidates.
    with_login = set(
        User.objects.filter(role=Role.EMPLOYER_USER).values_list("employer_id", flat=True)
    )
    return sorted(openings, key=lambda o: o.employer_id not in with_login)[:OPENINGS]


def _candidates(owners: list[User], *, needed: int) -> list[Candidate]:
    existing = list(
        Candidate.objects.active()
        .filter(owner__in=owners)
        .exclude(shortlist_entries__isnull=False)
        .exclude(email="")
        .order_by("pk")[:needed]
    )
    if existing:
        return existing
    return [_own_candidate(owners[i % len(owners)], i) for i in range(needed)]


def _eastern_european_hired_first(candidates: list[Candidate]) -> list[Candidate]:
    """Give the first opening's hire to an Eastern European (from any demo caseload), so the
    demo dashboard's Table 7-1 shows the group only a recorded birth region can give."""
    hired = list(ROUTES).index(Step.HIRED)
    eastern = (
        Candidate.objects.active()
        .filter(birth_region=BirthRegion.EASTERN_EUROPE, owner__is_active=True)
        .exclude(shortlist_entries__isnull=False)
        .exclude(email="")
        .select_related("owner")
        .order_by("pk")
        .first()
    )
    if eastern is None or hired >= len(candidates):
        return candidates
    others = [candidate for candidate in candidates if candidate.pk != eastern.pk]
    return [*others[:hired], eastern, *others[hired:]][: len(candidates)]


def _own_candidate(owner: User, index: int) -> Candidate:
    first, gender = FIRST_NAMES[index % len(FIRST_NAMES)]
    last = LAST_NAMES[index % len(LAST_NAMES)]
    county = owner.county or owner.provider.regions.first().county
    born = datetime.date(1975, 1, 1) + datetime.timedelta(days=397 * index)
    candidate, _created = Candidate.objects.get_or_create(
        fnr=synthetic_fnr(born, 200 + index, gender),
        defaults={
            "owner": owner,
            "office": owner.office,
            "provider": owner.provider,
            "first_name": first,
            "last_name": last,
            "gender": gender,
            "municipality": county.name,
            "county": county,
            "innsatsgruppe": Innsatsgruppe.SITUATION,
            "birth_country_group": "norway",
            "email": f"{first.lower()}.{last.lower()}.{index}@kandidat.demo.no",
            "cv_summary": SUMMARIES[index % len(SUMMARIES)],
            "adaptation_needs": "Trenger forutsigbar arbeidstid og en fast kontaktperson.",
        },
    )
    return candidate


def _walk(opening: JobOpening, candidate: Candidate, final_step: str) -> None:
    owner, contact = candidate.owner, opening.recorded_by
    if candidate.pk % 2:
        entry = pipeline_services.shortlist_propose(
            opening=opening,
            candidate=candidate,
            actor=owner,
            motivation="Motivert, har relevant erfaring og bor i pendleavstand.",
        )
    else:
        entry = shortlist_add(
            opening=opening, candidate=candidate, actor=contact, source=ShortlistEntry.Source.SEARCH
        )
    for step in ROUTES[final_step]:
        if step == Step.CONSENT_REQUESTED:
            consent_services.consent_request_link(
                entry=entry, actor=owner, deadline=timezone.now() + datetime.timedelta(days=3)
            )
        elif step == Step.CONSENT_GIVEN:
            consent_services.consent_record_meeting(
                entry=entry,
                actor=owner,
                share_adaptation_text="Fungerer best med faste oppgaver i starten.",
            )
        elif step == Step.CONSENT_DECLINED:
            consent = consent_services.consent_request_link(
                entry=entry, actor=owner, deadline=timezone.now() + datetime.timedelta(days=2)
            )
            consent_services.consent_respond(consent=consent, accept=False)
        elif step == Step.HIRED:
            pipeline_services.entry_hire(
                entry=entry,
                actor=contact,
                start_date=timezone.localdate() + datetime.timedelta(days=21),
                position=opening.title,
                contract_type=Placement.ContractType.PERMANENT,
                extent_percent=opening.extent_percent or 100,
                contract_confirmed=True,
                measures_used=[Placement.MeasureUsed.WAGE_SUBSIDY, Placement.MeasureUsed.MENTOR],
            )
        else:
            actor = owner if step == Step.WITHDRAWN else contact
            pipeline_services.entry_move(
                entry=entry, to_step=step, actor=actor, reason=REASONS.get(step, "")
            )
        entry.refresh_from_db()


def _employer_user(opening: JobOpening) -> User:
    user = (
        User.objects.filter(role=Role.EMPLOYER_USER, employer=opening.employer).first()
        or User.objects.filter(email=EMPLOYER_LOGIN).first()
    )
    if user is None:
        from devdata.demo.accounts import DEMO_PASSWORD

        user = User.objects.create_user(
            EMPLOYER_LOGIN,
            DEMO_PASSWORD,
            role=Role.EMPLOYER_USER,
            employer=opening.employer,
            first_name="Hanne",
            last_name="Arbeidsgiver",
        )
    return user
