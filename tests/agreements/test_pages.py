"""Agreement pages: who sees which agreement, who may change it, bounded queries on lists,
and the one-click opening from a meeting's recruitment need."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from agreements.models import Agreement
from employers.models import JobOpening
from tests.factories import RegionFactory, provider_staff_serving, user_with_role

from ..employers.factories import EmployerFactory
from .factories import AgreementFactory, MeetingFactory, RecruitmentNeedFactory, county

pytestmark = pytest.mark.django_db


def _detail(client, agreement):
    return client.get(reverse("agreements:detail", args=[agreement.pk]))


def _sees_only(client, user, visible, hidden):
    client.force_login(user)
    assert _detail(client, visible).status_code == 200
    assert _detail(client, hidden).status_code == 404


def test_nav_staff_see_agreements_of_their_county_only(client):
    oslo = AgreementFactory(employer__county=county("Oslo"))
    vestland = AgreementFactory(employer__county=county("Vestland"))
    _sees_only(client, user_with_role(Role.ADVISER, county=county("Oslo")), oslo, vestland)


def test_provider_staff_see_agreements_in_the_regions_their_provider_serves(client):
    region = RegionFactory(county=county("Vestland"))
    staff = provider_staff_serving(region)
    inside = AgreementFactory(employer__county=region.county, employer__region=region)
    outside = AgreementFactory(employer__county=region.county)
    _sees_only(client, staff, inside, outside)


def test_provider_staff_see_but_cannot_edit_unless_they_are_the_fixed_contact(client):
    region = RegionFactory(county=county("Vestland"))
    staff = provider_staff_serving(region)
    theirs = AgreementFactory(
        employer__county=region.county, employer__region=region, fixed_contact=staff
    )
    colleagues = AgreementFactory(employer__county=region.county, employer__region=region)
    client.force_login(staff)
    assert client.get(reverse("agreements:edit", args=[theirs.pk])).status_code == 200
    assert client.get(reverse("agreements:edit", args=[colleagues.pk])).status_code == 403
    assert "Endre avtalen" not in _detail(client, colleagues).content.decode()


def test_employer_user_sees_only_their_own_agreement_without_internal_details(client):
    own = AgreementFactory(active=True)
    MeetingFactory(agreement=own, held_on=timezone.localdate(), minutes="Internt referat")
    other = AgreementFactory()
    user = user_with_role(Role.EMPLOYER_USER, employer=own.employer)
    client.force_login(user)
    page = _detail(client, own).content.decode()
    assert own.employer.name in page
    # The internal sections (the meeting plan and the history) are not on the page; the
    # portal's own menu may still name its "Historikk" page.
    assert 'id="agreement-meetings"' not in page and 'id="agreement-history"' not in page
    assert "Internt referat" not in page
    assert _detail(client, other).status_code == 404
    listing = client.get(reverse("agreements:list")).content.decode()
    assert own.employer.name in listing and other.employer.name not in listing
    meeting = own.meetings.first()
    assert client.get(reverse("agreements:meeting_detail", args=[meeting.pk])).status_code == 403


def test_county_colleague_reads_but_may_not_post_a_transition(client):
    agreement = AgreementFactory(employer__county=county("Trøndelag"))
    colleague = user_with_role(Role.CONTACT_PERSON, county=agreement.county)
    client.force_login(colleague)
    url = reverse("agreements:transition", args=[agreement.pk, "signed"])
    assert client.post(url, {"on": timezone.localdate().isoformat()}).status_code == 403
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.IN_DIALOGUE


def test_fixed_contact_signs_and_activates_through_the_pages(client):
    agreement = AgreementFactory(employer__county=county("Trøndelag"), follow_ups_per_year=2)
    client.force_login(agreement.fixed_contact)
    today = timezone.localdate().isoformat()
    client.post(reverse("agreements:transition", args=[agreement.pk, "signed"]), {"on": today})
    client.post(reverse("agreements:transition", args=[agreement.pk, "active"]))
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.ACTIVE
    assert agreement.meetings.count() == 2
    assert "Møteplan" in _detail(client, agreement).content.decode()


def test_oslo_detail_page_explains_why_it_cannot_be_signed_yet(client):
    agreement = AgreementFactory(employer__county=county("Oslo"))
    client.force_login(agreement.fixed_contact)
    page = _detail(client, agreement).content.decode()
    assert "Oslo signerer avtaler først når virksomheten har ansatt" in page
    assert "Registrer som signert" not in page


def test_create_from_the_employer_page(client):
    employer = EmployerFactory(county=county("Vestland"))
    contact = user_with_role(Role.CONTACT_PERSON, county=employer.county)
    client.force_login(contact)
    page = client.get(reverse("employers:detail", args=[employer.pk])).content.decode()
    assert reverse("agreements:create", args=[employer.pk]) in page
    form = client.get(reverse("agreements:create", args=[employer.pk]))
    data = {
        "fixed_contact": contact.pk,
        "employer_signatory": "Kari Nordmann, daglig leder",
        "employer_responsible": "Per Hansen",
        "union_involvement": "participates",
        "follow_ups_per_year": "3",
        "employer_commitments": form.context["form"]["employer_commitments"].value(),
        "nav_commitments": "NAV gir en fast kontaktperson.",
    }
    response = client.post(reverse("agreements:create", args=[employer.pk]), data)
    agreement = Agreement.objects.get(employer=employer)
    assert response.url == reverse("agreements:detail", args=[agreement.pk])
    assert agreement.follow_ups_per_year == 3


def test_create_form_keeps_what_was_typed_and_explains_errors(client):
    employer = EmployerFactory()
    contact = user_with_role(Role.CONTACT_PERSON)
    client.force_login(contact)
    response = client.post(
        reverse("agreements:create", args=[employer.pk]),
        {"fixed_contact": contact.pk, "deputy_contact": contact.pk, "employer_signatory": "Kari"},
    )
    page = response.content.decode()
    assert "Stedfortrederen kan ikke være den faste kontaktpersonen." in page
    assert 'value="Kari"' in page
    assert not Agreement.objects.exists()


def test_recording_a_held_meeting_and_turning_a_need_into_an_opening_once(client):
    meeting = MeetingFactory(planned_date=timezone.localdate() - datetime.timedelta(days=1))
    client.force_login(meeting.agreement.fixed_contact)
    response = client.post(
        reverse("agreements:meeting_record", args=[meeting.pk]),
        {
            "held_on": timezone.localdate().isoformat(),
            "nav_participants": "Kari (NAV)",
            "employer_participants": "Per (HR)",
            "union_rep_present": "on",
            "minutes": "Gikk gjennom samarbeidet. Behov for to lagermedarbeidere i mars.",
            "assessment": "good",
        },
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.is_held and meeting.union_rep_present
    need = RecruitmentNeedFactory(meeting=meeting)
    url = reverse("agreements:need_to_opening", args=[need.pk])
    response = client.post(url)
    opening = JobOpening.objects.get()
    assert response.url == reverse("employers:opening_edit", args=[opening.pk])
    assert opening.status == JobOpening.Status.DRAFT
    assert opening.title == need.title and opening.employer == meeting.agreement.employer
    client.post(url)
    assert JobOpening.objects.count() == 1


def test_recording_needs_minutes(client):
    meeting = MeetingFactory()
    client.force_login(meeting.agreement.fixed_contact)
    response = client.post(
        reverse("agreements:meeting_record", args=[meeting.pk]),
        {"held_on": timezone.localdate().isoformat(), "minutes": ""},
    )
    assert "Skriv et referat for et møte som er holdt." in response.content.decode()
    meeting.refresh_from_db()
    assert not meeting.is_held


def _agreements_with_meetings(n: int, contact, leader_county):
    for _ in range(n):
        agreement = AgreementFactory(
            active=True, fixed_contact=contact, employer__county=leader_county
        )
        MeetingFactory(agreement=agreement, held_on=timezone.localdate(), minutes="Ok")
        MeetingFactory(agreement=agreement)


@pytest.mark.parametrize(
    ("url_name", "role"),
    [
        ("agreements:list", Role.CONTACT_PERSON),
        ("agreements:my_follow_ups", Role.CONTACT_PERSON),
        ("agreements:county", Role.PROJECT_LEADER),
        ("home", Role.CONTACT_PERSON),
    ],
)
def test_lists_run_a_bounded_number_of_queries(
    client, django_assert_max_num_queries, url_name, role
):
    user = user_with_role(role, county=county("Trøndelag"))
    contact = user if role == Role.CONTACT_PERSON else user_with_role(Role.CONTACT_PERSON)
    client.force_login(user)
    _agreements_with_meetings(2, contact, user.county)
    with django_assert_max_num_queries(14):
        small = client.get(reverse(url_name) + ("?vis=alle" if "county" in url_name else ""))
    _agreements_with_meetings(12, contact, user.county)
    with django_assert_max_num_queries(14):
        large = client.get(reverse(url_name) + ("?vis=alle" if "county" in url_name else ""))
    assert small.status_code == large.status_code == 200


def test_my_follow_ups_split_overdue_due_and_held(client):
    contact = user_with_role(Role.CONTACT_PERSON)
    agreement = AgreementFactory(active=True, fixed_contact=contact)
    today = timezone.localdate()
    overdue = MeetingFactory(agreement=agreement, planned_date=today - datetime.timedelta(3))
    due = MeetingFactory(agreement=agreement, planned_date=today + datetime.timedelta(5))
    held = MeetingFactory(
        agreement=agreement,
        planned_date=today - datetime.timedelta(20),
        held_on=today - datetime.timedelta(20),
        minutes="Ok",
    )
    MeetingFactory(agreement=agreement, planned_date=today + datetime.timedelta(60))
    client.force_login(contact)
    follow_ups = client.get(reverse("agreements:my_follow_ups")).context["follow_ups"]
    assert follow_ups.overdue == [overdue]
    assert follow_ups.due == [due]
    assert follow_ups.held == [held]


def test_county_list_shows_lapsed_agreements_with_held_versus_planned(client):
    leader = user_with_role(Role.PROJECT_LEADER, county=county("Vestland"))
    today = timezone.localdate()
    lapsed = AgreementFactory(
        active=True, employer__county=leader.county, plan_anchor=today - datetime.timedelta(300)
    )
    MeetingFactory(agreement=lapsed, planned_date=today - datetime.timedelta(200))
    MeetingFactory(
        agreement=lapsed,
        planned_date=today - datetime.timedelta(250),
        held_on=today - datetime.timedelta(250),
        minutes="Ok",
    )
    fresh = AgreementFactory(active=True, employer__county=leader.county)
    client.force_login(leader)
    rows = list(client.get(reverse("agreements:county")).context["page"].object_list)
    assert rows == [lapsed]
    assert (rows[0].held_count, rows[0].planned_count) == (1, 2)
    everything = client.get(reverse("agreements:county") + "?vis=alle").context["page"]
    assert {a.pk for a in everything.object_list} == {lapsed.pk, fresh.pk}


def test_list_filters_by_status_and_contact(client):
    contact = user_with_role(Role.CONTACT_PERSON)
    mine = AgreementFactory(active=True, fixed_contact=contact)
    AgreementFactory()
    client.force_login(contact)
    page = client.get(reverse("agreements:list"), {"status": "active", "kontakt": contact.pk})
    assert list(page.context["page"].object_list) == [mine]


def test_a_refused_signing_comes_back_with_the_date_typed(client):
    agreement = AgreementFactory(employer__county=county("Trøndelag"))
    client.force_login(agreement.fixed_contact)
    future = (timezone.localdate() + datetime.timedelta(days=10)).isoformat()
    response = client.post(
        reverse("agreements:transition", args=[agreement.pk, "signed"]), {"on": future}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert f'value="{future}"' in page
    assert 'role="alert"' in page
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.IN_DIALOGUE


def test_a_refused_ending_keeps_the_note_typed(client):
    agreement = AgreementFactory(
        employer__county=county("Trøndelag"),
        status=Agreement.Status.SIGNED,
        signed_on=timezone.localdate(),
    )
    client.force_login(agreement.fixed_contact)
    note = "Virksomheten flytter avdelingen til Hamar."
    response = client.post(
        reverse("agreements:transition", args=[agreement.pk, "ended"]),
        {"reason": "", "note": note, "on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 200
    assert note in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.SIGNED


OVERDUE_BADGE = 'status-meeting-overdue">Forfalt</span>'


def _overdue_and_fine(contact, today):
    """Two active agreements of the contact: one whose next meeting was a month ago."""
    fine = AgreementFactory(active=True, fixed_contact=contact, employer__name="Aaa Bakeri AS")
    MeetingFactory(agreement=fine, planned_date=today + datetime.timedelta(5))
    late = AgreementFactory(active=True, fixed_contact=contact, employer__name="Zzz Lager AS")
    MeetingFactory(agreement=late, planned_date=today - datetime.timedelta(30))
    return late, fine


def test_the_agreement_list_flags_overdue_meetings_and_puts_them_first(client):
    contact = user_with_role(Role.CONTACT_PERSON)
    late, fine = _overdue_and_fine(contact, timezone.localdate())
    client.force_login(contact)
    response = client.get(reverse("agreements:list"))
    assert list(response.context["page"].object_list) == [late, fine]
    assert response.content.decode().count(OVERDUE_BADGE) == 1
    # Whatever the chosen sort.
    by_name = client.get(reverse("agreements:list"), {"sorter": "virksomhet"})
    assert list(by_name.context["page"].object_list) == [late, fine]


def test_the_countys_default_view_shows_overdue_agreements_first(client):
    leader = user_with_role(Role.PROJECT_LEADER, county=county("Oslo"))
    contact = user_with_role(Role.CONTACT_PERSON, county=leader.county)
    late, _fine = _overdue_and_fine(contact, timezone.localdate())
    client.force_login(leader)
    response = client.get(reverse("agreements:county"))
    assert list(response.context["page"].object_list) == [late]
    html = response.content.decode()
    assert "0 avtaler" not in html and OVERDUE_BADGE in html
    everything = client.get(reverse("agreements:county"), {"vis": "alle"})
    assert list(everything.context["page"].object_list)[0] == late


def test_my_follow_ups_and_the_agreement_page_flag_the_overdue_meeting(client):
    contact = user_with_role(Role.CONTACT_PERSON)
    today = timezone.localdate()
    late, _fine = _overdue_and_fine(contact, today)
    held = MeetingFactory(
        agreement=late, planned_date=today - datetime.timedelta(60), held_on=today, minutes="Ok"
    )
    client.force_login(contact)
    assert OVERDUE_BADGE in client.get(reverse("agreements:my_follow_ups")).content.decode()
    assert OVERDUE_BADGE in client.get("/").content.decode()
    page = _detail(client, late)
    assert OVERDUE_BADGE in page.content.decode()
    assert [m.pk for m in page.context["meetings"]][-1] == held.pk


def test_the_home_page_names_its_window_and_the_next_meeting_after_it(client):
    contact = user_with_role(Role.CONTACT_PERSON)
    agreement = AgreementFactory(active=True, fixed_contact=contact, employer__name="Fjell AS")
    later = MeetingFactory(
        agreement=agreement, planned_date=timezone.localdate() + datetime.timedelta(45)
    )
    client.force_login(contact)
    html = client.get("/").content.decode()
    assert "Møter de neste 30 dagene" in html
    assert "Ingen møter de neste 30 dagene." in html
    assert reverse("agreements:meeting_detail", args=[later.pk]) in html
