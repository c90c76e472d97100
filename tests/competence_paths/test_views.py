import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from candidates.models import AuditRecord, ConsentRequest, Placement, Step
from candidates.services.pipeline import entry_hire
from competence_paths.models import CompetencePath, Participant, PathTemplate
from competence_paths.services.participants import participant_set_status, progress_record
from tests.candidates.factories import ConsentRequestFactory
from tests.employers.factories import EmployerFactory, EmployerPersonFactory
from tests.factories import county, user_with_role

from .factories import add_participant, make_path, stord_template

pytestmark = pytest.mark.django_db


def _stage_post(prefix: str, rows: list[dict]) -> dict:
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": "0"}
    for index, row in enumerate(rows):
        data |= {f"{prefix}-{index}-{key}": value for key, value in row.items()}
    return data


def test_a_contact_creates_a_path_from_the_stord_template(client):
    contact = user_with_role(Role.CONTACT_PERSON)
    employer = EmployerFactory()
    rep = EmployerPersonFactory(employer=employer, kind="union_rep", name="Tor Tillitsvalgt")
    client.force_login(contact)
    url = reverse("competence_paths:create", args=[employer.pk])
    page = client.get(url, {"mal": stord_template().pk})
    assert page.status_code == 200
    assert "Stillaskurs" in page.content.decode()
    data = {
        "title": "Stillasbygger Stord",
        "places": "4",
        "planned_start": "2026-12-14",
        "contact": str(contact.pk),
        "measures": ["work_training", "wage_subsidy"],
        "union_reps": [str(rep.pk)],
        "hire_terms": "Vurderes for ansettelse med lønnstilskudd etter 3 måneder",
        **_stage_post(
            "trinn",
            [
                {"kind": "course", "title": "Kurs", "duration_weeks": "4", "deliverer": "school"},
                {
                    "kind": "work_training",
                    "title": "Produksjon",
                    "duration_weeks": "8",
                    "deliverer": "employer",
                },
            ],
        ),
        **_stage_post("kostnad", [{"description": "Kursavgift", "amount": "24000"}]),
    }
    response = client.post(url + f"?mal={stord_template().pk}", data)
    path = CompetencePath.objects.get()
    assert response.status_code == 302
    assert path.ends_on == datetime.date(2027, 3, 7)
    assert list(path.union_reps.all()) == [rep]
    assert path.template == stord_template()
    assert path.cost_items.get().amount == 24000


def test_the_form_comes_back_with_what_was_typed_when_a_stage_is_missing_its_provider(client):
    contact = user_with_role(Role.CONTACT_PERSON)
    employer = EmployerFactory()
    client.force_login(contact)
    data = {
        "title": "Truckførerløp",
        "places": "2",
        "planned_start": "2026-05-04",
        "contact": str(contact.pk),
        **_stage_post(
            "trinn",
            [
                {
                    "kind": "course",
                    "title": "Truckkurs",
                    "duration_weeks": "2",
                    "deliverer": "provider",
                }
            ],
        ),
        **_stage_post("kostnad", []),
    }
    response = client.post(reverse("competence_paths:create", args=[employer.pk]), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Truckførerløp" in body and "Velg tiltaksleverandøren" in body
    assert not CompetencePath.objects.exists()


def test_the_path_page_cancels_with_a_reason_from_its_form(client):
    path = make_path(status=CompetencePath.Status.PLANNED)
    client.force_login(path.contact)
    detail = reverse("competence_paths:detail", args=[path.pk])
    assert "Avlys løpet" in client.get(detail).content.decode()
    url = reverse("competence_paths:transition", args=[path.pk, "cancelled"])
    refused = client.post(url, {"reason": "", "note": ""}, follow=True)
    assert "Oppgi hvorfor løpet avlyses." in refused.content.decode()
    refused = client.post(url, {"reason": "other", "note": " "}, follow=True)
    assert "Forklar årsaken" in refused.content.decode()
    path.refresh_from_db()
    assert path.status == CompetencePath.Status.PLANNED
    page = client.post(url, {"reason": "employer_withdrew", "note": "Ny eier"}, follow=True)
    path.refresh_from_db()
    assert (path.status, path.cancel_reason, path.cancel_note) == (
        "cancelled",
        "employer_withdrew",
        "Ny eier",
    )
    body = page.content.decode()
    assert "Virksomheten trakk seg – Ny eier" in body and "Løpet ble avlyst" in body


def test_a_county_template_saved_from_the_page_is_offered_in_that_county_only(client):
    path = make_path(weeks=(3, 5))
    client.force_login(path.contact)
    client.post(reverse("competence_paths:save_template", args=[path.pk]), {"name": "Vår egen mal"})
    template = PathTemplate.objects.get(name="Vår egen mal")
    assert template.county_id == path.county_id
    create = reverse("competence_paths:create", args=[path.employer_id])
    assert "Vår egen mal" in client.get(create).content.decode()
    copied = client.get(create, {"mal": template.pk}).content.decode()
    assert 'value="3"' in copied and 'value="5"' in copied
    elsewhere = EmployerFactory(county=county("Vestland"))
    client.force_login(user_with_role(Role.CONTACT_PERSON, county=elsewhere.county))
    create = reverse("competence_paths:create", args=[elsewhere.pk])
    page = client.get(create).content.decode()
    assert "Vår egen mal" not in page and "Stord: stillasbygger" in page
    assert client.get(create, {"mal": template.pk}).status_code == 404


def test_a_public_employer_records_open_advertising_and_the_page_warns(client):
    contact = user_with_role(Role.CONTACT_PERSON)
    client.force_login(contact)
    private = client.get(reverse("competence_paths:create", args=[EmployerFactory().pk]))
    assert 'name="open_advertising"' not in private.content.decode()
    public = EmployerFactory(sector="public")
    url = reverse("competence_paths:create", args=[public.pk])
    assert 'name="open_advertising"' in client.get(url).content.decode()
    data = {
        "title": "Helsefagarbeider",
        "places": "3",
        "planned_start": "2026-09-07",
        "contact": str(contact.pk),
        "open_advertising": "yes",
        **_stage_post(
            "trinn",
            [{"kind": "course", "title": "Kurs", "duration_weeks": "4", "deliverer": "school"}],
        ),
        **_stage_post("kostnad", []),
    }
    page = client.post(url, data, follow=True).content.decode()
    path = CompetencePath.objects.get()
    assert path.open_advertising == "yes"
    assert "kvalifikasjonsprinsippet" in page and "Ja, stillingen lyses ut offentlig" in page
    CompetencePath.objects.filter(pk=path.pk).update(open_advertising="no")
    page = client.get(reverse("competence_paths:detail", args=[path.pk])).content.decode()
    assert "kvalifikasjonsprinsippet" not in page


def test_list_is_one_query_for_the_rows_whatever_their_number(
    client, django_assert_max_num_queries
):
    contact = user_with_role(Role.CONTACT_PERSON)
    for _ in range(3):
        make_path()
    client.force_login(contact)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("competence_paths:list"))
    assert response.context["page"].paginator.count == 3
    for _ in range(5):
        add_participant(make_path())
    with django_assert_max_num_queries(8):
        response = client.get(reverse("competence_paths:list"))
    assert response.context["page"].paginator.count == 8


def test_another_countys_path_is_a_404(client):
    path = make_path()
    outsider = user_with_role(Role.CONTACT_PERSON, county=county("Vestland"))
    client.force_login(outsider)
    assert client.get(reverse("competence_paths:detail", args=[path.pk])).status_code == 404
    participant = add_participant(path)
    url = reverse("competence_paths:participant", args=[participant.pk])
    assert client.get(url).status_code == 404


def test_path_page_queries_do_not_grow_with_participants_and_reads_are_audited(
    client, django_assert_max_num_queries
):
    path = make_path(status=CompetencePath.Status.RUNNING)
    add_participant(path)
    client.force_login(path.contact)
    url = reverse("competence_paths:detail", args=[path.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(10):
        add_participant(path)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(many) == len(few)
    assert len(response.context["participants"]) == 11
    assert AuditRecord.objects.filter(action="list", actor=path.contact).count() == 1 + 1 + 11


def test_participant_page_queries_do_not_grow_with_its_history(client):
    path = make_path(weeks=(2, 2, 2), status=CompetencePath.Status.RUNNING)
    participant = add_participant(path)
    client.force_login(path.contact)
    url = reverse("competence_paths:participant", args=[participant.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    today = timezone.localdate()
    for to in ("waiting", "taking_part"):
        participant_set_status(participant=participant, to=to, valid_from=today, actor=path.contact)
    later = today + datetime.timedelta(days=3)
    participant_set_status(
        participant=participant, to="completed", valid_from=later, actor=path.contact
    )
    for stage in path.stages.all():
        progress_record(participant=participant, stage=stage, state="completed", actor=path.contact)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(response.context["changes"]) == 4
    assert len(many) == len(few)


def test_an_owner_sees_only_their_own_participants(client):
    path = make_path()
    adviser = user_with_role(Role.ADVISER)
    own = add_participant(path, owner=adviser)
    other = add_participant(path)
    client.force_login(adviser)
    response = client.get(reverse("competence_paths:detail", args=[path.pk]))
    assert response.context["participants"] == [own]
    url = reverse("competence_paths:participant", args=[other.pk])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("role", [Role.PROJECT_LEADER, Role.NATIONAL_READER])
def test_project_leaders_and_national_readers_see_counts_not_people(client, role):
    path = make_path()
    participant = add_participant(path)
    client.force_login(user_with_role(role, county=path.county))
    response = client.get(reverse("competence_paths:detail", args=[path.pk]))
    assert response.status_code == 200
    assert response.context["participants"] == []
    assert response.context["counts"]["total"] == 1
    assert str(participant.candidate) not in response.content.decode()
    # The participant page is refused by role (accounts.access).
    url = reverse("competence_paths:participant", args=[participant.pk])
    assert client.get(url).status_code == 403


def test_an_employer_user_sees_own_planned_paths_with_consented_participants_only(client):
    path = make_path(status=CompetencePath.Status.PLANNED)
    consented = add_participant(path, step=Step.PRESENTED)
    ConsentRequestFactory(entry=consented.entry, status=ConsentRequest.Status.GIVEN)
    add_participant(path)
    # Consent given, but never presented to the employer: not theirs to see.
    not_presented = add_participant(path, step=Step.CONSENT_GIVEN)
    ConsentRequestFactory(entry=not_presented.entry, status=ConsentRequest.Status.GIVEN)
    employer_user = user_with_role(Role.EMPLOYER_USER, employer=path.employer)
    client.force_login(employer_user)
    response = client.get(reverse("competence_paths:detail", args=[path.pk]))
    assert response.context["participants"] == [consented]
    assert consented.candidate.owner.get_full_name() not in response.content.decode()
    assert AuditRecord.objects.filter(
        actor=employer_user, candidate=consented.candidate, action=AuditRecord.Action.EMPLOYER_VIEW
    ).exists()
    other_employer_user = user_with_role(Role.EMPLOYER_USER)
    client.force_login(other_employer_user)
    assert client.get(reverse("competence_paths:detail", args=[path.pk])).status_code == 404
    draft = make_path(employer=path.employer)
    client.force_login(employer_user)
    assert client.get(reverse("competence_paths:detail", args=[draft.pk])).status_code == 404


def test_an_employer_user_sees_a_participant_without_notes_or_owner(client):
    path = make_path(status=CompetencePath.Status.PLANNED)
    participant = add_participant(path, step=Step.PRESENTED)
    ConsentRequestFactory(entry=participant.entry, status=ConsentRequest.Status.GIVEN)
    today = timezone.localdate()
    for to, extra in (("waiting", {}), ("dropped_out", {"end_reason": "other"})):
        participant_set_status(
            participant=participant,
            to=to,
            valid_from=today,
            actor=path.contact,
            note="Privat forklaring fra oppfølgeren",
            **extra,
        )
    progress_record(
        participant=participant,
        stage=path.stages.first(),
        state="not_completed",
        actor=path.contact,
        note="Notat om helsen",
    )
    hidden = add_participant(path)
    employer_user = user_with_role(Role.EMPLOYER_USER, employer=path.employer)
    client.force_login(employer_user)
    response = client.get(reverse("competence_paths:participant", args=[participant.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert str(participant.candidate) in body and "Annet" in body and "Ikke fullført" in body
    for secret in (
        "Privat forklaring fra oppfølgeren",
        "Notat om helsen",
        participant.candidate.owner.get_full_name(),
        path.contact.get_full_name(),
    ):
        assert secret not in body
    url = reverse("competence_paths:participant", args=[hidden.pk])
    assert client.get(url).status_code == 404
    # The contact side sees the explanation.
    client.force_login(path.contact)
    body = client.get(reverse("competence_paths:participant", args=[participant.pk]))
    assert "Privat forklaring fra oppfølgeren" in body.content.decode()


def test_the_contact_marks_a_stage_and_a_dropout_with_a_reason(client):
    path = make_path(status=CompetencePath.Status.RUNNING)
    participant = add_participant(path)
    client.force_login(path.contact)
    stage = path.stages.first()
    url = reverse("competence_paths:participant_progress", args=[participant.pk])
    assert client.post(url, {"stage": stage.pk, "state": "completed"}).status_code == 302
    url = reverse("competence_paths:participant_status", args=[participant.pk])
    today = timezone.localdate().isoformat()
    client.post(url, {"to": "taking_part", "valid_from": today})
    refused = client.post(url, {"to": "dropped_out", "valid_from": today})
    assert refused.status_code == 200 and "Oppgi hvorfor" in refused.content.decode()
    client.post(url, {"to": "dropped_out", "valid_from": today, "end_reason": "no_show"})
    participant.refresh_from_db()
    assert (participant.status, participant.end_reason) == ("dropped_out", "no_show")
    page = client.get(reverse("competence_paths:participant", args=[participant.pk]))
    assert AuditRecord.objects.filter(candidate=participant.candidate, action="view").exists()
    assert "Møtte ikke opp" in page.content.decode()


def test_hired_at_the_end_creates_the_placement_through_the_pipeline(client):
    path = make_path(status=CompetencePath.Status.RUNNING)
    participant = add_participant(path, step=Step.WORK_TRIAL)
    client.force_login(path.contact)
    url = reverse("competence_paths:participant_outcome", args=[participant.pk])
    response = client.post(
        url,
        {
            "outcome": "hired",
            "start_date": "2027-04-01",
            "position": "Stillasbygger",
            "contract_type": "permanent",
            "extent_percent": "100",
            "measures_used": ["wage_subsidy"],
            "contract_confirmed": "on",
        },
    )
    assert response.status_code == 302
    participant.refresh_from_db()
    placement = Placement.objects.get()
    assert participant.outcome == "hired" and participant.placement == placement
    assert placement.employer == path.employer and placement.measures_used == ["wage_subsidy"]
    page = client.get(reverse("competence_paths:detail", args=[path.pk]))
    assert page.context["counts"]["hired"] == 1
    assert Participant.objects.filter(outcome="hired").count() == 1


def test_not_hired_needs_a_reason_from_the_page(client):
    path = make_path(status=CompetencePath.Status.RUNNING)
    participant = add_participant(path)
    client.force_login(path.contact)
    url = reverse("competence_paths:participant_outcome", args=[participant.pk])
    refused = client.post(url, {"outcome": "not_hired"})
    assert refused.status_code == 200
    assert "Oppgi hvorfor deltakeren ikke ble ansatt." in refused.content.decode()
    participant.refresh_from_db()
    assert participant.outcome == "in_progress"
    client.post(url, {"outcome": "not_hired", "not_hired_reason": "open_competition"})
    participant.refresh_from_db()
    assert (participant.outcome, participant.not_hired_reason) == ("not_hired", "open_competition")
    page = client.get(reverse("competence_paths:participant", args=[participant.pk]))
    assert "En annen søker ble ansatt etter utlysning" in page.content.decode()


def test_hired_links_the_placement_the_opening_already_recorded(client):
    path = make_path(status=CompetencePath.Status.RUNNING)
    participant = add_participant(path, step=Step.WORK_TRIAL)
    placement = entry_hire(
        entry=participant.entry,
        actor=path.contact,
        start_date=datetime.date(2027, 4, 1),
        position="Stillasbygger",
        contract_type="permanent",
        extent_percent=100,
        contract_confirmed=True,
        measures_used=["wage_subsidy"],
    )
    client.force_login(path.contact)
    page = client.get(reverse("competence_paths:participant", args=[participant.pk]))
    body = page.content.decode()
    assert "Ansettelsen er registrert på stillingen" in body and 'name="position"' not in body
    url = reverse("competence_paths:participant_outcome", args=[participant.pk])
    assert client.post(url, {"outcome": "hired"}).status_code == 302
    participant.refresh_from_db()
    assert participant.outcome == "hired" and participant.placement == placement
    assert Placement.objects.count() == 1


def test_the_timeline_svg_uses_dots_for_decimals_whatever_the_language(client):
    path = make_path(weeks=(3, 7), status=CompetencePath.Status.RUNNING)
    add_participant(path)
    client.force_login(path.contact)
    body = client.get(reverse("competence_paths:detail", args=[path.pk])).content.decode()
    svg = body[body.index("<svg") : body.index("</svg>")]
    assert 'x="220"' in svg or 'x="220.0"' in svg
    assert ",0" not in svg.split("<title>")[0]


def test_a_second_edit_from_the_same_version_is_refused_and_keeps_its_input(client):
    """Two people editing the same path (issue 14, item 7): the first save wins, the second gets
    its form back with what it typed, and saving that form again goes through."""
    path = make_path(status=CompetencePath.Status.PLANNED)
    client.force_login(path.contact)
    url = reverse("competence_paths:edit", args=[path.pk])
    page = client.get(url)
    version = page.context["form"]["version"].value()
    assert version
    stages = [
        {k: v for k, v in stage.items() if v is not None}
        for stage in path.stages.values("kind", "title", "duration_weeks", "deliverer")
    ]
    started_from = {
        "places": "4",
        "planned_start": path.planned_start.isoformat(),
        "contact": str(path.contact_id),
        "opening": str(path.opening_id),
        "version": version,
        **_stage_post("trinn", stages),
        **_stage_post("kostnad", []),
    }
    first = client.post(url, {**started_from, "title": "Første lagring"})
    assert first.status_code == 302, first.context and first.context["form"].errors
    second = client.post(url, {**started_from, "title": "Andre lagring fra samme versjon"})
    assert second.status_code == 200
    body = second.content.decode()
    assert "Noen andre har lagret endringer mens du redigerte" in body
    assert "Andre lagring fra samme versjon" in body
    path.refresh_from_db()
    assert path.title == "Første lagring"

    again = {**started_from, "version": second.context["form"].data["version"]}
    assert client.post(url, {**again, "title": "Andre lagring"}).status_code == 302
    path.refresh_from_db()
    assert path.title == "Andre lagring"
