from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import User
from core.activity import log_action
from employers.models import JobOpening
from notifications.services import notification_create

from ..models import Candidate, Shortlist, ShortlistEntry
from ..permissions import may_add_to_shortlist


def shortlist_for(opening: JobOpening) -> Shortlist:
    shortlist, _created = Shortlist.objects.get_or_create(opening=opening)
    return shortlist


@transaction.atomic
def shortlist_add(
    *, opening: JobOpening, candidate: Candidate, actor: User, source: str, motivation: str = ""
) -> ShortlistEntry:
    """Put a candidate on an opening's shortlist (from a search, or proposed by the owner).
    Someone else adding the candidate tells the owner, who follows the person and must know
    where they are proposed."""
    if not may_add_to_shortlist(actor, opening, candidate):
        raise PermissionDenied
    shortlist = Shortlist.objects.select_for_update().get(pk=shortlist_for(opening).pk)
    if shortlist.is_closed:
        raise ValidationError(
            _("Kandidatlisten er lukket fordi stillingen er besatt eller avlyst.")
        )
    if opening.status != JobOpening.Status.OPEN:
        raise ValidationError(_("Bare åpne stillinger kan få nye kandidater."))
    if not candidate.is_active:
        raise ValidationError(_("Kandidaten er ikke lenger aktiv i noen portefølje."))
    try:
        with transaction.atomic():
            entry = ShortlistEntry.objects.create(
                shortlist=shortlist,
                candidate=candidate,
                source=source,
                motivation=motivation,
                added_by=actor,
            )
    except IntegrityError:
        raise ValidationError(_("Kandidaten står allerede på kandidatlisten.")) from None
    log_action(entry, "candidates.entry.added", actor=actor, to_state=entry.step, note=motivation)
    if not candidate.is_owned_by(actor):
        notification_create(
            recipient=candidate.owner,
            title=_("En kandidat du følger er lagt på kandidatlisten til %(opening)s")
            % {"opening": opening.title},
            body=_("Lagt til av %(actor)s.") % {"actor": actor},
            link=reverse("candidates:entry_detail", kwargs={"entry_id": entry.pk}),
            subject=entry,
        )
    return entry
