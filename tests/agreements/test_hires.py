"""Hires through the model counted before and after the employer signed its agreement (the
evaluation compares the two), on the agreement page, the employer page and the county
dashboard on the project leader's home page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import County, Role
from candidates.models import Placement, Step
from candidates.selectors.pipeline import hires_around
from candidates.services.shortlist import shortlist_for
from tests.pages import home_section

from ..candidates.factories import ShortlistEntryFactory
from ..employers.factories import EmployerFactory, JobOpeningFactory
from ..factories import user_with_role
from .factories import AgreementFactory

pytestmark = pytest.mark.django_db

SIGNED = datetime.date(2026, 6, 1)


def _hire(employer, start_date: datetime.date) -> Placement:
    opening = JobOpeningFactory(employer=employer)
    entry = ShortlistEntryFactory(shortlist=shortlist_for(opening), step=Step.HIRED)
    return Placement.objects.create(
        entry=entry,
        candidate=entry.candidate,
        employer=employer,
        start_date=start_date,
        position="Lagermedarbeider",
        contract_type=Placement.ContractType.PERMANENT,
        contract_confirmed=True,
        extent_percent=100,
        recorded_by=entry.added_by,
    )


def _employer_with_hires_around_signing():
    employer = EmployerFactory()
    _hire(employer, SIGNED - datetime.timedelta(days=40))
    _hire(employer, SIGNED)
    _hire(employer, SIGNED + datetime.timedelta(days=10))
    _hire(EmployerFactory(), SIGNED)  # another employer's hire counts for nobody here
    return employer


def test_hires_are_split_at_the_signing_day():
    employer = _employer_with_hires_around_signing()
    hires = hires_around(employer_id=employer.pk, signed_on=SIGNED)
    assert (hires.before, hires.after, hires.total) == (1, 2, 3)
    unsigned = hires_around(employer_id=employer.pk, signed_on=None)
    assert (unsigned.before, unsigned.after) == (3, 0)


def _agreement_seen_by_its_contact(client, **fields):
    """An agreement with the employer hiring around SIGNED; its fixed contact is logged in."""
    agreement = AgreementFactory(employer=_employer_with_hires_around_signing(), **fields)
    client.force_login(agreement.fixed_contact)
    return agreement


def test_agreement_page_shows_hires_before_and_after_signing(client):
    agreement = _agreement_seen_by_its_contact(client, active=True, signed_on=SIGNED)
    page = client.get(reverse("agreements:detail", args=[agreement.pk])).content.decode()
    assert "Etter signering (1. jun. 2026)" in page
    assert '<dd class="col-4 text-end mb-1">2</dd>' in page
    assert '<dd class="col-4 text-end mb-0">1</dd>' in page


def test_agreement_in_dialogue_counts_hires_so_far(client):
    agreement = _agreement_seen_by_its_contact(client)
    page = client.get(reverse("agreements:detail", args=[agreement.pk])).content.decode()
    assert "3 ansettelser gjennom Vi inkluderer! så langt; avtalen er ikke signert ennå." in page


def test_employer_page_marks_each_hire_before_or_after_the_first_signing(client):
    agreement = _agreement_seen_by_its_contact(client, active=True, signed_on=SIGNED)
    page = client.get(reverse("employers:detail", args=[agreement.employer_id])).content.decode()
    assert "Avtale første gang signert 1. jun. 2026." in page
    assert page.count("Før avtalen") == 1
    assert page.count("Etter avtalen") == 2


def test_the_county_dashboard_counts_this_years_hires_and_those_after_signing(client):
    today = timezone.localdate()
    oslo = County.objects.get(name="Oslo")
    with_agreement = EmployerFactory(county=oslo)
    AgreementFactory(employer=with_agreement, active=True, signed_on=today.replace(month=1, day=1))
    _hire(with_agreement, today)  # after signing
    _hire(EmployerFactory(county=oslo), today)  # no agreement
    _hire(with_agreement, today - datetime.timedelta(days=400))  # an earlier year
    _hire(EmployerFactory(county=County.objects.get(name="Vestland")), today)  # elsewhere
    client.force_login(user_with_role(Role.PROJECT_LEADER, county=oslo))
    section = home_section(client.get("/"), "candidate_counts")
    assert section.context["counts"]["hires_this_year"] == 2
    assert section.context["counts"]["hires_after_signing"] == 1
