from .assessment import EmployerAssessment
from .audit import AuditRecord
from .candidate import (
    BIRTH_REGION_COUNTRY_GROUPS,
    BirthCountryGroup,
    BirthRegion,
    Candidate,
    DrivingLicence,
    Education,
    Gender,
    Innsatsgruppe,
    Language,
    TargetGroupReason,
)
from .consent import ConsentAsk, ConsentRequest
from .placement import Placement
from .search import SearchResult, SearchRun, SearchWord
from .shortlist import (
    EMPLOYER_VISIBLE_STEPS,
    FINAL_STEPS,
    TRANSITIONS,
    Shortlist,
    ShortlistEntry,
    Step,
    openings_managed_by,
)

__all__ = [
    "BIRTH_REGION_COUNTRY_GROUPS",
    "EMPLOYER_VISIBLE_STEPS",
    "FINAL_STEPS",
    "TRANSITIONS",
    "AuditRecord",
    "BirthCountryGroup",
    "BirthRegion",
    "Candidate",
    "ConsentAsk",
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
    "Step",
    "TargetGroupReason",
    "openings_managed_by",
]
