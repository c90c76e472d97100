"""Vi inkluderer!-avtaler: a committed, long-term agreement between NAV and one employer unit,
its status history, its fixed contact over time, the county's signing policy and the
versioned text the agreement document is generated from."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import AGREEMENT_CONTACT_ROLES, County, Role
from core.fields import user_fk
from core.transitions import may_transition
from employers.models import Employer
from employers.models.openings import regions_served_by

FOLLOW_UPS_MIN, FOLLOW_UPS_MAX = 2, 4
# Who the fixed and deputy contact may be chosen from.
CONTACT_CHOICES = {"role__in": AGREEMENT_CONTACT_ROLES, "is_active": True}


class SigningPolicyKind(models.TextChoices):
    AFTER_FIRST_HIRE = "after_first_hire", _("Etter første ansettelse fra målgruppen")
    MUTUAL_COMMITMENT = "mutual_commitment", _("Når begge parter forplikter seg")


class CountySigningPolicy(models.Model):
    """When a county signs agreements (evaluation §7.2.2): Oslo only after the employer has
    hired a candidate from the target group, Trøndelag and Vestland when both sides commit."""

    Kind = SigningPolicyKind

    county = models.OneToOneField(
        County, on_delete=models.CASCADE, related_name="signing_policy", verbose_name=_("fylke")
    )
    kind = models.CharField(_("når avtalen kan signeres"), max_length=30, choices=Kind.choices)

    class Meta:
        verbose_name = _("signeringsregel for fylke")
        verbose_name_plural = _("signeringsregler for fylker")
        ordering = ["county__name"]

    def __str__(self) -> str:
        return f"{self.county}: {self.get_kind_display()}"


class AgreementTemplate(models.Model):
    """One version of the standard agreement text. New versions are added, never edited, so an
    agreement's document always shows the text it was made from."""

    version = models.PositiveSmallIntegerField(_("versjon"), unique=True)
    title = models.CharField(_("tittel"), max_length=200)
    purpose = models.TextField(_("formål"))
    employer_commitments = models.TextField(_("virksomhetens forpliktelser"))
    nav_commitments = models.TextField(_("NAVs forpliktelser"))
    contact_persons = models.TextField(_("kontaktpersoner"))
    union_involvement = models.TextField(_("involvering av tillitsvalgte"))
    duration = models.TextField(_("varighet og oppfølging"))
    created_at = models.DateTimeField(_("opprettet"), default=timezone.now)

    class Meta:
        verbose_name = _("avtalemal")
        verbose_name_plural = _("avtalemaler")
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"{self.title} (versjon {self.version})"

    @classmethod
    def current(cls) -> "AgreementTemplate":
        return cls.objects.order_by("-version").first()


class AgreementStatus(models.TextChoices):
    IN_DIALOGUE = "in_dialogue", _("I dialog")
    SIGNED = "signed", _("Signert")
    ACTIVE = "active", _("Aktiv")
    ENDED = "ended", _("Avsluttet")


class EndReason(models.TextChoices):
    COMPLETED = "completed", _("Fullført")
    EMPLOYER_WITHDREW = "employer_withdrew", _("Virksomheten trakk seg")
    NAV_WITHDREW = "nav_withdrew", _("NAV trakk seg")
    MERGED = "merged", _("Slått sammen med en annen avtale")
    OTHER = "other", _("Annet")


class UnionInvolvement(models.TextChoices):
    PARTICIPATES = "participates", _("Tillitsvalgt deltar i samarbeidet og på møtene")
    INFORMED = "informed", _("Tillitsvalgt er informert")
    NONE = "none", _("Ikke involvert ennå")


class AgreementQuerySet(models.QuerySet):
    def visible_to(self, user):
        """NAV staff see the agreements of their county, provider staff those in the regions
        their provider serves (and those they are contact for), national readers and
        administrators all, employer users only their own employer's."""
        if not user.is_authenticated:
            return self.none()
        if user.role in (Role.ADMIN, Role.NATIONAL_READER):
            return self
        if user.role == Role.EMPLOYER_USER:
            if not user.employer_id:
                return self.none()
            return self.filter(employer_id=user.acting_employer_id)
        if user.role == Role.PROVIDER_STAFF:
            regions = regions_served_by(user)
            return self.filter(
                Q(employer__region__in=regions) | Q(fixed_contact=user) | Q(deputy_contact=user)
            )
        return self.filter(county_id=user.county_id) if user.county_id else self.none()

    def in_force(self):
        return self.filter(status__in=Agreement.IN_FORCE)

    def for_list(self):
        return self.select_related("employer", "county", "fixed_contact")


class Agreement(models.Model):
    Status = AgreementStatus
    EndReason = EndReason
    UnionInvolvement = UnionInvolvement

    ACTIVITY_PREFIX = "agreements.agreement"
    # The status flow of the issue; every change goes through services.agreement_transition.
    TRANSITIONS = {
        Status.IN_DIALOGUE: (Status.SIGNED, Status.ENDED),
        Status.SIGNED: (Status.ACTIVE, Status.ENDED),
        Status.ACTIVE: (Status.ENDED,),
        Status.ENDED: (),
    }
    IN_FORCE = (Status.SIGNED, Status.ACTIVE)

    employer = models.ForeignKey(
        Employer, on_delete=models.PROTECT, related_name="agreements", verbose_name=_("virksomhet")
    )
    title = models.CharField(
        _("navn på avtalen"),
        max_length=200,
        blank=True,
        help_text=_("For eksempel avdelingen avtalen gjelder. Tom betyr hele virksomheten."),
    )
    county = models.ForeignKey(County, on_delete=models.PROTECT, verbose_name=_("fylke"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IN_DIALOGUE
    )
    signed_on = models.DateField(_("signert dato"), null=True, blank=True)
    end_date = models.DateField(_("sluttdato"), null=True, blank=True)
    end_reason = models.CharField(
        _("årsak til avslutning"), max_length=30, choices=EndReason.choices, blank=True
    )
    # Empty only for an agreement imported from the pilot's spreadsheets without a contact.
    fixed_contact = user_fk(
        _("fast kontaktperson"),
        optional=True,
        related_name="agreements_as_contact",
        limit_choices_to=CONTACT_CHOICES,
    )
    deputy_contact = user_fk(
        _("stedfortreder"),
        optional=True,
        related_name="agreements_as_deputy",
        limit_choices_to=CONTACT_CHOICES,
    )
    employer_signatory = models.CharField(
        _("signerer for virksomheten"), max_length=200, help_text=_("Navn og stilling.")
    )
    employer_responsible = models.CharField(
        _("ansvarlig hos virksomheten"), max_length=200, help_text=_("Navn og stilling.")
    )
    union_involvement = models.CharField(
        _("tillitsvalgte"), max_length=20, choices=UnionInvolvement.choices
    )
    union_involvement_note = models.CharField(
        _("hvordan tillitsvalgte er involvert"), max_length=500, blank=True
    )
    follow_ups_per_year = models.PositiveSmallIntegerField(
        _("oppfølgingsmøter per år"),
        default=FOLLOW_UPS_MAX,
        choices=[(n, str(n)) for n in range(FOLLOW_UPS_MIN, FOLLOW_UPS_MAX + 1)],
    )
    employer_commitments = models.TextField(_("virksomhetens forpliktelser"), max_length=5000)
    nav_commitments = models.TextField(_("NAVs forpliktelser"), max_length=5000)
    local_adaptations = models.TextField(_("lokale tilpasninger"), blank=True, max_length=5000)
    template = models.ForeignKey(
        AgreementTemplate, on_delete=models.PROTECT, verbose_name=_("avtalemal")
    )
    # The day the meeting plan counts from (activation, or a change of meetings per year).
    import_ref = models.CharField(
        _("referanse i pilotens regneark"), max_length=50, null=True, blank=True, unique=True
    )
    plan_anchor = models.DateField(_("møteplanen regnes fra"), null=True, blank=True)
    signed_copy = models.FileField(
        _("signert avtale (PDF)"), upload_to="agreements/signed/%Y/", blank=True
    )
    signed_copy_uploaded_at = models.DateTimeField(null=True, blank=True)
    created_by = user_fk()
    created_at = models.DateTimeField(_("opprettet"), default=timezone.now)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("avtale")
        verbose_name_plural = _("avtaler")
        ordering = ["employer__name", "id"]
        indexes = [
            models.Index(fields=["county", "status"], name="agreement_county_status_idx"),
            models.Index(fields=["fixed_contact", "status"], name="agreement_contact_idx"),
            models.Index(fields=["-signed_on"], name="agreement_signed_idx"),
            models.Index(fields=["-updated_at"], name="agreement_updated_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(follow_ups_per_year__gte=FOLLOW_UPS_MIN)
                & Q(follow_ups_per_year__lte=FOLLOW_UPS_MAX),
                name="agreement_follow_ups_2_to_4",
                violation_error_message=_("Avtalen skal ha 2–4 oppfølgingsmøter i året."),
            ),
            models.CheckConstraint(
                condition=Q(status="ended", end_date__isnull=False) & ~Q(end_reason="")
                | (~Q(status="ended") & Q(end_reason="")),
                name="agreement_ended_has_reason_and_date",
                violation_error_message=_("En avsluttet avtale må ha sluttdato og årsak."),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["signed", "active"]) | Q(signed_on__isnull=False),
                name="agreement_signed_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="active") | Q(plan_anchor__isnull=False),
                name="agreement_active_has_plan",
            ),
            models.CheckConstraint(
                condition=Q(fixed_contact__isnull=False) | Q(import_ref__isnull=False),
                name="agreement_has_contact_unless_imported",
            ),
            models.CheckConstraint(
                condition=~Q(deputy_contact=models.F("fixed_contact")),
                name="agreement_deputy_differs_from_contact",
                violation_error_message=_(
                    "Stedfortrederen kan ikke være den faste kontaktpersonen."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return f"{self.employer.name} – {self.title}" if self.title else self.employer.name

    @property
    def is_in_force(self) -> bool:
        return self.status in self.IN_FORCE

    def can_move_to(self, status: str) -> bool:
        return may_transition(self, status)


class ContactPeriod(models.Model):
    """Who was the agreement's fixed contact, from when to when."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="contact_periods"
    )
    contact = user_fk(_("fast kontaktperson"))
    started_at = models.DateTimeField(_("fra"), default=timezone.now)
    ended_at = models.DateTimeField(_("til"), null=True, blank=True)
    changed_by = user_fk()

    class Meta:
        verbose_name = _("periode som fast kontaktperson")
        verbose_name_plural = _("perioder som fast kontaktperson")
        ordering = ["-started_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement"],
                condition=Q(ended_at__isnull=True),
                name="contact_period_one_current",
            )
        ]

    def __str__(self) -> str:
        return f"{self.contact} ({self.started_at:%d.%m.%Y})"
