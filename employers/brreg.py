"""Optional lookup in Enhetsregisteret, the public register of legal entities run by the
Brønnøysund Register Centre (https://data.brreg.no/enhetsregisteret/api/dokumentasjon/).

Off unless `BRREG_ENABLED`; `BRREG_URL` and `BRREG_TIMEOUT` (seconds) configure it. The app
works fully without it: a caller that gets `BrregUnavailable` simply shows an empty form.
"""

import json
from dataclasses import dataclass
from urllib.error import HTTPError, URLError
from urllib.request import Request, urlopen

from django.conf import settings

from .models import Employer
from .sn2007 import section_for


class BrregUnavailable(Exception):
    """The register did not answer in time, or answered something we cannot read."""


@dataclass(frozen=True)
class BrregUnit:
    orgnr: str
    name: str
    street_address: str = ""
    postal_code: str = ""
    postal_place: str = ""
    municipality: str = ""
    county_number: str = ""
    industry_code: str = ""
    employee_band: str = ""
    parent_orgnr: str = ""
    sector: str = ""
    website: str = ""


def brreg_lookup(orgnr: str) -> BrregUnit | None:
    """The unit with this (already validated) orgnr, or None if the register has none.

    Sub-units are asked first: agreements are made with the local unit (evaluation ch. 4).
    """
    for register in ("underenheter", "enheter"):
        data = _fetch_json(f"{settings.BRREG_URL}/enhetsregisteret/api/{register}/{orgnr}")
        if data is not None:
            return _unit_from(data)
    return None


def _fetch_json(url: str) -> dict | None:
    if not url.startswith(("https://", "http://")):
        raise BrregUnavailable(f"BRREG_URL must be an http(s) address, not {url!r}")
    # The scheme is checked above, so S310's file: and custom-scheme concern does not apply.
    request = Request(url, headers={"Accept": "application/json"})  # noqa: S310
    try:
        with urlopen(request, timeout=settings.BRREG_TIMEOUT) as response:  # noqa: S310
            data = json.load(response)
    except HTTPError as error:
        # 410 Gone is the register's answer for a deleted unit.
        if error.code in (404, 410):
            return None
        raise BrregUnavailable(f"HTTP {error.code} from {url}") from error
    except (URLError, OSError, ValueError) as error:
        raise BrregUnavailable(f"{url}: {error}") from error
    if not isinstance(data, dict) or not data.get("organisasjonsnummer"):
        raise BrregUnavailable(f"{url}: not a unit")
    return data


def _unit_from(data: dict) -> BrregUnit:
    # Sub-units have a visiting address (beliggenhetsadresse), main units a business address.
    address = data.get("beliggenhetsadresse") or data.get("forretningsadresse") or {}
    website = data.get("hjemmeside") or ""
    if website and "://" not in website:
        website = f"https://{website}"
    return BrregUnit(
        orgnr=data["organisasjonsnummer"],
        name=data.get("navn", ""),
        street_address=", ".join(line for line in address.get("adresse") or [] if line),
        postal_code=address.get("postnummer") or "",
        postal_place=(address.get("poststed") or "").title(),
        municipality=(address.get("kommune") or "").title(),
        county_number=(address.get("kommunenummer") or "")[:2],
        industry_code=section_for((data.get("naeringskode1") or {}).get("kode", "")) or "",
        employee_band=Employer.EmployeeBand.for_count(data.get("antallAnsatte")),
        parent_orgnr=data.get("overordnetEnhet") or "",
        sector=_sector(data),
        website=website,
    )


def _sector(data: dict) -> str:
    """Institutional sector codes 6xxx are general government (state and local
    administration): public. Any other code is private. Sub-units carry no code, so the
    user chooses."""
    code = (data.get("institusjonellSektorkode") or {}).get("kode", "")
    if not code:
        return ""
    return Employer.Sector.PUBLIC if code.startswith("6") else Employer.Sector.PRIVATE
