from .dialogue import DialogueEntry, DialogueEntryRevision, Task
from .employer import Employer, EmployerPerson, Industry

__all__ = [
    "DialogueEntry",
    "DialogueEntryRevision",
    "Employer",
    "EmployerPerson",
    "Industry",
    "Task",
]
