from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import optional_one_to_one, user_fk
from employers.models import Employer
from employers.models.openings import extent_percent_field

from .candidate import Candidate
from .shortlist import ShortlistEntry


class Placement(models.Model):
    """A hire: paid employment confirmed for a candidate presented to an employer.

    The employer is stored as well as the shortlist entry so agreements and dashboards count
    hires per employer with one indexed query, including hires before an agreement was signed."""

    class ContractType(models.TextChoices):
        PERMANENT = "permanent", _("Fast ansettelse")
        TEMPORARY = "temporary", _("Midlertidig ansettelse")

    class MeasureUsed(models.TextChoices):
        WAGE_SUBSIDY = "wage_subsidy", _("Lønnstilskudd")
        INCLUSION_GRANT = "inclusion_grant", _("Inkluderingstilskudd")
        MENTOR = "mentor", _("Mentor")
        WORK_TRAINING = "work_training", _("Arbeidstrening")

    # Empty only for a hire imported from the pilot's spreadsheets (registered_afterwards).
    entry = optional_one_to_one(ShortlistEntry, models.PROTECT, related_name="placement")
    candidate = models.ForeignKey(
        Candidate, on_delete=models.PROTECT, related_name="placements", verbose_name=_("kandidat")
    )
    employer = models.ForeignKey(
        Employer, on_delete=models.PROTECT, related_name="placements", verbose_name=_("virksomhet")
    )
    start_date = models.DateField(_("startdato"))
    position = models.CharField(_("stilling"), max_length=200, blank=True)
    contract_type = models.CharField(
        _("ansettelsesform"), max_length=20, choices=ContractType.choices, blank=True
    )
    contract_confirmed = models.BooleanField(
        _("arbeidsavtale bekreftet"),
        help_text=_("Lønnet arbeid er bekreftet med skriftlig arbeidsavtale."),
    )
    extent_percent = extent_percent_field()
    measures_used = ArrayField(
        models.CharField(max_length=20, choices=MeasureUsed.choices),
        verbose_name=_("virkemidler brukt"),
        default=list,
        blank=True,
    )
    recorded_by = user_fk(_("registrert av"), optional=True)
    recorded_at = models.DateTimeField(_("registrert"), default=timezone.now)
    # A hire from the pilot's spreadsheets, registered after the fact: candidate, employer and
    # date only (dashboards.pilot_import).
    registered_afterwards = models.BooleanField(
        _("registrert i etterkant"), default=False, editable=False
    )

    class Meta:
        verbose_name = _("ansettelse")
        verbose_name_plural = _("ansettelser")
        ordering = ["-start_date", "-id"]
        indexes = [models.Index(fields=["employer", "start_date"], name="placement_employer_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(contract_confirmed=True)
                | models.Q(registered_afterwards=True, entry__isnull=True),
                name="placement_contract_confirmed",
            ),
            models.CheckConstraint(
                condition=models.Q(registered_afterwards=True)
                | models.Q(
                    entry__isnull=False, recorded_by__isnull=False, extent_percent__isnull=False
                ),
                name="placement_recorded_in_pipeline",
            ),
            models.UniqueConstraint(
                fields=["candidate", "employer", "start_date"],
                condition=models.Q(registered_afterwards=True),
                name="placement_imported_once",
            ),
            models.CheckConstraint(
                condition=models.Q(extent_percent__gte=1, extent_percent__lte=100),
                name="placement_extent_1_to_100",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.candidate_id} @ {self.employer_id} ({self.start_date})"

    @property
    def measures_display(self) -> str:
        return ", ".join(str(self.MeasureUsed(m).label) for m in self.measures_used)
