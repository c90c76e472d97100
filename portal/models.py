from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import optional_fk, user_fk


class TermsAcceptance(models.Model):
    """One person accepted one version of the terms of use, before seeing any candidate."""

    user = user_fk(_("bruker"), related_name="terms_acceptances")
    version = models.PositiveSmallIntegerField(_("versjon av vilkårene"))
    accepted_at = models.DateTimeField(_("godtatt"), default=timezone.now)

    class Meta:
        verbose_name = _("godtatte bruksvilkår")
        verbose_name_plural = _("godtatte bruksvilkår")
        ordering = ["-accepted_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "version"], name="terms_once_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} v{self.version} {self.accepted_at:%Y-%m-%d}"


class MessageThread(models.Model):
    """The conversation between an employer and its fixed contact person: one for the
    employer, and one per opening."""

    employer = models.ForeignKey(
        "employers.Employer",
        on_delete=models.CASCADE,
        related_name="message_threads",
        verbose_name=_("virksomhet"),
    )
    opening = optional_fk(
        "employers.JobOpening",
        models.CASCADE,
        related_name="message_threads",
        verbose_name=_("stilling"),
    )
    created_at = models.DateTimeField(_("opprettet"), default=timezone.now)

    class Meta:
        verbose_name = _("samtale")
        verbose_name_plural = _("samtaler")
        constraints = [
            models.UniqueConstraint(
                fields=["employer"],
                condition=models.Q(opening__isnull=True),
                name="thread_one_per_employer",
            ),
            models.UniqueConstraint(fields=["employer", "opening"], name="thread_one_per_opening"),
        ]

    def __str__(self) -> str:
        return f"{self.employer_id}/{self.opening_id or '-'}"


class Message(models.Model):
    thread = models.ForeignKey(
        MessageThread, on_delete=models.CASCADE, related_name="messages", verbose_name=_("samtale")
    )
    author = user_fk(_("skrevet av"))
    body = models.TextField(_("melding"), max_length=2000)
    created_at = models.DateTimeField(_("sendt"), default=timezone.now)

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldinger")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["thread", "created_at"], name="message_thread_at_idx")]

    def __str__(self) -> str:
        return f"{self.thread_id}: {self.author_id} {self.created_at:%Y-%m-%d %H:%M}"


class ThreadRead(models.Model):
    """When a person last read a thread, for the unread count."""

    thread = models.ForeignKey(MessageThread, on_delete=models.CASCADE, related_name="reads")
    user = user_fk(on_delete=models.CASCADE)
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["thread", "user"], name="thread_read_once_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.thread_id} at {self.read_at:%Y-%m-%d %H:%M}"
