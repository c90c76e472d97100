from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.fields import optional_fk

from .validators import validate_orgnr


class County(models.Model):
    number = models.CharField(_("fylkesnummer"), max_length=2, unique=True)
    name = models.CharField(_("navn"), max_length=100, unique=True)
    is_pilot = models.BooleanField(_("pilotfylke"), default=False)

    class Meta:
        verbose_name = _("fylke")
        verbose_name_plural = _("fylker")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Region(models.Model):
    """A region or market area (markedsområde) within a county."""

    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="regions", verbose_name=_("fylke")
    )
    name = models.CharField(_("navn"), max_length=100)

    class Meta:
        verbose_name = _("region / markedsområde")
        verbose_name_plural = _("regioner / markedsområder")
        ordering = ["county__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["county", "name"], name="region_unique_name_in_county")
        ]

    def __str__(self) -> str:
        return self.name


class NavOffice(models.Model):
    name = models.CharField(_("navn"), max_length=150, unique=True)
    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="offices", verbose_name=_("fylke")
    )
    region = optional_fk(
        Region, models.PROTECT, related_name="offices", verbose_name=_("region / markedsområde")
    )

    class Meta:
        verbose_name = _("NAV-kontor")
        verbose_name_plural = _("NAV-kontorer")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Measure(models.Model):
    """A labour-market measure (tiltak) that providers deliver, e.g. AFT or VTA."""

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("navn"), max_length=150)

    class Meta:
        verbose_name = _("tiltak")
        verbose_name_plural = _("tiltak")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MeasureProvider(models.Model):
    class Procurement(models.TextChoices):
        PRE_APPROVED = "pre_approved", _("Forhåndsgodkjent")
        TENDERED = "tendered", _("Anskaffet (anbud)")

    name = models.CharField(_("navn"), max_length=200)
    orgnr = models.CharField(
        _("organisasjonsnummer"), max_length=9, unique=True, validators=[validate_orgnr]
    )
    procurement = models.CharField(
        _("anskaffelsesform"), max_length=20, choices=Procurement.choices
    )
    measures = models.ManyToManyField(Measure, related_name="providers", verbose_name=_("tiltak"))
    regions = models.ManyToManyField(
        Region, related_name="providers", verbose_name=_("regioner de betjener")
    )

    class Meta:
        verbose_name = _("tiltaksleverandør")
        verbose_name_plural = _("tiltaksleverandører")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    CONTACT_PERSON = "contact_person", _("Markedskontakt")
    ADVISER = "adviser", _("Veileder")
    PROJECT_LEADER = "project_leader", _("Prosjektleder i fylket")
    NATIONAL_READER = "national_reader", _("Nasjonal lesetilgang")
    PROVIDER_STAFF = "provider_staff", _("Ansatt hos tiltaksleverandør")
    EMPLOYER_USER = "employer_user", _("Virksomhetsbruker")
    ADMIN = "admin", _("Administrator")


NAV_COUNTY_ROLES = [Role.CONTACT_PERSON, Role.ADVISER, Role.PROJECT_LEADER]

# Role groups: who does what across the apps. They live here, beside Role, so every app (and
# accounts.access's URL rules) can use them without importing an app above its own layer.

# Who follows candidates (owns a caseload).
CANDIDATE_OWNER_ROLES = (Role.ADVISER, Role.PROVIDER_STAFF)
# Who records, edits and publishes openings; everyone else on the staff side only reads them.
OPENING_MANAGERS = (Role.CONTACT_PERSON, Role.PROJECT_LEADER, Role.ADMIN)
OPENING_READERS = (*OPENING_MANAGERS, Role.NATIONAL_READER)
# Everyone who works with employers logs contacts; national readers only read, and employer
# users never see NAV's notes about them.
DIALOGUE_AUTHOR_ROLES = frozenset(
    {Role.CONTACT_PERSON, Role.ADVISER, Role.PROJECT_LEADER, Role.PROVIDER_STAFF, Role.ADMIN}
)
TASK_OWNER_ROLES = DIALOGUE_AUTHOR_ROLES
# Who may be an agreement's fixed or deputy contact: NAV contact persons, or provider staff.
AGREEMENT_CONTACT_ROLES = (Role.CONTACT_PERSON, Role.PROVIDER_STAFF, Role.PROJECT_LEADER)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **fields):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def employer_users_of(self, employer_id: int):
        """The active people at an employer unit: those who belong to it and those granted it
        as a sub-unit of their employer."""
        return (
            self.filter(role=Role.EMPLOYER_USER, is_active=True)
            .filter(Q(employer_id=employer_id) | Q(employer_units=employer_id))
            .distinct()
        )

    def create_superuser(self, email, password=None, **fields):
        fields["role"] = Role.ADMIN
        return self.create_user(email, password, **fields)


class User(AbstractUser):
    """A person who logs in. Exactly one role; NAV staff belong to a county (and usually an
    office and region), provider staff to a measure provider."""

    username = None
    email = models.EmailField(_("e-postadresse"), unique=True)
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    county = optional_fk(County, models.PROTECT, related_name="users", verbose_name=_("fylke"))
    region = optional_fk(
        Region, models.PROTECT, related_name="users", verbose_name=_("region / markedsområde")
    )
    office = optional_fk(
        NavOffice, models.PROTECT, related_name="users", verbose_name=_("NAV-kontor")
    )
    provider = optional_fk(
        MeasureProvider, models.PROTECT, related_name="staff", verbose_name=_("tiltaksleverandør")
    )
    employer = optional_fk(
        "employers.Employer", models.PROTECT, related_name="users", verbose_name=_("virksomhet")
    )
    # Agreements are made with sub-units: an employer user may act for some of their
    # employer's sub-units too (granted by the fixed contact person).
    employer_units = models.ManyToManyField(
        "employers.Employer",
        blank=True,
        related_name="granted_users",
        verbose_name=_("underenheter"),
    )
    # The employer's own portal administrator invites and deactivates its other users.
    is_employer_admin = models.BooleanField(_("administrator i portalen"), default=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []
    objects = UserManager()

    class Meta:
        verbose_name = _("bruker")
        verbose_name_plural = _("brukere")
        ordering = ["first_name", "last_name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(role="provider_staff") | Q(provider__isnull=False),
                name="user_provider_staff_has_provider",
                violation_error_message=_(
                    "Ansatte hos en tiltaksleverandør må høre til en leverandør. Velg leverandør."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(role="employer_user") | Q(employer__isnull=False),
                name="user_employer_user_has_employer",
                violation_error_message=_(
                    "En virksomhetsbruker må høre til en virksomhet. Velg virksomhet."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(role__in=NAV_COUNTY_ROLES) | Q(county__isnull=False),
                name="user_county_staff_has_county",
                violation_error_message=_(
                    "Markedskontakter, veiledere og prosjektledere må høre til et fylke. "
                    "Velg fylke."
                ),
            ),
        ]
        indexes = [models.Index(fields=["role", "county"], name="user_role_county_idx")]

    # The unit an employer user acts for in this request when it is a granted sub-unit, set
    # from the session by portal.middleware.ActingUnitMiddleware.
    acting_unit_id: int | None = None

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    @property
    def acting_employer_id(self) -> int | None:
        """The employer unit whose data an employer user sees now: every employer-side scope
        uses this, never `employer_id` alone."""
        return self.acting_unit_id or self.employer_id

    def save(self, *args, **kwargs):
        # Django's admin site is for administrators only; the flags follow the role.
        self.is_staff = self.is_superuser = self.role == Role.ADMIN
        if kwargs.get("update_fields") is not None and "role" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "is_staff", "is_superuser"}
        super().save(*args, **kwargs)

    @property
    def role_label(self) -> str:
        return Role(self.role).label
