"""The contact side's overview of every shortlist it works on ("Mine kandidatlister")."""

from django.core.paginator import Paginator
from django.shortcuts import render

from ..forms.pipeline import ShortlistOverviewFilterForm
from ..selectors.overview import STEP_GROUPS, shortlist_overview

PAGE_SIZE = 25


def shortlist_overview_page(request):
    form = ShortlistOverviewFilterForm(request.GET)
    status, with_new = form.values()
    shortlists = shortlist_overview(request.user, status=status, with_new=with_new)
    page = Paginator(shortlists, PAGE_SIZE).get_page(request.GET.get("side"))
    # No personal data here: counts per step group, never names.
    rows = [
        (shortlist, [(label, getattr(shortlist, f"{key}_count")) for key, label, _ in STEP_GROUPS])
        for shortlist in page.object_list
    ]
    context = {"form": form, "page": page, "rows": rows, "groups": STEP_GROUPS}
    return render(request, "candidates/pipeline/overview.html", context)
