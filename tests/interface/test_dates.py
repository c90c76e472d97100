"""One date style everywhere (issue 13, item 5): "2. des. 2026", never "2. Des" or "2.12.2026"."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import timezone

from tests.project import APPS

ROOT = Path(settings.BASE_DIR)
# Named formats (vi_inkluderer/formats/nb/formats.py) and machine formats for datetime="...".
ALLOWED_TEMPLATE_FORMATS = {"DATETIME_FORMAT", "MONTH_DAY_FORMAT", "DATE_FORMAT", "c", "Y-m-d"}
SOURCE_DIRS = (*APPS, "devdata", "templates")


def _files(suffixes):
    for directory in SOURCE_DIRS:
        for path in sorted((ROOT / directory).rglob("*")):
            if path.suffix in suffixes and "migrations" not in path.parts:
                yield path


def test_every_template_writes_dates_with_a_named_format():
    offending = []
    for path in _files({".html", ".txt", ".ics"}):
        for fmt in re.findall(r"""\|date:["']([^"']*)["']""", path.read_text()):
            if fmt not in ALLOWED_TEMPLATE_FORMATS:
                offending.append(f"{path.relative_to(ROOT)}: {fmt}")
    assert offending == []


def test_python_code_formats_dates_for_people_with_the_named_formats():
    """Machine stamps (a backup file name) may use strftime; dates people read may not."""
    offending = []
    for path in _files({".py"}):
        text = path.read_text()
        offending += [
            f"{path.relative_to(ROOT)}: {m}"
            for m in re.findall(r"strftime\([^)]*%d\.%m[^)]*\)", text)
        ]
        offending += [
            f"{path.relative_to(ROOT)}: {m}"
            for m in re.findall(
                r"date_format\([^()]*(?:\([^()]*\))?[^()]*,\s*[\"'][^\"']*[\"']", text
            )
            if not re.search(r"[\"'](DATETIME_FORMAT|MONTH_DAY_FORMAT|DATE_FORMAT)[\"']", m)
        ]
    assert offending == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ day|date }}", "2. des. 2026"),
        ('{{ day|date:"MONTH_DAY_FORMAT" }}', "2. des."),
        ('{{ moment|date:"DATETIME_FORMAT" }}', "2. des. 2026 kl. 14:30"),
        ("{{ may|date }}", "2. mai 2026"),
    ],
)
def test_the_date_style_is_day_dot_short_month_with_a_dot(source, expected):
    context = Context(
        {
            "day": datetime.date(2026, 12, 2),
            "may": datetime.date(2026, 5, 2),
            "moment": timezone.make_aware(datetime.datetime(2026, 12, 2, 14, 30)),
        }
    )
    assert Template(source).render(context) == expected
