"""The employer's timeline: everyone's contacts, newest first, filterable, in bounded queries."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from employers.models import DialogueEntry
from employers.selectors.dialogue import dialogue_latest

from .factories import DialogueEntryFactory, EmployerPersonFactory, TaskFactory

pytestmark = pytest.mark.django_db


def _days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def _entries_with_everything(employer, count: int) -> None:
    person = EmployerPersonFactory(employer=employer)
    for day in range(count):
        entry = DialogueEntryFactory(employer=employer, occurred_at=_days_ago(day + 1))
        entry.participants.add(person)
        TaskFactory(entry=entry)
        entry.revisions.create(
            changed_by=entry.author, changed_fields=["summary"], previous=entry.snapshot()
        )


def test_timeline_shows_nav_and_provider_entries_newest_first(
    login, employer, colleague, provider_staff
):
    DialogueEntryFactory(
        employer=employer, author=colleague, summary="Første møte i fjor", occurred_at=_days_ago(9)
    )
    DialogueEntryFactory(
        employer=employer,
        author=provider_staff,
        author_provider=provider_staff.provider,
        summary="Siste telefonsamtale",
        occurred_at=_days_ago(1),
    )
    DialogueEntryFactory(summary="Annen virksomhet")

    page = login(colleague).get(reverse("employers:dialogue_list", args=[employer.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert html.index("Siste telefonsamtale") < html.index("Første møte i fjor")
    assert provider_staff.provider.name in html
    assert "Annen virksomhet" not in html
    assert "2 kontakter" in html


def test_timeline_can_be_sorted_oldest_first(login, employer, colleague):
    DialogueEntryFactory(employer=employer, summary="Første møte i fjor", occurred_at=_days_ago(9))
    DialogueEntryFactory(
        employer=employer, summary="Siste telefonsamtale", occurred_at=_days_ago(1)
    )
    url = reverse("employers:dialogue_list", args=[employer.pk])
    html = login(colleague).get(url, {"sorter": "eldste"}).content.decode()
    assert html.index("Første møte i fjor") < html.index("Siste telefonsamtale")


def test_timeline_filters_by_topic(login, employer, colleague):
    DialogueEntryFactory(
        employer=employer,
        topics=[DialogueEntry.Topic.MEASURES, DialogueEntry.Topic.FOLLOW_UP],
        summary="Om lønnstilskudd",
    )
    DialogueEntryFactory(
        employer=employer, topics=[DialogueEntry.Topic.RECRUITMENT_NEED], summary="Om behov"
    )
    url = reverse("employers:dialogue_list", args=[employer.pk])
    html = login(colleague).get(url, {"tema": "measures"}).content.decode()
    assert "Om lønnstilskudd" in html
    assert "Om behov" not in html
    assert "Fjern filter" in html


def test_timeline_filters_by_channel(login, employer, colleague):
    DialogueEntryFactory(employer=employer, channel="phone", summary="Ringte")
    DialogueEntryFactory(employer=employer, channel="visit", summary="Besøkte")
    url = reverse("employers:dialogue_list", args=[employer.pk])
    html = login(colleague).get(url, {"kanal": "visit"}).content.decode()
    assert "Besøkte" in html
    assert "Ringte" not in html


def test_topic_filter_uses_the_gin_index_operator(employer, colleague):
    entries = DialogueEntry.objects.filter(topics__contains=["measures"])
    assert "@>" in str(entries.query)


def test_empty_timeline_says_so_and_offers_to_log_a_contact(login, employer, colleague):
    html = login(colleague).get(reverse("employers:dialogue_list", args=[employer.pk]))
    html = html.content.decode()
    assert "Ingen kontakter er logget med virksomheten ennå." in html
    assert reverse("employers:dialogue_create", args=[employer.pk]) in html


def test_filter_without_matches_has_its_own_empty_state(login, employer, colleague):
    DialogueEntryFactory(employer=employer, channel="phone")
    url = reverse("employers:dialogue_list", args=[employer.pk])
    html = login(colleague).get(url, {"kanal": "event"}).content.decode()
    assert "Ingen kontakter passer med filteret." in html


def test_timeline_is_paginated_with_the_side_parameter(login, employer, colleague):
    for day in range(22):
        DialogueEntryFactory(
            employer=employer, summary=f"Kontakt nr {day}", occurred_at=_days_ago(day)
        )
    url = reverse("employers:dialogue_list", args=[employer.pk])
    client = login(colleague)
    first = client.get(url).content.decode()
    second = client.get(url, {"side": 2}).content.decode()
    assert "Kontakt nr 0<" in first
    assert "Kontakt nr 21<" not in first
    assert "Kontakt nr 21<" in second
    assert "Side 2 av 2" in second


def test_national_reader_sees_the_timeline_but_no_log_button(login, employer, national_reader):
    DialogueEntryFactory(employer=employer, summary="Synlig for nasjonalt nivå")
    response = login(national_reader).get(reverse("employers:dialogue_list", args=[employer.pk]))
    html = response.content.decode()
    assert "Synlig for nasjonalt nivå" in html
    assert reverse("employers:dialogue_create", args=[employer.pk]) not in html


def test_provider_staff_see_the_timeline_and_may_log(login, employer, provider_staff):
    DialogueEntryFactory(employer=employer, summary="NAV sin kontakt")
    html = login(provider_staff).get(reverse("employers:dialogue_list", args=[employer.pk]))
    html = html.content.decode()
    assert "NAV sin kontakt" in html
    assert reverse("employers:dialogue_create", args=[employer.pk]) in html


@pytest.mark.parametrize("view_name", ["employers:dialogue_list", "employers:dialogue_create"])
def test_employer_user_gets_403_even_for_their_own_employer(
    login, employer, employer_user, view_name
):
    DialogueEntryFactory(employer=employer)
    response = login(employer_user).get(reverse(view_name, args=[employer.pk]))
    assert response.status_code == 403


@pytest.mark.parametrize("view_name", ["employers:dialogue_edit", "employers:dialogue_history"])
def test_employer_user_gets_403_for_entries_about_their_employer(
    login, employer, employer_user, view_name
):
    entry = DialogueEntryFactory(employer=employer)
    assert login(employer_user).get(reverse(view_name, args=[entry.pk])).status_code == 403


def test_employer_user_sees_no_entries_through_the_queryset(employer, employer_user):
    DialogueEntryFactory(employer=employer)
    assert not DialogueEntry.objects.visible_to(employer_user).exists()


def test_unknown_employer_is_404(login, colleague):
    assert (
        login(colleague).get(reverse("employers:dialogue_list", args=[999999])).status_code == 404
    )


def test_timeline_page_query_count_does_not_grow_with_entries(
    login, employer, colleague, django_assert_max_num_queries
):
    client = login(colleague)
    url = reverse("employers:dialogue_list", args=[employer.pk])
    _entries_with_everything(employer, 2)
    with django_assert_max_num_queries(8) as few:
        client.get(url)
    _entries_with_everything(employer, 18)
    with django_assert_max_num_queries(8) as many:
        client.get(url)
    assert len(many.captured_queries) == len(few.captured_queries)


def test_latest_entries_for_the_detail_page_take_two_queries(
    employer, colleague, django_assert_num_queries
):
    _entries_with_everything(employer, 8)
    with django_assert_num_queries(2):
        latest = dialogue_latest(employer=employer, user=colleague, limit=5)
        for entry in latest:
            _ = (entry.author, entry.next_step.owner, list(entry.participants.all()))
    assert len(latest) == 5
    assert latest[0].occurred_at > latest[-1].occurred_at


def test_timeline_partial_renders_entries_without_further_queries(
    employer, colleague, django_assert_num_queries
):
    _entries_with_everything(employer, 3)
    latest = dialogue_latest(employer=employer, user=colleague)
    with django_assert_num_queries(0):
        html = render_to_string(
            "employers/dialogue/_timeline.html",
            {"entries": latest, "user": colleague, "employer": employer, "more_link": True},
        )
    assert html.count("<article") == 3
    assert "Se hele kontakthistorikken" in html
    assert "Endret – se historikk" in html
