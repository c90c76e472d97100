from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from stdnum.no import fodselsnummer


def validate_fnr(value: str) -> None:
    """Validate a Norwegian national identity number (fødselsnummer or D-nummer): 11 digits, a
    real birth date and two mod-11 check digits."""
    try:
        fodselsnummer.validate(value)
    except InvalidLength:
        raise ValidationError(_("Fødselsnummeret må ha 11 siffer."), code="length") from None
    except InvalidFormat:
        raise ValidationError(
            _("Fødselsnummeret kan bare inneholde siffer."), code="format"
        ) from None
    except InvalidComponent:
        raise ValidationError(
            _("Fødselsnummeret inneholder ikke en gyldig fødselsdato."), code="date"
        ) from None
    except InvalidChecksum:
        raise ValidationError(
            _("Fødselsnummeret er ikke gyldig (kontrollsifrene stemmer ikke)."), code="checksum"
        ) from None


def clean_fnr(value: str) -> str:
    """Strip spaces and separators from a typed number ("150886 95088") and validate it."""
    compact = fodselsnummer.compact(value or "")
    validate_fnr(compact)
    return compact


def birth_date_from_fnr(value: str):
    return fodselsnummer.get_birth_date(value)
