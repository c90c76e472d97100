import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import user_fk

from .shortlist import ShortlistEntry

# A link not sent a minute after it was asked for is late (the outbox or the queue is stuck, or
# every retry failed): the owner may ask again instead of waiting for the deadline. A claim
# older than the lease belongs to a send that died; a send takes seconds (EMAIL_TIMEOUT).
LINK_LATE_AFTER = datetime.timedelta(minutes=1)
LINK_CLAIM_LEASE = datetime.timedelta(minutes=10)


class ConsentRequest(models.Model):
    """The candidate's consent to share their CV summary (and, if they choose, one specific
    adaptation text) with one employer for one opening: asked in a meeting or by a signed,
    expiring link. An entry keeps every request, so the history shows each answer."""

    class Method(models.TextChoices):
        MEETING = "meeting", _("I møte")
        LINK = "link", _("Lenke på e-post")

    class Status(models.TextChoices):
        PENDING = "pending", _("Venter på svar")
        GIVEN = "given", _("Samtykke gitt")
        DECLINED = "declined", _("Avslått")
        EXPIRED = "expired", _("Utløpt")
        WITHDRAWN = "withdrawn", _("Trukket tilbake")
        REPLACED = "replaced", _("Erstattet av en ny forespørsel")

    ACTIVITY_PREFIX = "candidates.consent"
    # A request waits for the candidate's answer or its deadline; a given consent can be
    # withdrawn. One recorded in a meeting starts as given.
    TRANSITIONS = {
        Status.PENDING: {Status.GIVEN, Status.DECLINED, Status.EXPIRED, Status.REPLACED},
        Status.GIVEN: {Status.WITHDRAWN},
        Status.DECLINED: set(),
        Status.EXPIRED: set(),
        Status.WITHDRAWN: set(),
        Status.REPLACED: set(),
    }

    entry = models.ForeignKey(ShortlistEntry, on_delete=models.CASCADE, related_name="consents")
    method = models.CharField(_("måte"), max_length=10, choices=Method.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    deadline = models.DateTimeField(_("svarfrist"), null=True, blank=True)
    # What the owner offered to share, and what the candidate chose to share of it.
    adaptation_text_offered = models.TextField(
        _("tilretteleggingstekst som kan deles"),
        blank=True,
        max_length=1000,
        help_text=_("Kandidaten velger selv om denne teksten skal deles med arbeidsgiveren."),
    )
    share_adaptation_text = models.TextField(
        _("delt tilretteleggingstekst"), blank=True, max_length=1000
    )
    requested_by = user_fk(_("spurt av"))
    requested_at = models.DateTimeField(_("spurt"), default=timezone.now)
    # Claimed before the link is mailed, so a crashed worker never mails it twice (core.mail).
    link_claimed_at = models.DateTimeField(null=True, blank=True)
    link_sent_at = models.DateTimeField(_("lenke sendt"), null=True, blank=True)
    responded_at = models.DateTimeField(_("svart"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("trukket tilbake"), null=True, blank=True)

    class Meta:
        verbose_name = _("samtykke")
        verbose_name_plural = _("samtykker")
        ordering = ["-requested_at", "-id"]
        constraints = [
            # A second request for the same candidate and opening waits for the first answer.
            models.UniqueConstraint(
                fields=["entry"],
                condition=Q(status="pending"),
                name="consent_one_pending_per_entry",
            ),
            models.CheckConstraint(
                condition=~Q(method="link") | Q(deadline__isnull=False),
                name="consent_link_has_deadline",
            ),
        ]
        indexes = [
            models.Index(
                fields=["deadline"],
                condition=Q(status="pending"),
                name="consent_pending_deadline_idx",
            ),
            models.Index(fields=["entry", "status"], name="consent_entry_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.entry_id}: {self.status}"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def is_given(self) -> bool:
        return self.status == self.Status.GIVEN

    def is_link_unsent(self, now=None) -> bool:
        """A pending link that did not go out and is not being sent now: it does not block a
        new request (which replaces it, so its task sends nothing and its link never works)."""
        now = now or timezone.now()
        return (
            self.is_pending
            and self.method == self.Method.LINK
            and self.link_sent_at is None
            and self.requested_at <= now - LINK_LATE_AFTER
            and (self.link_claimed_at is None or self.link_claimed_at <= now - LINK_CLAIM_LEASE)
        )

    def is_overdue(self, now=None) -> bool:
        return self.deadline is not None and self.deadline <= (now or timezone.now())


class ConsentAsk(models.Model):
    """The contact side asking the candidate's owner to get a consent: a to-do for the owner
    until a consent request is made for the entry (then `done_at` is set)."""

    entry = models.ForeignKey(ShortlistEntry, on_delete=models.CASCADE, related_name="consent_asks")
    asked_by = user_fk(_("spurt av"))
    asked_at = models.DateTimeField(_("spurt"), default=timezone.now)
    done_at = models.DateTimeField(_("utført"), null=True, blank=True)

    class Meta:
        verbose_name = _("forespørsel om samtykke")
        verbose_name_plural = _("forespørsler om samtykke")
        constraints = [
            # Asked once: a second ask waits until the owner has acted on the first.
            models.UniqueConstraint(
                fields=["entry"],
                condition=Q(done_at__isnull=True),
                name="consent_ask_one_open_per_entry",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.entry} ({self.asked_at:%Y-%m-%d})"
