"""National-scale shortlists for `make bench` (`manage.py seed_scale`, after
devdata.scale.candidates): about 2,000 openings with 10–40 candidates each, spread over every step
of the pipeline, with the events, consents and placements the steps imply, and an employer login for
the employer with the most openings."""

import datetime
import random

from django.contrib.auth.hashers import make_password
from django.db.models import Count, F
from django.utils import timezone

from accounts.models import Role, User
from candidates.models import (
    Candidate,
    ConsentRequest,
    Placement,
    Shortlist,
    ShortlistEntry,
    Step,
)
from core.activity import unsaved_entry
from core.models import ActivityEntry
from employers.models import JobOpening

SHORTLISTS = 2_000
SEED = 20261123
EMPLOYER_LOGIN = "arbeidsgiver.0@skala.no"
BATCH = 5_000

# How an entry got to its step: the steps it passed, in order.
_MAIN = [
    Step.PROPOSED,
    Step.ASSESSING,
    Step.CONSENT_REQUESTED,
    Step.CONSENT_GIVEN,
    Step.PRESENTED,
    Step.INTERVIEW_WANTED,
    Step.INTERVIEW_HELD,
    Step.WORK_TRIAL,
    Step.HIRED,
]
PATHS = {step: _MAIN[: index + 1] for index, step in enumerate(_MAIN)}
PATHS[Step.CONSENT_DECLINED] = [*PATHS[Step.CONSENT_REQUESTED], Step.CONSENT_DECLINED]
PATHS[Step.NOT_RELEVANT] = [*PATHS[Step.PRESENTED], Step.NOT_RELEVANT]
PATHS[Step.NOT_HIRED] = [*PATHS[Step.INTERVIEW_HELD], Step.NOT_HIRED]
PATHS[Step.WITHDRAWN] = [*PATHS[Step.ASSESSING], Step.WITHDRAWN]
# Where the entries of a list are, roughly as in the pilot: most early in the pipeline.
STEP_WEIGHTS = {
    Step.PROPOSED: 20,
    Step.ASSESSING: 15,
    Step.CONSENT_REQUESTED: 10,
    Step.CONSENT_GIVEN: 8,
    Step.CONSENT_DECLINED: 3,
    Step.PRESENTED: 10,
    Step.INTERVIEW_WANTED: 6,
    Step.NOT_RELEVANT: 6,
    Step.INTERVIEW_HELD: 4,
    Step.WORK_TRIAL: 3,
    Step.HIRED: 3,
    Step.NOT_HIRED: 4,
    Step.WITHDRAWN: 8,
}


def seed_scale(scale: float = 1.0) -> str:
    # The employer login is made last, in the same transaction: it marks a finished run.
    if User.objects.filter(email=EMPLOYER_LOGIN).exists():
        return "already there"
    return _Seeder(scale).run()


class _Seeder:
    def __init__(self, scale: float):
        self.random = random.Random(SEED)
        self.now = timezone.now()
        self.wanted = max(3, round(SHORTLISTS * scale))

    def run(self) -> str:
        openings = self._openings()
        owners = dict(Candidate.objects.filter(is_active=True).values_list("pk", "owner_id"))
        candidate_ids = sorted(owners)
        shortlists = Shortlist.objects.bulk_create(
            Shortlist(
                opening=opening,
                created_at=opening.published_at,
                closed_at=self.now if opening.status == JobOpening.Status.FILLED else None,
            )
            for opening in openings
        )
        entries, paths = [], []
        for shortlist, opening in zip(shortlists, openings, strict=True):
            size = self.random.randint(10, 40)
            for candidate_id in self.random.sample(candidate_ids, min(size, len(candidate_ids))):
                step = self.random.choices(list(STEP_WEIGHTS), weights=STEP_WEIGHTS.values())[0]
                entry, path = self._entry(shortlist, opening, candidate_id, owners, step)
                entries.append(entry)
                paths.append(path)
        entries = ShortlistEntry.objects.bulk_create(entries, batch_size=BATCH)
        # bulk_create stamps updated_at with now (auto_now): spread it after the additions.
        ShortlistEntry.objects.filter(pk__in=[e.pk for e in entries]).update(
            updated_at=F("created_at") + datetime.timedelta(hours=6)
        )
        events = self._events(entries, paths)
        consents = self._consents(entries, paths)
        placements = self._placements(entries, openings_by_pk={o.pk: o for o in openings})
        self._employer_login(openings[0].employer_id)
        return (
            f"{len(shortlists)} shortlists, {len(entries)} entries, {events} events, "
            f"{consents} consents, {placements} placements"
        )

    def _openings(self) -> list[JobOpening]:
        """Published openings of the generated employers (not the search bench's), those of
        the employer with the most openings first, so its login has a full page."""
        published = (
            JobOpening.objects.filter(
                status__in=[JobOpening.Status.OPEN, JobOpening.Status.FILLED],
                published_at__isnull=False,
            )
            .exclude(employer__name__startswith="Skala ")
            .select_related("employer")
        )
        biggest = (
            published.order_by()
            .values("employer")
            .annotate(n=Count("pk"))
            .order_by("-n", "employer")
            .values_list("employer", flat=True)
            .first()
        )
        first = list(published.filter(employer_id=biggest).order_by("pk"))
        rest = list(published.exclude(employer_id=biggest).order_by("pk")[: self.wanted])
        return (first + rest)[: max(self.wanted, len(first))]

    def _entry(self, shortlist, opening, candidate_id, owners, step):
        path = PATHS[step]
        created = opening.published_at + datetime.timedelta(hours=self.random.randint(1, 24 * 20))
        created = min(created, self.now - datetime.timedelta(hours=6 + 2 * len(path)))
        proposal = self.random.random() < 0.4
        owner_id = owners[candidate_id]
        entry = ShortlistEntry(
            shortlist=shortlist,
            candidate_id=candidate_id,
            step=step,
            source=ShortlistEntry.Source.PROPOSAL if proposal else ShortlistEntry.Source.SEARCH,
            motivation="Har relevant erfaring og ønsker seg dette yrket." if proposal else "",
            added_by_id=owner_id if proposal else opening.recorded_by_id or owner_id,
            archived_at=self.now if self.random.random() < 0.05 else None,
            created_at=created,
        )
        return entry, path

    def _events(self, entries, paths) -> int:
        events = []
        for entry, path in zip(entries, paths, strict=True):
            previous = ""
            for hours, step in enumerate(path):
                events.append(
                    unsaved_entry(
                        entry,
                        "candidates.entry.moved" if previous else "candidates.entry.added",
                        actor_id=entry.added_by_id,
                        at=entry.created_at + datetime.timedelta(hours=2 * hours),
                        from_state=previous,
                        to_state=step,
                    )
                )
                previous = step
        ActivityEntry.objects.bulk_create(events, batch_size=BATCH)
        return len(events)

    def _consents(self, entries, paths) -> int:
        consents = []
        for entry, path in zip(entries, paths, strict=True):
            if Step.CONSENT_REQUESTED not in path:
                continue
            asked = entry.created_at + datetime.timedelta(hours=4)
            if entry.step == Step.CONSENT_REQUESTED:
                status, answered = ConsentRequest.Status.PENDING, None
            elif entry.step == Step.CONSENT_DECLINED:
                status, answered = ConsentRequest.Status.DECLINED, asked
            else:
                status, answered = ConsentRequest.Status.GIVEN, asked
            consents.append(
                ConsentRequest(
                    entry=entry,
                    method=ConsentRequest.Method.LINK,
                    status=status,
                    deadline=self.now + datetime.timedelta(days=self.random.randint(1, 7)),
                    requested_by_id=entry.added_by_id,
                    requested_at=asked,
                    link_sent_at=asked,
                    responded_at=answered,
                )
            )
        ConsentRequest.objects.bulk_create(consents, batch_size=BATCH)
        return len(consents)

    def _placements(self, entries, openings_by_pk) -> int:
        shortlist_openings = dict(
            Shortlist.objects.filter(pk__in={e.shortlist_id for e in entries}).values_list(
                "pk", "opening_id"
            )
        )
        placements = []
        for entry in entries:
            if entry.step != Step.HIRED:
                continue
            opening = openings_by_pk[shortlist_openings[entry.shortlist_id]]
            placements.append(
                Placement(
                    entry=entry,
                    candidate_id=entry.candidate_id,
                    employer_id=opening.employer_id,
                    start_date=(entry.created_at + datetime.timedelta(days=14)).date(),
                    position=opening.title,
                    contract_type=Placement.ContractType.PERMANENT,
                    contract_confirmed=True,
                    extent_percent=100,
                    measures_used=[Placement.MeasureUsed.MENTOR],
                    recorded_by_id=opening.recorded_by_id or entry.added_by_id,
                )
            )
        Placement.objects.bulk_create(placements, batch_size=BATCH)
        return len(placements)

    def _employer_login(self, employer_id: int) -> None:
        User.objects.get_or_create(
            email=EMPLOYER_LOGIN,
            defaults={
                "role": Role.EMPLOYER_USER,
                "employer_id": employer_id,
                "first_name": "Skala",
                "last_name": "Arbeidsgiver",
                "password": make_password(None),
            },
        )
