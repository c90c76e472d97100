from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import user_fk

from .shortlist import ShortlistEntry


class EmployerAssessment(models.Model):
    """The employer's own view of a candidate presented to it: its assessment (which it may
    change), when the presentation happened (the six-month clock), and whether the candidate
    has left the employer's view (removed by the employer, or expired)."""

    class Status(models.TextChoices):
        ASSESSING = "assessing", _("Til vurdering")
        RELEVANT = "relevant", _("Aktuell")
        NOT_RELEVANT = "not_relevant", _("Ikke aktuell")
        GOT_JOB = "got_job", _("Fått jobben")

    class Gone(models.TextChoices):
        REMOVED = "removed", _("Fjernet av virksomheten")
        EXPIRED = "expired", _("Borte etter seks måneder")

    entry = models.OneToOneField(
        ShortlistEntry,
        on_delete=models.CASCADE,
        related_name="employer_assessment",
        verbose_name=_("kandidat på liste"),
    )
    status = models.CharField(
        _("virksomhetens vurdering"),
        max_length=20,
        choices=Status.choices,
        default=Status.ASSESSING,
    )
    reason = models.TextField(_("begrunnelse"), blank=True, max_length=2000)
    presented_at = models.DateTimeField(_("presentert"), default=timezone.now)
    gone_at = models.DateTimeField(_("borte fra virksomhetens visning"), null=True, blank=True)
    gone_why = models.CharField(_("hvorfor borte"), max_length=10, choices=Gone.choices, blank=True)
    updated_by = user_fk(_("sist endret av"), optional=True)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    class Meta:
        verbose_name = _("virksomhetens vurdering")
        verbose_name_plural = _("virksomhetens vurderinger")
        constraints = [
            models.CheckConstraint(
                condition=Q(gone_at__isnull=True, gone_why="")
                | Q(gone_at__isnull=False) & ~Q(gone_why=""),
                name="assessment_gone_has_reason",
            ),
        ]
        indexes = [
            models.Index(
                fields=["presented_at"],
                condition=Q(gone_at__isnull=True),
                name="assessment_visible_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.entry_id}: {self.status}"

    @property
    def is_gone(self) -> bool:
        return self.gone_at is not None
