"""One activity log for every object in every app (the pattern of pretix's LogEntry).

The personal-data access log (candidates.AuditRecord) is separate and append-only; this log
records what was done, not who looked."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import user_fk

STATE_MAX_LENGTH = 30


class ActivityEntry(models.Model):
    """One thing that happened to one object: `employers.opening.published` by whom, when,
    from which state to which, with a note and any structured details in `data`."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    action = models.CharField(_("handling"), max_length=80)
    actor = user_fk(_("utført av"), optional=True)
    at = models.DateTimeField(_("tidspunkt"), default=timezone.now)
    from_state = models.CharField(_("fra status"), max_length=STATE_MAX_LENGTH, blank=True)
    to_state = models.CharField(_("til status"), max_length=STATE_MAX_LENGTH, blank=True)
    note = models.TextField(_("merknad"), blank=True, max_length=2000)
    data = models.JSONField(_("detaljer"), default=dict, blank=True)

    class Meta:
        verbose_name = _("aktivitet")
        verbose_name_plural = _("aktivitetslogg")
        ordering = ["at", "id"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "at"], name="activity_subject_idx"),
            models.Index(fields=["action", "at"], name="activity_action_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.content_type_id}:{self.object_id}"

    @property
    def description(self) -> str:
        from .activity import describe

        return describe(self)

    @property
    def detail(self) -> str:
        """What `data` adds, for people: a key named after a choice field of the subject's
        model shows as that choice's label (`{"end_reason": "retired"}`), a key ending in
        `_name` is a name as it was when the entry was written (`{"assigned_to_name": ...}`)."""
        model = ContentType.objects.get_for_id(self.content_type_id).model_class()
        parts = []
        for key, value in self.data.items():
            if key.endswith("_name") and value:
                parts.append(str(value))
                continue
            try:
                choices = dict(model._meta.get_field(key).flatchoices)
            except FieldDoesNotExist:
                continue
            if value in choices:
                parts.append(str(choices[value]))
        return ", ".join(parts)

    @property
    def from_label(self) -> str:
        return self._state_label(self.from_state)

    @property
    def to_label(self) -> str:
        return self._state_label(self.to_state)

    def _state_label(self, state: str) -> str:
        # get_for_id is served from ContentType's cache: no query per entry.
        model = ContentType.objects.get_for_id(self.content_type_id).model_class()
        field_name = getattr(model, "STATUS_FIELD", "status")
        try:
            choices = dict(model._meta.get_field(field_name).flatchoices)
        except FieldDoesNotExist:
            choices = {}
        return str(choices.get(state, state))


class OutboxMessage(models.Model):
    """A Celery task to be published, written in the same transaction as the change that asks
    for it (a transactional outbox). It is deleted once the broker took it; a row that stays
    (Redis was down or frozen) is published again by the `core-flush-outbox` beat task, so no
    work depends on a publish succeeding. Every task is idempotent, so a second publish of the
    same row is harmless."""

    task_name = models.CharField(max_length=200)
    args = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    attempts = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("ventende bakgrunnsjobb")
        verbose_name_plural = _("ventende bakgrunnsjobber")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.task_name}{tuple(self.args)}"
