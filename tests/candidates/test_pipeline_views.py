import datetime

import pytest
from django.urls import reverse

from accounts.models import Role
from candidates.models import (
    AuditRecord,
    Candidate,
    ConsentRequest,
    Placement,
    ShortlistEntry,
    Step,
)
from candidates.sections import pipeline_section
from candidates.services import pipeline as services
from employers.services.openings import opening_mark_filled
from notifications.models import Notification

from ..employers.factories import EmployerFactory, JobOpeningFactory
from ..factories import user_with_role
from .factories import CandidateFactory

pytestmark = pytest.mark.django_db


def _shortlist(opening, **params):
    return reverse("candidates:shortlist", kwargs={"opening_id": opening.pk}), params


def _get(client, opening, **params):
    url, params = _shortlist(opening, **params)
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def _move(entry):
    return reverse("candidates:entry_move", kwargs={"entry_id": entry.pk})


def _detail(entry, **params):
    return reverse("candidates:entry_detail", kwargs={"entry_id": entry.pk})


class TestShortlistPage:
    @pytest.fixture
    def mine_and_theirs(self, entry_at, other_owner):
        """A proposed entry of `owner`'s candidate and an assessed one of `other_owner`'s."""
        return entry_at(Step.PROPOSED), entry_at(Step.ASSESSING, candidate_owner=other_owner)

    def test_the_contact_side_sees_every_candidate(self, login, opening, contact, mine_and_theirs):
        mine, theirs = mine_and_theirs
        page = _get(login(contact), opening)
        assert mine.candidate.full_name in page
        assert theirs.candidate.full_name in page
        assert (
            AuditRecord.objects.filter(actor=contact, action=AuditRecord.Action.LIST).count() == 2
        )

    def test_an_owner_sees_their_own_candidates_and_counts_of_the_rest(
        self, login, opening, owner, mine_and_theirs
    ):
        mine, theirs = mine_and_theirs
        page = _get(login(owner), opening)
        assert mine.candidate.full_name in page
        assert theirs.candidate.full_name not in page
        assert "Vurderes: 1" in page

    @pytest.mark.parametrize("role", [Role.PROJECT_LEADER, Role.CONTACT_PERSON])
    def test_staff_outside_the_opening_see_counts_only(self, login, opening, entry_at, role):
        from accounts.models import County

        entry = entry_at(Step.PROPOSED)
        visitor = user_with_role(role, county=County.objects.get(name="Vestland"))
        page = _get(login(visitor), opening)
        assert entry.candidate.full_name not in page
        assert "Foreslått: 1" in page

    def test_filter_by_step_and_table_view(self, login, opening, contact, entry_at):
        proposed = entry_at(Step.PROPOSED)
        assessing = entry_at(Step.ASSESSING)
        page = _get(login(contact), opening, steg="assessing", vis="tabell")
        assert "<table" in page
        assert assessing.candidate.full_name in page
        assert proposed.candidate.full_name not in page

    def test_archived_candidates_show_only_when_asked(self, login, opening, owner, entry_at):
        # The owner: since issue 15 item 3 the contact side sees no name on a removed entry.
        entry = entry_at(Step.PROPOSED)
        services.entry_archive(entry=entry, actor=owner)
        client = login(owner)
        assert entry.candidate.full_name not in _get(client, opening)
        assert entry.candidate.full_name in _get(client, opening, arkiverte="on")

    def test_a_closed_list_says_so(self, login, opening, contact, entry_at):
        entry_at(Step.PROPOSED)
        opening_mark_filled(opening=opening, actor=contact)
        assert "Ingen flere endringer kan gjøres" in _get(login(contact), opening)

    @pytest.mark.parametrize("layout", ["tavle", "tabell"])
    @pytest.mark.parametrize("rows", [1, 8])
    def test_a_fixed_number_of_queries(
        self, login, opening, contact, entry_at, django_assert_max_num_queries, layout, rows
    ):
        for index in range(rows):
            entry_at(list(Step)[index % 5])
        client = login(contact)
        url, params = _shortlist(opening, vis=layout)
        with django_assert_max_num_queries(16):
            assert client.get(url, params).status_code == 200


class TestEntryDetail:
    def test_another_owner_gets_not_found(self, login, entry_at, other_owner, outsider_contact):
        entry = entry_at(Step.PROPOSED)
        assert login(other_owner).get(_detail(entry)).status_code == 404
        assert login(outsider_contact).get(_detail(entry)).status_code == 404

    def test_the_history_tab_shows_who_when_from_to_and_why(self, login, entry_at, contact):
        entry = entry_at(Step.PRESENTED)
        services.entry_move(
            entry=entry, to_step=Step.NOT_RELEVANT, actor=contact, reason="For kort erfaring"
        )
        page = login(contact).get(_detail(entry), {"fane": "historikk"}).content.decode()
        assert "For kort erfaring" in page
        assert str(contact) in page
        assert "Ikke aktuell for arbeidsgiver" in page

    def test_the_contact_person_never_sees_adaptation_needs_only_what_was_shared(
        self, login, entry_at, contact
    ):
        # Issue 15 item 1: special-category data goes to the owner and administrators only.
        entry = entry_at(Step.ASSESSING)
        entry.candidate.adaptation_needs = "Trenger hev-senk-pult"
        entry.candidate.save()
        ConsentRequest.objects.create(
            entry=entry,
            method=ConsentRequest.Method.MEETING,
            status=ConsentRequest.Status.GIVEN,
            share_adaptation_text="Trenger en rolig arbeidsplass",
            requested_by=entry.candidate.owner,
        )
        page = login(contact).get(_detail(entry)).content.decode()
        assert "Trenger hev-senk-pult" not in page
        assert "Trenger en rolig arbeidsplass" in page

    def test_the_owner_sees_adaptation_needs_and_it_is_audited(self, login, entry_at):
        entry = entry_at(Step.ASSESSING)
        entry.candidate.adaptation_needs = "Trenger hev-senk-pult"
        entry.candidate.save()
        owner = entry.candidate.owner
        assert "Trenger hev-senk-pult" in login(owner).get(_detail(entry)).content.decode()
        record = AuditRecord.objects.get(actor=owner, action=AuditRecord.Action.VIEW)
        assert "tilrettelegging" in record.purpose

    def test_moving_through_the_form(self, login, entry_at, contact):
        entry = entry_at(Step.PRESENTED)
        url = _move(entry)
        response = login(contact).post(url, {"step": Step.NOT_RELEVANT})
        assert response.status_code == 200
        assert "Skriv en begrunnelse" in response.content.decode()
        response = login(contact).post(url, {"step": Step.INTERVIEW_WANTED})
        assert response.status_code == 302
        entry.refresh_from_db()
        assert entry.step == Step.INTERVIEW_WANTED

    def test_a_refused_move_goes_back_to_the_page_with_why(self, login, entry_at, contact):
        entry = entry_at(Step.PRESENTED)
        url = _move(entry)
        came_from = _detail(entry) + "?fane=historikk"
        # The page was opened while the entry still was at "proposed": someone moved it since.
        data = {"step": Step.INTERVIEW_WANTED, "fra": Step.PROPOSED, "neste": came_from}
        response = login(contact).post(url, data)
        assert response.status_code == 302
        assert response.url == came_from
        page = login(contact).get(response.url).content.decode()
        assert "Noen andre har nettopp flyttet kandidaten" in page
        entry.refresh_from_db()
        assert entry.step == Step.PRESENTED

    def test_a_refused_move_never_leaves_the_site(self, login, entry_at, contact):
        entry = entry_at(Step.PRESENTED)
        url = _move(entry)
        data = {"step": Step.INTERVIEW_WANTED, "fra": Step.PROPOSED}
        response = login(contact).post(
            url, {**data, "neste": "https://example.org/"}, HTTP_REFERER="https://example.org/"
        )
        assert response.url == _detail(entry)

    def test_the_move_form_carries_the_page_it_is_on(self, login, entry_at, contact):
        entry = entry_at(Step.PRESENTED)
        page = login(contact).get(_detail(entry), {"fane": "profil"}).content.decode()
        assert f'name="neste" value="{_detail(entry)}?fane=profil"' in page

    def test_a_step_of_the_other_side_is_not_offered(self, login, entry_at, owner):
        entry = entry_at(Step.CONSENT_GIVEN)
        url = _move(entry)
        response = login(owner).post(url, {"step": Step.PRESENTED})
        assert response.status_code == 200
        entry.refresh_from_db()
        assert entry.step == Step.CONSENT_GIVEN

    def test_archive_and_undo_through_the_page(self, login, entry_at, owner):
        entry = entry_at(Step.PROPOSED)
        client = login(owner)
        client.post(
            reverse("candidates:entry_archive", kwargs={"entry_id": entry.pk}),
            {"reason": "Fikk annen jobb"},
        )
        entry.refresh_from_db()
        assert entry.is_archived
        client.post(reverse("candidates:entry_restore", kwargs={"entry_id": entry.pk}))
        entry.refresh_from_db()
        assert not entry.is_archived

    def test_the_hire_form_needs_a_confirmed_contract(self, login, entry_at, contact):
        entry = entry_at(Step.INTERVIEW_HELD)
        url = reverse("candidates:entry_hire", kwargs={"entry_id": entry.pk})
        data = {
            "start_date": "2026-12-01",
            "position": "Lagermedarbeider",
            "contract_type": "permanent",
            "extent_percent": "100",
            "measures_used": ["wage_subsidy"],
        }
        response = login(contact).post(url, data)
        assert response.status_code == 200
        assert "Bekreft at lønnet arbeid" in response.content.decode()
        assert not Placement.objects.exists()
        response = login(contact).post(url, {**data, "contract_confirmed": "on"})
        assert response.status_code == 302
        assert Placement.objects.get().measures_used == ["wage_subsidy"]


class TestProposal:
    def test_an_owner_proposes_their_own_candidate_and_the_contacts_are_told(
        self, login, owner, contact
    ):
        fixed_contact = user_with_role(Role.CONTACT_PERSON)
        opening = JobOpeningFactory(
            recorded_by=contact, employer=EmployerFactory(fixed_contact=fixed_contact)
        )
        candidate = CandidateFactory(owner=owner)
        someone_elses = CandidateFactory()
        url = reverse("candidates:propose", kwargs={"opening_id": opening.pk})
        client = login(owner)
        page = client.get(url).content.decode()
        assert candidate.full_name in page
        assert someone_elses.full_name not in page
        response = client.post(
            url, {"candidate": candidate.pk, "motivation": "Har truckførerbevis"}
        )
        assert response.status_code == 302
        entry = ShortlistEntry.objects.get()
        assert (entry.source, entry.motivation, entry.step) == (
            "proposal",
            "Har truckførerbevis",
            Step.PROPOSED,
        )
        told = set(Notification.objects.values_list("recipient_id", flat=True))
        assert told == {contact.pk, fixed_contact.pk}

    def test_the_picker_shows_occupations_availability_and_warns_of_misfits(
        self, login, owner, contact, django_assert_max_num_queries
    ):
        from employers.models import Occupation

        cook, welder = Occupation.objects.get(code="5120"), Occupation.objects.get(code="7212")
        start = datetime.date.today() + datetime.timedelta(days=20)
        opening = JobOpeningFactory(recorded_by=contact, occupation=cook, start_date=start)
        fits = CandidateFactory(owner=owner, first_name="Kari", last_name="Kokk")
        fits.occupations_wanted.add(cook)
        welder_later = CandidateFactory(
            owner=owner,
            first_name="Sven",
            last_name="Sveiser",
            available_from=start + datetime.timedelta(days=30),
        )
        welder_later.occupations_done.add(welder)
        url = reverse("candidates:propose", kwargs={"opening_id": opening.pk})
        client = login(owner)
        with django_assert_max_num_queries(20):
            page = client.get(url).content.decode()
        kari = page[page.index("Kari Kokk") : page.index("Sven Sveiser")]
        sven = page[page.index("Sven Sveiser") :]
        assert cook.name in kari and "Obs:" not in kari
        assert welder.name in sven
        assert "yrket passer ikke stillingens" in sven
        assert "tilgjengelig først" in sven and "etter stillingens oppstart" in sven
        for _ in range(5):
            CandidateFactory(owner=owner).occupations_wanted.add(cook)
        with django_assert_max_num_queries(20):
            client.get(url)

    def test_a_fixed_contact_at_a_provider_is_sent_to_the_list(self, owner, contact):
        fixed_contact = user_with_role(Role.PROVIDER_STAFF)
        opening = JobOpeningFactory(
            recorded_by=contact, employer=EmployerFactory(fixed_contact=fixed_contact)
        )
        services.shortlist_propose(
            opening=opening, candidate=CandidateFactory(owner=owner), actor=owner, motivation="x"
        )
        notification = Notification.objects.get(recipient=fixed_contact)
        assert notification.link == reverse(
            "candidates:shortlist", kwargs={"opening_id": opening.pk}
        )

    def test_someone_elses_candidate_cannot_be_proposed(self, login, owner, opening):
        someone_elses = CandidateFactory()
        url = reverse("candidates:propose", kwargs={"opening_id": opening.pk})
        response = login(owner).post(url, {"candidate": someone_elses.pk, "motivation": "x"})
        assert response.status_code == 200
        assert not ShortlistEntry.objects.exists()

    def test_a_motivation_is_required(self, login, owner, opening):
        candidate = CandidateFactory(owner=owner)
        url = reverse("candidates:propose", kwargs={"opening_id": opening.pk})
        response = login(owner).post(url, {"candidate": candidate.pk, "motivation": ""})
        assert "Skriv hvorfor kandidaten passer" in response.content.decode()

    def test_the_opening_page_offers_the_proposal(self, login, owner, opening):
        page = login(owner).get(reverse("employers:opening_detail", args=[opening.pk]))
        assert (
            reverse("candidates:propose", kwargs={"opening_id": opening.pk})
            in page.content.decode()
        )

    def test_the_shared_list_offers_the_proposal(self, login, owner, opening):
        page = login(owner).get(reverse("employers:shared_openings"), {"sorter": "frist"})
        assert (
            reverse("candidates:propose", kwargs={"opening_id": opening.pk})
            in page.content.decode()
        )


class TestContactPersonScope:
    def test_contact_persons_see_candidates_on_their_live_shortlists_only(
        self, entry_at, contact, outsider_contact
    ):
        entry = entry_at(Step.PROPOSED)
        CandidateFactory()
        assert list(Candidate.objects.visible_to(contact)) == [entry.candidate]
        assert not Candidate.objects.visible_to(outsider_contact).exists()
        services.entry_archive(entry=entry, actor=contact)
        assert not Candidate.objects.visible_to(contact).exists()


class TestSections:
    def test_the_candidate_section_lists_entries_with_a_history_link(
        self, entry_at, owner, other_owner
    ):
        entry = entry_at(Step.ASSESSING)
        section = pipeline_section(entry.candidate, owner)
        assert section.template == "candidates/detail/_pipeline.html"
        assert section.context["entries"] == [entry]
        assert pipeline_section(entry.candidate, other_owner).context["entries"] == []

    def test_the_employer_page_lists_hires(self, login, entry_at, contact, opening):
        entry = entry_at(Step.INTERVIEW_HELD)
        services.entry_hire(
            entry=entry,
            actor=contact,
            start_date=datetime.date(2026, 12, 1),
            position="Truckfører",
            contract_type="temporary",
            extent_percent=60,
            contract_confirmed=True,
            measures_used=["mentor"],
        )
        page = (
            login(contact)
            .get(reverse("employers:detail", args=[opening.employer.pk]))
            .content.decode()
        )
        assert "1 ansettelse gjennom Vi inkluderer!" in page
        assert "Truckfører" in page
        assert entry.candidate.full_name not in page
        detail = (
            login(contact)
            .get(reverse("employers:opening_detail", args=[opening.pk]))
            .content.decode()
        )
        assert "1 ansatt" in detail
