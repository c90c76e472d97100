from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from stdnum.no import fodselsnummer

from core.validators import validate_number

FNR_MESSAGES = {
    InvalidLength: (_("Fødselsnummeret må ha 11 siffer."), "length"),
    InvalidFormat: (_("Fødselsnummeret kan bare inneholde siffer."), "format"),
    InvalidComponent: (_("Fødselsnummeret inneholder ikke en gyldig fødselsdato."), "date"),
    InvalidChecksum: (
        _("Fødselsnummeret er ikke gyldig (kontrollsifrene stemmer ikke)."),
        "checksum",
    ),
}


def validate_fnr(value: str) -> None:
    """Validate a Norwegian national identity number (fødselsnummer or D-nummer): 11 digits, a
    real birth date and two mod-11 check digits."""
    validate_number(fodselsnummer, value, FNR_MESSAGES)


def clean_fnr(value: str) -> str:
    """Strip spaces and separators from a typed number ("150886 95088") and validate it."""
    compact = fodselsnummer.compact(value or "")
    validate_fnr(compact)
    return compact


def birth_date_from_fnr(value: str):
    return fodselsnummer.get_birth_date(value)
