"""A few hundred demo candidates in the pilot counties (see `manage.py seed_demo`), followed
by the demo advisers and provider staff, with realistic Norwegian competencies."""

from django.utils import timezone

from accounts.models import User
from candidates.models import Candidate
from devdata.generate import CandidateGenerator, owners_for, profile_codes, save_generated
from employers.models import Occupation

DEMO_CANDIDATES = 300
SEED = 20260101
# The two demo logins that own a caseload get a bigger one, so their pages are not empty.
MAIN_OWNERS = ("veileder@demo.no", "leverandor@demo.no")
MAIN_OWNER_SHARE = 4


def seed() -> str:
    """Generate the same people every time and save the ones not there yet (by fnr)."""
    owners = _owners()
    generator = CandidateGenerator(
        seed=SEED,
        occupations=Occupation.objects.in_bulk(profile_codes()),
        today=timezone.localdate(),
    )
    people = [
        generator.generate(number, owners[number % len(owners)])
        for number in range(DEMO_CANDIDATES)
    ]
    existing = set(
        Candidate.objects.filter(fnr__in=[p.candidate.fnr for p in people]).values_list(
            "fnr", flat=True
        )
    )
    missing = [person for person in people if person.candidate.fnr not in existing]
    save_generated(missing)
    return f"{len(missing)} new candidates"


def _owners():
    owners = owners_for(User.objects.filter(email__endswith="@demo.no").order_by("email"))
    main = [owner for owner in owners if owner.user_id in _main_owner_ids()]
    return owners + main * MAIN_OWNER_SHARE


def _main_owner_ids() -> set[int]:
    return set(User.objects.filter(email__in=MAIN_OWNERS).values_list("pk", flat=True))
