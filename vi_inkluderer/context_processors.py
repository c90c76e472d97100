from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .access import rule_for

# The main navigation, in order. An item is shown only to roles whose rule allows the page.
NAVIGATION = [
    ("home", _("Min side")),
    ("employers:lead_list", _("Tips")),
    ("employers:shared_openings", _("Delte stillinger")),
]

# Pages that belong to an item more precisely than "the same app" (several items per app).
SECTION_PREFIXES = {
    "employers:lead_list": ("employers:lead_", "employers:resource_groups"),
    "employers:shared_openings": ("employers:shared_openings", "employers:opening_"),
}


def _section_match(current: str, item: str) -> int:
    """How well a page belongs to a navigation item: 2 by the item's own prefixes, 1 by its
    app (employers:detail -> employers:list), 0 not at all. Only the best match is marked."""
    if current == item:
        return 2
    if item in SECTION_PREFIXES:
        return 2 if current.startswith(SECTION_PREFIXES[item]) else 0
    if ":" in item and current.split(":")[0] == item.split(":")[0]:
        return 1
    return 0


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigation": []}
    current = request.resolver_match.view_name if request.resolver_match else ""
    allowed = [(name, label) for name, label in NAVIGATION if rule_for(name).allows(user)]
    matches = {name: _section_match(current, name) for name, _label in allowed}
    best = max(matches.values(), default=0)
    items = [
        {"url": reverse(name), "label": label, "active": best > 0 and matches[name] == best}
        for name, label in allowed
    ]
    return {"navigation": items}
