"""Setting a model's editable fields from the keyword arguments a service was given."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import models


def assign_fields(obj: models.Model, details: Mapping[str, Any], allowed: Iterable[str]) -> None:
    """Set each of `details` on `obj`. A name outside `allowed` is a programming error (the
    service owns status, authorship and the like), so it raises TypeError and sets nothing."""
    unknown = set(details) - set(allowed)
    if unknown:
        raise TypeError(
            f"Not an editable {type(obj).__name__} field here: {', '.join(sorted(unknown))}"
        )
    for name, value in details.items():
        setattr(obj, name, value)
