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
