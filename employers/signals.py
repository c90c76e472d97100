"""What employers tell the apps above them, which employers never import (docs/architecture.md,
"Import direction"). Receivers connect in their own AppConfig.ready()."""

from django.dispatch import Signal

# Sent inside the transaction when an opening is filled or cancelled, with `opening` and
# `actor`: candidates closes the opening's shortlist.
opening_closed = Signal()

# Sent while an opening's page is assembled, with `opening` and `user`; each receiver returns a
# dict that is added to the page's context (candidates adds who may propose and the hires).
opening_page = Signal()


def opening_page_context(*, opening, user) -> dict:
    context = {}
    for _receiver, extra in opening_page.send(sender=type(opening), opening=opening, user=user):
        context |= extra
    return context
