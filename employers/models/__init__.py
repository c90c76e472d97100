from .dialogue import DialogueEntry, DialogueEntryRevision, Task
from .employer import Employer, EmployerPerson, Industry
from .imports import EmployerImport
from .leads import Lead, LeadEvent, ResourceGroup, ResourceGroupMember
from .occupations import Occupation
from .openings import JobOpening, JobOpeningEvent

__all__ = [
    "DialogueEntry",
    "DialogueEntryRevision",
    "Employer",
    "EmployerImport",
    "EmployerPerson",
    "Industry",
    "JobOpening",
    "JobOpeningEvent",
    "Lead",
    "LeadEvent",
    "Occupation",
    "ResourceGroup",
    "ResourceGroupMember",
    "Task",
]
