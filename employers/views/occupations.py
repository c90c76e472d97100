import re

from django.shortcuts import render

from ..forms.occupations import group_by_major_group
from ..models import Occupation


def occupation_search(request):
    """The options of an occupation picker narrowed to the search text (htmx swaps them into
    the select). The picker's current choice stays in the list so it is never lost."""
    text = request.GET.get("q", "")[:100]
    field = request.GET.get("felt", "")
    selected = request.GET.get(field, "") if field else ""
    status_id = request.GET.get("status", "")
    unit_groups = Occupation.objects.unit_groups()
    matches = unit_groups.search(text)
    if selected:
        matches = matches | unit_groups.filter(code=selected)
    occupations = list(matches.order_by("code"))
    context = {
        "groups": group_by_major_group(occupations),
        "count": len(occupations),
        "selected": selected,
        "status_id": status_id if re.fullmatch(r"[\w-]{1,80}", status_id) else "",
    }
    return render(request, "employers/occupations/_options.html", context)
