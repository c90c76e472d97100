"""Arbitrary text in any query parameter of any page never gives a server error, for every
role. The parameters are the ones the pages themselves offer: every field of every GET form
(filters, sorting, search), every parameter of a link to the page, and the paging parameter,
read from the rendered pages."""

from collections import defaultdict
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import given
from hypothesis import strategies as st

from accounts.models import Role
from tests.factories import user_with_role
from tests.fuzzing import EVERY_PAGE

pytestmark = pytest.mark.usefixtures("reference_data")

# Pages that are not pages of the app, or end the session.
SKIPPED_PREFIXES = ("admin", "konto", "__", "static", "media")


class QueryParameters(HTMLParser):
    """The GET form fields of a page, and the query parameters of its links by target path."""

    def __init__(self):
        super().__init__()
        self.in_get_form = False
        self.names: set[str] = set()
        self.linked: dict[str, set[str]] = defaultdict(set)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and "?" in (attributes.get("href") or ""):
            link = urlsplit(attributes["href"])
            self.linked[link.path].update(parse_qs(link.query, keep_blank_values=True))
        if tag == "form":
            self.in_get_form = (attributes.get("method") or "get").lower() == "get"
        elif self.in_get_form and tag in ("input", "select", "textarea") and attributes.get("name"):
            self.names.add(attributes["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_get_form = False


def _pages_without_arguments(resolver=None, prefix="") -> list[str]:
    pages = []
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern)
        if "<" in route or "(?P" in route or route.startswith(SKIPPED_PREFIXES):
            continue
        if isinstance(pattern, URLResolver):
            pages += _pages_without_arguments(pattern, route)
        elif isinstance(pattern, URLPattern):
            pages.append("/" + route.lstrip("^").rstrip("$"))
    return sorted(set(pages))


def _parameters_by_page(client) -> dict[str, list[str]]:
    found: dict[str, set[str]] = {}
    linked: dict[str, set[str]] = defaultdict(set)
    for page in _pages_without_arguments():
        response = client.get(page)
        assert response.status_code < 500, page
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            parser = QueryParameters()
            parser.feed(response.content.decode())
            found[page] = parser.names | {"side"}
            for path, names in parser.linked.items():
                linked[path] |= names
    return {page: sorted(names | linked[page]) for page, names in found.items()}


# Arbitrary text, with the kinds of value that broke pages before mixed in often.
arbitrary_text = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40),
    st.sampled_from(["²", "٣", "\x00", "sveis\x00", "-1", "9" * 30, "0", " ", "%", "'"]),
)


@pytest.mark.parametrize("role", list(Role))
def test_arbitrary_query_parameters_never_give_a_server_error(role, client, db):
    client.force_login(user_with_role(role))
    parameters = _parameters_by_page(client)
    pages = sorted(parameters)

    @EVERY_PAGE
    @given(data=st.data())
    def probe(data):
        page = data.draw(st.sampled_from(pages))
        names = data.draw(st.lists(st.sampled_from(parameters[page]), min_size=1, unique=True))
        query = {name: data.draw(arbitrary_text) for name in names}
        response = client.get(page, query)
        assert response.status_code < 500, (page, query)

    probe()


@pytest.mark.parametrize(
    "query",
    [{"fylke": "²"}, {"virksomhet": "²"}, {"q": "sveis\x00"}, {"side": "٣"}],
)
def test_the_reported_parameters_give_no_server_error(query, client, admin_user):
    client.force_login(admin_user)
    for page in ("/avtaler/", "/virksomheter/tips/ny/", "/virksomheter/yrker/sok/"):
        assert client.get(page, query).status_code < 500, (page, query)
