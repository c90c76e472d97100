from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength
from stdnum.no import orgnr as stdnum_orgnr

from core.validators import validate_number

ORGNR_MESSAGES = {
    InvalidLength: (_("Organisasjonsnummeret må ha 9 siffer."), "length"),
    InvalidFormat: (_("Organisasjonsnummeret kan bare inneholde siffer."), "format"),
    InvalidChecksum: (
        _("Organisasjonsnummeret er ikke gyldig (kontrollsifferet stemmer ikke)."),
        "checksum",
    ),
}


def validate_orgnr(value: str) -> None:
    """Validate a Norwegian organisation number: 9 digits with a mod-11 check digit."""
    validate_number(stdnum_orgnr, value, ORGNR_MESSAGES)


def clean_orgnr(value: str) -> str:
    """Strip spaces from a typed orgnr ("974 760 673") and validate it."""
    compact = stdnum_orgnr.compact(value or "")
    validate_orgnr(compact)
    return compact
