"""Issue 11, "Their assessment": the employer reports a hire from the candidate's card with the
contract details it knows, through the contact person's service (`entry_hire`); the contact
person and the candidate's owner are told, as for the employer's other steps."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from accounts.models import Role
from candidates.models import Placement, Step
from candidates.services.pipeline import entry_hire, entry_move
from core.models import ActivityEntry
from portal.services import terms_accept

pytestmark = pytest.mark.django_db

START = datetime.date(2027, 1, 15)


def _card(page: str, entry) -> str:
    card = page[page.index(f'id="kandidat-{entry.pk}"') :]
    return card[: card.index("</article>")]


def _opening_page(client, entry) -> str:
    url = reverse("portal:opening", args=[entry.shortlist.opening_id])
    return client.get(url).content.decode()


def _walk(entry, actor, to: str):
    """Move a presented entry, as the employer, to INTERVIEW_WANTED, INTERVIEW_HELD or
    WORK_TRIAL."""
    for step in (Step.INTERVIEW_WANTED, Step.INTERVIEW_HELD, Step.WORK_TRIAL):
        entry_move(entry=entry, to_step=step, actor=actor)
        if step == to:
            break
    entry.refresh_from_db()
    return entry


def _hire_data(entry, **changes):
    prefix = f"ansatt-{entry.pk}"
    data = {
        "start_date": START.isoformat(),
        "position": "Lagermedarbeider natt",
        "contract_type": Placement.ContractType.PERMANENT,
        "extent_percent": "80",
        "contract_confirmed": "on",
        **changes,
    }
    return {f"{prefix}-{name}": value for name, value in data.items() if value is not None}


def _post_hire(client, entry, **changes):
    return client.post(reverse("portal:hire", args=[entry.pk]), _hire_data(entry, **changes))


@pytest.mark.parametrize("after", [Step.INTERVIEW_HELD, Step.WORK_TRIAL])
def test_the_employer_reports_a_hire_and_the_contact_person_and_owner_are_told(
    login, accepted, presented, owner, contact, after
):
    entry = _walk(presented(), accepted, after)
    client = login(accepted)
    card = _card(_opening_page(client, entry), entry)
    assert "Vi har ansatt kandidaten" in card
    assert f'value="{entry.shortlist.opening.title}"' in card
    response = _post_hire(client, entry)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Ansettelsen av" in page and "tar kontakt om oppstarten" in page
    entry.refresh_from_db()
    assert entry.step == Step.HIRED
    placement = Placement.objects.get(entry=entry)
    assert placement.recorded_by == accepted
    assert (placement.start_date, placement.position, placement.extent_percent) == (
        START,
        "Lagermedarbeider natt",
        80,
    )
    assert placement.contract_type == Placement.ContractType.PERMANENT
    assert placement.contract_confirmed is True
    assert placement.measures_used == []
    assert placement.employer == entry.shortlist.opening.employer
    for user in (contact, owner):
        assert user.notifications.filter(title__contains="«Ansatt»", subject_id=entry.pk).exists()
    move = ActivityEntry.objects.get(action="candidates.entry.moved", to_state=Step.HIRED)
    assert move.actor == accepted
    assert "Kandidaten er ansatt hos dere." in _card(_opening_page(client, entry), entry)


def test_the_employer_never_sees_or_sets_navs_measures(login, accepted, presented):
    entry = _walk(presented(), accepted, Step.INTERVIEW_HELD)
    client = login(accepted)
    card = _card(_opening_page(client, entry), entry)
    for internal in ("measures_used", str(Placement.MeasureUsed.WAGE_SUBSIDY.label), "Virkemidler"):
        assert internal not in card, internal
    data = _hire_data(entry)
    data[f"ansatt-{entry.pk}-measures_used"] = [Placement.MeasureUsed.WAGE_SUBSIDY]
    client.post(reverse("portal:hire", args=[entry.pk]), data)
    assert Placement.objects.get(entry=entry).measures_used == []


@pytest.mark.parametrize("at", [Step.PRESENTED, Step.INTERVIEW_WANTED])
def test_a_hire_is_refused_before_an_interview_or_work_trial(
    login, accepted, presented, contact, at
):
    entry = presented()
    if at != Step.PRESENTED:
        entry = _walk(entry, accepted, at)
    client = login(accepted)
    card = _card(_opening_page(client, entry), entry)
    assert reverse("portal:hire", args=[entry.pk]) not in card
    assert "Vi har ansatt kandidaten" not in card
    response = _post_hire(client, entry)
    assert response.status_code == 200
    refusal = "Ansettelse kan bare registreres etter at kandidaten er presentert"
    assert refusal in _card(response.content.decode(), entry)
    entry.refresh_from_db()
    assert entry.step == at
    assert not Placement.objects.filter(entry=entry).exists()
    assert not contact.notifications.filter(title__contains="«Ansatt»").exists()


def test_a_hire_without_the_confirmation_comes_back_on_its_card_with_what_was_typed(
    login, accepted, presented
):
    other = _walk(presented(), accepted, Step.INTERVIEW_HELD)
    entry = _walk(presented(), accepted, Step.WORK_TRIAL)
    response = _post_hire(
        login(accepted),
        entry,
        contract_confirmed=None,
        position="Truckfører",
        contract_type=Placement.ContractType.TEMPORARY,
        extent_percent="60",
    )
    assert response.status_code == 200
    page = response.content.decode()
    card = _card(page, entry)
    missing = "Kryss av for at lønnet arbeid er avtalt med skriftlig arbeidsavtale."
    assert page.count(missing) == card.count(missing) == 1
    assert f'id="ansatt-{entry.pk}" open' in card
    assert 'value="Truckfører"' in card
    assert 'value="60"' in card
    assert f'value="{START.isoformat()}"' in card
    assert '<option value="temporary" selected>' in card
    other_card = _card(page, other)
    assert f'id="ansatt-{other.pk}" open' not in other_card
    assert "Truckfører" not in other_card
    entry.refresh_from_db()
    assert entry.step == Step.WORK_TRIAL
    assert not Placement.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("start_date", "", "Skriv når kandidaten begynner."),
        ("start_date", "31.02.2027", "Skriv datoen som dd.mm.åååå."),
        ("contract_type", "", "Velg fast eller midlertidig ansettelse."),
        ("extent_percent", "120", "Stillingsprosenten må være mellom 1 og 100."),
    ],
)
def test_each_missing_or_wrong_detail_is_said_in_norwegian_on_the_card(
    login, accepted, presented, field, value, message
):
    entry = _walk(presented(), accepted, Step.INTERVIEW_HELD)
    response = _post_hire(login(accepted), entry, **{field: value})
    assert response.status_code == 200
    assert message in _card(response.content.decode(), entry)
    entry.refresh_from_db()
    assert entry.step == Step.INTERVIEW_HELD


def test_another_employers_user_gets_404(login, accepted, presented, user_factory):
    entry = _walk(presented(), accepted, Step.INTERVIEW_HELD)
    stranger = user_factory(Role.EMPLOYER_USER)
    terms_accept(user=stranger)
    response = _post_hire(login(stranger), entry)
    assert response.status_code == 404
    entry.refresh_from_db()
    assert entry.step == Step.INTERVIEW_HELD
    assert not Placement.objects.exists()


def test_the_service_refuses_an_employer_user_of_another_employer(
    accepted, presented, user_factory
):
    entry = _walk(presented(), accepted, Step.INTERVIEW_HELD)
    stranger = user_factory(Role.EMPLOYER_USER)
    with pytest.raises(PermissionDenied):
        entry_hire(
            entry=entry,
            actor=stranger,
            start_date=START,
            position="Lager",
            contract_type=Placement.ContractType.PERMANENT,
            extent_percent=100,
            contract_confirmed=True,
            measures_used=[],
        )
    assert not Placement.objects.exists()


@pytest.mark.parametrize("rows", [1, 6])
def test_the_hire_form_adds_no_queries_to_the_candidate_pages(
    login, accepted, presented, django_assert_max_num_queries, rows
):
    """The same bounds as tests/portal/test_candidates.py, with every card offering a hire."""
    entries = [_walk(presented(), accepted, Step.WORK_TRIAL) for _ in range(rows)]
    client = login(accepted)
    with django_assert_max_num_queries(14):
        page = _opening_page(client, entries[0])
    assert page.count("Vi har ansatt kandidaten") == rows
    with django_assert_max_num_queries(10):
        assert client.get(reverse("portal:candidates")).status_code == 200
