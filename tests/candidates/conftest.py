# Pipeline personas and builders (opening, contact, owner, other_owner, outside_contact,
# employer_user, entry_at) for every test in this folder.
from .pipeline_helpers import (  # noqa: F401
    contact,
    employer_user,
    entry_at,
    opening,
    other_owner,
    outside_contact,
    owner,
)
