"""Cells for spreadsheets (CSV and XLSX exports) that a spreadsheet program will not run.

A cell that starts with = + - @ (or a tab or carriage return) is read as a formula by Excel
and LibreOffice, so text typed by one user could run in another's spreadsheet (CSV/formula
injection, OWASP). Such text gets a leading apostrophe, which spreadsheets show as plain text.
Numbers and dates are left as they are."""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def spreadsheet_row(values) -> list:
    return [spreadsheet_safe(value) for value in values]
