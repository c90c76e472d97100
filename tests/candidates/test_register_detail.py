import pytest
from django.urls import reverse

from accounts.models import Role
from candidates.models import AuditRecord

from ..factories import user_with_role
from .register_helpers import adviser, candidate_of

pytestmark = pytest.mark.django_db


def _detail(candidate) -> str:
    return reverse("candidates:detail", args=[candidate.pk])


def test_the_owner_sees_the_whole_profile(login):
    owner = adviser()
    candidate = candidate_of(
        owner,
        competencies="Sveising og truck",
        adaptation_needs="Trenger rolige omgivelser",
    )
    candidate.occupations_wanted.set(["7212"])
    candidate.occupations_done.set(["8344"])
    html = login(owner).get(_detail(candidate)).content.decode()
    for text in [
        candidate.full_name,
        "Sveising og truck",
        "Trenger rolige omgivelser",
        "7212 Sveisere",
        "8344 Truckførere",
        "Hvem har sett kandidaten",
    ]:
        assert text in html, text
    # The identity number is masked until the owner opens it.
    assert f"{candidate.fnr[:6]} *****" in html


def test_an_adviser_gets_404_for_another_owners_candidate(login):
    candidate = candidate_of(adviser())
    client = login(adviser())
    assert client.get(_detail(candidate)).status_code == 404
    assert not AuditRecord.objects.exists()


def test_provider_staff_get_404_for_a_nav_advisers_candidate(login):
    candidate = candidate_of(adviser())
    staff = user_with_role(Role.PROVIDER_STAFF)
    assert login(staff).get(_detail(candidate)).status_code == 404


def test_each_view_writes_one_view_record_with_a_purpose(login):
    owner = adviser()
    candidate = candidate_of(owner)
    login(owner).get(_detail(candidate))
    record = AuditRecord.objects.get()
    assert (record.candidate, record.actor, record.action) == (
        candidate,
        owner,
        AuditRecord.Action.VIEW,
    )
    assert record.purpose == "Oppfølging av egen portefølje"
    assert record.path == _detail(candidate)


def test_administrators_open_any_candidate_and_are_audited(login):
    candidate = candidate_of(adviser(), adaptation_needs="Hørselshemmet")
    admin = user_with_role(Role.ADMIN)
    response = login(admin).get(_detail(candidate))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hørselshemmet" in html
    # Only the owner changes the candidate.
    assert reverse("candidates:edit", args=[candidate.pk]) not in html
    record = AuditRecord.objects.get(actor=admin)
    assert record.action == AuditRecord.Action.VIEW
    assert record.purpose == "Administrasjon av kandidatregisteret"


def test_the_access_log_lists_who_has_seen_the_candidate_newest_first(login):
    owner = adviser()
    candidate = candidate_of(owner)
    admin = user_with_role(Role.ADMIN, first_name="Anne", last_name="Admin")
    login(admin).get(_detail(candidate))
    section = next(
        s
        for s in login(owner).get(_detail(candidate)).context["main_sections"]
        if s.template.endswith("_audit_log.html")
    )
    actors = [record.actor for record in section.context["records"]]
    assert actors == [owner, admin]
    assert section.context["total"] == 2


@pytest.mark.parametrize("views", [1, 30])
def test_detail_query_count_does_not_grow_with_the_log(login, django_assert_max_num_queries, views):
    owner = adviser()
    candidate = candidate_of(owner)
    candidate.occupations_wanted.set(["7212", "8344"])
    client = login(owner)
    for _ in range(views):
        client.get(_detail(candidate))
    # Session, user, notifications, candidate, two occupation lists, shortlist entries, audit
    # insert, log, count.
    with django_assert_max_num_queries(11):  # +1: the competence paths section
        assert client.get(_detail(candidate)).status_code == 200
