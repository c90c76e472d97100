from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .access import rule_for

# The main navigation, in order. An item is shown only to roles whose rule allows the page.
NAVIGATION = [
    ("home", _("Min side")),
    ("employers:list", _("Virksomheter")),
    ("notifications:list", _("Varsler")),
]


def _is_section(current: str, item: str) -> bool:
    """A page belongs to the navigation item of its app: employers:detail -> employers:list."""
    if ":" not in item:
        return current == item
    return current.split(":")[0] == item.split(":")[0]


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigation": []}
    current = request.resolver_match.view_name if request.resolver_match else ""
    items = [
        {"url": reverse(name), "label": label, "active": _is_section(current, name)}
        for name, label in NAVIGATION
        if rule_for(name).allows(user)
    ]
    return {"navigation": items}
