import json

from django.core.management.base import BaseCommand, CommandError

from accounts.models import County
from dashboards.figures import figures
from dashboards.filters import Scope, parse_day


class Command(BaseCommand):
    help = "Print the dashboard figures as JSON (all counties and all time unless limited)."

    def add_arguments(self, parser):
        parser.add_argument("--county", action="append", default=[], metavar="NAME")
        parser.add_argument("--from", dest="start", metavar="YYYY-MM-DD")
        parser.add_argument("--to", dest="end", metavar="YYYY-MM-DD")
        parser.add_argument("--sector", choices=["public", "private", "all"], default="all")

    def handle(self, *args, county, start, end, sector, **options):
        counties = dict(County.objects.filter(name__in=county).values_list("name", "pk"))
        unknown = sorted(set(county) - set(counties))
        if unknown:
            raise CommandError(f"Unknown county: {', '.join(unknown)}")
        try:
            scope = Scope(
                county_ids=tuple(counties.values()),
                start=parse_day(start),
                end=parse_day(end),
                sector=sector,
            )
        except ValueError as error:
            raise CommandError(f"Dates are YYYY-MM-DD: {error}") from error
        self.stdout.write(json.dumps(figures(scope), indent=2, ensure_ascii=False))
