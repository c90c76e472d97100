from .employer import Employer, EmployerPerson, Industry

__all__ = ["Employer", "EmployerPerson", "Industry"]
