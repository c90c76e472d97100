"""The portal speaks plain Norwegian to the employer: none of NAV's internal words on any page
an employer user may open (issue 11, "Look and feel")."""

import re

import pytest
from django.urls import URLPattern, reverse

from accounts.access import rule_for
from accounts.models import Role
from agreements.models import FollowUpMeeting
from candidates.selectors.pipeline import employer_entries
from employers.models import JobOpening
from portal.messages import message_send
from portal.urls import urlpatterns

from ..factories import user_with_role
from .test_isolation import _employer_with_data

pytestmark = pytest.mark.django_db

INTERNAL_WORDS = ("innsatsgruppe", "markedskontakt", "kandidatliste")


def _portal_urls(user, employer):
    """Every portal page an employer user may open with GET, for this user's own objects."""
    ids = {
        "opening_id": JobOpening.objects.filter(employer=employer).first().pk,
        "entry_id": employer_entries(user).first().pk,
        "meeting_id": FollowUpMeeting.objects.filter(agreement__employer=employer).first().pk,
    }
    urls = [reverse("home")]
    for pattern in urlpatterns:
        if not isinstance(pattern, URLPattern):
            continue
        name = f"portal:{pattern.name}"
        if Role.EMPLOYER_USER not in rule_for(name).roles:
            continue
        kwargs = {key: ids[key] for key in pattern.pattern.converters if key in ids}
        if len(kwargs) == len(pattern.pattern.converters):
            urls.append(reverse(name, kwargs=kwargs))
    return urls


def test_no_portal_page_uses_navs_internal_words(client):
    employer, user = _employer_with_data()
    employer.fixed_contact = user_with_role(Role.CONTACT_PERSON)
    employer.save(update_fields=["fixed_contact"])
    message_send(employer=employer, author=user, body="Hei, kan vi ta en prat?")
    message_send(employer=employer, author=employer.fixed_contact, body="Ja, jeg ringer deg.")
    client.force_login(user)
    checked = 0
    for url in _portal_urls(user, employer):
        response = client.get(url)
        if response.status_code == 405 or not response["Content-Type"].startswith("text/html"):
            continue
        assert response.status_code == 200, url
        page = response.content.decode().lower()
        for word in INTERNAL_WORDS:
            assert not re.search(word, page), (url, word)
        checked += 1
    assert checked >= 10
