"""Competence paths on the portal home and in the history: the employer's own paths only,
drafts never, and the acting unit's only."""

import datetime

import pytest
from django.urls import reverse

from accounts.models import Role
from competence_paths.models import PathStatus

from ..competence_paths.factories import make_path
from ..employers.factories import EmployerFactory
from ..factories import user_with_role

pytestmark = pytest.mark.django_db


def test_the_home_lists_planned_and_running_paths_of_the_own_employer_only(client):
    employer = EmployerFactory()
    running = make_path(employer=employer, title="Lagerløpet", status=PathStatus.RUNNING)
    make_path(employer=employer, title="Utkastløpet")
    make_path(employer=employer, title="Ferdigløpet", status=PathStatus.COMPLETED)
    make_path(title="Andres løp", status=PathStatus.RUNNING)
    client.force_login(user_with_role(Role.EMPLOYER_USER, employer=employer))
    page = client.get(reverse("home")).content.decode()
    assert "Lagerløpet" in page
    assert reverse("competence_paths:detail", args=[running.pk]) in page
    for hidden in ("Utkastløpet", "Ferdigløpet", "Andres løp"):
        assert hidden not in page


def test_the_history_tells_paths_run_and_completed(client):
    employer = EmployerFactory()
    make_path(
        employer=employer,
        title="Sveiseløpet",
        start=datetime.date(2026, 1, 5),
        status=PathStatus.COMPLETED,
    )
    make_path(employer=employer, title="Planlagt løp", status=PathStatus.PLANNED)
    make_path(title="Andres løp", status=PathStatus.COMPLETED)
    client.force_login(user_with_role(Role.EMPLOYER_USER, employer=employer))
    page = client.get(reverse("portal:history")).content.decode()
    assert "Kompetanseløpet «Sveiseløpet» startet" in page
    assert "Kompetanseløpet «Sveiseløpet» ble fullført" in page
    assert "Planlagt løp" not in page and "Andres løp" not in page


def test_a_sub_units_paths_show_only_when_acting_for_it(client):
    main = EmployerFactory()
    unit = EmployerFactory(parent=main)
    make_path(employer=unit, title="Enhetsløpet", status=PathStatus.RUNNING)
    user = user_with_role(Role.EMPLOYER_USER, employer=main)
    user.employer_units.add(unit)
    client.force_login(user)
    assert "Enhetsløpet" not in client.get(reverse("home")).content.decode()
    client.post(reverse("portal:unit_pick"), {"unit": unit.pk})
    assert "Enhetsløpet" in client.get(reverse("home")).content.decode()
