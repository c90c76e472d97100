"""A competence-raising path (kompetansehevende løp): training designed with an employer for
one or a group of candidates, always with a plan to hire at the end (DOMAIN.md step 8)."""

import datetime

from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import County, MeasureProvider, Role
from agreements.models import Agreement
from core.fields import optional_fk, user_fk
from employers.models import Employer, EmployerPerson, JobOpening, Occupation
from employers.models.openings import regions_served_by
from notifications.models import SentReminder

MAX_STAGE_WEEKS = 104


def add_weeks(day: datetime.date, weeks: int) -> datetime.date:
    return day + datetime.timedelta(weeks=weeks)


class StageKind(models.TextChoices):
    PREPARATION = "preparation", _("Forberedende kurs")
    COURSE = "course", _("Opplæringskurs")
    WORK_TRAINING = "work_training", _("Arbeidstrening i produksjon")
    EXAM = "exam", _("Sertifikat / prøve")
    TRIAL = "trial", _("Prøveansettelse")
    OTHER = "other", _("Annet")


class Deliverer(models.TextChoices):
    EMPLOYER = "employer", _("Virksomheten")
    SCHOOL = "school", _("Skole / opplæringssted")
    PROVIDER = "provider", _("Tiltaksleverandør")


class PathMeasure(models.TextChoices):
    WORK_TRAINING = "work_training", _("Arbeidstrening")
    TRAINING = "training", _("Opplæring")
    MENTOR = "mentor", _("Mentor")
    INCLUSION_GRANT = "inclusion_grant", _("Inkluderingstilskudd")
    WAGE_SUBSIDY = "wage_subsidy", _("Lønnstilskudd")


class PathStatus(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    PLANNED = "planned", _("Planlagt")
    RUNNING = "running", _("Pågår")
    COMPLETED = "completed", _("Fullført")
    CANCELLED = "cancelled", _("Avlyst")


class CancelReason(models.TextChoices):
    TOO_FEW = "too_few", _("For få deltakere")
    EMPLOYER_WITHDREW = "employer_withdrew", _("Virksomheten trakk seg")
    BUDGET = "budget", _("Budsjett")
    MISTAKE = "mistake", _("Registrert ved en feil")
    OTHER = "other", _("Annet")


class OpenAdvertising(models.TextChoices):
    UNKNOWN = "unknown", _("Ikke avklart")
    YES = "yes", _("Ja, stillingen lyses ut offentlig")
    NO = "no", _("Nei, unntak fra utlysning er avklart")


def measures_field():
    return ArrayField(
        models.CharField(max_length=20, choices=PathMeasure.choices),
        verbose_name=_("virkemidler"),
        default=list,
        blank=True,
    )


def weeks_field():
    return models.PositiveSmallIntegerField(
        _("varighet i uker"),
        validators=[
            MinValueValidator(1, _("Et trinn varer minst én uke.")),
            MaxValueValidator(MAX_STAGE_WEEKS, _("Et trinn kan vare høyst 104 uker.")),
        ],
    )


def ends_on_or_after(start_field: str, *, name: str) -> models.CheckConstraint:
    """A path or a stage never ends before it starts."""
    return models.CheckConstraint(condition=Q(ends_on__gte=models.F(start_field)), name=name)


class PathTemplateQuerySet(models.QuerySet):
    def for_county(self, county_id: int | None):
        """Built-in templates and the county's own."""
        return self.filter(Q(county__isnull=True) | Q(county_id=county_id))


class PathTemplate(models.Model):
    """A path model to start from. Built-in ones (no county) come from a data migration;
    contact persons save their own paths as templates for their county."""

    name = models.CharField(_("navn"), max_length=150)
    description = models.TextField(_("beskrivelse"), blank=True, max_length=2000)
    county = optional_fk(County, models.CASCADE, verbose_name=_("fylke"))
    qualification = models.CharField(_("kvalifisering"), max_length=200, blank=True)
    places = models.PositiveSmallIntegerField(_("antall plasser"), default=1)
    measures = measures_field()
    hire_decision_weeks = models.PositiveSmallIntegerField(
        _("ansettelsesvurdering etter uker"), null=True, blank=True
    )
    hire_terms = models.CharField(_("vilkår for ansettelse"), max_length=300, blank=True)
    union_involved = models.BooleanField(_("tillitsvalgte involveres"), default=False)
    created_by = user_fk(optional=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now)

    objects = PathTemplateQuerySet.as_manager()

    class Meta:
        verbose_name = _("mal for kompetansehevende løp")
        verbose_name_plural = _("maler for kompetansehevende løp")
        ordering = ["county_id", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["county", "name"], nulls_distinct=False, name="path_template_name_once"
            )
        ]

    def __str__(self) -> str:
        return self.name


class StageFields(models.Model):
    order = models.PositiveSmallIntegerField(_("rekkefølge"))
    kind = models.CharField(_("type"), max_length=20, choices=StageKind.choices)
    title = models.CharField(_("tittel"), max_length=150)
    duration_weeks = weeks_field()
    deliverer = models.CharField(
        _("leveres av"), max_length=20, choices=Deliverer.choices, default=Deliverer.EMPLOYER
    )
    place = models.CharField(_("sted"), max_length=200, blank=True)

    class Meta:
        abstract = True
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.title


class TemplateStage(StageFields):
    template = models.ForeignKey(PathTemplate, on_delete=models.CASCADE, related_name="stages")

    class Meta(StageFields.Meta):
        constraints = [
            models.UniqueConstraint(fields=["template", "order"], name="template_stage_order_once")
        ]


class CompetencePathQuerySet(models.QuerySet):
    def visible_to(self, user):
        """NAV staff see their county's paths (and the ones they are contact for), provider
        staff the paths in the regions their provider serves and those with their own
        participants, national readers and administrators all, employer users their own
        employer's paths once they are planned. Which people a user sees on a path is
        decided in competence_paths.permissions."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.role in (Role.ADMIN, Role.NATIONAL_READER):
            return self
        if user.role == Role.EMPLOYER_USER:
            if not user.employer_id:
                return self.none()
            return self.filter(employer_id=user.acting_employer_id).exclude(status=PathStatus.DRAFT)
        # A semi-join, not a join over participants: no DISTINCT over the whole county, and
        # the county filter stays an index condition.
        followed = _participants(self.model).filter(candidate__owner=user).values("path_id")
        own = Q(contact=user) | Q(pk__in=followed)
        if user.role == Role.PROVIDER_STAFF:
            regions = regions_served_by(user)
            return self.filter(own | Q(employer__region__in=regions))
        return self.filter(own | Q(county_id=user.county_id))

    def for_list(self):
        """Counts as correlated subqueries: computed for the rows of the page only, and left
        out of the paginator's count."""
        participants = _participants(self.model).filter(path_id=OuterRef("pk"))
        return self.select_related("employer", "county", "contact", "target_role").annotate(
            participant_count=_count(participants),
            hired_count=_count(participants.filter(outcome="hired")),
        )


def _participants(path_model):
    # Participant lives in participants.py, which imports this module.
    return path_model._meta.get_field("participants").related_model.objects


def _count(queryset):
    counted = queryset.order_by().values("path_id").annotate(n=models.Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=models.IntegerField()), 0)


class CompetencePath(models.Model):
    ACTIVITY_PREFIX = "competence_paths.path"
    Status = PathStatus
    CancelReason = CancelReason
    OpenAdvertising = OpenAdvertising
    # Running and completed follow the stage dates (the nightly task), but a contact may also
    # start or complete a path by hand.
    TRANSITIONS = {
        PathStatus.DRAFT: {PathStatus.PLANNED, PathStatus.CANCELLED},
        PathStatus.PLANNED: {PathStatus.DRAFT, PathStatus.RUNNING, PathStatus.CANCELLED},
        PathStatus.RUNNING: {PathStatus.COMPLETED, PathStatus.CANCELLED},
        PathStatus.COMPLETED: set(),
        PathStatus.CANCELLED: set(),
    }

    employer = models.ForeignKey(
        Employer,
        on_delete=models.PROTECT,
        related_name="competence_paths",
        verbose_name=_("virksomhet"),
    )
    county = models.ForeignKey(County, on_delete=models.PROTECT, verbose_name=_("fylke"))
    agreement = optional_fk(
        Agreement, models.SET_NULL, related_name="competence_paths", verbose_name=_("avtale")
    )
    opening = optional_fk(
        JobOpening,
        models.SET_NULL,
        related_name="competence_paths",
        verbose_name=_("stilling"),
        help_text=_("Kandidatene velges fra stillingens kandidatliste og brede søk."),
    )
    template = optional_fk(PathTemplate, models.SET_NULL, related_name="+")
    title = models.CharField(_("tittel"), max_length=200)
    target_role = optional_fk(
        Occupation, models.PROTECT, related_name="+", verbose_name=_("målyrke (STYRK-08)")
    )
    qualification = models.CharField(
        _("kvalifisering"),
        max_length=200,
        blank=True,
        help_text=_("For eksempel fagbrev som stillasbygger, truckførerbevis eller vekterkurs."),
    )
    places = models.PositiveSmallIntegerField(
        _("antall plasser"), validators=[MinValueValidator(1, _("Minst én plass."))]
    )
    planned_start = models.DateField(_("planlagt oppstart"))
    ends_on = models.DateField(_("slutter"), editable=False)
    measures = measures_field()
    hire_decision_on = models.DateField(_("dato for ansettelsesvurdering"), null=True, blank=True)
    hire_terms = models.CharField(
        _("vilkår for ansettelse"),
        max_length=300,
        blank=True,
        help_text=_("For eksempel «vurderes for ansettelse med lønnstilskudd etter 3 måneder»."),
    )
    union_reps = models.ManyToManyField(
        EmployerPerson, blank=True, related_name="+", verbose_name=_("tillitsvalgte involvert")
    )
    union_note = models.CharField(_("om involveringen"), max_length=300, blank=True)
    open_advertising = models.CharField(
        _("lyses stillingen ut offentlig?"),
        max_length=10,
        choices=OpenAdvertising.choices,
        default=OpenAdvertising.UNKNOWN,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PathStatus.choices, default=PathStatus.DRAFT
    )
    cancel_reason = models.CharField(
        _("årsak til avlysning"), max_length=20, choices=CancelReason.choices, blank=True
    )
    cancel_note = models.CharField(_("forklaring"), max_length=300, blank=True)
    contact = user_fk(_("kontaktperson"), related_name="competence_paths")
    created_by = user_fk()
    created_at = models.DateTimeField(_("opprettet"), default=timezone.now)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    objects = CompetencePathQuerySet.as_manager()

    class Meta:
        verbose_name = _("kompetansehevende løp")
        verbose_name_plural = _("kompetansehevende løp")
        ordering = ["planned_start", "id"]
        indexes = [
            models.Index(fields=["county", "status", "planned_start"], name="path_county_idx"),
            models.Index(fields=["status", "planned_start"], name="path_status_start_idx"),
            models.Index(fields=["employer"], name="path_employer_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="cancelled", cancel_reason__gt="")
                | (~Q(status="cancelled") & Q(cancel_reason="")),
                name="path_cancelled_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(cancel_reason="other") | Q(cancel_note__gt=""),
                name="path_other_reason_explained",
            ),
            ends_on_or_after("planned_start", name="path_ends_after_start"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def measure_labels(self) -> list[str]:
        return [str(PathMeasure(code).label) for code in self.measures]

    def progress_started(self) -> bool:
        return self.stages.filter(progress__isnull=False).exists()

    @property
    def advertising_risk(self) -> bool:
        """Public employers must advertise openly and hire the best qualified (statsansatteloven,
        tariff in the municipalities), so the hire at the end is not guaranteed (evaluation
        §7.2.3)."""
        return (
            self.employer.sector == Employer.Sector.PUBLIC
            and self.open_advertising != OpenAdvertising.NO
        )


class Stage(StageFields):
    path = models.ForeignKey(CompetencePath, on_delete=models.CASCADE, related_name="stages")
    provider = optional_fk(
        MeasureProvider, models.PROTECT, related_name="+", verbose_name=_("tiltaksleverandør")
    )
    starts_on = models.DateField(_("starter"))
    ends_on = models.DateField(_("slutter"))

    class Meta(StageFields.Meta):
        constraints = [
            models.UniqueConstraint(fields=["path", "order"], name="stage_order_once"),
            models.CheckConstraint(
                condition=Q(deliverer="provider", provider__isnull=False)
                | (~Q(deliverer="provider") & Q(provider__isnull=True)),
                name="stage_provider_iff_provider_delivers",
            ),
            ends_on_or_after("starts_on", name="stage_ends_after_start"),
        ]

    @property
    def deliverer_label(self) -> str:
        if self.provider_id:
            return self.provider.name
        return self.get_deliverer_display()


class CostItem(models.Model):
    path = models.ForeignKey(CompetencePath, on_delete=models.CASCADE, related_name="cost_items")
    description = models.CharField(_("kostnad"), max_length=200)
    amount = models.DecimalField(
        _("beløp (kr)"),
        max_digits=10,
        decimal_places=0,
        validators=[MinValueValidator(0, _("Beløpet kan ikke være negativt."))],
    )

    class Meta:
        verbose_name = _("kostnad NAV dekker")
        verbose_name_plural = _("kostnader NAV dekker")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.description


class ReminderKind(models.TextChoices):
    HIRE_DECISION = "hire_decision", _("14 dager før ansettelsesvurderingen")
    STAGE_UNMARKED = "stage_unmarked", _("Trinnet er slutt, men ikke markert for alle")
    NO_PARTICIPANTS = "no_participants", _("Løpet skulle ha startet, men har ingen deltakere")


class PathReminder(SentReminder):
    """A reminder that went out, never twice (notifications.SentReminder)."""

    Kind = ReminderKind

    kind = models.CharField(max_length=20, choices=ReminderKind.choices)
    path = models.ForeignKey(CompetencePath, on_delete=models.CASCADE, related_name="reminders")
    stage = optional_fk(Stage, models.CASCADE, related_name="+")

    class Meta(SentReminder.Meta):
        constraints = [SentReminder.once_constraint("path", "stage", name="path_reminder_once")]
