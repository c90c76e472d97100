from .assessment import EmployerAssessment
from .audit import AuditRecord
from .candidate import (
    BirthCountryGroup,
    Candidate,
    DrivingLicence,
    Education,
    Gender,
    Innsatsgruppe,
    Language,
    TargetGroupReason,
)
from .consent import ConsentRequest
from .placement import Placement
from .search import SearchResult, SearchRun, SearchWord
from .shortlist import (
    EMPLOYER_VISIBLE_STEPS,
    FINAL_STEPS,
    TRANSITIONS,
    Shortlist,
    ShortlistEntry,
    ShortlistEvent,
    Step,
    openings_managed_by,
)

__all__ = [
    "EMPLOYER_VISIBLE_STEPS",
    "FINAL_STEPS",
    "TRANSITIONS",
    "AuditRecord",
    "BirthCountryGroup",
    "Candidate",
    "ConsentRequest",
    "DrivingLicence",
    "EmployerAssessment",
    "Education",
    "Gender",
    "Innsatsgruppe",
    "Language",
    "Placement",
    "SearchResult",
    "SearchRun",
    "SearchWord",
    "Shortlist",
    "ShortlistEntry",
    "ShortlistEvent",
    "Step",
    "TargetGroupReason",
    "openings_managed_by",
]
