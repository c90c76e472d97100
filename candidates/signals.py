"""Keep the search document in step with the occupation lists, which change after save()."""

from django.db.models.signals import m2m_changed

from .matching.document import refresh_search_documents
from .models import Candidate


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


def connect() -> None:
    for through in (Candidate.occupations_wanted.through, Candidate.occupations_done.through):
        m2m_changed.connect(_occupations_changed, sender=through, dispatch_uid=f"search-{through}")
