from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength
from stdnum.no import orgnr as stdnum_orgnr


def validate_orgnr(value: str) -> None:
    """Validate a Norwegian organisation number: 9 digits with a mod-11 check digit."""
    try:
        stdnum_orgnr.validate(value)
    except InvalidLength:
        raise ValidationError(_("Organisasjonsnummeret må ha 9 siffer."), code="length") from None
    except InvalidFormat:
        raise ValidationError(
            _("Organisasjonsnummeret kan bare inneholde siffer."), code="format"
        ) from None
    except InvalidChecksum:
        raise ValidationError(
            _("Organisasjonsnummeret er ikke gyldig (kontrollsifferet stemmer ikke)."),
            code="checksum",
        ) from None


def clean_orgnr(value: str) -> str:
    """Strip spaces from a typed orgnr ("974 760 673") and validate it."""
    compact = stdnum_orgnr.compact(value or "")
    validate_orgnr(compact)
    return compact
