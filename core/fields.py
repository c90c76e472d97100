"""Field factories for the declarations many models repeat with the same options.

Each returns a plain Django field, so migrations see exactly what a spelled-out declaration
would give; the factory only names the pattern."""

from django.conf import settings
from django.db import models


def optional_fk(to, on_delete, **options) -> models.ForeignKey:
    """A reference that may be empty: NULL in the database, not required in forms."""
    return models.ForeignKey(to, on_delete=on_delete, null=True, blank=True, **options)


def optional_one_to_one(to, on_delete, **options) -> models.OneToOneField:
    """A one-to-one reference that may be empty (a hire without a shortlist entry, ...)."""
    return models.OneToOneField(to, on_delete=on_delete, null=True, blank=True, **options)


def user_fk(
    verbose_name=None,
    *,
    optional: bool = False,
    on_delete=models.PROTECT,
    related_name: str | None = "+",
    **options,
) -> models.ForeignKey:
    """A reference to a user, most often the person who did something (created, asked,
    changed). Users are deactivated, not deleted, so PROTECT keeps every record's author; and
    "who did it" needs no reverse accessor on User, hence `related_name="+"` unless given."""
    if optional:
        options.update(null=True, blank=True)
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=on_delete,
        related_name=related_name,
        verbose_name=verbose_name,
        **options,
    )
