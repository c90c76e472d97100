"""The Enhetsregisteret adapter against a real HTTP server on 127.0.0.1 (no internet here)."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.urls import reverse

from devdata.demo.accounts import demo_orgnr
from employers.brreg import BrregUnavailable, brreg_lookup
from employers.models import Employer
from employers.sn2007 import section_for

from .factories import EmployerFactory

ORGNR = "974760673"
SUB_UNIT = {
    "organisasjonsnummer": ORGNR,
    "navn": "STORD STILLAS AS AVD LEIRVIK",
    "overordnetEnhet": demo_orgnr(77),
    "antallAnsatte": 37,
    "hjemmeside": "www.stordstillas.example.no",
    "naeringskode1": {"kode": "43.991", "beskrivelse": "Utleie av stillaser"},
    "beliggenhetsadresse": {
        "adresse": ["Sjøgata 12", ""],
        "postnummer": "5411",
        "poststed": "STORD",
        "kommune": "STORD",
        "kommunenummer": "4614",
    },
}
MAIN_UNIT = {
    "organisasjonsnummer": ORGNR,
    "navn": "STORD KOMMUNE",
    "antallAnsatte": 1800,
    "naeringskode1": {"kode": "84.110"},
    "institusjonellSektorkode": {"kode": "6500", "beskrivelse": "Kommuneforvaltningen"},
    "forretningsadresse": {"adresse": ["Borggata 9"], "postnummer": "5411", "poststed": "STORD"},
}


class FakeRegister:
    """Answers paths from `routes` (path -> JSON, or "slow" to outlast the client's timeout)."""

    def __init__(self):
        self.routes: dict[str, object] = {}
        self.requests: list[str] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                fake.requests.append(self.path)
                answer = fake.routes.get(self.path)
                if answer == "slow":
                    time.sleep(1)
                if answer is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                body = answer if isinstance(answer, bytes) else json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def register(settings):
    with FakeRegister() as fake:
        settings.BRREG_URL = fake.url
        settings.BRREG_TIMEOUT = 0.3
        yield fake


def _path(kind: str) -> str:
    return f"/enhetsregisteret/api/{kind}/{ORGNR}"


def test_lookup_reads_a_sub_unit(register):
    register.routes[_path("underenheter")] = SUB_UNIT
    unit = brreg_lookup(ORGNR)
    assert unit.name == "STORD STILLAS AS AVD LEIRVIK"
    assert (unit.street_address, unit.postal_code, unit.postal_place) == (
        "Sjøgata 12",
        "5411",
        "Stord",
    )
    assert (unit.municipality, unit.county_number) == ("Stord", "46")
    assert (unit.industry_code, unit.employee_band) == ("F", "20-49")
    assert unit.parent_orgnr == demo_orgnr(77)
    assert unit.website == "https://www.stordstillas.example.no"
    assert unit.sector == ""


def test_lookup_falls_back_to_the_main_unit_register(register):
    register.routes[_path("enheter")] = MAIN_UNIT
    unit = brreg_lookup(ORGNR)
    assert register.requests == [_path("underenheter"), _path("enheter")]
    assert (unit.name, unit.sector, unit.industry_code) == ("STORD KOMMUNE", "public", "O")
    assert unit.employee_band == "500+"


def test_lookup_returns_none_when_neither_register_knows_the_orgnr(register):
    assert brreg_lookup(ORGNR) is None


def test_lookup_gives_up_after_the_timeout(register):
    register.routes[_path("underenheter")] = "slow"
    started = time.monotonic()
    with pytest.raises(BrregUnavailable):
        brreg_lookup(ORGNR)
    assert time.monotonic() - started < 1


def test_lookup_reports_an_unreadable_answer_as_unavailable(register):
    register.routes[_path("underenheter")] = b"<html>Vedlikehold</html>"
    with pytest.raises(BrregUnavailable):
        brreg_lookup(ORGNR)


def test_sn2007_codes_map_to_their_sections():
    cases = {"01.110": "A", "10.1": "C", "35.11": "D", "41.200": "F", "47.111": "G"}
    cases |= {"68.2": "L", "84.110": "O", "88.911": "Q", "99.000": "U", "q": "Q", "42": "F"}
    assert {code: section_for(code) for code in cases} == cases
    assert section_for("04.000") is None
    assert section_for("X") is None


def test_employee_bands_follow_the_head_count():
    bands = {n: Employer.EmployeeBand.for_count(n) for n in (None, 0, 1, 4, 5, 19, 20, 499, 500)}
    assert bands == {
        None: "",
        0: "",
        1: "1-4",
        4: "1-4",
        5: "5-9",
        19: "10-19",
        20: "20-49",
        499: "250-499",
        500: "500+",
    }


@pytest.mark.django_db
def test_create_form_is_prefilled_from_the_register_when_enabled(
    login, contact_person, register, settings
):
    settings.BRREG_ENABLED = True
    parent = EmployerFactory(orgnr=demo_orgnr(77))
    register.routes[_path("underenheter")] = SUB_UNIT
    response = login(contact_person).get(reverse("employers:create"), {"orgnr": ORGNR})
    initial = response.context["form"].initial
    assert initial["name"] == "STORD STILLAS AS AVD LEIRVIK"
    assert initial["county"].name == "Vestland"
    assert initial["industry"].code == "F"
    assert initial["parent_orgnr"] == parent.orgnr
    assert "fylt ut fra Enhetsregisteret" in response.content.decode()


@pytest.mark.django_db
def test_create_form_is_empty_with_a_short_note_when_the_register_times_out(
    login, contact_person, register, settings
):
    settings.BRREG_ENABLED = True
    register.routes[_path("underenheter")] = "slow"
    response = login(contact_person).get(reverse("employers:create"), {"orgnr": ORGNR})
    assert response.status_code == 200
    assert response.context["form"].initial == {"orgnr": ORGNR}
    assert "Enhetsregisteret svarte ikke" in response.content.decode()


@pytest.mark.django_db
def test_register_is_not_asked_when_the_lookup_is_off(login, contact_person, register, settings):
    settings.BRREG_ENABLED = False
    register.routes[_path("underenheter")] = SUB_UNIT
    response = login(contact_person).get(reverse("employers:create"), {"orgnr": ORGNR})
    assert response.context["form"].initial == {"orgnr": ORGNR}
    assert register.requests == []
