"""Figures that were slow to compute are kept for a few minutes, so the national dashboard and
its downloads answer at once on the next visit; fast scopes (a county) are always computed.

A kept scope says so on the page, with the time it was computed and a way to compute it again
(`?ny=1`). `manage.py dashboard_figures` never reads kept figures."""

import hashlib
import time
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from .figures import figures
from .filters import Scope


def _key(scope: Scope) -> str:
    # The figures depend on today's date (the six-month follow-up window, "today" as the end).
    identity = f"{timezone.localdate().isoformat()}:{scope!r}"
    return "dashboards:figures:" + hashlib.sha256(identity.encode()).hexdigest()


def page_figures(scope: Scope, *, fresh: bool = False) -> tuple[dict, datetime | None]:
    """The scope's figures and, when they are kept ones, the time they were computed."""
    key = _key(scope)
    if not fresh and (kept := cache.get(key)) is not None:
        return kept["figures"], kept["computed_at"]
    started = time.perf_counter()
    data = figures(scope)
    if (time.perf_counter() - started) * 1000 < settings.DASHBOARD_KEEP_SLOWER_THAN_MS:
        if fresh:
            cache.delete(key)  # fast again: no older kept figures may come back
        return data, None
    computed_at = timezone.now()
    cache.set(key, {"figures": data, "computed_at": computed_at}, settings.DASHBOARD_KEEP_SECONDS)
    return data, computed_at
