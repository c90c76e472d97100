from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EmployerImportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """An upload is seen, checked and applied only by the person who uploaded it."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(created_by=user)


class EmployerImport(models.Model):
    """An uploaded employer file between its dry run and its apply. The rows are kept as read
    from the file, so what is applied is exactly what was checked (never a re-upload)."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("lastet opp av"),
    )
    created_at = models.DateTimeField(_("lastet opp"), default=timezone.now)
    file_name = models.CharField(_("filnavn"), max_length=255)
    # The file's header names in file order and its data rows: {"row": 2, "values": {...}}.
    columns = models.JSONField(_("kolonner"), default=list)
    rows = models.JSONField(_("rader"), default=list)
    applied_at = models.DateTimeField(_("gjennomført"), null=True, blank=True)
    created_count = models.PositiveIntegerField(_("nye"), default=0)
    updated_count = models.PositiveIntegerField(_("oppdaterte"), default=0)
    unchanged_count = models.PositiveIntegerField(_("uendrede"), default=0)

    objects = EmployerImportQuerySet.as_manager()

    class Meta:
        verbose_name = _("import av virksomheter")
        verbose_name_plural = _("importer av virksomheter")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.file_name

    @property
    def is_applied(self) -> bool:
        return self.applied_at is not None
