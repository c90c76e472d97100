"""Identity and registry numbers checked with python-stdnum, reported in our own words."""

from django.core.exceptions import ValidationError
from stdnum.exceptions import ValidationError as InvalidNumber


def validate_number(number_module, value: str, messages: dict) -> None:
    """Validate `value` with a python-stdnum module (`stdnum.no.orgnr`, ...). Its error
    becomes a ValidationError with the (message, code) of the first type in `messages` it is
    an instance of, so list a subclass before its base (InvalidLength before InvalidFormat)."""
    try:
        number_module.validate(value)
    except InvalidNumber as error:
        for kind, (message, code) in messages.items():
            if isinstance(error, kind):
                raise ValidationError(message, code=code) from None
        raise
