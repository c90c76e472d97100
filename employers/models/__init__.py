from .employer import Employer, EmployerPerson, Industry
from .imports import EmployerImport

__all__ = ["Employer", "EmployerImport", "EmployerPerson", "Industry"]
