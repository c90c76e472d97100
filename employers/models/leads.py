from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import County, Role
from accounts.validators import validate_orgnr
from core.fields import optional_fk, user_fk
from core.transitions import may_transition

from .employer import Employer


class ResourceGroupQuerySet(models.QuerySet):
    def visible_to(self, user):
        """County staff see their county's group; administrators and national readers all."""
        if not user.is_authenticated:
            return self.none()
        if user.role in (Role.ADMIN, Role.NATIONAL_READER):
            return self
        if user.role in (Role.CONTACT_PERSON, Role.ADVISER, Role.PROJECT_LEADER):
            return self.filter(county_id=user.county_id)
        return self.none()


class ResourceGroup(models.Model):
    """A county's resource group (ressursgruppe): local representatives of the social
    partners who know which employers are worth approaching."""

    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="resource_groups", verbose_name=_("fylke")
    )
    name = models.CharField(_("navn"), max_length=150)

    objects = ResourceGroupQuerySet.as_manager()

    class Meta:
        verbose_name = _("ressursgruppe")
        verbose_name_plural = _("ressursgrupper")
        ordering = ["county__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["county", "name"], name="resource_group_unique_name_in_county"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ResourceGroupMember(models.Model):
    class Organisation(models.TextChoices):
        NHO = "NHO", "NHO"
        LO = "LO", "LO"
        KS = "KS", "KS"
        VIRKE = "Virke", "Virke"
        SPEKTER = "Spekter", "Spekter"
        YS = "YS", "YS"
        UNIO = "Unio", "Unio"
        AKADEMIKERNE = "Akademikerne", "Akademikerne"

    group = models.ForeignKey(
        ResourceGroup,
        on_delete=models.CASCADE,
        related_name="members",
        verbose_name=_("ressursgruppe"),
    )
    name = models.CharField(_("navn"), max_length=150)
    organisation = models.CharField(_("organisasjon"), max_length=20, choices=Organisation.choices)
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("medlem av ressursgruppe")
        verbose_name_plural = _("medlemmer av ressursgrupper")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"


class LeadQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Project leaders see their county; contact persons their county and what is assigned
        to them; administrators and national readers everything; nobody else anything."""
        if not user.is_authenticated:
            return self.none()
        if user.role in (Role.ADMIN, Role.NATIONAL_READER):
            return self
        if user.role == Role.PROJECT_LEADER:
            return self.filter(county_id=user.county_id)
        if user.role == Role.CONTACT_PERSON:
            return self.filter(Q(county_id=user.county_id) | Q(assigned_to=user))
        return self.none()

    def waiting_for_assignment(self):
        return self.filter(status=Lead.Status.NEW)


class Lead(models.Model):
    """A tip (tips) about an employer to approach: from a resource group member or any staff
    user, assigned by the county project leader to a contact person who takes it into
    dialogue or closes it."""

    class Status(models.TextChoices):
        NEW = "new", _("Ny – venter på fordeling")
        ASSIGNED = "assigned", _("Tildelt")
        ACCEPTED = "accepted", _("Tatt inn i dialog")
        CLOSED = "closed", _("Avsluttet")

    ACTIVITY_PREFIX = "employers.lead"
    # The one table of allowed moves (core.transitions); a reassignment is assigned -> assigned.
    TRANSITIONS = {
        Status.NEW: {Status.ASSIGNED, Status.CLOSED},
        Status.ASSIGNED: {Status.ASSIGNED, Status.ACCEPTED, Status.CLOSED},
        Status.ACCEPTED: set(),
        Status.CLOSED: set(),
    }
    OPEN_STATUSES = (Status.NEW, Status.ASSIGNED)

    employer = optional_fk(
        Employer, models.PROTECT, related_name="leads", verbose_name=_("virksomhet")
    )
    # Kept for leads about employers not yet in the register; the employer is created from
    # them when the lead is taken into dialogue.
    employer_name = models.CharField(_("virksomhetens navn"), max_length=200)
    orgnr = models.CharField(
        _("organisasjonsnummer"), max_length=9, blank=True, validators=[validate_orgnr]
    )
    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="leads", verbose_name=_("fylke")
    )
    reason = models.TextField(_("hvorfor virksomheten er aktuell"), max_length=3000)
    suggested_by = optional_fk(
        ResourceGroupMember,
        models.SET_NULL,
        related_name="leads",
        verbose_name=_("foreslått av (ressursgruppe)"),
    )
    recorded_by = user_fk(_("registrert av"), related_name="leads_recorded")
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    assigned_to = user_fk(_("tildelt"), optional=True, related_name="leads_assigned")
    close_reason = models.TextField(_("begrunnelse for avslutning"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("registrert"), default=timezone.now)
    assigned_at = models.DateTimeField(_("tildelt"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("tatt inn i dialog"), null=True, blank=True)
    closed_at = models.DateTimeField(_("avsluttet"), null=True, blank=True)

    objects = LeadQuerySet.as_manager()

    class Meta:
        verbose_name = _("tips")
        verbose_name_plural = _("tips")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["county", "status", "created_at"], name="lead_county_status_idx"),
            models.Index(fields=["assigned_to", "status"], name="lead_assigned_status_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["new", "closed"]) | Q(assigned_to__isnull=False),
                name="lead_assigned_or_accepted_has_assignee",
            ),
            models.CheckConstraint(
                condition=~Q(status="accepted") | Q(employer__isnull=False),
                name="lead_accepted_has_employer",
            ),
            models.CheckConstraint(
                condition=~Q(status="closed") | ~Q(close_reason=""),
                name="lead_closed_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.employer.name if self.employer_id else self.employer_name

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def age_days(self) -> int:
        return (timezone.localdate() - timezone.localdate(self.created_at)).days

    def can_move_to(self, status: str) -> bool:
        return may_transition(self, status)
