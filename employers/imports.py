"""Bulk import of employers from a CSV or XLSX file: reading the file and checking every row
against the register (the dry run). Writing happens in services.imports, from a plan made here.

The columns are documented in docs/employers.md ("Importing employers"). A blank optional cell
leaves an existing employer's value as it is; the file never clears anything.
"""

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zipfile import BadZipFile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from accounts.models import County, Region
from accounts.validators import clean_orgnr

from .models import Employer, Industry
from .sn2007 import section_for

MAX_FILE_SIZE = 5 * 1024 * 1024
MAX_ROWS = 20_000

# Header → what it holds, in the order of the table in docs/employers.md and the upload page.
COLUMNS = {
    "orgnr": _lazy("Organisasjonsnummer, 9 siffer"),
    "navn": _lazy("Navn"),
    "sektor": _lazy("«privat» eller «offentlig»"),
    "naering": _lazy("SN2007-bokstav A–U, eller en næringskode som 41.200"),
    "fylke": _lazy("Fylkets navn eller nummer"),
    "kommune": _lazy("Kommune"),
    "region": _lazy("Region / markedsområde; må finnes i fylket"),
    "antall_ansatte": _lazy("1-4, 5-9, 10-19, 20-49, 50-99, 100-249, 250-499 eller 500+"),
    "adresse": _lazy("Gateadresse"),
    "postnummer": _lazy("Fire siffer"),
    "poststed": _lazy("Poststed"),
    "nettside": _lazy("Nettadresse"),
    "hovedenhet_orgnr": _lazy(
        "Hovedenhetens organisasjonsnummer (for underenheter); må finnes i filen eller i registeret"
    ),
}
REQUIRED_COLUMNS = ["orgnr", "navn", "sektor", "fylke"]
SECTORS = {"privat": Employer.Sector.PRIVATE, "offentlig": Employer.Sector.PUBLIC}
# Plain text columns are checked by the model field itself (length, format).
TEXT_COLUMNS = {
    "navn": "name",
    "kommune": "municipality",
    "adresse": "street_address",
    "postnummer": "postal_code",
    "poststed": "postal_place",
    "nettside": "website",
}


class ImportFileError(Exception):
    """The file as a whole cannot be used; the message is for the user."""


@dataclass
class ImportFile:
    columns: list[str]
    rows: list[dict]
    ignored_columns: list[str] = field(default_factory=list)
    # Blank rows between the header and the last row with content, skipped.
    blank_rows: int = 0


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ImportPlan:
    """What applying the rows would do. `new` and `changed` hold model attribute values
    (`county_id`, not `county`); `parents` maps a child orgnr to its parent's orgnr."""

    errors: list[RowError] = field(default_factory=list)
    new: list[dict] = field(default_factory=list)
    changed: list[tuple[Employer, dict]] = field(default_factory=list)
    unchanged: int = 0
    parents: dict[str, str] = field(default_factory=dict)

    @property
    def is_valid(self) -> bool:
        return not self.errors


def _normalise_header(header: str) -> str:
    """ "Næring" → "naering", "Antall ansatte" → "antall_ansatte"."""
    text = header.strip().lower()
    for char, plain in (("æ", "ae"), ("ø", "o"), ("å", "a"), (" ", "_"), ("-", "_")):
        text = text.replace(char, plain)
    return text


def _cell_text(value) -> str:
    """Spreadsheet cells arrive as numbers and dates; the checks work on text."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value).strip()


def _decode(content: bytes) -> str:
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode-tekst" is UTF-16 with a byte order mark.
        return content.decode("utf-16", errors="replace")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel in Norway saves "CSV" as Windows-1252.
        return content.decode("cp1252", errors="replace")


def _csv_rows(content: bytes) -> list[list[str]]:
    text = _decode(content)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ImportFileError(
            _(
                "Filen inneholder et ugyldig tegn (NUL) på linje %(line)s. Er det en tekstfil? "
                "Lagre den som CSV (UTF-8) eller som Excel-fil og prøv igjen."
            )
            % {"line": line}
        )
    first_line = text.split("\n", 1)[0]
    delimiter = max([";", ",", "\t"], key=first_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        return list(reader)
    except csv.Error as error:
        raise ImportFileError(
            _(
                "Linje %(line)s kan ikke leses: en celle er for lang eller et anførselstegn "
                "mangler sin avslutning."
            )
            % {"line": reader.line_num}
        ) from error


def _xlsx_rows(uploaded) -> list[list]:
    try:
        workbook = load_workbook(uploaded, read_only=True, data_only=True)
        try:
            rows = []
            sheet = workbook.worksheets[0]
            # The size a file declares can be wrong (blank rows in the middle); read to the end.
            sheet.reset_dimensions()
            for values in sheet.iter_rows(values_only=True):
                rows.append(list(values))
                if len(rows) > MAX_ROWS + 1:
                    break
            return rows
        finally:
            workbook.close()
    # What a damaged or mislabelled file raises, from the zip layer up to the XML parser.
    except (BadZipFile, InvalidFileException, IndexError, KeyError, OSError, ValueError) as error:
        raise ImportFileError(_("Kunne ikke lese Excel-filen. Er den lagret som .xlsx?")) from error


def read_import_file(uploaded) -> ImportFile:
    """Read an uploaded file into header names and rows of text, numbered as in the file
    (the header is row 1). Raises ImportFileError for problems with the file as a whole."""
    if uploaded.size > MAX_FILE_SIZE:
        raise ImportFileError(
            _("Filen er for stor (%(size)s MB). Største tillatte størrelse er 5 MB.")
            % {"size": f"{uploaded.size / 1024 / 1024:.1f}".replace(".", ",")}
        )
    suffix = Path(uploaded.name).suffix.lower()
    if suffix == ".csv":
        raw_rows = _csv_rows(uploaded.read())
    elif suffix == ".xlsx":
        raw_rows = _xlsx_rows(uploaded)
    else:
        raise ImportFileError(_("Filen må være en CSV-fil (.csv) eller en Excel-fil (.xlsx)."))

    if not raw_rows:
        raise ImportFileError(_("Filen er tom."))
    headers = [_normalise_header(_cell_text(h)) for h in raw_rows[0]]
    duplicates = sorted({h for h in headers if h and headers.count(h) > 1})
    if duplicates:
        raise ImportFileError(
            _("Kolonnen %(columns)s står flere ganger.") % {"columns": ", ".join(duplicates)}
        )
    missing = [c for c in REQUIRED_COLUMNS if c not in headers]
    if missing:
        raise ImportFileError(
            _("Filen mangler kolonnen %(columns)s. Første rad må ha kolonnenavnene.")
            % {"columns": ", ".join(missing)}
        )

    rows = []
    blank_rows = 0
    for number, raw in enumerate(raw_rows[1:], start=2):
        values = {
            header: _cell_text(value)
            for header, value in zip(headers, raw, strict=False)
            if header in COLUMNS
        }
        if any(values.values()):
            rows.append({"row": number, "values": values})
        else:
            blank_rows += 1
    if not rows:
        raise ImportFileError(_("Filen har ingen rader med virksomheter."))
    if len(rows) > MAX_ROWS:
        raise ImportFileError(
            _("Filen har mer enn %(max)s rader. Del den opp i mindre filer.")
            % {"max": f"{MAX_ROWS:,}".replace(",", " ")}
        )
    return ImportFile(
        columns=[h for h in headers if h in COLUMNS],
        rows=rows,
        ignored_columns=[h for h in headers if h and h not in COLUMNS],
        # Blank rows after the last row with content are how sheets end: not reported.
        blank_rows=blank_rows - (len(raw_rows) - rows[-1]["row"]),
    )


class _ReferenceData:
    """Counties, regions, industries and the employers the file names, each read once."""

    def __init__(self, rows: list[dict]):
        self.counties = {}
        for county in County.objects.all():
            self.counties[county.name.lower()] = county
            self.counties[county.number] = county
        self.regions = {
            (region.county_id, region.name.lower()): region for region in Region.objects.all()
        }
        self.industries = {industry.code: industry for industry in Industry.objects.all()}
        named = set()
        for row in rows:
            for column in ("orgnr", "hovedenhet_orgnr"):
                named.add(row["values"].get(column, "").replace(" ", ""))
        self.employers = Employer.objects.in_bulk(named - {""}, field_name="orgnr")


class _RowChecker:
    def __init__(self, row: dict, reference: _ReferenceData):
        self.number = row["row"]
        self.values = row["values"]
        self.reference = reference
        self.errors: list[RowError] = []
        self.fields: dict = {}

    def error(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.number, column, str(message)))

    def check(self) -> None:
        self._orgnr()
        self._text_columns()
        self._sector()
        self._industry()
        self._county_and_region()
        self._employee_band()

    def _orgnr(self) -> None:
        if not self.values.get("orgnr"):
            self.error("orgnr", _("Organisasjonsnummer mangler."))
            return
        try:
            self.fields["orgnr"] = clean_orgnr(self.values["orgnr"])
        except ValidationError as error:
            self.error("orgnr", error.messages[0])

    def _text_columns(self) -> None:
        for column, field_name in TEXT_COLUMNS.items():
            value = self.values.get(column, "")
            if column == "postnummer" and value.isdigit():
                # A spreadsheet drops the leading zero of Oslo's postcodes (0150 → 150).
                value = value.zfill(4)
            if column == "nettside" and value and "://" not in value:
                value = f"https://{value}"
            if not value and column != "navn":
                continue
            try:
                model_field = Employer._meta.get_field(field_name)
                self.fields[field_name] = model_field.clean(value, None)
            except ValidationError as error:
                self.error(column, error.messages[0])

    def _sector(self) -> None:
        value = self.values.get("sektor", "")
        if value.lower() in SECTORS:
            self.fields["sector"] = SECTORS[value.lower()]
        else:
            self.error("sektor", _("Sektor må være «privat» eller «offentlig»."))

    def _industry(self) -> None:
        value = self.values.get("naering", "")
        if not value:
            return
        industry = self.reference.industries.get(section_for(value) or "")
        if industry is None:
            self.error(
                "naering",
                _("Ukjent næring «%(value)s». Bruk en SN2007-bokstav (A–U).") % {"value": value},
            )
        else:
            self.fields["industry_id"] = industry.pk

    def _county_and_region(self) -> None:
        value = self.values.get("fylke", "")
        key = value.zfill(2) if value.isdigit() else value.lower()
        county = self.reference.counties.get(key)
        if county is None:
            if value:
                self.error("fylke", _("Ukjent fylke «%(value)s».") % {"value": value})
            else:
                self.error("fylke", _("Fylke mangler."))
            return
        self.fields["county_id"] = county.pk
        region_name = self.values.get("region", "")
        if not region_name:
            return
        region = self.reference.regions.get((county.pk, region_name.lower()))
        if region is None:
            self.error(
                "region",
                _("Regionen «%(region)s» finnes ikke i %(county)s.")
                % {"region": region_name, "county": county.name},
            )
        else:
            self.fields["region_id"] = region.pk

    def _employee_band(self) -> None:
        value = self.values.get("antall_ansatte", "")
        if not value:
            return
        band = value.replace(" ", "").replace("–", "-").replace("—", "-")
        if band in Employer.EmployeeBand.values:
            self.fields["employee_band"] = band
        else:
            self.error(
                "antall_ansatte",
                _("Ugyldig antall ansatte «%(value)s». Bruk en av: %(bands)s.")
                % {"value": value, "bands": ", ".join(Employer.EmployeeBand.values)},
            )

    def parent_orgnr(self, orgnrs_in_file: set[str]) -> str:
        value = self.values.get("hovedenhet_orgnr", "")
        if not value:
            return ""
        try:
            parent = clean_orgnr(value)
        except ValidationError as error:
            self.error("hovedenhet_orgnr", error.messages[0])
            return ""
        if parent == self.fields.get("orgnr"):
            self.error("hovedenhet_orgnr", _("En virksomhet kan ikke være sin egen hovedenhet."))
            return ""
        if parent not in orgnrs_in_file and parent not in self.reference.employers:
            self.error(
                "hovedenhet_orgnr",
                _("Hovedenheten %(orgnr)s finnes verken i filen eller i registeret.")
                % {"orgnr": parent},
            )
            return ""
        return parent


PROGRESS_EVERY = 1000


def plan_import(rows: list[dict], on_progress: Callable[[int], None] | None = None) -> ImportPlan:
    """Check every row and work out what applying them would change. Reads only.
    `on_progress(rows_checked)` is called every PROGRESS_EVERY rows."""
    reference = _ReferenceData(rows)
    plan = ImportPlan()
    checkers = []
    first_row_of: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        if on_progress and number % PROGRESS_EVERY == 0:
            on_progress(number)
        checker = _RowChecker(row, reference)
        checker.check()
        orgnr = checker.fields.get("orgnr")
        if orgnr in first_row_of:
            checker.error(
                "orgnr",
                _("Organisasjonsnummeret står også på rad %(row)s.") % {"row": first_row_of[orgnr]},
            )
        elif orgnr:
            first_row_of[orgnr] = checker.number
        checkers.append(checker)

    orgnrs_in_file = set(first_row_of)  # once: per row it made the dry run quadratic
    for checker in checkers:
        parent = checker.parent_orgnr(orgnrs_in_file)
        plan.errors.extend(checker.errors)
        if checker.errors:
            continue
        orgnr = checker.fields["orgnr"]
        if parent:
            plan.parents[orgnr] = parent
        existing = reference.employers.get(orgnr)
        if existing is None:
            plan.new.append(checker.fields)
            continue
        changes = {
            name: value
            for name, value in checker.fields.items()
            if getattr(existing, name) != value
        }
        parent_employer = reference.employers.get(parent)
        parent_changes = parent and (
            parent_employer is None or existing.parent_id != parent_employer.pk
        )
        if changes or parent_changes:
            plan.changed.append((existing, changes))
        else:
            plan.unchanged += 1
    return plan
