"""Reference data loaders for employers (see accounts/reference.py for why they are shared)."""

import csv
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def load_industries(industry_model) -> None:
    """The 21 top-level sections (A–U) of SN2007 with bokmål names (Statistics Norway)."""
    with (DATA_DIR / "sn2007_sections.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            industry_model.objects.update_or_create(
                code=row["code"], defaults={"name": row["name"]}
            )


def load_occupations(occupation_model) -> None:
    """STYRK-08, every code at levels 1–4 with its bokmål name (Statistics Norway, Klass
    classification 7, retrieved 2025-10-15). Codes are text: they keep their leading zeros."""
    with (DATA_DIR / "styrk08.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            occupation_model.objects.update_or_create(
                code=row["code"], defaults={"level": int(row["level"]), "name": row["name"]}
            )
