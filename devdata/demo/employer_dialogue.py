"""Demo contact histories and open tasks for the demo employers (see `manage.py seed_demo`).

Runs after the employer seeder. Employers still marked as leads have not been contacted, so
they get no history; every other employer without a history gets two to five contacts from
its fixed contact, NAV colleagues and providers in its county. The texts are about the
employer only: no names or other personal information about candidates.
"""

import datetime
import random

from django.utils import timezone

from accounts.models import Role, User
from employers.models import DialogueEntry, DialogueEntryRevision, Employer, Task

Topic = DialogueEntry.Topic
Channel = DialogueEntry.Channel

# What the employer typically recruits, by SN2007 section.
OCCUPATIONS = {
    "A": "sesongarbeidere i produksjonen",
    "C": "produksjonsmedarbeidere",
    "E": "renovasjonsmedarbeidere",
    "F": "lærlinger og hjelpearbeidere på byggeplass",
    "G": "butikkmedarbeidere og lagerarbeidere",
    "H": "sjåfører og lagermedarbeidere",
    "I": "kokker, servitører og renholdere",
    "N": "renholdere og vektere",
    "O": "kontormedarbeidere",
    "P": "assistenter i skole og barnehage",
    "Q": "helsefagarbeidere og assistenter",
    "R": "driftsmedarbeidere",
    "S": "medarbeidere i kundeservice",
}
DEFAULT_OCCUPATION = "nye medarbeidere"

FIRST_CONTACT = [
    (
        Channel.MEETING,
        [Topic.RECRUITMENT_NEED],
        "Første møte med daglig leder og HR. Virksomheten har vanskelig for å rekruttere "
        "{occupation} og er åpen for kandidater med hull i CV-en eller nedsatt arbeidsevne, "
        "så lenge de er motiverte. Vi presenterte Vi inkluderer!-modellen og fast kontaktperson.",
    ),
    (
        Channel.PHONE,
        [Topic.RECRUITMENT_NEED, Topic.MEASURES],
        "Telefon med HR-leder. De trenger {occupation} fra neste kvartal og vil høre mer om "
        "lønnstilskudd og mentor. Vi avtalte et møte på arbeidsplassen.",
    ),
    (
        Channel.VISIT,
        [Topic.RECRUITMENT_NEED],
        "Omvisning på arbeidsplassen. Vi så på arbeidsoppgavene for {occupation}; noen av "
        "oppgavene kan tilrettelegges med kortere dager i starten. Behov for 2–3 personer.",
    ),
]

LATER_CONTACTS = [
    (
        Channel.MEETING,
        [Topic.FOLLOW_UP],
        "Oppfølgingsmøte med leder og tillitsvalgt. Samarbeidet fungerer godt; virksomheten "
        "ønsker jevnlige møter annenhver måned og ser et nytt behov for {occupation} til høsten.",
    ),
    (
        Channel.VIDEO,
        [Topic.MEASURES],
        "Gikk gjennom lønnstilskudd, inkluderingstilskudd og mentortilskudd, og hvordan de "
        "søkes. Virksomheten vil bruke mentor fra egen stab ved oppstart.",
    ),
    (
        Channel.PHONE,
        [Topic.CANDIDATE],
        "Status for kandidatene i arbeidstrening: virksomheten er fornøyd med oppmøte og "
        "innsats, og vurderer ansettelse med lønnstilskudd når perioden er over.",
    ),
    (
        Channel.EMAIL,
        [Topic.RECRUITMENT_NEED],
        "Virksomheten meldte nytt behov: to stillinger som {occupation}, oppstart om seks uker. "
        "Krav: norsk muntlig, førerkort er en fordel. Vi sprer behovet til veiledere og "
        "leverandører i området.",
    ),
    (
        Channel.EVENT,
        [Topic.RECRUITMENT_NEED, Topic.FOLLOW_UP],
        "Møttes på næringsfrokost. Virksomheten fortalte om planer om utvidelse og behov for "
        "{occupation}; vi følger opp med et møte.",
    ),
    (
        Channel.MEETING,
        [Topic.AGREEMENT],
        "Gikk gjennom utkast til Vi inkluderer!-avtale med ledelsen og tillitsvalgt. De ønsker "
        "å forplikte seg til å ta inn kandidater og melde behov jevnlig.",
    ),
    (
        Channel.PHONE,
        [Topic.FOLLOW_UP, Topic.MEASURES],
        "Kort samtale med nærmeste leder om tilrettelegging: de har kjøpt inn løfteutstyr og "
        "kan tilby fast arbeidstid på dagtid.",
    ),
]

NEXT_STEPS = [
    "Sende oversikt over lønnstilskudd og mentortilskudd",
    "Avtale oppfølgingsmøte med leder og tillitsvalgt",
    "Spre rekrutteringsbehovet til veiledere og leverandører",
    "Sende utkast til Vi inkluderer!-avtale",
    "Ringe HR og høre hvordan arbeidstreningen går",
]


def seed() -> str:
    if not Employer.objects.exists():
        return "no employers yet, so no contact histories (run devdata.demo.employers first)"
    seeder = _DialogueSeeder()
    employers = (
        Employer.objects.exclude(status=Employer.Status.LEAD)
        .filter(dialogue_entries__isnull=True)
        .select_related("industry", "fixed_contact")
        .prefetch_related("people")
        .order_by("orgnr")
    )
    for employer in employers:
        seeder.history(employer)
    seeder.tasks_for_demo_login()
    return (
        f"{seeder.entries} contacts for {seeder.employers} employers, "
        f"{seeder.tasks} open tasks, {seeder.revisions} edited entries"
    )


class _DialogueSeeder:
    def __init__(self):
        self.entries = self.employers = self.tasks = self.revisions = 0
        self.today = timezone.localdate()
        self.latest_entries: list[DialogueEntry] = []
        self.entries_with_task: set[int] = set()
        staff = User.objects.filter(is_active=True).select_related("provider")
        self.contact_persons = list(staff.filter(role=Role.CONTACT_PERSON))
        self.advisers = list(staff.filter(role=Role.ADVISER))
        self.provider_staff = list(
            staff.filter(role=Role.PROVIDER_STAFF).prefetch_related("provider__regions")
        )

    def _nearby(self, people: list[User], employer: Employer) -> list[User]:
        same_region = [
            p for p in people if employer.region_id and p.region_id == employer.region_id
        ]
        return same_region or [p for p in people if p.county_id == employer.county_id] or people

    def _providers_nearby(self, employer: Employer) -> list[User]:
        return [
            person
            for person in self.provider_staff
            if any(
                region.county_id == employer.county_id for region in person.provider.regions.all()
            )
        ]

    def _authors(self, employer: Employer, rng: random.Random) -> tuple[User, list[User]]:
        contact_persons = self._nearby(self.contact_persons, employer)
        main = employer.fixed_contact or (rng.choice(contact_persons) if contact_persons else None)
        others = [*self._nearby(self.advisers, employer)[:2], *self._providers_nearby(employer)[:2]]
        return main, [person for person in others if person != main]

    def history(self, employer: Employer) -> None:
        rng = random.Random(employer.orgnr)
        main_author, others = self._authors(employer, rng)
        if main_author is None:
            return
        occupation = OCCUPATIONS.get(
            employer.industry.code if employer.industry else "", DEFAULT_OCCUPATION
        )
        people = list(employer.people.all())
        count = rng.randint(2, 5)
        days_ago = sorted(rng.sample(range(3, 300), count), reverse=True)
        stories = [rng.choice(FIRST_CONTACT), *rng.sample(LATER_CONTACTS, count - 1)]

        entries = []
        for days, (channel, topics, text) in zip(days_ago, stories, strict=True):
            author = main_author if not others or rng.random() < 0.65 else rng.choice(others)
            occurred_at = timezone.make_aware(
                datetime.datetime.combine(
                    self.today - datetime.timedelta(days=days),
                    datetime.time(rng.choice([8, 9, 10, 12, 13, 14]), rng.choice([0, 15, 30])),
                )
            )
            entries.append(
                DialogueEntry(
                    employer=employer,
                    author=author,
                    author_provider=author.provider if author.role == Role.PROVIDER_STAFF else None,
                    occurred_at=occurred_at,
                    created_at=occurred_at + datetime.timedelta(hours=2),
                    channel=channel,
                    topics=list(topics),
                    summary=text.format(occupation=occupation),
                    others_present=rng.choice(["", "", "Tillitsvalgt", "Verneombud"]),
                    no_sensitive_data_confirmed=True,
                )
            )
        DialogueEntry.objects.bulk_create(entries)
        if people:
            through = DialogueEntry.participants.through
            through.objects.bulk_create(
                through(dialogueentry=entry, employerperson=rng.choice(people)) for entry in entries
            )
        if rng.random() < 0.4:
            self._task(entries[-1], owner=entries[-1].author, due_in=rng.randint(-3, 12))
        if rng.random() < 0.2:
            self._revise(entries[0])
        self.latest_entries.append(entries[-1])
        self.entries += len(entries)
        self.employers += 1

    def _task(self, entry: DialogueEntry, *, owner: User, due_in: int) -> None:
        self.entries_with_task.add(entry.pk)
        Task.objects.create(
            entry=entry,
            owner=owner,
            description=NEXT_STEPS[entry.pk % len(NEXT_STEPS)],
            due_date=self.today + datetime.timedelta(days=due_in),
        )
        self.tasks += 1

    def _revise(self, entry: DialogueEntry) -> None:
        """An author's correction, so the history page has something to show."""
        previous = entry.snapshot()
        entry.summary += " Rettet: møtet var med daglig leder, ikke HR."
        entry.save(update_fields=["summary", "updated_at"])
        DialogueEntryRevision.objects.create(
            entry=entry,
            changed_by=entry.author,
            changed_at=entry.created_at + datetime.timedelta(days=1),
            changed_fields=["summary"],
            previous=previous,
        )
        self.revisions += 1

    def tasks_for_demo_login(self) -> None:
        """The demo contact person should see overdue, today's and coming tasks at home."""
        demo_contact = User.objects.filter(email="markedskontakt@demo.no").first()
        if demo_contact is None:
            return
        free = [entry for entry in self.latest_entries if entry.pk not in self.entries_with_task]
        # Employers in the contact person's own county first, then any others: three tasks
        # whichever employers happened to get a task already.
        free.sort(key=lambda entry: entry.employer.county_id != demo_contact.county_id)
        for entry, due_in in zip(free, (-2, 0, 4), strict=False):
            self._task(entry, owner=demo_contact, due_in=due_in)
