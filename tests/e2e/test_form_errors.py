"""Errors the user can see (issue 13, item 6): the occupation picker's and the radio groups'
messages are visible, and a long form opens at an error summary linking to each field."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from employers.models import Employer

from .conftest import assert_accessible, log_in

REQUIRED = "Feltet er påkrevet."


@pytest.fixture
def demo_world(live_site):
    call_command("seed_demo")
    return live_site


def _summary_link_focuses(page, field_label, target):
    summary = page.get_by_role("alert").filter(has_text="Skjemaet har feil")
    expect(summary).to_be_focused()
    summary.get_by_role("link", name=f"{field_label}: {REQUIRED}").click()
    expect(page.locator(target)).to_be_in_viewport()


def test_an_empty_opening_form_shows_the_occupation_error_and_a_summary(page, demo_world):
    employer = Employer.objects.get(name="Tiller Lager og Logistikk AS")
    log_in(page, demo_world.url, "markedskontakt@demo.no")
    page.goto(demo_world.url + reverse("employers:opening_create", args=[employer.pk]))
    expect(page.get_by_role("heading", name="Registrer stilling", level=1)).to_be_visible()
    page.get_by_role("button", name="Lagre som utkast").click()
    expect(page.locator("#div_id_occupation .invalid-feedback")).to_have_text(REQUIRED)
    expect(page.locator("#div_id_occupation .invalid-feedback")).to_be_visible()
    page.screenshot(path="var/screenshots/form-errors-opening.png", full_page=True)
    assert_accessible(page)
    _summary_link_focuses(page, "Yrke (STYRK-08)", "#id_occupation")


def test_an_empty_candidate_form_shows_the_gender_error_and_a_summary(page, demo_world):
    log_in(page, demo_world.url, "veileder@demo.no")
    page.goto(demo_world.url + reverse("candidates:create"))
    page.get_by_role("button", name="Registrer kandidaten").click()
    expect(page.locator("#div_id_gender .invalid-feedback")).to_be_visible()
    expect(page.locator("#div_id_gender .invalid-feedback")).to_have_text(REQUIRED)
    page.screenshot(path="var/screenshots/form-errors-candidate.png", full_page=True)
    assert_accessible(page)
    _summary_link_focuses(page, "Kjønn", "#div_id_gender")
