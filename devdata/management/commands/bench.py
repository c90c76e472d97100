"""`make bench`: time the main pages on national-scale data and print medians and p95s.

Each scenario is requested through Django's test client in this process, so the time is
server time (middleware, view, queries, template) without network. Scenarios live in one module
per app under `devdata.bench` as SCENARIOS: a list of (name, email of the user or a function
returning it, function returning the URL). A module may also list QUERIES: (name, function
returning a callable), timed without a request, for work whose database time is the point (the
broad candidate search).
"""

import statistics
import time
from importlib import import_module

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.models import User

SCENARIO_MODULES = [
    "devdata.bench.project",
    "devdata.bench.employers",
    "devdata.bench.candidates",
    "devdata.bench.candidate_register",
    "devdata.bench.candidate_pipeline",
    "devdata.bench.agreements",
    "devdata.bench.dashboards",
    "devdata.bench.portal",
    "devdata.bench.competence_paths",
]


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[18]


class Command(BaseCommand):
    help = "Benchmark the main pages on national-scale data (seeds it first if missing)."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=30)
        parser.add_argument("--scale", type=float, default=1.0, help="1 is national scale")
        parser.add_argument(
            "--only",
            action="append",
            default=[],
            metavar="MODULE",
            help="time only these scenario modules (e.g. --only portal); may be repeated",
        )

    def handle(self, *args, repeat: int, scale: float, only: list[str], **options):
        call_command("seed_scale", scale=scale, stdout=self.stdout)
        rows = []
        modules = [m for m in SCENARIO_MODULES if not only or m.rsplit(".", 1)[1] in only]
        if not modules:
            raise CommandError(f"No scenario module named {', '.join(only)}.")
        for module_name in modules:
            module = import_module(module_name)
            for name, email, build_url in module.SCENARIOS:
                rows.append((name, *self._measure(email, build_url(), repeat)))
            for name, build in getattr(module, "QUERIES", []):
                rows.append((name, *self._time(build(), repeat)))
        width = max(44, *(len(row[0]) for row in rows))
        self.stdout.write(f"\n{'scenario':<{width}} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        for name, median, p95, queries in rows:
            self.stdout.write(f"{name:<{width}} {median:>10.1f} {p95:>8.1f} {queries:>8}")

    def _time(self, work, repeat: int):
        for _ in range(3):
            work()
        samples = []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                work()
                samples.append((time.perf_counter() - started) * 1000)
        return statistics.median(samples), _p95(samples), len(queries.captured_queries)

    def _measure(self, email, url: str, repeat: int):
        client = Client(HTTP_HOST="localhost")
        # A scenario names its user by e-mail, or by a function finding it in the data.
        client.force_login(User.objects.get(email=email() if callable(email) else email))
        for _ in range(3):  # warm caches and connections
            assert client.get(url).status_code == 200, url
        samples = []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                client.get(url)
                samples.append((time.perf_counter() - started) * 1000)
        return statistics.median(samples), _p95(samples), len(queries.captured_queries)
