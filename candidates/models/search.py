from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import optional_fk, user_fk
from employers.models import JobOpening

from .candidate import Candidate
from .shortlist import openings_managed_by

# A run's matched_count is exact up to here; more found is stored as one more and means
# "over MATCHED_COUNT_LIMIT" (counting every match of a nationwide search for a common
# occupation would read most of the candidate table).
MATCHED_COUNT_LIMIT = 1000


class SearchRunQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Searches belong to the opening's contact side (`openings_managed_by`): a search shows
        candidates from anywhere and leads to the shortlist, so reading an opening is not
        enough to search for it."""
        return self.filter(opening__in=openings_managed_by(user))


class SearchRun(models.Model):
    """One broad search for an opening: its criteria, its progress while the Celery task runs,
    and (in SearchResult) the ranked candidates it found. Re-running keeps the old run and
    links it, so the page can show what changed."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("I kø")
        RUNNING = "running", _("Søker")
        DONE = "done", _("Ferdig")
        FAILED = "failed", _("Feilet")

    opening = models.ForeignKey(
        JobOpening, on_delete=models.CASCADE, related_name="search_runs", verbose_name=_("stilling")
    )
    created_by = user_fk(_("søkt av"), related_name="search_runs")
    criteria = models.JSONField(_("søkekriterier"), default=dict)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("framdrift (%)"), default=0)
    matched_count = models.PositiveIntegerField(_("kandidater som passet"), default=0)
    result_count = models.PositiveIntegerField(_("kandidater i resultatet"), default=0)
    message = models.CharField(_("melding"), max_length=500, blank=True)
    previous = optional_fk(
        "self", models.SET_NULL, related_name="reruns", verbose_name=_("forrige kjøring")
    )
    created_at = models.DateTimeField(_("startet"), default=timezone.now)
    started_at = models.DateTimeField(_("begynte å søke"), null=True, blank=True)
    finished_at = models.DateTimeField(_("ferdig"), null=True, blank=True)

    objects = SearchRunQuerySet.as_manager()

    class Meta:
        verbose_name = _("kandidatsøk")
        verbose_name_plural = _("kandidatsøk")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["opening", "-created_at"], name="searchrun_opening_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="searchrun_progress_at_most_100"
            )
        ]

    def __str__(self) -> str:
        return f"{self.opening} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def is_matched_count_capped(self) -> bool:
        """More than MATCHED_COUNT_LIMIT were found: show "over MATCHED_COUNT_LIMIT"."""
        return self.matched_count > MATCHED_COUNT_LIMIT

    @property
    def matched_count_limit(self) -> int:
        return MATCHED_COUNT_LIMIT

    @property
    def is_waiting_long(self) -> bool:
        """Still queued after a minute: the background workers are busy or down."""
        waited = timezone.now() - self.created_at
        return self.status == self.Status.QUEUED and waited.total_seconds() > 60

    @property
    def is_stuck(self) -> bool:
        """Running for more than a minute: a search takes seconds, so its worker most likely
        died (the queue hands the task out again only after the visibility timeout). The user
        may start it again rather than wait."""
        started = self.started_at or self.created_at
        ran = timezone.now() - started
        return self.status == self.Status.RUNNING and ran.total_seconds() > 60

    @property
    def may_start_again(self) -> bool:
        return self.is_waiting_long or self.is_stuck


class SearchResult(models.Model):
    """One candidate found by a run, with the score and why (SearchExplanation as JSON)."""

    run = models.ForeignKey(SearchRun, on_delete=models.CASCADE, related_name="results")
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveIntegerField(_("plassering"))
    score = models.PositiveSmallIntegerField(_("poeng"))
    explanation = models.JSONField(_("forklaring"), default=dict)

    class Meta:
        verbose_name = _("søkeresultat")
        verbose_name_plural = _("søkeresultater")
        ordering = ["run", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["run", "rank"], name="searchresult_rank_unique"),
            models.UniqueConstraint(
                fields=["run", "candidate"], name="searchresult_candidate_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.run_id} #{self.rank}: {self.candidate_id}"


class SearchWord(models.Model):
    """A stem some search document contains (see candidates.matching.vocabulary)."""

    word = models.CharField(max_length=100, primary_key=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["word"], name="searchword_prefix_idx", opclasses=["varchar_pattern_ops"]
            )
        ]

    def __str__(self) -> str:
        return self.word
