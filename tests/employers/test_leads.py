import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from core.activity import history_for
from employers.models import Employer, Lead
from employers.services.leads import lead_accept, lead_assign, lead_close, lead_suggest
from notifications.models import Notification
from tests.pages import current_menu_items

from ..factories import user_with_role
from .factories import EmployerFactory, LeadFactory, ResourceGroupMemberFactory

pytestmark = pytest.mark.django_db

VALID_ORGNR = "974760673"


@pytest.fixture
def new_lead(oslo, project_leader):
    return lead_suggest(
        actor=project_leader,
        county=oslo,
        employer_name="Grorud Lager AS",
        reason="Åpner nytt lager i høst og trenger 20 personer.",
    )


@pytest.fixture
def assigned_lead(new_lead, project_leader, east_contact):
    return lead_assign(lead=new_lead, assignee=east_contact, actor=project_leader)


# Suggesting


@pytest.mark.parametrize("role", [Role.CONTACT_PERSON, Role.ADVISER, Role.PROJECT_LEADER])
def test_any_nav_staff_user_can_suggest_a_lead_which_starts_as_new(oslo, role):
    actor = user_with_role(role, county=oslo)
    lead = lead_suggest(actor=actor, county=oslo, employer_name="Ny AS", reason="Vokser.")
    assert (lead.status, lead.recorded_by, lead.employer) == (Lead.Status.NEW, actor, None)
    event = history_for(lead).get()
    assert (event.from_state, event.to_state, event.actor) == ("", Lead.Status.NEW, actor)


@pytest.mark.parametrize("role", [Role.PROVIDER_STAFF, Role.EMPLOYER_USER, Role.NATIONAL_READER])
def test_providers_employers_and_readers_cannot_suggest_a_lead(oslo, role):
    with pytest.raises(PermissionDenied):
        lead_suggest(
            actor=user_with_role(role), county=oslo, employer_name="Ny AS", reason="Vokser."
        )


def test_suggesting_a_registered_orgnr_links_the_existing_employer(oslo, east_contact):
    employer = EmployerFactory(orgnr=VALID_ORGNR, name="Posten Oslo")
    lead = lead_suggest(
        actor=east_contact,
        county=oslo,
        employer_name="Posten",
        orgnr="974 760 673",
        reason="Behov.",
    )
    assert lead.employer == employer
    assert lead.employer_name == "Posten Oslo"


def test_a_member_of_another_countys_resource_group_cannot_be_the_suggester(
    oslo, vestland, east_contact
):
    member = ResourceGroupMemberFactory(group__county=vestland)
    with pytest.raises(ValidationError) as error:
        lead_suggest(
            actor=east_contact, county=oslo, employer_name="X AS", reason="Y", suggested_by=member
        )
    assert error.value.message_dict == {
        "suggested_by": ["Medlemmet hører til ressursgruppen i et annet fylke."]
    }


def test_lead_form_shows_a_norwegian_error_for_a_wrong_check_digit(client, east_contact):
    client.force_login(east_contact)
    response = client.post(
        reverse("employers:lead_create"),
        {
            "employer_name": "Feil AS",
            "orgnr": "974760674",
            "county": east_contact.county_id,
            "reason": "x",
        },
    )
    assert response.status_code == 200
    assert "kontrollsifferet stemmer ikke" in response.content.decode()
    assert 'value="Feil AS"' in response.content.decode()
    assert not Lead.objects.exists()


def test_contact_person_registers_a_lead_through_the_form_with_a_resource_group_member(
    client, east_contact
):
    member = ResourceGroupMemberFactory(group__county=east_contact.county)
    client.force_login(east_contact)
    response = client.post(
        reverse("employers:lead_create"),
        {
            "employer_name": "Bydel Bygg AS",
            "county": east_contact.county_id,
            "reason": "Mangler stillasbyggere.",
            "suggested_by": member.pk,
        },
    )
    lead = Lead.objects.get()
    assert response["Location"] == reverse("employers:lead_detail", args=[lead.pk])
    assert lead.suggested_by == member


def test_adviser_who_cannot_see_leads_is_sent_home_after_suggesting(client, oslo):
    client.force_login(user_with_role(Role.ADVISER, county=oslo))
    response = client.post(
        reverse("employers:lead_create"),
        {"employer_name": "Kafé AS", "county": oslo.pk, "reason": "Trenger kokk."},
    )
    assert response["Location"] == reverse("home")
    assert Lead.objects.get().employer_name == "Kafé AS"


def test_lead_about_a_registered_employer_takes_the_employer_from_the_address(client, east_contact):
    employer = EmployerFactory()
    client.force_login(east_contact)
    url = reverse("employers:lead_create") + f"?virksomhet={employer.pk}"
    assert employer.name in client.get(url).content.decode()
    client.post(url, {"county": employer.county_id, "reason": "Har sagt de vil inkludere."})
    assert Lead.objects.get().employer == employer


# Assigning


def test_project_leader_assigns_a_lead_and_the_contact_person_is_notified(
    new_lead, project_leader, east_contact, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        lead = lead_assign(
            lead=new_lead, assignee=east_contact, actor=project_leader, note="Ring dem."
        )
    assert (lead.status, lead.assigned_to) == (Lead.Status.ASSIGNED, east_contact)
    assert lead.assigned_at is not None
    notification = Notification.objects.get(recipient=east_contact)
    assert notification.title == "Nytt tips til deg: Grorud Lager AS"
    assert notification.link == reverse("employers:lead_detail", args=[lead.pk])
    assert len(callbacks) == 1  # the e-mail, sent after commit


def test_project_leader_of_another_county_cannot_assign(new_lead, outsider_leader, east_contact):
    with pytest.raises(PermissionDenied):
        lead_assign(lead=new_lead, assignee=east_contact, actor=outsider_leader)


def test_contact_person_cannot_assign_a_lead(new_lead, east_contact, west_contact):
    with pytest.raises(PermissionDenied):
        lead_assign(lead=new_lead, assignee=west_contact, actor=east_contact)


def test_administrator_can_assign_a_lead(new_lead, admin_user, east_contact):
    assert (
        lead_assign(lead=new_lead, assignee=east_contact, actor=admin_user).assigned_to
        == east_contact
    )


def test_lead_cannot_be_given_to_a_contact_person_in_another_county(
    new_lead, project_leader, outsider_contact
):
    with pytest.raises(ValidationError):
        lead_assign(lead=new_lead, assignee=outsider_contact, actor=project_leader)


def test_project_leader_can_reassign_and_each_assignment_is_an_event(
    assigned_lead, project_leader, west_contact
):
    lead = lead_assign(lead=assigned_lead, assignee=west_contact, actor=project_leader)
    events = list(history_for(lead).values_list("from_state", "to_state", "data__assigned_to"))
    assert events == [
        ("", "new", None),
        ("new", "assigned", assigned_lead.assigned_to_id),
        ("assigned", "assigned", west_contact.pk),
    ]


def test_assign_view_assigns_and_redirects_with_a_message(
    client, new_lead, project_leader, east_contact
):
    client.force_login(project_leader)
    response = client.post(
        reverse("employers:lead_assign", args=[new_lead.pk]), {"fordel-assignee": east_contact.pk}
    )
    assert response.status_code == 302
    new_lead.refresh_from_db()
    assert new_lead.assigned_to == east_contact


def test_assign_view_without_a_choice_shows_the_form_again_with_an_error(
    client, new_lead, project_leader
):
    client.force_login(project_leader)
    response = client.post(reverse("employers:lead_assign", args=[new_lead.pk]), {})
    assert response.status_code == 200
    assert "Feltet er påkrevet." in response.content.decode()


def test_project_leader_of_another_county_gets_404_for_the_lead(
    client, new_lead, outsider_leader, east_contact
):
    client.force_login(outsider_leader)
    url = reverse("employers:lead_assign", args=[new_lead.pk])
    assert client.post(url, {"fordel-assignee": east_contact.pk}).status_code == 404


# Accepting


def test_assigned_contact_person_accepts_and_the_employer_is_created_in_dialogue(
    assigned_lead, east_contact
):
    employer = lead_accept(lead=assigned_lead, actor=east_contact, orgnr="974 760 673")
    assert (employer.orgnr, employer.name, employer.county) == (
        VALID_ORGNR,
        "Grorud Lager AS",
        assigned_lead.county,
    )
    assert employer.status == Employer.Status.IN_DIALOGUE
    assigned_lead.refresh_from_db()
    assert (assigned_lead.status, assigned_lead.employer) == (Lead.Status.ACCEPTED, employer)
    assert assigned_lead.accepted_at is not None


def test_accepting_a_lead_without_an_orgnr_is_refused_in_norwegian(assigned_lead, east_contact):
    with pytest.raises(ValidationError) as error:
        lead_accept(lead=assigned_lead, actor=east_contact)
    assert "organisasjonsnummer" in error.value.message_dict["orgnr"][0]
    assert not Employer.objects.exists()


def test_accepting_with_an_invalid_orgnr_is_refused(assigned_lead, east_contact):
    with pytest.raises(ValidationError):
        lead_accept(lead=assigned_lead, actor=east_contact, orgnr="123456789")


def test_accepting_links_the_employer_that_already_has_the_orgnr(assigned_lead, east_contact):
    existing = EmployerFactory(orgnr=VALID_ORGNR, status=Employer.Status.LEAD)
    assert lead_accept(lead=assigned_lead, actor=east_contact, orgnr=VALID_ORGNR) == existing
    existing.refresh_from_db()
    assert existing.status == Employer.Status.IN_DIALOGUE
    assert Employer.objects.count() == 1


def test_accepting_keeps_the_status_of_an_employer_with_an_agreement(
    oslo, project_leader, east_contact
):
    employer = EmployerFactory(status=Employer.Status.AGREEMENT)
    lead = lead_suggest(actor=project_leader, county=oslo, employer=employer, reason="Mer behov.")
    lead_assign(lead=lead, assignee=east_contact, actor=project_leader)
    lead_accept(lead=lead, actor=east_contact)
    employer.refresh_from_db()
    assert employer.status == Employer.Status.AGREEMENT


def test_only_the_assigned_contact_person_can_accept(assigned_lead, west_contact, project_leader):
    for actor in (west_contact, project_leader):
        with pytest.raises(PermissionDenied):
            lead_accept(lead=assigned_lead, actor=actor, orgnr=VALID_ORGNR)


def test_colleague_in_the_county_gets_403_when_accepting_someone_elses_lead(
    client, assigned_lead, west_contact
):
    client.force_login(west_contact)
    url = reverse("employers:lead_accept", args=[assigned_lead.pk])
    assert client.post(url, {"ta-inn-orgnr": VALID_ORGNR}).status_code == 403


def test_accept_view_shows_the_missing_orgnr_on_the_form(client, assigned_lead, east_contact):
    client.force_login(east_contact)
    url = reverse("employers:lead_accept", args=[assigned_lead.pk])
    response = client.post(url, {"ta-inn-sector": "private"})
    assert response.status_code == 200
    assert "Oppgi virksomhetens organisasjonsnummer" in response.content.decode()


def test_a_new_lead_cannot_be_accepted_before_it_is_assigned(new_lead, east_contact):
    with pytest.raises(PermissionDenied):
        lead_accept(lead=new_lead, actor=east_contact, orgnr=VALID_ORGNR)


# Closing


def test_assigned_contact_person_closes_the_lead_with_a_reason(assigned_lead, east_contact):
    lead = lead_close(lead=assigned_lead, actor=east_contact, reason="Har ikke behov likevel.")
    assert (lead.status, lead.close_reason) == (Lead.Status.CLOSED, "Har ikke behov likevel.")
    assert history_for(lead).last().note == "Har ikke behov likevel."


def test_closing_without_a_reason_is_refused(assigned_lead, east_contact):
    with pytest.raises(ValidationError):
        lead_close(lead=assigned_lead, actor=east_contact, reason="  ")


def test_project_leader_closes_a_new_lead(new_lead, project_leader):
    assert lead_close(lead=new_lead, actor=project_leader, reason="Dublett.").status == "closed"


def test_contact_person_cannot_close_a_lead_that_is_not_theirs(
    new_lead, assigned_lead, west_contact
):
    with pytest.raises(PermissionDenied):
        lead_close(lead=assigned_lead, actor=west_contact, reason="Nei.")


def test_project_leader_of_another_county_cannot_close(new_lead, outsider_leader):
    with pytest.raises(PermissionDenied):
        lead_close(lead=new_lead, actor=outsider_leader, reason="Nei.")


def test_a_closed_lead_can_be_neither_assigned_nor_accepted(
    assigned_lead, east_contact, west_contact, project_leader
):
    lead_close(lead=assigned_lead, actor=east_contact, reason="Nedlagt.")
    with pytest.raises(PermissionDenied):
        lead_assign(lead=assigned_lead, assignee=west_contact, actor=project_leader)
    with pytest.raises(PermissionDenied):
        lead_accept(lead=assigned_lead, actor=east_contact, orgnr=VALID_ORGNR)


def test_the_database_refuses_a_closed_lead_without_a_reason(new_lead):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Lead.objects.filter(pk=new_lead.pk).update(status=Lead.Status.CLOSED)


# Who sees what


def test_contact_person_sees_the_countys_leads_and_those_assigned_to_them(
    oslo, vestland, east_contact, project_leader, outsider_leader
):
    in_county = LeadFactory(county=oslo)
    elsewhere = LeadFactory(county=vestland)
    assigned_elsewhere = LeadFactory(
        county=vestland, status=Lead.Status.ASSIGNED, assigned_to=east_contact
    )
    assert set(Lead.objects.visible_to(east_contact)) == {in_county, assigned_elsewhere}
    assert set(Lead.objects.visible_to(project_leader)) == {in_county}
    assert set(Lead.objects.visible_to(outsider_leader)) == {elsewhere, assigned_elsewhere}


@pytest.mark.parametrize("role", [Role.NATIONAL_READER, Role.ADMIN])
def test_national_readers_and_administrators_see_every_lead(oslo, vestland, role):
    LeadFactory(county=oslo), LeadFactory(county=vestland)
    assert Lead.objects.visible_to(user_with_role(role)).count() == 2


@pytest.mark.parametrize("role", [Role.ADVISER, Role.PROVIDER_STAFF, Role.EMPLOYER_USER])
def test_advisers_providers_and_employer_users_get_403_on_the_lead_list(client, role):
    client.force_login(user_with_role(role))
    assert client.get(reverse("employers:lead_list")).status_code == 403


def test_national_reader_reads_a_lead_without_any_transition_forms(client, assigned_lead):
    client.force_login(user_with_role(Role.NATIONAL_READER))
    html = client.get(reverse("employers:lead_detail", args=[assigned_lead.pk])).content.decode()
    assert "Grorud Lager AS" in html
    assert "<form" not in html.split("<main", 1)[1]


def test_detail_shows_the_assigned_contact_person_the_accept_and_close_forms(
    client, assigned_lead, east_contact
):
    client.force_login(east_contact)
    html = client.get(reverse("employers:lead_detail", args=[assigned_lead.pk])).content.decode()
    assert reverse("employers:lead_accept", args=[assigned_lead.pk]) in html
    assert reverse("employers:lead_close", args=[assigned_lead.pk]) in html
    assert reverse("employers:lead_assign", args=[assigned_lead.pk]) not in html
    assert "Historikk" in html


def test_lead_of_another_county_is_404_for_a_contact_person(client, vestland, east_contact):
    lead = LeadFactory(county=vestland)
    client.force_login(east_contact)
    assert client.get(reverse("employers:lead_detail", args=[lead.pk])).status_code == 404


# The list


def _aged_lead(days: int, **fields) -> Lead:
    return LeadFactory(created_at=timezone.now() - datetime.timedelta(days=days), **fields)


def test_lead_list_shows_open_leads_oldest_first_with_their_age_in_days(
    client, oslo, project_leader, east_contact
):
    _aged_lead(3, county=oslo, employer_name="Tre AS")
    _aged_lead(12, county=oslo, employer_name="Tolv AS")
    _aged_lead(1, county=oslo, employer_name="Lukket AS", status="closed", close_reason="x")
    client.force_login(project_leader)
    html = client.get(reverse("employers:lead_list")).content.decode()
    assert html.index("Tolv AS") < html.index("Tre AS")
    assert "12 dager" in html and "3 dager" in html
    assert "Lukket AS" not in html


def test_lead_list_filters_by_status_and_county_and_sorts_newest_first(
    client, oslo, vestland, east_contact
):
    _aged_lead(5, county=oslo, employer_name="Gammel AS")
    _aged_lead(1, county=oslo, employer_name="Fersk AS")
    LeadFactory(
        county=oslo, employer_name="Tildelt AS", status="assigned", assigned_to=east_contact
    )
    client.force_login(user_with_role(Role.NATIONAL_READER))
    url = reverse("employers:lead_list")
    html = client.get(url, {"status": "new", "fylke": oslo.pk, "sorter": "nyeste"}).content.decode()
    assert html.index("Fersk AS") < html.index("Gammel AS")
    assert "Tildelt AS" not in html
    assert "Ingen tips passer filteret." in client.get(url, {"fylke": vestland.pk}).content.decode()


def test_lead_list_paginates(client, oslo, project_leader):
    for _ in range(26):
        LeadFactory(county=oslo, recorded_by=project_leader)
    client.force_login(project_leader)
    response = client.get(reverse("employers:lead_list"), {"side": 2})
    assert len(response.context["page"].object_list) == 1
    assert "Side 2 av 2" in response.content.decode()


def test_lead_list_query_count_does_not_grow_with_rows(
    client, oslo, project_leader, east_contact, django_assert_max_num_queries
):
    member = ResourceGroupMemberFactory(group__county=oslo)
    for number in range(20):
        LeadFactory(
            county=oslo,
            recorded_by=project_leader,
            suggested_by=member,
            employer=EmployerFactory() if number % 2 else None,
            status="assigned",
            assigned_to=east_contact,
        )
    client.force_login(project_leader)
    with django_assert_max_num_queries(7):
        response = client.get(reverse("employers:lead_list"))
    assert len(response.context["page"].object_list) == 20


def test_resource_group_page_shows_the_users_own_county(client, oslo, vestland, east_contact):
    ResourceGroupMemberFactory(group__county=oslo, group__name="Ressursgruppe Oslo", name="Kari")
    ResourceGroupMemberFactory(group__county=vestland, group__name="Ressursgruppe Vestland")
    client.force_login(east_contact)
    html = client.get(reverse("employers:resource_groups")).content.decode()
    assert "Ressursgruppe Oslo" in html and "Kari" in html
    assert "Ressursgruppe Vestland" not in html


def test_lead_pages_mark_only_the_tips_menu_item_as_current(client, new_lead, project_leader):
    client.force_login(project_leader)
    response = client.get(reverse("employers:lead_detail", args=[new_lead.pk]))
    assert current_menu_items(response) == ["Tips"]


# Home page


def test_project_leader_home_lists_new_leads_waiting_for_assignment(
    client, new_lead, project_leader
):
    client.force_login(project_leader)
    html = client.get(reverse("home")).content.decode()
    assert "Nye tips som venter på fordeling" in html and "Grorud Lager AS" in html


def test_contact_person_home_lists_leads_assigned_to_them(
    client, assigned_lead, east_contact, west_contact
):
    client.force_login(east_contact)
    assert "Grorud Lager AS" in client.get(reverse("home")).content.decode()
    client.force_login(west_contact)
    html = client.get(reverse("home")).content.decode()
    assert "Tips tildelt deg" in html and "Grorud Lager AS" not in html


def test_every_transition_leaves_an_event_with_actor_and_time(assigned_lead, east_contact):
    lead_accept(lead=assigned_lead, actor=east_contact, orgnr=VALID_ORGNR, note="Møte avtalt.")
    last = history_for(assigned_lead).last()
    assert (last.from_state, last.to_state, last.actor, last.note) == (
        "assigned",
        "accepted",
        east_contact,
        "Møte avtalt.",
    )
    assert last.at is not None
