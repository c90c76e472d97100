"""Candidate names in the notification list, rendered at display time (issue 15, item 10):
stored titles name the opening and the step; the name is shown only to a reader who may still
see the candidate on that entry, and the read is audited like any other list."""

from django.utils.translation import gettext as _

from accounts.models import User

from .models import AuditRecord, ShortlistEntry
from .permissions import may_see_entry_person
from .services.audit import audit_candidate_reads


def entry_candidate_names(user: User, entry_ids: set[int]) -> dict[int, str]:
    entries = [
        entry
        for entry in ShortlistEntry.objects.visible_to(user)
        .filter(pk__in=entry_ids)
        .select_related("candidate")
        if may_see_entry_person(user, entry)
    ]
    audit_candidate_reads(
        actor=user,
        candidates={entry.candidate_id: entry.candidate for entry in entries}.values(),
        action=AuditRecord.Action.LIST,
        purpose=_("Varsler om kandidatlister"),
    )
    return {entry.pk: entry.candidate.full_name for entry in entries}
