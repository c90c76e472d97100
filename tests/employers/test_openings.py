import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from core.activity import history_for
from employers.models import JobOpening, Occupation
from employers.selectors.openings import employer_openings_context
from employers.services.openings import (
    opening_cancel,
    opening_create,
    opening_mark_filled,
    opening_publish,
    opening_update,
)
from notifications.models import Notification
from tests.pages import current_menu_items

from ..factories import MeasureProviderFactory, RegionFactory, user_with_role
from .factories import EmployerFactory, JobOpeningFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _in_days(days: int) -> datetime.date:
    return TODAY() + datetime.timedelta(days=days)


def _details(**overrides) -> dict:
    details = {
        "title": "Lagermedarbeider",
        "occupation": Occupation.objects.get(code="4321"),
        "positions": 2,
        "location": "Alnabru",
        "application_deadline": _in_days(14),
        "requirements_must": "Truckførerbevis T1–T4.",
    }
    return details | overrides


def _form_data(**overrides) -> dict:
    data = {
        "title": "Sveiser",
        "occupation": "7212",
        "positions": "1",
        "location": "Alnabru",
        "extent": "full_time",
        "application_deadline": _in_days(10).isoformat(),
        "requirements_must": "Sveisesertifikat.",
    }
    return data | overrides


@pytest.fixture
def east_employer(oslo, oslo_east):
    return EmployerFactory(county=oslo, region=oslo_east, name="Alna Logistikk AS")


@pytest.fixture
def draft(east_employer, east_contact):
    return opening_create(employer=east_employer, actor=east_contact, **_details())


# Recording


def test_contact_person_records_a_draft_in_the_employers_region(draft, east_employer, east_contact):
    assert (draft.status, draft.region, draft.recorded_by) == (
        "draft",
        east_employer.region,
        east_contact,
    )
    assert draft.published_at is None
    event = history_for(draft).get()
    assert (event.from_state, event.to_state, event.actor) == ("", "draft", east_contact)


def test_an_explicitly_empty_region_makes_the_opening_county_wide(east_employer, east_contact):
    opening = opening_create(employer=east_employer, actor=east_contact, **_details(region=None))
    assert opening.region is None


@pytest.mark.parametrize("role", [Role.ADVISER, Role.PROVIDER_STAFF, Role.NATIONAL_READER])
def test_only_the_contact_side_may_record_openings(east_employer, role):
    with pytest.raises(PermissionDenied):
        opening_create(employer=east_employer, actor=user_with_role(role), **_details())


def test_the_create_form_saves_a_draft_and_shows_it(client, east_employer, east_contact):
    client.force_login(east_contact)
    response = client.post(
        reverse("employers:opening_create", args=[east_employer.pk]),
        _form_data(region=east_employer.region_id),
    )
    opening = JobOpening.objects.get()
    assert response["Location"] == reverse("employers:opening_detail", args=[opening.pk])
    assert opening.occupation_id == "7212"
    page = client.get(response["Location"]).content.decode()
    assert "Sveiser" in page and "Publiser og del" in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"positions": "0"}, "Antall stillinger må være minst 1."),
        (
            {"application_deadline": _in_days(-1).isoformat()},
            "Søknadsfristen kan ikke være tilbake i tid.",
        ),
        ({"occupation": "721"}, "Velg et yrke fra listen (STYRK-08)."),
        (
            {"extent": "part_time"},
            "Oppgi stillingsprosent eller arbeidstid for en deltidsstilling.",
        ),
        (
            {"extent": "full_time", "extent_percent": "50"},
            "En heltidsstilling er 100 prosent; velg deltid for lavere stillingsprosent.",
        ),
        (
            {
                "start_date": _in_days(2).isoformat(),
                "application_deadline": _in_days(5).isoformat(),
            },
            "Søknadsfristen kan ikke være etter oppstart.",
        ),
    ],
)
def test_the_create_form_refuses_invalid_input_in_norwegian_and_keeps_it(
    client, east_employer, east_contact, overrides, message
):
    client.force_login(east_contact)
    response = client.post(
        reverse("employers:opening_create", args=[east_employer.pk]), _form_data(**overrides)
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'value="Sveiser"' in html
    assert not JobOpening.objects.exists()


def test_the_service_also_refuses_a_deadline_in_the_past(east_employer, east_contact):
    with pytest.raises(ValidationError):
        opening_create(
            employer=east_employer,
            actor=east_contact,
            **_details(application_deadline=_in_days(-1)),
        )


def test_the_database_refuses_zero_positions(draft):
    with pytest.raises(IntegrityError), transaction.atomic():
        JobOpening.objects.filter(pk=draft.pk).update(positions=0)


def test_a_part_time_opening_with_a_percentage_is_accepted(east_employer, east_contact):
    opening = opening_create(
        employer=east_employer,
        actor=east_contact,
        **_details(extent="part_time", extent_percent=60),
    )
    assert opening.extent_display == "Deltid, 60 %"


def test_editing_keeps_a_passed_deadline_and_changes_the_rest(client, draft, east_contact):
    JobOpening.objects.filter(pk=draft.pk).update(application_deadline=_in_days(-3))
    draft.refresh_from_db()
    client.force_login(east_contact)
    data = _form_data(title="Lagerarbeider", application_deadline=_in_days(-3).isoformat())
    response = client.post(reverse("employers:opening_edit", args=[draft.pk]), data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Lagerarbeider"


def test_a_filled_opening_cannot_be_edited(draft, east_contact):
    opening_publish(opening=draft, actor=east_contact)
    opening_mark_filled(opening=draft, actor=east_contact)
    with pytest.raises(ValidationError):
        opening_update(opening=draft, actor=east_contact, title="Ny tittel")


# Publishing


def test_publishing_notifies_exactly_the_advisers_and_provider_staff_serving_the_region(
    draft, east_contact, west_contact, east_adviser, east_provider_staff, oslo, oslo_west, vestland,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    county_adviser = user_with_role(Role.ADVISER, county=oslo, region=None)
    user_with_role(Role.ADVISER, county=oslo, region=oslo_west)
    user_with_role(Role.ADVISER, county=oslo, region=draft.region, is_active=False)
    user_with_role(Role.ADVISER, county=vestland, region=RegionFactory(county=vestland))
    other_provider = MeasureProviderFactory()
    other_provider.regions.add(oslo_west)
    user_with_role(Role.PROVIDER_STAFF, provider=other_provider)
    user_with_role(Role.PROVIDER_STAFF)

    with django_capture_on_commit_callbacks() as callbacks:
        notified = opening_publish(opening=draft, actor=east_contact)

    recipients = set(Notification.objects.values_list("recipient", flat=True))
    assert recipients == {east_adviser.pk, east_provider_staff.pk, county_adviser.pk}
    assert notified == 3
    assert len(callbacks) == 3  # one e-mail each, after commit
    notification = Notification.objects.get(recipient=east_adviser)
    assert notification.title == "Ny delt stilling: Lagermedarbeider hos Alna Logistikk AS"
    assert notification.link == reverse("employers:opening_detail", args=[draft.pk])


def test_publishing_a_county_wide_opening_notifies_everyone_serving_the_county(
    east_employer, east_contact, east_adviser, east_provider_staff, oslo, oslo_west, vestland
):
    west_adviser = user_with_role(Role.ADVISER, county=oslo, region=oslo_west)
    user_with_role(Role.ADVISER, county=vestland)
    opening = opening_create(employer=east_employer, actor=east_contact, **_details(region=None))
    assert opening_publish(opening=opening, actor=east_contact) == 3
    recipients = set(Notification.objects.values_list("recipient", flat=True))
    assert recipients == {east_adviser.pk, east_provider_staff.pk, west_adviser.pk}


def test_a_provider_serving_several_regions_is_notified_once(draft, east_contact, oslo_west):
    provider = MeasureProviderFactory()
    provider.regions.add(draft.region, oslo_west)
    staff = user_with_role(Role.PROVIDER_STAFF, provider=provider)
    opening_create(employer=draft.employer, actor=east_contact, **_details(region=None))
    opening_publish(opening=draft, actor=east_contact)
    assert Notification.objects.filter(recipient=staff).count() == 1


def test_publishing_opens_the_opening_and_records_the_event(draft, east_contact):
    opening_publish(opening=draft, actor=east_contact)
    opening = JobOpening.objects.get(pk=draft.pk)
    assert opening.status == "open" and opening.published_at is not None
    assert list(history_for(opening).values_list("from_state", "to_state")) == [
        ("", "draft"),
        ("draft", "open"),
    ]


def test_an_open_opening_cannot_be_published_again(draft, east_contact):
    opening_publish(opening=draft, actor=east_contact)
    with pytest.raises(ValidationError):
        opening_publish(opening=draft, actor=east_contact)


def test_a_draft_whose_deadline_has_passed_cannot_be_published(draft, east_contact):
    JobOpening.objects.filter(pk=draft.pk).update(application_deadline=_in_days(-1))
    with pytest.raises(ValidationError) as error:
        opening_publish(opening=draft, actor=east_contact)
    assert "Søknadsfristen har gått ut" in error.value.messages[0]


def test_publish_view_tells_how_many_were_notified(client, draft, east_contact, east_adviser):
    client.force_login(east_contact)
    response = client.post(reverse("employers:opening_publish", args=[draft.pk]), follow=True)
    assert "delt med 1 veileder eller tiltaksleverandør" in response.content.decode()


# Filling and cancelling


def test_an_open_opening_is_marked_filled_with_a_note(draft, east_contact):
    opening_publish(opening=draft, actor=east_contact)
    opening = opening_mark_filled(opening=draft, actor=east_contact, note="To ansatt via NAV.")
    assert opening.status == "filled"
    assert history_for(opening).last().note == "To ansatt via NAV."


def test_a_draft_cannot_be_marked_filled_but_can_be_cancelled(draft, east_contact):
    with pytest.raises(ValidationError):
        opening_mark_filled(opening=draft, actor=east_contact)
    assert opening_cancel(opening=draft, actor=east_contact).status == "cancelled"


def test_a_filled_opening_cannot_be_cancelled(draft, east_contact):
    opening_publish(opening=draft, actor=east_contact)
    opening_mark_filled(opening=draft, actor=east_contact)
    with pytest.raises(ValidationError):
        opening_cancel(opening=draft, actor=east_contact)


def test_cancel_view_cancels_and_the_detail_page_offers_no_more_actions(
    client, draft, east_contact
):
    client.force_login(east_contact)
    url = reverse("employers:opening_cancel", args=[draft.pk])
    response = client.post(url, {"avlys-note": "Virksomheten avlyste."}, follow=True)
    html = response.content.decode()
    assert "Stillingen er avlyst." in html
    assert reverse("employers:opening_edit", args=[draft.pk]) not in html


def test_a_too_long_note_shows_the_form_again(client, draft, east_contact):
    client.force_login(east_contact)
    url = reverse("employers:opening_cancel", args=[draft.pk])
    response = client.post(url, {"avlys-note": "x" * 2001})
    assert response.status_code == 200
    assert JobOpening.objects.get(pk=draft.pk).status == "draft"


# Who sees what


def test_adviser_reads_a_published_opening_but_not_a_draft(
    client, draft, east_contact, east_adviser
):
    client.force_login(east_adviser)
    url = reverse("employers:opening_detail", args=[draft.pk])
    assert client.get(url).status_code == 404
    opening_publish(opening=draft, actor=east_contact)
    html = client.get(url).content.decode()
    assert "Truckførerbevis" in html and "Endre stillingen" not in html


def test_provider_staff_reads_a_published_opening(client, draft, east_contact, east_provider_staff):
    opening_publish(opening=draft, actor=east_contact)
    client.force_login(east_provider_staff)
    assert client.get(reverse("employers:opening_detail", args=[draft.pk])).status_code == 200


@pytest.mark.parametrize(
    "view_name", ["employers:opening_edit", "employers:opening_publish", "employers:opening_cancel"]
)
@pytest.mark.parametrize("role", [Role.ADVISER, Role.PROVIDER_STAFF, Role.NATIONAL_READER])
def test_readers_may_not_change_openings(client, draft, view_name, role):
    client.force_login(user_with_role(role))
    url = reverse(view_name, args=[draft.pk])
    response = client.get(url) if view_name.endswith("edit") else client.post(url)
    assert response.status_code == 403


@pytest.mark.parametrize(
    "view_name",
    ["employers:shared_openings", "employers:opening_detail", "employers:opening_create"],
)
def test_employer_users_get_403_on_opening_pages(client, draft, view_name):
    client.force_login(user_with_role(Role.EMPLOYER_USER, employer=draft.employer))
    kwargs = {
        "employers:shared_openings": {},
        "employers:opening_detail": {"pk": draft.pk},
        "employers:opening_create": {"employer_pk": draft.employer_id},
    }[view_name]
    assert client.get(reverse(view_name, kwargs=kwargs)).status_code == 403


# The shared openings list


def _shared(client, user, **params):
    client.force_login(user)
    return client.get(reverse("employers:shared_openings"), params)


def _titles(response) -> list[str]:
    return [opening.title for opening in response.context["page"].object_list]


def test_shared_list_starts_with_open_openings_in_the_advisers_region(
    client, east_adviser, east_employer, oslo_west
):
    JobOpeningFactory(employer=east_employer, title="Her")
    JobOpeningFactory(employer=east_employer, region=None, title="Hele fylket")
    JobOpeningFactory(employer=EmployerFactory(region=oslo_west), title="Vest")
    JobOpeningFactory(employer=east_employer, title="Utkast", status="draft", published_at=None)
    JobOpeningFactory(employer=east_employer, title="Besatt", status="filled")
    response = _shared(client, east_adviser)
    assert sorted(_titles(response)) == ["Hele fylket", "Her"]
    assert "Viser stillinger i ditt område." in response.content.decode()


def test_shared_list_starts_in_all_regions_the_provider_serves(
    client, east_provider_staff, east_employer, oslo_west, vestland
):
    east_provider_staff.provider.regions.add(oslo_west)
    JobOpeningFactory(employer=east_employer, title="Øst")
    JobOpeningFactory(employer=EmployerFactory(region=oslo_west), title="Vest")
    JobOpeningFactory(employer=EmployerFactory(county=vestland), title="Bergen")
    assert sorted(_titles(_shared(client, east_provider_staff))) == ["Vest", "Øst"]


def test_shared_list_can_show_every_area_and_filter_by_county(
    client, east_adviser, east_employer, vestland
):
    JobOpeningFactory(employer=east_employer, title="Oslo")
    JobOpeningFactory(employer=EmployerFactory(county=vestland), title="Bergen")
    assert sorted(_titles(_shared(client, east_adviser, sorter="frist"))) == ["Bergen", "Oslo"]
    assert _titles(_shared(client, east_adviser, fylke=vestland.pk)) == ["Bergen"]


def test_shared_list_filters_by_major_group_and_occupation_search(
    client, east_adviser, east_employer
):
    JobOpeningFactory(employer=east_employer, title="Sveiser", occupation_id="7212")
    JobOpeningFactory(employer=east_employer, title="Helsefagarbeider", occupation_id="5321")
    assert _titles(_shared(client, east_adviser, yrkesfelt="7")) == ["Sveiser"]
    assert _titles(_shared(client, east_adviser, yrke="helsefag")) == ["Helsefagarbeider"]
    assert _titles(_shared(client, east_adviser, yrke="5321")) == ["Helsefagarbeider"]


def test_shared_list_filters_by_competence_path_and_deadline(client, east_adviser, east_employer):
    JobOpeningFactory(employer=east_employer, title="Løp", competence_path_possible=True)
    JobOpeningFactory(employer=east_employer, title="Snart", application_deadline=_in_days(3))
    JobOpeningFactory(employer=east_employer, title="Senere", application_deadline=_in_days(20))
    JobOpeningFactory(employer=east_employer, title="Ute", application_deadline=_in_days(-2))
    assert _titles(_shared(client, east_adviser, kompetanselop="on")) == ["Løp"]
    assert _titles(_shared(client, east_adviser, frist="7")) == ["Snart"]
    assert sorted(_titles(_shared(client, east_adviser, frist="30"))) == ["Senere", "Snart"]
    assert "Ute" not in _titles(_shared(client, east_adviser, frist="kommende"))


def test_shared_list_sorts_by_deadline_or_by_publication(client, east_adviser, east_employer):
    now = timezone.now()
    JobOpeningFactory(
        employer=east_employer, title="A", application_deadline=_in_days(9), published_at=now
    )
    JobOpeningFactory(
        employer=east_employer,
        title="B",
        application_deadline=_in_days(4),
        published_at=now - datetime.timedelta(days=2),
    )
    JobOpeningFactory(employer=east_employer, title="Løpende", published_at=now)
    assert _titles(_shared(client, east_adviser, sorter="frist")) == ["B", "A", "Løpende"]
    assert _titles(_shared(client, east_adviser, sorter="publisert"))[-1] == "B"


def test_shared_list_paginates_and_has_an_empty_state(
    client, east_adviser, east_employer, vestland
):
    for _ in range(21):
        JobOpeningFactory(employer=east_employer)
    assert len(_titles(_shared(client, east_adviser, sorter="frist", side=2))) == 1
    empty = _shared(client, east_adviser, fylke=vestland.pk).content.decode()
    assert "Ingen åpne stillinger passer filteret." in empty


def test_the_next_page_stays_in_the_users_own_area(client, east_adviser, east_employer, vestland):
    for _ in range(21):
        JobOpeningFactory(employer=east_employer)
    JobOpeningFactory(employer=EmployerFactory(county=vestland), title="Bergen")
    response = _shared(client, east_adviser, side=2)
    assert len(_titles(response)) == 1
    assert "Bergen" not in _titles(response)


def test_shared_list_query_count_does_not_grow_with_rows(
    client, east_adviser, east_employer, django_assert_max_num_queries
):
    for number in range(20):
        JobOpeningFactory(
            employer=EmployerFactory(region=east_employer.region), positions=number + 1
        )
    client.force_login(east_adviser)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("employers:shared_openings"))
    assert len(response.context["page"].object_list) == 20


def test_adviser_home_lists_new_shared_openings_in_their_area(
    client, east_adviser, east_employer, vestland
):
    JobOpeningFactory(employer=east_employer, title="Kokk på Alna")
    JobOpeningFactory(employer=EmployerFactory(county=vestland), title="Kokk i Bergen")
    client.force_login(east_adviser)
    html = client.get(reverse("home")).content.decode()
    assert "Nye delte stillinger i ditt område" in html
    assert "Kokk på Alna" in html and "Kokk i Bergen" not in html


def test_shared_opening_pages_mark_only_their_menu_item_as_current(
    client, east_adviser, east_employer
):
    opening = JobOpeningFactory(employer=east_employer)
    client.force_login(east_adviser)
    response = client.get(reverse("employers:opening_detail", args=[opening.pk]))
    assert current_menu_items(response) == ["Delte stillinger"]


# The employer page partial


def test_employer_page_partial_lists_the_openings_and_offers_a_new_one(
    draft, east_contact, east_adviser
):
    context = employer_openings_context(employer=draft.employer, user=east_contact)
    html = render_to_string(
        "employers/openings/_employer_openings.html", {"employer": draft.employer, **context}
    )
    assert "Lagermedarbeider" in html and "Utkast" in html
    assert reverse("employers:opening_create", args=[draft.employer_id]) in html
    open_one = JobOpeningFactory(employer=draft.employer, title="Åpen stilling")
    listed = list(
        employer_openings_context(employer=draft.employer, user=east_contact)["employer_openings"]
    )
    assert listed == [open_one, draft]
    reader_context = employer_openings_context(employer=draft.employer, user=east_adviser)
    assert list(reader_context["employer_openings"]) == [open_one]
    assert reader_context["may_manage_openings"] is False


def test_shared_list_marks_the_openings_that_fit_the_users_own_candidates(
    client, east_adviser, east_employer, django_assert_max_num_queries
):
    from employers.models import Occupation
    from tests.candidates.factories import CandidateFactory

    cook = Occupation.objects.get(code="5120")
    JobOpeningFactory(employer=east_employer, title="Kokk", occupation=cook)
    JobOpeningFactory(employer=east_employer, title="Lager")  # 4321: nobody wants it
    mine = CandidateFactory(owner=east_adviser)
    mine.occupations_wanted.add(cook)
    someone_elses = CandidateFactory()
    someone_elses.occupations_done.add(Occupation.objects.get(code="4321"))
    client.force_login(east_adviser)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("employers:shared_openings"))
    fits = {opening.title: opening.fits_mine for opening in response.context["page"].object_list}
    assert fits == {"Kokk": True, "Lager": False}
    assert response.content.decode().count("Passer dine kandidater") == 1
