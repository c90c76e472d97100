from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import OPENING_READERS, Region, Role
from core.fields import optional_fk, user_fk
from core.transitions import may_transition

from .employer import Employer
from .occupations import occupation_fk


def regions_served_by(user) -> list[Region]:
    """The regions a user works in: an adviser's or contact person's own region, or every
    region the user's measure provider serves."""
    if user.role == Role.PROVIDER_STAFF and user.provider_id:
        return list(user.provider.regions.all())
    if user.region_id:
        return [user.region]
    return []


def extent_percent_field() -> models.PositiveSmallIntegerField:
    """The position's percentage of full time (stillingsprosent), for openings and hires."""
    message = _("Stillingsprosenten må være mellom 1 og 100.")
    return models.PositiveSmallIntegerField(
        _("stillingsprosent"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1, message), MaxValueValidator(100, message)],
    )


class JobOpeningQuerySet(models.QuerySet):
    def visible_to(self, user):
        """NAV's contact side and national readers see drafts too; advisers and provider staff
        see what has been published (shared) with them; employer users nothing yet."""
        if not user.is_authenticated:
            return self.none()
        if user.role in OPENING_READERS:
            return self
        if user.role in (Role.ADVISER, Role.PROVIDER_STAFF):
            return self.filter(published_at__isnull=False)
        return self.none()

    def open(self):
        return self.filter(status=JobOpening.Status.OPEN)

    def in_regions(self, regions):
        """Openings in these regions, and county-wide openings (no region) of their counties."""
        region_ids = [r.pk for r in regions]
        county_ids = {r.county_id for r in regions}
        return self.filter(
            Q(region_id__in=region_ids) | Q(region__isnull=True, employer__county_id__in=county_ids)
        )

    def in_area_of(self, user):
        """Openings in the regions the user serves, or in their county if they have no region."""
        regions = regions_served_by(user)
        if regions:
            return self.in_regions(regions)
        if user.county_id:
            return self.filter(employer__county_id=user.county_id)
        return self.none()

    def for_list(self):
        return self.select_related("employer__county", "occupation", "region")


class JobOpening(models.Model):
    """A recruitment need (stilling) an employer reported, with its real requirements."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        OPEN = "open", _("Åpen")
        FILLED = "filled", _("Besatt")
        CANCELLED = "cancelled", _("Avlyst")

    ACTIVITY_PREFIX = "employers.opening"
    TRANSITIONS = {
        Status.DRAFT: {Status.OPEN, Status.CANCELLED},
        Status.OPEN: {Status.FILLED, Status.CANCELLED},
        Status.FILLED: set(),
        Status.CANCELLED: set(),
    }
    EDITABLE_STATUSES = (Status.DRAFT, Status.OPEN)

    class Extent(models.TextChoices):
        FULL_TIME = "full_time", _("Heltid")
        PART_TIME = "part_time", _("Deltid")

    employer = models.ForeignKey(
        Employer, on_delete=models.PROTECT, related_name="openings", verbose_name=_("virksomhet")
    )
    title = models.CharField(_("stillingstittel"), max_length=200)
    occupation = occupation_fk(related_name="openings")
    positions = models.PositiveSmallIntegerField(
        _("antall stillinger"),
        default=1,
        validators=[MinValueValidator(1, _("Antall stillinger må være minst 1."))],
    )
    location = models.CharField(_("arbeidssted"), max_length=200)
    region = optional_fk(
        Region,
        models.PROTECT,
        related_name="openings",
        verbose_name=_("region / markedsområde"),
        help_text=_("Tom betyr hele fylket. Nye stillinger får virksomhetens region."),
    )
    start_date = models.DateField(_("oppstart"), null=True, blank=True)
    application_deadline = models.DateField(
        _("søknadsfrist"), null=True, blank=True, help_text=_("Tom betyr løpende.")
    )
    extent = models.CharField(
        _("omfang"), max_length=20, choices=Extent.choices, default=Extent.FULL_TIME
    )
    extent_percent = extent_percent_field()
    working_hours = models.CharField(
        _("arbeidstid"),
        max_length=200,
        blank=True,
        help_text=_("For eksempel «dagtid, annenhver helg» eller «20 timer i uka»."),
    )
    description = models.TextField(_("om jobben"), blank=True, max_length=3000)
    requirements_must = models.TextField(_("krav som må oppfylles"), max_length=3000)
    requirements_nice = models.TextField(_("ønskede kvalifikasjoner"), blank=True, max_length=3000)
    demands = models.TextField(
        _("fysiske og andre krav"),
        blank=True,
        max_length=3000,
        help_text=_("For eksempel tunge løft, skiftarbeid, førerkort."),
    )
    adaptations = models.TextField(
        _("hva arbeidsplassen kan tilrettelegge"), blank=True, max_length=3000
    )
    competence_path_possible = models.BooleanField(
        _("åpen for kompetansehevende løp"),
        default=False,
        help_text=_("Virksomheten kan ta inn kandidater som får opplæring underveis."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("publisert"), null=True, blank=True)
    recorded_by = user_fk(_("registrert av"), related_name="openings_recorded")
    # Set when the employer reported the need itself in the portal.
    reported_by = user_fk(
        _("meldt av virksomheten ved"), optional=True, related_name="openings_reported"
    )
    created_at = models.DateTimeField(_("registrert"), default=timezone.now)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    objects = JobOpeningQuerySet.as_manager()

    class Meta:
        verbose_name = _("stilling")
        verbose_name_plural = _("stillinger")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "region", "-published_at"], name="opening_shared_idx"),
            models.Index(fields=["status", "application_deadline"], name="opening_deadline_idx"),
            models.Index(fields=["employer", "status"], name="opening_employer_status_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(positions__gte=1), name="opening_positions_min_1"),
            models.CheckConstraint(
                condition=Q(extent_percent__isnull=True)
                | Q(extent_percent__gte=1, extent_percent__lte=100),
                name="opening_extent_percent_1_to_100",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["open", "filled"]) | Q(published_at__isnull=False),
                name="opening_open_or_filled_is_published",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        errors = {}
        if self.extent == self.Extent.PART_TIME:
            if self.extent_percent == 100:
                errors["extent_percent"] = _("En deltidsstilling kan ikke være 100 prosent.")
            elif self.extent_percent is None and not self.working_hours:
                errors["extent_percent"] = _(
                    "Oppgi stillingsprosent eller arbeidstid for en deltidsstilling."
                )
        elif self.extent_percent not in (None, 100):
            errors["extent_percent"] = _(
                "En heltidsstilling er 100 prosent; velg deltid for lavere stillingsprosent."
            )
        if (
            self.start_date
            and self.application_deadline
            and self.application_deadline > self.start_date
        ):
            errors["application_deadline"] = _("Søknadsfristen kan ikke være etter oppstart.")
        if errors:
            raise ValidationError(errors)

    @property
    def county(self):
        return self.employer.county

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE_STATUSES

    @property
    def deadline_passed(self) -> bool:
        return (
            self.application_deadline is not None
            and self.application_deadline < timezone.localdate()
        )

    def can_move_to(self, status: str) -> bool:
        return may_transition(self, status)

    @property
    def extent_display(self) -> str:
        parts = [self.get_extent_display()]
        if self.extent_percent and self.extent == self.Extent.PART_TIME:
            parts.append(f"{self.extent_percent} %")
        if self.working_hours:
            parts.append(self.working_hours)
        return ", ".join(parts)
