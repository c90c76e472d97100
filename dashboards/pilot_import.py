"""Import of the pilot's four spreadsheets (employers, agreements, candidates, hires).

Everything is read and checked first (`check_pilot_files`); `apply_pilot_import` writes only a
plan without errors, in one transaction, matched on orgnr, agreement_ref, candidate_ref and the
hire triple, so importing the same files again changes nothing. Employers go through the
employer import (employers.imports / employers.services.imports), translated to its columns.
The file formats are documented in docs/dashboards.md."""

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import County, Role, User
from accounts.validators import clean_orgnr
from agreements.models import Agreement, AgreementTemplate
from candidates.models import Candidate, Placement
from employers.imports import ImportFile, _cell_text, _csv_rows, plan_import
from employers.models import Employer
from employers.services.imports import employer_import_apply, employer_import_create

FILES = {
    "employers": ["orgnr", "name", "sector", "industry", "county", "municipality", "parent_orgnr"],
    "agreements": [
        "agreement_ref",
        "orgnr",
        "status",
        "signed_on",
        "ended_on",
        "contact_email",
        "union_rep_involved",
    ],
    "candidates": [
        "candidate_ref",
        "birth_date",
        "gender",
        "education",
        "immigrant",
        "birth_region",
        "innsatsgruppe",
        "county",
    ],
    "hires": ["candidate_ref", "orgnr", "hired_on"],
}
# Pilot column → the employer import's column.
EMPLOYER_COLUMNS = {
    "orgnr": "orgnr",
    "name": "navn",
    "sector": "sektor",
    "industry": "naering",
    "county": "fylke",
    "municipality": "kommune",
    "parent_orgnr": "hovedenhet_orgnr",
}
SECTORS = {"public": "offentlig", "private": "privat"}
AGREEMENT_STATUS = {
    "dialogue": Agreement.Status.IN_DIALOGUE,
    "active": Agreement.Status.ACTIVE,
    "ended": Agreement.Status.ENDED,
}
UNION = {"yes": "participates", "no": "none", "": "none"}
GENDERS = {"female", "male"}
# The sheets' values → the candidate register's (education and innsatsgruppe are coarser there).
EDUCATION = {
    "primary": "primary",
    "upper_secondary": "upper_secondary",
    "higher": "higher_short",
    "unknown": "unknown",
}
INNSATSGRUPPE = {
    "standard": "standard",
    "situation_dependent": "situation",
    "specially_adapted": "special",
    "permanently_adapted": "permanent",
    "other": "",
}
BIRTH_COUNTRY_GROUP = {
    "norway": "norway",
    "western_europe": "eu_eea",
    "eastern_europe": "",  # spans EU and non-EU countries: kept only as birth_region
    "non_western": "africa_asia_other",
}
YES_NO = {"yes": True, "no": False}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CONTACT_ROLES = (Role.CONTACT_PERSON, Role.PROVIDER_STAFF)


class PilotFileError(Exception):
    """A file that cannot be read at all; the message is for the user."""


@dataclass(frozen=True)
class PilotError:
    file: str
    row: int
    column: str
    message: str


@dataclass
class PilotPlan:
    rows: dict = field(default_factory=dict)  # file → list of {"row": n, "values": {...}}
    errors: list[PilotError] = field(default_factory=list)
    employer_rows: list = field(default_factory=list)
    agreements: list = field(default_factory=list)  # dicts of Agreement fields
    candidates: list = field(default_factory=list)  # dicts of Candidate fields
    hires: list = field(default_factory=list)  # (candidate_ref, orgnr, date)

    @property
    def is_valid(self) -> bool:
        return not self.errors


def _rows_from_table(name: str, table: list[list]) -> list[dict]:
    if not table:
        raise PilotFileError(_("%(file)s er tom.") % {"file": f"{name}.csv"})
    headers = [_cell_text(h).lower() for h in table[0]]
    missing = [c for c in FILES[name] if c not in headers]
    if missing:
        raise PilotFileError(
            _("%(file)s mangler kolonnen %(columns)s.")
            % {"file": f"{name}.csv", "columns": ", ".join(missing)}
        )
    rows = []
    for number, raw in enumerate(table[1:], start=2):
        values = {h: _cell_text(v) for h, v in zip(headers, raw, strict=False) if h in FILES[name]}
        if any(values.values()):
            rows.append({"row": number, "values": values})
    return rows


def read_pilot_files(files: dict[str, bytes], xlsx=None) -> dict:
    """Rows of the four files, from CSV contents by name ("employers" …) or the sheets of one
    XLSX workbook (a file object)."""
    tables = {}
    if xlsx is not None:
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(xlsx, read_only=True, data_only=True)
        except Exception as error:  # noqa: BLE001 - any unreadable workbook is the user's file
            raise PilotFileError(
                _("Kunne ikke lese Excel-filen. Er den lagret som .xlsx?")
            ) from error
        for name in FILES:
            if name in workbook.sheetnames:
                tables[name] = [list(r) for r in workbook[name].iter_rows(values_only=True)]
        workbook.close()
    for name, content in files.items():
        tables[name] = _csv_rows(content)
    missing = [name for name in FILES if name not in tables]
    if missing:
        raise PilotFileError(
            _("Mangler %(files)s.") % {"files": ", ".join(f"{m}.csv" for m in missing)}
        )
    return {name: _rows_from_table(name, tables[name]) for name in FILES}


def read_pilot_dir(directory: Path) -> dict:
    workbooks = sorted(directory.glob("*.xlsx"))
    files = {
        name: (directory / f"{name}.csv").read_bytes()
        for name in FILES
        if (directory / f"{name}.csv").exists()
    }
    if workbooks and not files:
        with workbooks[0].open("rb") as handle:
            return read_pilot_files({}, xlsx=handle)
    return read_pilot_files(files)


def _date(value: str) -> date | None:
    if not ISO_DATE.match(value):
        raise ValueError
    return date.fromisoformat(value)


class _Checker:
    def __init__(self, plan: PilotPlan):
        self.plan = plan
        self.counties = {c.name.lower(): c for c in County.objects.all()}

    def error(self, file: str, row: int, column: str, message) -> None:
        self.plan.errors.append(PilotError(file, row, column, str(message)))

    def choice(self, file, row, column, value, allowed) -> bool:
        if value in allowed:
            return True
        self.error(
            file,
            row,
            column,
            _("Ukjent verdi «%(value)s». Bruk %(allowed)s.")
            % {"value": value, "allowed": ", ".join(sorted(a for a in allowed if a))},
        )
        return False

    def date(self, file, row, column, value, *, required=False) -> date | None:
        if not value:
            if required:
                self.error(file, row, column, _("Dato mangler."))
            return None
        try:
            return _date(value)
        except ValueError:
            self.error(
                file,
                row,
                column,
                _("Ugyldig dato «%(value)s». Skriv datoen som ÅÅÅÅ-MM-DD.") % {"value": value},
            )
            return None

    def unique(self, file, rows, column) -> set[str]:
        first = {}
        for row in rows:
            value = row["values"].get(column, "")
            if not value:
                self.error(file, row["row"], column, _("Verdien mangler."))
            elif value in first:
                self.error(
                    file,
                    row["row"],
                    column,
                    _("«%(value)s» står også på rad %(row)s.")
                    % {"value": value, "row": first[value]},
                )
            else:
                first[value] = row["row"]
        return set(first)


def _check_employers(plan: PilotPlan, rows: list[dict]) -> set[str]:
    translated = []
    for row in rows:
        values = {EMPLOYER_COLUMNS[k]: v for k, v in row["values"].items()}
        values["sektor"] = SECTORS.get(values.get("sektor", ""), values.get("sektor", ""))
        translated.append({"row": row["row"], "values": values})
    back = {v: k for k, v in EMPLOYER_COLUMNS.items()}
    employer_plan = plan_import(translated)
    for error in employer_plan.errors:
        plan.errors.append(
            PilotError(
                "employers.csv", error.row, back.get(error.column, error.column), error.message
            )
        )
    plan.employer_rows = translated
    orgnrs = set()
    for row in rows:
        try:
            orgnrs.add(clean_orgnr(row["values"].get("orgnr", "")))
        except Exception:  # noqa: BLE001,S112 - reported by the employer import above
            continue
    return orgnrs


def _orgnr(checker, file, row, value, known: set[str]) -> str | None:
    try:
        orgnr = clean_orgnr(value)
    except Exception as error:  # noqa: BLE001 - ValidationError with a Norwegian message
        checker.error(file, row, "orgnr", " ".join(getattr(error, "messages", [str(error)])))
        return None
    if orgnr not in known:
        checker.error(
            file,
            row,
            "orgnr",
            _("Virksomheten %(orgnr)s finnes verken i employers.csv eller i registeret.")
            % {"orgnr": orgnr},
        )
        return None
    return orgnr


def _check_agreements(checker, rows, known_orgnrs) -> None:
    file = "agreements.csv"
    checker.unique(file, rows, "agreement_ref")
    emails = {r["values"].get("contact_email", "").lower() for r in rows} - {""}
    contacts = {
        u.email.lower(): u
        for u in User.objects.filter(email__in=emails, role__in=CONTACT_ROLES, is_active=True)
    }
    for row in rows:
        n, v = row["row"], row["values"]
        orgnr = _orgnr(checker, file, n, v.get("orgnr", ""), known_orgnrs)
        status_ok = checker.choice(file, n, "status", v.get("status", ""), AGREEMENT_STATUS)
        signed_on = checker.date(file, n, "signed_on", v.get("signed_on", ""))
        ended_on = checker.date(file, n, "ended_on", v.get("ended_on", ""))
        status = v.get("status")
        if status in ("active", "ended") and not v.get("signed_on"):
            checker.error(
                file, n, "signed_on", _("En aktiv eller avsluttet avtale må ha signert dato.")
            )
        if status == "ended" and not v.get("ended_on"):
            checker.error(file, n, "ended_on", _("En avsluttet avtale må ha sluttdato."))
        if status != "ended" and v.get("ended_on"):
            checker.error(file, n, "ended_on", _("Bare en avsluttet avtale har sluttdato."))
        email = v.get("contact_email", "").lower()
        if email and email not in contacts:
            checker.error(
                file,
                n,
                "contact_email",
                _("Ingen aktiv markedskontakt eller tiltaksleverandør har e-posten %(email)s.")
                % {"email": email},
            )
        checker.choice(file, n, "union_rep_involved", v.get("union_rep_involved", ""), UNION)
        if orgnr and status_ok:
            checker.plan.agreements.append(
                {
                    "import_ref": v["agreement_ref"],
                    "orgnr": orgnr,
                    "status": AGREEMENT_STATUS[status],
                    "signed_on": signed_on,
                    "end_date": ended_on,
                    "end_reason": "other" if status == "ended" else "",
                    "plan_anchor": signed_on if status == "active" else None,
                    "fixed_contact": contacts.get(email),
                    "union_involvement": UNION.get(v.get("union_rep_involved", ""), "none"),
                }
            )


def _check_candidates(checker, rows) -> set[str]:
    file = "candidates.csv"
    refs = checker.unique(file, rows, "candidate_ref")
    for row in rows:
        n, v = row["row"], row["values"]
        birth_date = checker.date(file, n, "birth_date", v.get("birth_date", ""), required=True)
        ok = all(
            [
                checker.choice(file, n, "gender", v.get("gender", ""), GENDERS),
                checker.choice(file, n, "education", v.get("education", ""), EDUCATION),
                checker.choice(file, n, "immigrant", v.get("immigrant", ""), YES_NO),
                checker.choice(
                    file, n, "birth_region", v.get("birth_region", ""), BIRTH_COUNTRY_GROUP
                ),
                checker.choice(file, n, "innsatsgruppe", v.get("innsatsgruppe", ""), INNSATSGRUPPE),
            ]
        )
        county = checker.counties.get(v.get("county", "").lower())
        if county is None:
            checker.error(
                file, n, "county", _("Ukjent fylke «%(value)s».") % {"value": v.get("county", "")}
            )
        if ok and county and birth_date:
            checker.plan.candidates.append(
                {
                    "import_ref": v["candidate_ref"],
                    "birth_date": birth_date,
                    "gender": v["gender"],
                    "education": EDUCATION[v["education"]],
                    "is_immigrant": YES_NO[v["immigrant"]],
                    "birth_region": v["birth_region"],
                    "birth_country_group": BIRTH_COUNTRY_GROUP[v["birth_region"]],
                    "innsatsgruppe": INNSATSGRUPPE[v["innsatsgruppe"]],
                    "county_id": county.pk,
                }
            )
    return refs


def _check_hires(checker, rows, known_orgnrs, candidate_refs) -> None:
    file = "hires.csv"
    seen = {}
    for row in rows:
        n, v = row["row"], row["values"]
        ref = v.get("candidate_ref", "")
        if ref not in candidate_refs:
            checker.error(
                file,
                n,
                "candidate_ref",
                _("Kandidaten «%(ref)s» finnes verken i candidates.csv eller fra før.")
                % {"ref": ref},
            )
        orgnr = _orgnr(checker, file, n, v.get("orgnr", ""), known_orgnrs)
        hired_on = checker.date(file, n, "hired_on", v.get("hired_on", ""), required=True)
        key = (ref, orgnr, hired_on)
        if key in seen:
            checker.error(
                file,
                n,
                "hired_on",
                _("Samme ansettelse står også på rad %(row)s.") % {"row": seen[key]},
            )
        elif ref in candidate_refs and orgnr and hired_on:
            seen[key] = n
            checker.plan.hires.append(key)


def check_pilot_files(rows: dict) -> PilotPlan:
    """Check all four files against each other and the register. Reads only."""
    plan = PilotPlan(rows=rows)
    checker = _Checker(plan)
    orgnrs = _check_employers(plan, rows["employers"])
    named = {
        r["values"].get("orgnr", "").replace(" ", "")
        for f in ("agreements", "hires")
        for r in rows[f]
    }
    orgnrs |= set(Employer.objects.filter(orgnr__in=named).values_list("orgnr", flat=True))
    _check_agreements(checker, rows["agreements"], orgnrs)
    refs = _check_candidates(checker, rows["candidates"])
    hire_refs = {r["values"].get("candidate_ref", "") for r in rows["hires"]}
    refs |= set(
        Candidate.objects.filter(is_imported=True, import_ref__in=hire_refs).values_list(
            "import_ref", flat=True
        )
    )
    _check_hires(checker, rows["hires"], orgnrs, refs)
    plan.errors.sort(
        key=lambda e: (list(FILES).index(e.file.removesuffix(".csv")), e.row, e.column)
    )
    return plan


class PilotImportInvalid(Exception):
    def __init__(self, plan: PilotPlan):
        super().__init__(f"{len(plan.errors)} errors")
        self.plan = plan


@dataclass
class PilotResult:
    created: dict = field(default_factory=dict)
    updated: dict = field(default_factory=dict)


def _upsert(model, key: str, records: list[dict], result: PilotResult, name: str, **fixed):
    existing = model.objects.in_bulk([r[key] for r in records], field_name=key)
    created, updated = [], []
    for record in records:
        obj = existing.get(record[key])
        if obj is None:
            created.append(model(**record, **fixed))
            continue
        changes = {f: v for f, v in record.items() if getattr(obj, f) != v}
        if changes:
            for f, v in changes.items():
                setattr(obj, f, v)
            obj.save(
                update_fields=[*changes, *(["updated_at"] if hasattr(obj, "updated_at") else [])]
            )
            updated.append(obj)
    for obj in created:
        obj.save()
    result.created[name] = len(created)
    result.updated[name] = len(updated)


@transaction.atomic
def apply_pilot_import(*, rows: dict, actor: User) -> PilotResult:
    """Check again and write everything, or raise PilotImportInvalid and write nothing."""
    plan = check_pilot_files(rows)
    if not plan.is_valid:
        raise PilotImportInvalid(plan)
    result = PilotResult()
    if plan.employer_rows:
        employer_import = employer_import_create(
            file_name="employers.csv",
            content=ImportFile(columns=list(EMPLOYER_COLUMNS.values()), rows=plan.employer_rows),
            actor=actor,
        )
        applied = employer_import_apply(employer_import=employer_import, actor=actor)
        result.created["employers"] = applied.created_count
        result.updated["employers"] = applied.updated_count
    orgnrs = {a["orgnr"] for a in plan.agreements} | {h[1] for h in plan.hires}
    employers = Employer.objects.in_bulk(orgnrs, field_name="orgnr")

    template = AgreementTemplate.objects.order_by("-version").first()
    agreements = []
    for record in plan.agreements:
        employer = employers[record.pop("orgnr")]
        agreements.append({**record, "employer_id": employer.pk, "county_id": employer.county_id})
    _upsert(
        Agreement,
        "import_ref",
        agreements,
        result,
        "agreements",
        template=template,
        employer_commitments=template.employer_commitments,
        nav_commitments=template.nav_commitments,
        created_by=actor,
    )
    Employer.objects.filter(
        pk__in=[a["employer_id"] for a in agreements if a["status"] == Agreement.Status.ACTIVE]
    ).exclude(status=Employer.Status.AGREEMENT).update(status=Employer.Status.AGREEMENT)

    _upsert(
        Candidate,
        "import_ref",
        plan.candidates,
        result,
        "candidates",
        is_imported=True,
        is_active=False,
        owner=None,
        fnr=None,
        first_name="",
        last_name="",
        municipality="",
    )
    candidates = Candidate.objects.filter(is_imported=True).in_bulk(
        {h[0] for h in plan.hires}, field_name="import_ref"
    )
    have = set(
        Placement.objects.filter(
            registered_afterwards=True, candidate__in=candidates.values()
        ).values_list("candidate_id", "employer_id", "start_date")
    )
    new = []
    for ref, orgnr, hired_on in plan.hires:
        key = (candidates[ref].pk, employers[orgnr].pk, hired_on)
        if key not in have:
            have.add(key)
            new.append(
                Placement(
                    candidate_id=key[0],
                    employer_id=key[1],
                    start_date=hired_on,
                    contract_confirmed=False,
                    registered_afterwards=True,
                )
            )
    Placement.objects.bulk_create(new)
    result.created["hires"] = len(new)
    result.updated["hires"] = 0
    return result
