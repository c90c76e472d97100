from .audit import AuditRecord
from .candidate import (
    CANDIDATE_OWNER_ROLES,
    BirthCountryGroup,
    Candidate,
    DrivingLicence,
    Education,
    Gender,
    Innsatsgruppe,
    Language,
    TargetGroupReason,
)
from .placement import Placement
from .shortlist import (
    EMPLOYER_VISIBLE_STEPS,
    FINAL_STEPS,
    TRANSITIONS,
    Shortlist,
    ShortlistEntry,
    ShortlistEvent,
    Step,
)

__all__ = [
    "CANDIDATE_OWNER_ROLES",
    "EMPLOYER_VISIBLE_STEPS",
    "FINAL_STEPS",
    "TRANSITIONS",
    "AuditRecord",
    "BirthCountryGroup",
    "Candidate",
    "DrivingLicence",
    "Education",
    "Gender",
    "Innsatsgruppe",
    "Language",
    "Placement",
    "Shortlist",
    "ShortlistEntry",
    "ShortlistEvent",
    "Step",
    "TargetGroupReason",
]
