from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TermsAcceptance(models.Model):
    """One person accepted one version of the terms of use, before seeing any candidate."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="terms_acceptances",
        verbose_name=_("bruker"),
    )
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
