"""CSV and XLSX downloads of one dashboard table."""

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook

from .tables import Table

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text a spreadsheet would run as a formula gets a leading apostrophe; numbers stay."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _rows(table: Table) -> list[list]:
    return [[str(c) for c in table.columns]] + [
        [safe_cell(str(c) if not isinstance(c, int | float) else c) for c in row]
        for row in table.rows
    ]


def csv_response(table: Table) -> HttpResponse:
    buffer = io.StringIO()
    buffer.write("\ufeff")  # Norwegian Excel reads UTF-8 with a BOM
    writer = csv.writer(buffer, delimiter=";")
    writer.writerows(_rows(table))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{table.key}.csv"'
    return response


def xlsx_response(table: Table) -> HttpResponse:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = table.key[:31]
    for row in _rows(table):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{table.key}.xlsx"'
    return response
