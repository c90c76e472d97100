"""What a dashboard is computed for: counties, a period and a sector."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone


@dataclass(frozen=True)
class Scope:
    county_ids: tuple[int, ...] = ()  # empty: all counties
    start: date | None = None
    end: date | None = None  # inclusive
    sector: str = "all"  # "public", "private" or "all"

    def in_period(self, lookup: str) -> dict:
        """Filter kwargs for a date field inside the period."""
        kwargs = {}
        if self.start:
            kwargs[f"{lookup}__gte"] = self.start
        if self.end:
            kwargs[f"{lookup}__lte"] = self.end
        return kwargs

    def in_period_at(self, lookup: str) -> dict:
        """Filter kwargs for a timestamp inside the period's days (Europe/Oslo), as a range on
        the column itself so its index serves."""
        kwargs = {}
        if self.start:
            kwargs[f"{lookup}__gte"] = _midnight(self.start)
        if self.end:
            kwargs[f"{lookup}__lt"] = _midnight(self.end + timedelta(days=1))
        return kwargs

    def where(self, *, county: str, sector: str) -> dict:
        """Filter kwargs for the county and sector, given the lookups to them."""
        kwargs = {}
        if self.county_ids:
            kwargs[f"{county}__in"] = self.county_ids
        if self.sector in ("public", "private"):
            kwargs[sector] = self.sector
        return kwargs


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def parse_day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
