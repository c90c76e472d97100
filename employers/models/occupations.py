from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.utils.translation import gettext_lazy as _


class OccupationQuerySet(models.QuerySet):
    def unit_groups(self):
        """The level-4 codes (yrkesgrupper): what openings and candidates are classified by."""
        return self.filter(level=Occupation.Level.UNIT_GROUP)

    def major_groups(self):
        return self.filter(level=Occupation.Level.MAJOR_GROUP)

    def search(self, text: str):
        """A code prefix ("72") or a part of the name ("sveis")."""
        text = text.strip()
        if not text:
            return self
        if text.isdigit():
            return self.filter(code__startswith=text)
        return self.filter(name__icontains=text)


class Occupation(models.Model):
    """A STYRK-08 code (Statistics Norway's version of ISCO-08) at one of its four levels.

    The code is the key: it is stable across installations and keeps its leading zeros."""

    class Level(models.IntegerChoices):
        MAJOR_GROUP = 1, _("Yrkesfelt")
        SUB_MAJOR_GROUP = 2, _("Hovedgruppe")
        MINOR_GROUP = 3, _("Undergruppe")
        UNIT_GROUP = 4, _("Yrkesgruppe")

    code = models.CharField(_("STYRK-kode"), max_length=4, primary_key=True)
    level = models.PositiveSmallIntegerField(_("nivå"), choices=Level.choices)
    name = models.CharField(_("navn"), max_length=200)

    objects = OccupationQuerySet.as_manager()

    class Meta:
        verbose_name = _("yrke (STYRK-08)")
        verbose_name_plural = _("yrker (STYRK-08)")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=4),
                name="occupation_level_1_to_4",
                violation_error_message=_("Nivået må være fra 1 til 4."),
            ),
            models.CheckConstraint(
                condition=Q(level=Length("code")),
                name="occupation_code_length_is_level",
                violation_error_message=_("Koden må ha like mange sifre som nivået."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def major_group_code(self) -> str:
        return self.code[0]


def occupation_fk(related_name: str) -> models.ForeignKey:
    """What an opening or a recruitment need is classified by: a level-4 STYRK-08 code."""
    return models.ForeignKey(
        Occupation,
        on_delete=models.PROTECT,
        related_name=related_name,
        limit_choices_to={"level": Occupation.Level.UNIT_GROUP},
        verbose_name=_("yrke (STYRK-08)"),
    )
