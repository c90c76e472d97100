"""The event row every state machine writes per transition: who, when, from, to, and why."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

STATUS_MAX_LENGTH = 20


def status_fields(choices) -> tuple[models.CharField, models.CharField]:
    """The `from_status` and `to_status` fields of a StatusEvent over these choices:

        from_status, to_status = status_fields(Lead.Status.choices)

    `from_status` is blank on the event that creates the record."""
    return (
        models.CharField(
            _("fra status"), max_length=STATUS_MAX_LENGTH, choices=choices, blank=True
        ),
        models.CharField(_("til status"), max_length=STATUS_MAX_LENGTH, choices=choices),
    )


class StatusEvent(models.Model):
    """Abstract: one row per status change. A subclass adds the foreign key to its record and
    declares `from_status, to_status = status_fields(TheModel.Status.choices)`."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("utført av"),
    )
    at = models.DateTimeField(_("tidspunkt"), default=timezone.now)
    note = models.TextField(_("merknad"), blank=True, max_length=2000)

    class Meta:
        abstract = True
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or '-'} -> {self.to_status}"
