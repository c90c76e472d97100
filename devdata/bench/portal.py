"""Benchmarks for the employer portal (see the `bench` command): the scale employer login's
candidates page and its opening with the most candidates presented."""

from django.db.models import Count
from django.urls import reverse

from accounts.models import User
from candidates.selectors.pipeline import employer_entries
from devdata.scale.candidate_pipeline import EMPLOYER_LOGIN
from portal.services import terms_accept


def _employer() -> User:
    user = User.objects.get(email=EMPLOYER_LOGIN)
    terms_accept(user=user)
    return user


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
    ("portal: candidates per opening", EMPLOYER_LOGIN, lambda: reverse("portal:candidates")),
    ("portal: busiest opening's candidates", EMPLOYER_LOGIN, _busiest_opening_url),
]
