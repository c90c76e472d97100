from .dialogue import DialogueEntry, DialogueEntryRevision, Task
from .employer import Employer, EmployerPerson, Industry
from .imports import EmployerImport

__all__ = [
    "DialogueEntry",
    "DialogueEntryRevision",
    "Employer",
    "EmployerImport",
    "EmployerPerson",
    "Industry",
    "Task",
]
