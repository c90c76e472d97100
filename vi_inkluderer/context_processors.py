from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.access import rule_for

# The main navigation, in order: URL name, label, and the view-name prefixes of the pages that
# belong to the item (for aria-current). Shown only to roles whose rule allows the page.
NAVIGATION = [
    ("home", _("Min side"), ("home",)),
    (
        "employers:list",
        _("Virksomheter"),
        (
            "employers:list",
            "employers:detail",
            "employers:create",
            "employers:edit",
            "employers:person",
            "employers:import",
            "employers:dialogue",
            "employers:opening_create",
        ),
    ),
    ("employers:task_list", _("Mine oppgaver"), ("employers:task",)),
    (
        "agreements:list",
        _("Avtaler"),
        (
            "agreements:list",
            "agreements:detail",
            "agreements:create",
            "agreements:edit",
            "agreements:transition",
            "agreements:change_contact",
            "agreements:document",
            "agreements:upload",
            "agreements:signed_copy",
        ),
    ),
    ("competence_paths:list", _("Kompetanseløp"), ("competence_paths:",)),
    (
        "agreements:my_follow_ups",
        _("Mine oppfølginger"),
        ("agreements:my_follow_ups", "agreements:meeting_", "agreements:need_"),
    ),
    ("agreements:county", _("Oppfølging i fylket"), ("agreements:county",)),
    (
        "candidates:list",
        _("Mine kandidater"),
        (
            "candidates:list",
            "candidates:detail",
            "candidates:create",
            "candidates:edit",
            "candidates:unavailable",
        ),
    ),
    ("candidates:counts", _("Kandidater i tall"), ("candidates:counts",)),
    ("dashboards:county", _("Dashbord"), ("dashboards:",)),
    ("employers:lead_list", _("Tips"), ("employers:lead_", "employers:resource_groups")),
    # Before "Delte stillinger": for the contact side a shortlist belongs to its overview; for
    # owners (who do not have the overview) it stays under the shared openings.
    (
        "candidates:shortlist_overview",
        _("Mine kandidatlister"),
        (
            "candidates:shortlist_overview",
            "candidates:shortlist",
            "candidates:entry_",
            "candidates:consent_request",
        ),
    ),
    (
        "employers:shared_openings",
        _("Delte stillinger"),
        (
            "employers:shared_openings",
            "employers:opening_detail",
            "employers:opening_edit",
            "employers:opening_mark_filled",
            "employers:opening_cancel",
            "candidates:shortlist",
            "candidates:propose",
            "candidates:entry_",
            "candidates:consent_request",
        ),
    ),
    (
        "portal:candidates",
        _("Kandidater"),
        ("portal:candidates", "portal:opening", "portal:remove"),
    ),
    ("portal:needs", _("Behov for folk"), ("portal:need",)),
    ("portal:messages", _("Meldinger"), ("portal:messages", "portal:opening_messages")),
    ("portal:history", _("Historikk"), ("portal:history",)),
    ("portal:terms", _("Vilkår"), ("portal:terms",)),
]


# Menu groups, so the bar fits on one line at 1024 px for every role (issue 13, item 11): an
# item named here sits in its group's dropdown; the others stand alone. A group with one item
# visible to the user is shown as that item.
GROUPS = [
    ("employers", _("Virksomheter"), ("employers:list", "employers:lead_list", "agreements:list")),
    (
        "candidates",
        _("Kandidater"),
        (
            "candidates:list",
            "candidates:counts",
            "candidates:shortlist_overview",
            "employers:shared_openings",
        ),
    ),
    # The employer portal's own pages besides its candidates.
    (
        "portal",
        _("Samarbeidet"),
        ("portal:candidates", "portal:needs", "portal:messages", "portal:history", "portal:terms"),
    ),
    (
        "follow_up",
        _("Oppfølging"),
        (
            "employers:task_list",
            "agreements:my_follow_ups",
            "agreements:county",
            "competence_paths:list",
            "dashboards:county",
        ),
    ),
]
GROUP_OF = {name: key for key, _label, names in GROUPS for name in names}


def _menu(items: list[dict]) -> list[dict]:
    """The items as the bar shows them: "Min side", the groups in their order, then the items
    that stand alone; a group is active when one of its items is."""
    order = {key: index for index, (key, _label, _names) in enumerate(GROUPS)}
    groups = {
        key: {"is_group": True, "key": key, "label": label, "items": []}
        for key, label, _names in GROUPS
    }
    for item in items:
        if item["group"] is not None:
            groups[item["group"]]["items"].append(item)
    menu = items[:1] + sorted(
        (group for group in groups.values() if group["items"]), key=lambda g: order[g["key"]]
    )
    menu += [item for item in items[1:] if item["group"] is None]
    for group in groups.values():
        group["active"] = any(item["active"] for item in group["items"])
    return [entry["items"][0] if len(entry.get("items", ())) == 1 else entry for entry in menu]


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigation": [], "navigation_menu": []}
    current = request.resolver_match.view_name if request.resolver_match else ""
    items = []
    claimed = False  # a page belongs to the first item shown that claims it
    for name, label, sections in NAVIGATION:
        if not rule_for(name).allows(user):
            continue
        active = not claimed and current.startswith(sections)
        claimed = claimed or active
        items.append(
            {"url": reverse(name), "label": label, "active": active, "group": GROUP_OF.get(name)}
        )
    return {"navigation": items, "navigation_menu": _menu(items)}
