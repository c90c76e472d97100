"""An employer user reaches nothing of another employer: every portal URL with an object id
is tried with every object id of the other employer, and random ids and users are tried."""

import pytest
from django.urls import URLPattern, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.access import rule_for
from accounts.models import Role, User
from agreements.models import FollowUpMeeting
from candidates.models import ConsentRequest, ShortlistEntry, Step
from candidates.selectors.pipeline import employer_entries
from candidates.services.shortlist import shortlist_for
from employers.models import JobOpening
from portal.services import terms_accept
from portal.urls import urlpatterns
from vi_inkluderer.context_processors import NAVIGATION

from ..agreements.factories import AgreementFactory, MeetingFactory
from ..candidates.factories import ConsentRequestFactory, ShortlistEntryFactory
from ..employers.factories import EmployerFactory, JobOpeningFactory
from ..factories import user_with_role

pytestmark = pytest.mark.django_db

# Every kind of object id a portal URL names, and where to find another employer's.
ID_SOURCES = {
    "opening_id": lambda employer: JobOpening.objects.filter(employer=employer),
    "entry_id": lambda employer: ShortlistEntry.objects.filter(
        shortlist__opening__employer=employer
    ),
    "meeting_id": lambda employer: FollowUpMeeting.objects.filter(agreement__employer=employer),
    "user_id": lambda employer: User.objects.filter(employer=employer),
}
# Every portal URL an employer user may open that names an object.
ID_PATTERNS = [
    p
    for p in urlpatterns
    if isinstance(p, URLPattern)
    and p.pattern.converters
    and Role.EMPLOYER_USER in rule_for(f"portal:{p.name}").roles
]


def _employer_with_data():
    employer = EmployerFactory()
    for opening_status in ("open", "cancelled"):
        opening = JobOpeningFactory(employer=employer, status=opening_status)
        for step in (Step.PRESENTED, Step.INTERVIEW_WANTED, Step.HIRED, Step.CONSENT_GIVEN):
            entry = ShortlistEntryFactory(shortlist=shortlist_for(opening), step=step)
            ConsentRequestFactory(entry=entry, status=ConsentRequest.Status.GIVEN)
    MeetingFactory(agreement=AgreementFactory(active=True, employer=employer))
    # Each employer's user is its portal administrator, so the user pages answer for it.
    user = user_with_role(Role.EMPLOYER_USER, employer=employer, is_employer_admin=True)
    user_with_role(Role.EMPLOYER_USER, employer=employer)
    terms_accept(user=user)
    return employer, user


@pytest.fixture
def two_employers(db):
    return _employer_with_data(), _employer_with_data()


def test_every_portal_url_with_an_id_is_covered_here():
    names = {name for p in ID_PATTERNS for name in p.pattern.converters}
    assert names == set(ID_SOURCES)


@pytest.mark.parametrize("pattern", ID_PATTERNS, ids=lambda p: p.name)
@pytest.mark.parametrize("method", ["get", "post"])
def test_every_id_of_another_employer_is_a_404(client, two_employers, pattern, method):
    (_own, user), (other, _other_user) = two_employers
    client.force_login(user)
    (kwarg,) = pattern.pattern.converters
    ids = list(ID_SOURCES[kwarg](other).values_list("pk", flat=True))
    assert ids
    for object_id in ids:
        url = reverse(f"portal:{pattern.name}", kwargs={kwarg: object_id})
        response = getattr(client, method)(url)
        assert response.status_code in (404, 405), (url, response.status_code)
        if response.status_code == 405:
            # A POST-only URL: its POST is the request that must be refused.
            assert client.post(url).status_code == 404, url


def test_the_own_ids_work_so_the_404s_above_mean_something(client, two_employers):
    (own, user), _other = two_employers
    client.force_login(user)
    for opening in JobOpening.objects.filter(employer=own):
        assert client.get(reverse("portal:opening", args=[opening.pk])).status_code == 200
    entry = employer_entries(user).first()
    assert client.post(reverse("portal:contact_reveal", args=[entry.pk])).status_code == 200


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_random_ids_and_users_reach_only_their_own_employer(client, two_employers, data):
    users = [user for _employer, user in two_employers]
    user = data.draw(st.sampled_from(users))
    client.force_login(user)
    all_openings = list(JobOpening.objects.values_list("pk", flat=True))
    all_entries = list(ShortlistEntry.objects.values_list("pk", flat=True))
    opening_id = data.draw(st.one_of(st.sampled_from(all_openings), st.integers(1, 10**6)))
    entry_id = data.draw(st.one_of(st.sampled_from(all_entries), st.integers(1, 10**6)))

    own_openings = set(
        JobOpening.objects.filter(employer=user.employer).values_list("pk", flat=True)
    )
    response = client.get(reverse("portal:opening", args=[opening_id]))
    assert response.status_code == (200 if opening_id in own_openings else 404)

    visible = set(employer_entries(user).values_list("pk", flat=True))
    response = client.post(reverse("portal:contact_reveal", args=[entry_id]))
    assert response.status_code == (200 if entry_id in visible else 404)


def test_the_portal_navigation_offers_only_pages_an_employer_user_may_open(client, two_employers):
    (_own, user), _other = two_employers
    client.force_login(user)
    page = client.get(reverse("home")).content.decode()
    for name, _label, _sections in NAVIGATION:
        link = f'href="{reverse(name)}"'
        assert (link in page) == rule_for(name).allows(user), name
