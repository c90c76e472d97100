from .dialogue import DialogueEntry, DialogueEntryRevision, Task
from .employer import Employer, EmployerPerson, Industry
from .imports import EmployerImport
from .leads import Lead, ResourceGroup, ResourceGroupMember
from .occupations import Occupation
from .openings import JobOpening

__all__ = [
    "DialogueEntry",
    "DialogueEntryRevision",
    "Employer",
    "EmployerImport",
    "EmployerPerson",
    "Industry",
    "JobOpening",
    "Lead",
    "Occupation",
    "ResourceGroup",
    "ResourceGroupMember",
    "Task",
]
