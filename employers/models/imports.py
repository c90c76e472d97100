from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import user_fk

# Larger files are checked and applied in the background; a request stays well under a second.
BACKGROUND_ROWS = 2000


class EmployerImportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """An upload is seen, checked and applied only by the person who uploaded it."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(created_by=user)


class EmployerImport(models.Model):
    """An uploaded employer file between its dry run and its apply. The rows are kept as read
    from the file, so what is applied is exactly what was checked (never a re-upload)."""

    created_by = user_fk(_("lastet opp av"), on_delete=models.CASCADE)
    created_at = models.DateTimeField(_("lastet opp"), default=timezone.now)
    file_name = models.CharField(_("filnavn"), max_length=255)
    # The file's header names in file order and its data rows: {"row": 2, "values": {...}}.
    columns = models.JSONField(_("kolonner"), default=list)
    rows = models.JSONField(_("rader"), default=list)
    applied_at = models.DateTimeField(_("gjennomført"), null=True, blank=True)
    created_count = models.PositiveIntegerField(_("nye"), default=0)
    updated_count = models.PositiveIntegerField(_("oppdaterte"), default=0)
    unchanged_count = models.PositiveIntegerField(_("uendrede"), default=0)
    # Imports of more than BACKGROUND_ROWS rows are checked and applied by Celery tasks
    # (employers.tasks); the page shows `progress` and reads the dry run from `dry_run`.
    row_count = models.PositiveIntegerField(_("rader"), default=0)
    progress = models.PositiveSmallIntegerField(_("framdrift"), default=0)
    checked_at = models.DateTimeField(_("kontrollert"), null=True, blank=True)
    # The dry run's result: counts, the first errors and how many there are in all.
    dry_run = models.JSONField(_("prøvekjøring"), default=dict, blank=True)
    apply_requested_at = models.DateTimeField(_("import startet"), null=True, blank=True)

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

    @property
    def in_background(self) -> bool:
        return self.row_count > BACKGROUND_ROWS

    @property
    def is_working(self) -> bool:
        """A background check or apply is under way: the page shows its progress."""
        if not self.in_background or self.is_applied:
            return False
        return self.checked_at is None or self.apply_requested_at is not None
