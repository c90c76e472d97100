"""Benchmarks for the broad search (see the `bench` command and devdata.scale.candidates)."""

from candidates.matching.criteria import Area, Criteria, Plan
from candidates.matching.ranking import best
from candidates.models import SearchRun
from employers.models import JobOpening


def _opening(title: str) -> JobOpening:
    return JobOpening.objects.select_related("employer", "occupation").get(
        title=title, employer__name__startswith="Skala"
    )


def _search(title: str, **criteria):
    """What the Celery task asks the database (completing the words' prefixes, then the best
    RESULT_LIMIT and the count: see ranking.best), ready to time."""
    opening, criteria = _opening(title), Criteria(**criteria)
    return lambda: best(Plan.build(opening, criteria))


def _run_url(title: str, status: str = SearchRun.Status.DONE) -> str:
    run = SearchRun.objects.filter(opening=_opening(title), status=status).latest("created_at")
    return f"/kandidater/sok/{run.pk}/"


# (name, function returning a callable to time): the database work of one search.
QUERIES = [
    ("search: lager, county (Oslo)", lambda: _search("Lagermedarbeider", area=Area.COUNTY)),
    ("search: sveiser, region+commuters", lambda: _search("Sveiser")),
    ("search: helsefagarbeider, county", lambda: _search("Helsefagarbeider", area=Area.COUNTY)),
    ("search: truckfører, nationwide", lambda: _search("Truckfører", area=Area.NATIONAL)),
    (
        "search: renholder, county, B + lang",
        lambda: _search("Renholder", area=Area.COUNTY, driving_licences=["B"], languages=["no"]),
    ),
    (
        "search: lager truck, words, nationwide",
        lambda: _search(
            "Lagermedarbeider",
            occupation=False,
            opening_text=False,
            query="lager truck",
            area=Area.NATIONAL,
        ),
    ),
    (
        "search: kokk, typed words only",
        lambda: _search(
            "Kokk", occupation=False, opening_text=False, query="kokkefagbrev catering"
        ),
    ),
]


def _contact_of(title: str):
    """The opening's own contact person: only an opening's contact side may search on it."""
    return lambda: _opening(title).recorded_by.email


SCENARIOS = [
    (
        "search: start page",
        _contact_of("Sveiser"),
        lambda: f"/kandidater/sok/stilling/{_opening('Sveiser').pk}/",
    ),
    (
        "search: run page (running)",
        _contact_of("Sveiser"),
        lambda: _run_url("Sveiser", SearchRun.Status.RUNNING),
    ),
    ("search: results page", _contact_of("Lagermedarbeider"), lambda: _run_url("Lagermedarbeider")),
]
