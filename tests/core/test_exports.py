import datetime

import pytest

from core.exports import spreadsheet_row, spreadsheet_safe


@pytest.mark.parametrize("text", ["=1+1", "+47 900", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_formula_like_text_gets_an_apostrophe(text):
    assert spreadsheet_safe(text) == "'" + text


def test_other_values_are_left_as_they_are():
    day = datetime.date(2026, 12, 2)
    assert spreadsheet_row(["Kari", "", 42, -3, day, None]) == ["Kari", "", 42, -3, day, None]
