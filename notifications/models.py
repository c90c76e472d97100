from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import optional_fk, user_fk


class NotificationQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """An in-app message to one user; optionally also sent by e-mail (see tasks.py)."""

    recipient = user_fk(_("mottaker"), on_delete=models.CASCADE, related_name="notifications")
    title = models.CharField(_("tittel"), max_length=200)
    body = models.TextField(_("tekst"), blank=True)
    link = models.CharField(_("lenke"), max_length=500, blank=True)
    # What the notification is about (a shortlist entry, …): the app names it at display time
    # for readers who may still see it (notifications.subjects), so no name is stored here.
    subject_type = optional_fk(
        "contenttypes.ContentType",
        models.CASCADE,
        related_name="+",
        verbose_name=_("gjelder (type)"),
    )
    subject_id = models.PositiveBigIntegerField(_("gjelder (id)"), null=True, blank=True)
    created_at = models.DateTimeField(_("opprettet"), default=timezone.now)
    read_at = models.DateTimeField(_("lest"), null=True, blank=True)
    send_email = models.BooleanField(_("send på e-post"), default=True)
    # The e-mail is claimed before it is sent and marked when it went out (core.mail), so a
    # retried, duplicated or crashed task never sends it twice.
    email_claimed_at = models.DateTimeField(_("e-post tatt til sending"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-post sendt"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("varsel")
        verbose_name_plural = _("varsler")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_recipient_idx"),
            models.Index(
                fields=["recipient"],
                condition=models.Q(read_at__isnull=True),
                name="notification_unread_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class SentReminder(models.Model):
    """A reminder that went out, for the apps' reminder models. The app's unique key (what,
    kind, due day, recipient) is claimed in the transaction that creates the notification
    (notifications.services.remind_once), so a second run, a concurrent worker or a retry
    after a crash finds the row and sends nothing again."""

    # The day the reminder is about; a new day gives new reminders.
    due_on = models.DateField()
    recipient = user_fk(on_delete=models.CASCADE)
    notification = models.OneToOneField(
        Notification, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        verbose_name = _("påminnelse")
        verbose_name_plural = _("påminnelser")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.due_on})"

    @staticmethod
    def once_constraint(*subject_fields: str, name: str) -> models.UniqueConstraint:
        """The unique key a concrete reminder model declares: what it is about (an empty
        subject counts as a value), its `kind`, the due day and the recipient."""
        return models.UniqueConstraint(
            fields=[*subject_fields, "kind", "due_on", "recipient"],
            nulls_distinct=False,
            name=name,
        )
