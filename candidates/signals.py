"""Candidates' receivers: the search document follows the occupation lists (which change after
save()), and candidates answers the signals of the apps below it (employers, agreements), which
never import candidates (docs/architecture.md, "Import direction")."""

from django.db.models.signals import m2m_changed

from agreements.signals import hires_requested
from employers.signals import opening_closed, opening_page

from .matching.document import refresh_search_documents
from .models import Candidate
from .permissions import manages_opening, may_propose
from .selectors.pipeline import hires_around, opening_placements
from .services.pipeline import shortlist_close


def _occupations_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        refresh_search_documents([instance.pk])
    elif pk_set:
        refresh_search_documents(pk_set)
    else:
        # An occupation's whole list was cleared from its side: its code token tells whose
        # documents still mention it.
        stale = Candidate.objects.filter(search_document__contains=f"{instance.code} ")
        refresh_search_documents(stale.values_list("pk", flat=True))


def _close_shortlist(sender, *, opening, actor, **kwargs):
    shortlist_close(opening=opening, actor=actor)


def _opening_page(sender, *, opening, user, **kwargs) -> dict:
    return {
        "may_propose": may_propose(user, opening),
        "may_search": manages_opening(user, opening),
        "placements": list(opening_placements(opening)),
    }


def _hires(sender, *, employer_id, signed_on, **kwargs):
    return hires_around(employer_id=employer_id, signed_on=signed_on)


def connect() -> None:
    opening_closed.connect(_close_shortlist, dispatch_uid="candidates-close-shortlist")
    opening_page.connect(_opening_page, dispatch_uid="candidates-opening-page")
    hires_requested.connect(_hires, dispatch_uid="candidates-hires")
    for through in (Candidate.occupations_wanted.through, Candidate.occupations_done.through):
        m2m_changed.connect(_occupations_changed, sender=through, dispatch_uid=f"search-{through}")
