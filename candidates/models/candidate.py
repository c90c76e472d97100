from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Func, Q, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import CANDIDATE_OWNER_ROLES, County, MeasureProvider, NavOffice, Region, Role
from core.fields import optional_fk, user_fk

from ..matching.document import SECTIONS, SEPARATOR, document_for
from ..matching.vocabulary import remember
from ..validators import birth_date_from_fnr, validate_fnr


class Innsatsgruppe(models.TextChoices):
    STANDARD = "standard", _("Standard innsats")
    SITUATION = "situation", _("Situasjonsbestemt innsats")
    SPECIAL = "special", _("Spesielt tilpasset innsats")
    PERMANENT = "permanent", _("Varig tilpasset innsats")


class TargetGroupReason(models.TextChoices):
    REDUCED_WORK_ABILITY = "reduced_work_ability", _("Nedsatt arbeidsevne")
    CV_GAP = "cv_gap", _("Hull i CV-en")
    YOUNG_NO_UPPER_SECONDARY = "young_no_upper_secondary", _("Ung uten fullført videregående")
    PRIORITISED_IMMIGRANT = "prioritised_immigrant", _("Innvandrer fra prioriterte regioner")


class Education(models.TextChoices):
    PRIMARY = "primary", _("Grunnskole")
    UPPER_SECONDARY_NOT_COMPLETED = "upper_secondary_partial", _("Videregående, ikke fullført")
    UPPER_SECONDARY = "upper_secondary", _("Videregående skole")
    TRADE_CERTIFICATE = "trade_certificate", _("Fag- eller svennebrev")
    VOCATIONAL_COLLEGE = "vocational_college", _("Fagskole")
    HIGHER_SHORT = "higher_short", _("Universitet/høyskole, inntil 4 år")
    HIGHER_LONG = "higher_long", _("Universitet/høyskole, mer enn 4 år")
    UNKNOWN = "unknown", _("Ukjent")


class BirthCountryGroup(models.TextChoices):
    """Statistics Norway's grouping of countries of birth, as the pilot reported it."""

    NORWAY = "norway", _("Norge")
    EU_EEA = "eu_eea", _("EU/EØS, Storbritannia, USA, Canada, Australia og New Zealand")
    AFRICA_ASIA_OTHER = (
        "africa_asia_other",
        _(
            "Asia, Afrika, Latin-Amerika, Oseania utenom Australia og New Zealand, "
            "og Europa utenom EU/EØS"
        ),
    )


class BirthRegion(models.TextChoices):
    """The evaluation's grouping of countries of birth (Table 7-1), from the pilot's sheets."""

    NORWAY = "norway", _("Norge")
    WESTERN_EUROPE = "western_europe", _("Vest-Europa")
    EASTERN_EUROPE = "eastern_europe", _("Øst-Europa")
    NON_WESTERN = "non_western", _("Ikke-vestlige land")


# The Statistics Norway groups each region falls in: Eastern Europe spans the EU (Poland, the
# Baltics) and the rest (Ukraine, Russia, the Balkans).
BIRTH_REGION_COUNTRY_GROUPS = {
    BirthRegion.NORWAY: {BirthCountryGroup.NORWAY},
    BirthRegion.WESTERN_EUROPE: {BirthCountryGroup.EU_EEA},
    BirthRegion.EASTERN_EUROPE: {BirthCountryGroup.EU_EEA, BirthCountryGroup.AFRICA_ASIA_OTHER},
    BirthRegion.NON_WESTERN: {BirthCountryGroup.AFRICA_ASIA_OTHER},
}


class Gender(models.TextChoices):
    FEMALE = "female", _("Kvinne")
    MALE = "male", _("Mann")


class Language(models.TextChoices):
    NORWEGIAN = "no", _("Norsk")
    ENGLISH = "en", _("Engelsk")
    ARABIC = "ar", _("Arabisk")
    SOMALI = "so", _("Somali")
    TIGRINYA = "ti", _("Tigrinja")
    POLISH = "pl", _("Polsk")
    LITHUANIAN = "lt", _("Litauisk")
    UKRAINIAN = "uk", _("Ukrainsk")
    RUSSIAN = "ru", _("Russisk")
    PERSIAN = "fa", _("Persisk")
    DARI = "prs", _("Dari")
    KURDISH = "ku", _("Kurdisk")
    URDU = "ur", _("Urdu")
    SPANISH = "es", _("Spansk")
    FRENCH = "fr", _("Fransk")
    SWEDISH = "sv", _("Svensk")


class DrivingLicence(models.TextChoices):
    B = "B", _("B (personbil)")
    BE = "BE", _("BE (personbil med tilhenger)")
    C1 = "C1", _("C1 (lett lastebil)")
    C = "C", _("C (lastebil)")
    CE = "CE", _("CE (vogntog)")
    D = "D", _("D (buss)")
    T = "T", _("T (traktor)")


def _labels(values: list[str], choices: type[models.TextChoices]) -> list[str]:
    names = dict(choices.choices)
    return [str(names.get(value, value)) for value in values]


def _weighted_search_vector():
    """setweight(to_tsvector('simple', section), weight) for each section of the document."""
    vectors = [
        SearchVector(
            Func(
                F("search_document"),
                Value(SEPARATOR),
                Value(number),
                function="split_part",
                output_field=models.TextField(),
            ),
            config="simple",
            weight=weight,
        )
        for number, weight in enumerate(SECTIONS, start=1)
    ]
    combined = vectors[0]
    for vector in vectors[1:]:
        combined = combined + vector
    return combined


class CandidateQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The people a user may see: owners their own caseload, administrators everyone,
        contact persons the candidates on shortlists of the openings they manage.

        Contact persons reach other candidates only through search
        results (with a minimal profile); project leaders and national readers see counts, never
        people; employer users see only presented, consenting candidates on their shortlists."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.role == Role.ADMIN:
            return self.filter(is_imported=False)
        if user.role in CANDIDATE_OWNER_ROLES:
            return self.filter(owner=user)
        if user.role == Role.CONTACT_PERSON:
            return self.on_shortlists_managed_by(user)
        return self.none()

    def on_shortlists_managed_by(self, user):
        """Candidates on the live shortlist entries of openings a contact person manages."""
        from .shortlist import ShortlistEntry

        entries = ShortlistEntry.objects.live().managed_by(user)
        return self.filter(pk__in=entries.values("candidate_id"))

    def active(self):
        return self.filter(is_active=True)

    def available_on(self, day):
        """Candidates searchable on a day: active, not marked temporarily unavailable."""
        return self.active().filter(
            Q(unavailable_until__isnull=True) | Q(unavailable_until__lt=day)
        )


class Candidate(models.Model):
    """A job seeker in the target group, followed by one owner: a NAV adviser (at an office) or
    a measure provider's staff member (at a provider)."""

    # Empty only for a candidate imported from the pilot's spreadsheets (is_imported).
    owner = user_fk(_("oppfølger"), optional=True, related_name="caseload")
    # The owner's organisation at the time; kept so the caseload survives a staff change.
    office = optional_fk(
        NavOffice, models.PROTECT, related_name="candidates", verbose_name=_("NAV-kontor")
    )
    provider = optional_fk(
        MeasureProvider,
        models.PROTECT,
        related_name="candidates",
        verbose_name=_("tiltaksleverandør"),
    )
    first_name = models.CharField(_("fornavn"), max_length=100)
    last_name = models.CharField(_("etternavn"), max_length=100)
    fnr = models.CharField(
        _("fødselsnummer"),
        max_length=11,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_fnr],
    )
    birth_date = models.DateField(_("fødselsdato"), editable=False)
    # A person counted from the pilot's spreadsheets (dashboards.pilot_import): no owner, no
    # identity number, inactive, never in a list, a search or an employer's view; only the
    # fields of the evaluation's Table 7-1.
    is_imported = models.BooleanField(_("importert fra piloten"), default=False, editable=False)
    import_ref = models.CharField(
        _("referanse i pilotens regneark"), max_length=50, null=True, blank=True, unique=True
    )
    is_immigrant = models.BooleanField(_("innvandrer"), null=True, blank=True)
    birth_region = models.CharField(
        _("fødeland (region)"), max_length=20, choices=BirthRegion.choices, blank=True
    )
    gender = models.CharField(_("kjønn"), max_length=10, choices=Gender.choices)
    municipality = models.CharField(_("kommune"), max_length=100)
    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="candidates", verbose_name=_("fylke")
    )
    region = optional_fk(
        Region, models.PROTECT, related_name="candidates", verbose_name=_("region / markedsområde")
    )
    commute_km = models.PositiveSmallIntegerField(
        _("kan pendle (km)"),
        default=20,
        validators=[MaxValueValidator(300, _("Oppgi en pendleavstand på høyst 300 km."))],
    )
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    innsatsgruppe = models.CharField(
        _("innsatsgruppe"), max_length=20, choices=Innsatsgruppe.choices
    )
    target_group_reasons = ArrayField(
        models.CharField(max_length=30, choices=TargetGroupReason.choices),
        verbose_name=_("hvorfor i målgruppen"),
        default=list,
    )
    education = models.CharField(
        _("høyeste fullførte utdanning"),
        max_length=30,
        choices=Education.choices,
        default=Education.UNKNOWN,
    )
    birth_country_group = models.CharField(
        _("fødeland (gruppe)"), max_length=20, choices=BirthCountryGroup.choices
    )
    competencies = models.TextField(_("kompetanse"), blank=True, max_length=3000)
    certificates = models.TextField(_("kurs og sertifikater"), blank=True, max_length=2000)
    work_experience = models.TextField(_("arbeidserfaring"), blank=True, max_length=3000)
    occupations_wanted = models.ManyToManyField(
        "employers.Occupation",
        related_name="candidates_wanting",
        blank=True,
        verbose_name=_("ønskede yrker"),
    )
    occupations_done = models.ManyToManyField(
        "employers.Occupation",
        related_name="candidates_experienced",
        blank=True,
        verbose_name=_("yrker med erfaring"),
    )
    languages = ArrayField(
        models.CharField(max_length=5, choices=Language.choices),
        verbose_name=_("språk"),
        default=list,
        blank=True,
    )
    driving_licences = ArrayField(
        models.CharField(max_length=3, choices=DrivingLicence.choices),
        verbose_name=_("førerkort"),
        default=list,
        blank=True,
    )
    available_from = models.DateField(_("tilgjengelig fra"), default=timezone.localdate)
    cv_summary = models.TextField(
        _("kort CV for arbeidsgivere"),
        blank=True,
        max_length=2000,
        help_text=_("Skrevet for arbeidsgiveren. Ikke skriv helseopplysninger her."),
    )
    # Special-category data: the owner and administrators only
    # (candidates.permissions.may_see_special_categories).
    adaptation_needs = models.TextField(_("behov for tilrettelegging"), blank=True, max_length=3000)
    unavailable_until = models.DateField(_("midlertidig utilgjengelig til"), null=True, blank=True)
    unavailable_reason = models.CharField(
        _("grunn til at kandidaten er utilgjengelig"), max_length=200, blank=True
    )
    is_active = models.BooleanField(_("aktiv i porteføljen"), default=True)
    created_at = models.DateTimeField(_("registrert"), default=timezone.now)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)
    # Normalised words for the broad search (candidates.matching); kept by save() and, for
    # the occupation lists, by candidates.signals. PostgreSQL derives the weighted vector.
    search_document = models.TextField(editable=False, blank=True, default="")
    search_vector = models.GeneratedField(
        expression=_weighted_search_vector(), output_field=SearchVectorField(), db_persist=True
    )

    objects = CandidateQuerySet.as_manager()

    class Meta:
        verbose_name = _("kandidat")
        verbose_name_plural = _("kandidater")
        ordering = ["last_name", "first_name", "id"]
        indexes = [
            models.Index(fields=["owner", "is_active"], name="candidate_owner_idx"),
            models.Index(fields=["county", "region"], name="candidate_area_idx"),
            models.Index(fields=["provider"], name="candidate_provider_idx"),
            models.Index(fields=["office"], name="candidate_office_idx"),
            # The caseload list: an owner's candidates by name; administrators all by name.
            models.Index(
                fields=["owner", "last_name", "first_name", "id"], name="candidate_owner_name_idx"
            ),
            models.Index(fields=["last_name", "first_name", "id"], name="candidate_name_idx"),
            GinIndex(fields=["search_vector"], name="candidate_search_idx"),
            # The dashboards' funnel splits presented and hired by age and innsatsgruppe for
            # tens of thousands of entries: an index-only scan instead of reading the wide rows.
            models.Index(
                fields=["id"], include=["birth_date", "innsatsgruppe"], name="candidate_funnel_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(office__isnull=True) | Q(provider__isnull=True),
                name="candidate_owned_by_office_or_provider",
            ),
            models.CheckConstraint(
                condition=Q(commute_km__lte=300), name="candidate_commute_at_most_300"
            ),
            models.CheckConstraint(
                condition=Q(is_imported=False, owner__isnull=False, fnr__isnull=False)
                | Q(is_imported=True, owner__isnull=True, is_active=False),
                name="candidate_owned_or_imported",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        if self.fnr:
            self.birth_date = birth_date_from_fnr(self.fnr)
        self.search_document = document_for(self)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_document"}
        super().save(*args, **kwargs)
        remember([self.search_document])

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def age(self) -> int:
        today = timezone.localdate()
        born = self.birth_date
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))

    @property
    def target_group_reason_labels(self) -> list[str]:
        return _labels(self.target_group_reasons, TargetGroupReason)

    @property
    def language_labels(self) -> list[str]:
        return _labels(self.languages, Language)

    @property
    def driving_licence_labels(self) -> list[str]:
        return _labels(self.driving_licences, DrivingLicence)

    def is_unavailable_on(self, day) -> bool:
        return self.unavailable_until is not None and self.unavailable_until >= day

    def is_owned_by(self, user) -> bool:
        return user.is_authenticated and self.owner_id == user.pk
