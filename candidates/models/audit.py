from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import user_fk

from .candidate import Candidate


class AuditRecord(models.Model):
    """One read or export of a candidate's personal data: who, what, when and why.

    Append-only: the model refuses updates and deletes, and so does a database trigger
    (migration 0001), so not even the admin site or a shell can rewrite history."""

    class Action(models.TextChoices):
        VIEW = "view", _("Så profilen")
        LIST = "list", _("Så i en liste")
        SEARCH_RESULT = "search_result", _("Vist i et søkeresultat")
        EXPORT = "export", _("Eksporterte")
        EMPLOYER_VIEW = "employer_view", _("Arbeidsgiver så profilen")
        CONTACT_REVEAL = "contact_reveal", _("Arbeidsgiver så kontaktinformasjonen")
        CONSENT_PAGE = "consent_page", _("Kandidaten åpnet samtykkesiden")
        FNR_ATTEMPT = "fnr_attempt", _("Prøvde å registrere fødselsnummeret")

    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.PROTECT,
        related_name="audit_records",
        verbose_name=_("kandidat"),
    )
    actor = user_fk(
        _("hvem"),
        optional=True,
        help_text=_("Tom når kandidaten selv åpnet en lenke uten innlogging."),
    )
    action = models.CharField(_("hva"), max_length=20, choices=Action.choices)
    purpose = models.CharField(_("hvorfor"), max_length=200)
    path = models.CharField(_("side"), max_length=500, blank=True)
    at = models.DateTimeField(_("når"), default=timezone.now)

    class Meta:
        verbose_name = _("innsynslogg")
        verbose_name_plural = _("innsynslogg")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["candidate", "-at"], name="audit_candidate_at_idx"),
            models.Index(fields=["actor", "-at"], name="audit_actor_at_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_id} {self.action} {self.candidate_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Audit records are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit records are append-only")
