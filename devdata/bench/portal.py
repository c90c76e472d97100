"""Benchmarks for the employer portal (see the `bench` command): the home page, the
candidates page and the busiest opening's candidates of the scale employer with the most
candidates presented to it."""

from django.contrib.auth.hashers import make_password
from django.db.models import Count
from django.urls import reverse

from accounts.models import Role, User
from candidates.models import ConsentRequest, ShortlistEntry
from candidates.selectors.pipeline import EMPLOYER_VISIBLE_STEPS, employer_entries
from portal.services import terms_accept

BUSIEST_LOGIN = "arbeidsgiver.travlest@skala.no"


def _busiest_employer_id() -> int:
    presented = (
        ShortlistEntry.objects.live()
        .filter(
            step__in=EMPLOYER_VISIBLE_STEPS,
            consents__status=ConsentRequest.Status.GIVEN,
            employer_assessment__gone_at__isnull=True,
        )
        .values("shortlist__opening__employer")
        .annotate(n=Count("id", distinct=True))
        .order_by("-n", "shortlist__opening__employer")
    )
    return presented.first()["shortlist__opening__employer"]


def _employer() -> User:
    """A login at the employer with the most presented candidates, terms accepted."""
    user, _created = User.objects.get_or_create(
        email=BUSIEST_LOGIN,
        defaults={
            "role": Role.EMPLOYER_USER,
            "employer_id": _busiest_employer_id(),
            "first_name": "Travel",
            "last_name": "Arbeidsgiver",
            "password": make_password(None),
        },
    )
    terms_accept(user=user)
    return user


def _home_url() -> str:
    _employer()
    return reverse("home")


def _candidates_url() -> str:
    _employer()
    return reverse("portal:candidates")


def _busiest_opening_url() -> str:
    busiest = (
        employer_entries(_employer())
        .order_by()
        .values("shortlist__opening")
        .annotate(n=Count("id"))
        .order_by("-n", "shortlist__opening")
        .first()
    )
    return reverse("portal:opening", args=[busiest["shortlist__opening"]])


SCENARIOS = [
    ("portal: employer home", BUSIEST_LOGIN, _home_url),
    ("portal: candidates per opening", BUSIEST_LOGIN, _candidates_url),
    ("portal: busiest opening's candidates", BUSIEST_LOGIN, _busiest_opening_url),
]
