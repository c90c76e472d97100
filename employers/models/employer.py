import re

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import County, Region, Role
from accounts.validators import validate_orgnr
from core.fields import optional_fk, user_fk


class Industry(models.Model):
    """A top-level section (A–U) of the Norwegian standard industrial classification SN2007."""

    code = models.CharField(_("kode"), max_length=1, unique=True)
    name = models.CharField(_("navn"), max_length=200)

    class Meta:
        verbose_name = _("næring (SN2007)")
        verbose_name_plural = _("næringer (SN2007)")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class EmployerQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Staff and providers share the whole register (coordination needs it); an employer
        user sees only their own employer."""
        if not user.is_authenticated:
            return self.none()
        if user.role == Role.EMPLOYER_USER:
            return self.filter(pk=user.acting_employer_id) if user.employer_id else self.none()
        return self

    def search(self, text: str):
        """Match an orgnr prefix, or every word of the name as a prefix."""
        compact = text.replace(" ", "")
        if compact.isdigit():
            return self.filter(orgnr__startswith=compact)
        words = [w for w in re.split(r"\W+", text.lower()) if w]
        if not words:
            return self
        query = SearchQuery(" & ".join(f"{w}:*" for w in words), search_type="raw", config="simple")
        return self.annotate(name_search=SearchVector("name", config="simple")).filter(
            name_search=query
        )


class EmployerStatus(models.TextChoices):
    LEAD = "lead", _("Aktuell (ikke kontaktet)")
    IN_DIALOGUE = "in_dialogue", _("I dialog")
    AGREEMENT = "agreement", _("Har avtale")
    INACTIVE = "inactive", _("Inaktiv")


def status_rank() -> Case:
    """The statuses in the model's order (lead → dialogue → agreement → inactive), for
    sorting; an index on this expression keeps that sort fast."""
    return Case(
        *[When(status=s, then=Value(rank)) for rank, s in enumerate(EmployerStatus.values)],
        output_field=models.IntegerField(),
    )


class Employer(models.Model):
    class Sector(models.TextChoices):
        PRIVATE = "private", _("Privat")
        PUBLIC = "public", _("Offentlig")

    Status = EmployerStatus
    ACTIVITY_PREFIX = "employers.employer"
    # Contact, a lead taken into dialogue or an agreement started bring an employer into
    # dialogue; its agreements decide "Har avtale" (agreements.services); the register's edit
    # form moves it by hand. Only an employer with an agreement cannot go back to "Aktuell".
    TRANSITIONS = {
        Status.LEAD: {Status.IN_DIALOGUE, Status.AGREEMENT, Status.INACTIVE},
        Status.IN_DIALOGUE: {Status.LEAD, Status.AGREEMENT, Status.INACTIVE},
        Status.AGREEMENT: {Status.IN_DIALOGUE, Status.INACTIVE},
        Status.INACTIVE: {Status.LEAD, Status.IN_DIALOGUE, Status.AGREEMENT},
    }

    class EmployeeBand(models.TextChoices):
        B1 = "1-4", _("1–4 ansatte")
        B5 = "5-9", _("5–9 ansatte")
        B10 = "10-19", _("10–19 ansatte")
        B20 = "20-49", _("20–49 ansatte")
        B50 = "50-99", _("50–99 ansatte")
        B100 = "100-249", _("100–249 ansatte")
        B250 = "250-499", _("250–499 ansatte")
        B500 = "500+", _("500 ansatte eller flere")

        @classmethod
        def for_count(cls, count: int | None) -> str:
            """The band for a head count; blank when unknown or nobody is employed."""
            if not count or count < 1:
                return ""
            lower_bounds = [(500, cls.B500), (250, cls.B250), (100, cls.B100), (50, cls.B50)]
            lower_bounds += [(20, cls.B20), (10, cls.B10), (5, cls.B5), (1, cls.B1)]
            return next(band for bound, band in lower_bounds if count >= bound).value

    orgnr = models.CharField(
        _("organisasjonsnummer"), max_length=9, unique=True, validators=[validate_orgnr]
    )
    name = models.CharField(_("navn"), max_length=200)
    parent = optional_fk(
        "self", models.SET_NULL, related_name="sub_units", verbose_name=_("hovedenhet")
    )
    sector = models.CharField(_("sektor"), max_length=10, choices=Sector.choices)
    industry = optional_fk(Industry, models.PROTECT, verbose_name=_("næring"))
    county = models.ForeignKey(County, on_delete=models.PROTECT, verbose_name=_("fylke"))
    municipality = models.CharField(_("kommune"), max_length=100, blank=True)
    region = optional_fk(Region, models.PROTECT, verbose_name=_("region / markedsområde"))
    employee_band = models.CharField(
        _("antall ansatte"), max_length=10, choices=EmployeeBand.choices, blank=True
    )
    street_address = models.CharField(_("adresse"), max_length=200, blank=True)
    postal_code = models.CharField(
        _("postnummer"),
        max_length=4,
        blank=True,
        validators=[RegexValidator(r"^\d{4}$", _("Postnummeret må ha fire siffer."))],
    )
    postal_place = models.CharField(_("poststed"), max_length=100, blank=True)
    website = models.URLField(_("nettside"), blank=True)
    status = models.CharField(
        _("status i modellen"), max_length=20, choices=Status.choices, default=Status.LEAD
    )
    # The one person employers deal with (evaluation ch. 7): NAV contact or provider staff.
    fixed_contact = user_fk(
        _("fast kontaktperson"),
        optional=True,
        on_delete=models.SET_NULL,
        related_name="fixed_contact_for",
    )
    needs_notes = models.TextField(
        _("behov og muligheter for tilrettelegging"), blank=True, max_length=5000
    )
    created_at = models.DateTimeField(_("opprettet"), default=timezone.now)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)
    created_by = user_fk(optional=True, on_delete=models.SET_NULL)

    objects = EmployerQuerySet.as_manager()

    class Meta:
        verbose_name = _("virksomhet")
        verbose_name_plural = _("virksomheter")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["county", "status"], name="employer_county_status_idx"),
            # The register list sorts by name (default) or by last change.
            models.Index(fields=["name", "id"], name="employer_name_idx"),
            models.Index(fields=["-updated_at"], name="employer_updated_idx"),
            models.Index(status_rank(), "name", "id", name="employer_status_rank_idx"),
            # Word-prefix search on the name ("nor bygg" finds "Nordic Bygg AS"), see
            # EmployerQuerySet.search; pg_trgm is not available in the embedded PostgreSQL.
            GinIndex(SearchVector("name", config="simple"), name="employer_name_search_idx"),
            models.Index(
                fields=["orgnr"],
                name="employer_orgnr_prefix_idx",
                opclasses=["varchar_pattern_ops"],
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")), name="employer_not_own_parent"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.orgnr})"

    @property
    def locality(self) -> str:
        """Municipality and region below the county, each name once: "Stord · Sunnhordland"."""
        parts: list[str] = []
        for part in (self.municipality, self.region.name if self.region_id else ""):
            if part and part != self.county.name and part not in parts:
                parts.append(part)
        return " · ".join(parts)

    def coordinate_with(self, user):
        """The fixed contact `user` must talk to before approaching this employer, if any:
        an employer with an agreement is contacted through its fixed contact person only
        (evaluation ch. 4, "one door in")."""
        if self.status != self.Status.AGREEMENT or self.fixed_contact_id in (None, user.pk):
            return None
        return self.fixed_contact if self.fixed_contact.is_active else None


class EmployerPersonQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(employer__in=Employer.objects.visible_to(user))

    def current(self):
        """People still at the employer; removed ones stay only for the history they are in."""
        return self.filter(removed_at__isnull=True)


class EmployerPerson(models.Model):
    """Someone at the employer: a contact person or a union representative (tillitsvalgt)."""

    class Kind(models.TextChoices):
        CONTACT = "contact", _("Kontaktperson")
        UNION_REP = "union_rep", _("Tillitsvalgt")

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="people")
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.CONTACT)
    name = models.CharField(_("navn"), max_length=150)
    title = models.CharField(_("stilling / forbund"), max_length=150, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    # Removing a person keeps the row, so earlier contact-history entries still name them.
    removed_at = models.DateTimeField(_("fjernet"), null=True, blank=True)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    objects = EmployerPersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("person hos virksomheten")
        verbose_name_plural = _("personer hos virksomheten")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name
