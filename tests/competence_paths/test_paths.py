import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import Role
from competence_paths.models import CompetencePath, PathTemplate
from competence_paths.services.paths import (
    path_save_as_template,
    path_transition,
    stage_dates,
    template_initial,
)
from core.activity import history_for
from core.transitions import TransitionRefused
from tests.factories import county, user_with_role

from .factories import make_path, stord_template

pytestmark = pytest.mark.django_db
D = datetime.date


def test_the_four_built_in_templates_are_loaded():
    names = set(PathTemplate.objects.filter(county=None).values_list("name", flat=True))
    assert names == {"Stord: stillasbygger", "Springbrett", "Menn i helse", "JobbLoop"}


def test_stord_template_has_four_weeks_course_then_eight_weeks_production():
    template = stord_template()
    assert [(s.kind, s.duration_weeks) for s in template.stages.all()] == [
        ("course", 4),
        ("work_training", 8),
    ]
    assert template.union_involved and template.hire_decision_weeks == 13


def test_stage_dates_follow_each_other_across_a_year_end():
    assert stage_dates(D(2026, 12, 14), [4, 8]) == [
        (D(2026, 12, 14), D(2027, 1, 10)),
        (D(2027, 1, 11), D(2027, 3, 7)),
    ]


def test_stage_dates_count_the_leap_day():
    assert stage_dates(D(2028, 2, 14), [2]) == [(D(2028, 2, 14), D(2028, 2, 27))]
    assert stage_dates(D(2028, 2, 21), [1, 1]) == [
        (D(2028, 2, 21), D(2028, 2, 27)),
        (D(2028, 2, 28), D(2028, 3, 5)),
    ]


def test_a_created_path_stores_stage_dates_and_its_end():
    path = make_path(start=D(2026, 12, 14), weeks=(4, 8))
    assert [(s.starts_on, s.ends_on) for s in path.stages.all()] == stage_dates(
        D(2026, 12, 14), [4, 8]
    )
    assert path.ends_on == D(2027, 3, 7)
    assert [e.action for e in history_for(path)] == ["competence_paths.path.created"]


def test_copying_a_template_into_a_path_and_changing_it_leaves_the_template_alone():
    template = stord_template()
    before = (
        template.name,
        template.places,
        list(template.stages.values_list("title", "duration_weeks")),
    )
    initial, stages = template_initial(template, start=D(2026, 3, 2))
    stages[0]["duration_weeks"] = 6
    stages[0]["title"] = "Lengre kurs"
    initial["places"] = 10
    path = make_path(weeks=(6, 8), places=initial["places"], template=template)
    path_save_as_template(path=path, actor=path.contact, name="Stillas Vestland")
    template.refresh_from_db()
    after = (
        template.name,
        template.places,
        list(template.stages.values_list("title", "duration_weeks")),
    )
    assert after == before
    assert initial["hire_decision_on"] == D(2026, 3, 2) + datetime.timedelta(weeks=13)


def test_a_path_saved_as_template_belongs_to_its_county():
    path = make_path(weeks=(3, 5))
    template = path_save_as_template(path=path, actor=path.contact, name="Vår mal")
    assert template.county_id == path.county_id
    assert list(template.stages.values_list("duration_weeks", flat=True)) == [3, 5]
    with pytest.raises(ValidationError):
        path_save_as_template(path=path, actor=path.contact, name="Vår mal")


def test_path_moves_draft_planned_running_completed_and_logs_each():
    path = make_path()
    for to in ("planned", "running", "completed"):
        path_transition(path=path, to=to, actor=path.contact)
    path.refresh_from_db()
    assert path.status == CompetencePath.Status.COMPLETED
    assert [e.to_state for e in history_for(path)][1:] == ["planned", "running", "completed"]


def test_a_completed_path_cannot_be_cancelled():
    path = make_path(status=CompetencePath.Status.COMPLETED)
    with pytest.raises(TransitionRefused):
        path_transition(path=path, to="cancelled", actor=path.contact, reason="budget")


def test_a_draft_cannot_jump_to_running():
    path = make_path()
    with pytest.raises(TransitionRefused):
        path_transition(path=path, to="running", actor=path.contact)


def test_cancelling_needs_a_reason_and_other_needs_text():
    path = make_path()
    with pytest.raises(ValidationError):
        path_transition(path=path, to="cancelled", actor=path.contact)
    with pytest.raises(ValidationError):
        path_transition(path=path, to="cancelled", actor=path.contact, reason="other")
    path_transition(path=path, to="cancelled", actor=path.contact, reason="budget")
    path.refresh_from_db()
    assert (path.status, path.cancel_reason) == ("cancelled", "budget")


def test_a_contact_person_in_another_county_may_not_change_the_path():
    path = make_path()
    outsider = user_with_role(Role.CONTACT_PERSON, county=county("Vestland"))
    with pytest.raises(PermissionDenied):
        path_transition(path=path, to="planned", actor=outsider)


def test_a_public_employer_path_shows_the_open_advertising_risk_until_cleared():
    from tests.employers.factories import EmployerFactory

    path = make_path(employer=EmployerFactory(sector="public"))
    assert path.advertising_risk
    path.open_advertising = CompetencePath.OpenAdvertising.NO
    assert not path.advertising_risk
    assert not make_path().advertising_risk
