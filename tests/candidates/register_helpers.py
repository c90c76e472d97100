"""Builders and form data shared by the register tests (test_register_*.py)."""

import datetime

from accounts.models import County, Role

from ..factories import NavOfficeFactory, user_with_role
from .factories import CandidateFactory

VALID_FNR = "15108695088"


def adviser(**fields):
    """A NAV adviser at an Oslo office: owns a caseload."""
    fields.setdefault("office", NavOfficeFactory())
    return user_with_role(Role.ADVISER, **fields)


def candidate_of(owner, **fields):
    return CandidateFactory(owner=owner, **fields)


def form_data(**overrides) -> dict:
    """A complete, valid registration form as the browser posts it."""
    data = {
        "first_name": "Sara",
        "last_name": "Sveiser",
        "fnr": VALID_FNR,
        "gender": "female",
        "email": "sara@example.no",
        "phone": "91234567",
        "municipality": "Oslo",
        "county": County.objects.get(name="Oslo").pk,
        "region": "",
        "commute_km": "30",
        "innsatsgruppe": "situation",
        "target_group_reasons": ["cv_gap", "reduced_work_ability"],
        "education": "trade_certificate",
        "birth_country_group": "norway",
        "competencies": "MIG/MAG-sveising, truck",
        "certificates": "Truckførerbevis T1-T4",
        "work_experience": "Sveiser i 5 år",
        "languages": ["no", "en"],
        "driving_licences": ["B"],
        "available_from": datetime.date.today().isoformat(),
        "cv_summary": "Erfaren sveiser.",
        "adaptation_needs": "Trenger faste arbeidstider.",
        "occupations_wanted": ["7212", "8344"],
        "occupations_done": ["7212"],
    }
    data.update(overrides)
    return data
