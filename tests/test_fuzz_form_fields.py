"""Arbitrary text in any field of any form a page offers never gives a server error, for every
role (issue: a NUL byte in the candidate form's occupation fields gave a 500). The forms are
read from the rendered pages, as a browser sees them: every POST form on every page without
URL arguments and on one page per view reached by following their links (an employer, an
opening, an agreement, a meeting and a candidate with occupations are seeded for the role),
posted as the browser would (urlencoded, or multipart for forms that upload), starting from
the values the form was shown with."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from django.urls import Resolver404, resolve
from hypothesis import given
from hypothesis import strategies as st

from accounts.models import Role
from employers.models import Employer, Occupation
from tests.agreements.factories import AgreementFactory, MeetingFactory
from tests.candidates.factories import CandidateFactory
from tests.employers.factories import EmployerFactory, JobOpeningFactory
from tests.factories import user_with_role
from tests.fuzzing import EVERY_PAGE
from tests.test_fuzz_query_params import SKIPPED_PREFIXES, _pages_without_arguments, arbitrary_text

pytestmark = pytest.mark.usefixtures("reference_data")

# Not typed by anyone: the CSRF token and the version an edit form was opened at.
NOT_FUZZED = {"csrfmiddlewaretoken", "version"}


@dataclass
class Form:
    page: str
    action: str
    multipart: bool
    defaults: dict[str, list[str]] = field(default_factory=dict)
    fields: set[str] = field(default_factory=set)


class PageForms(HTMLParser):
    """The POST forms of a page, with the values they were shown with, and the page's links."""

    def __init__(self, page: str):
        super().__init__()
        self.page = page
        self.forms: list[Form] = []
        self.links: list[str] = []
        self.form: Form | None = None
        self.select: str | None = None
        self.first_option: str | None = None
        self.chose_option = False

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        name = attributes.get("name", "")
        if tag == "a" and attributes.get("href", "").startswith("/"):
            self.links.append(urlsplit(attributes["href"]).path)
        elif tag == "form" and attributes.get("method", "get").lower() == "post":
            action = urljoin(self.page, attributes.get("action") or self.page)
            multipart = attributes.get("enctype", "") == "multipart/form-data"
            self.form = Form(self.page, urlsplit(action).path, multipart)
        elif self.form is None or not (name or tag == "option"):
            return
        elif tag == "input":
            kind = attributes.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            self.form.fields.add(name)
            if kind not in ("checkbox", "radio") or "checked" in attributes:
                self.form.defaults.setdefault(name, []).append(attributes.get("value", ""))
        elif tag == "textarea":
            self.form.fields.add(name)
            self.form.defaults[name] = [""]
        elif tag == "select":
            self.form.fields.add(name)
            self.select, self.first_option, self.chose_option = name, None, False
        elif tag == "option" and self.select:
            value = attributes.get("value", "")
            if self.first_option is None:
                self.first_option = value
            if "selected" in attributes:
                self.form.defaults.setdefault(self.select, []).append(value)
                self.chose_option = True

    def handle_endtag(self, tag):
        if tag == "select" and self.select and self.form is not None:
            if not self.chose_option and self.first_option is not None:
                self.form.defaults[self.select] = [self.first_option]
            self.select = None
        elif tag == "form" and self.form is not None:
            if self.form.fields - NOT_FUZZED:
                self.forms.append(self.form)
            self.form = None


def _seed_for(user) -> None:
    """Something of each kind the role may open, so the pages with forms on them are linked."""
    nav_side = user.role in (Role.CONTACT_PERSON, Role.PROVIDER_STAFF)
    employer = EmployerFactory(
        status=Employer.Status.AGREEMENT, fixed_contact=user if nav_side else None
    )
    JobOpeningFactory(employer=employer, **({"recorded_by": user} if nav_side else {}))
    agreement = AgreementFactory(employer=employer, active=True)
    if nav_side:
        agreement.fixed_contact = user
        agreement.save(update_fields=["fixed_contact"])
    MeetingFactory(agreement=agreement)
    if user.role in (Role.ADVISER, Role.PROVIDER_STAFF):
        # With occupations: the occupation pickers name their field only for chosen ones.
        candidate = CandidateFactory(owner=user)
        candidate.occupations_wanted.add(Occupation.objects.get(code="7212"))
        candidate.occupations_done.add(Occupation.objects.get(code="5120"))


def _view_name(path: str) -> str | None:
    """The URL name of one of the app's pages, None for anything else."""
    if path.lstrip("/").startswith(SKIPPED_PREFIXES):
        return None
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


def _forms_by_role(client) -> list[Form]:
    """The POST forms of the pages without URL arguments and of one page per view reached by
    following links from them (one employer page stands for all, and so on)."""
    pages = _pages_without_arguments()
    views = {_view_name(page) for page in pages}
    forms: list[Form] = []
    queue = list(pages)
    while queue:
        page = queue.pop(0)
        response = client.get(page)
        assert response.status_code < 500, page
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        parser = PageForms(page)
        parser.feed(response.content.decode())
        forms += [form for form in parser.forms if _view_name(form.action)]
        for path in dict.fromkeys(parser.links):
            view = _view_name(path)
            if view and view not in views:
                views.add(view)
                queue.append(path)
    return forms


def _post(client, form: Form, data: dict[str, list[str]]):
    if form.multipart:
        return client.post(form.action, data)
    return client.post(
        form.action,
        urlencode(data, doseq=True),
        content_type="application/x-www-form-urlencoded",
    )


# National readers read; they are offered no form to fuzz (checked below).
ROLES_WITH_FORMS = [role for role in Role if role != Role.NATIONAL_READER]


def test_national_readers_are_offered_no_forms(client, db):
    user = user_with_role(Role.NATIONAL_READER)
    _seed_for(user)
    client.force_login(user)
    assert _forms_by_role(client) == []


@pytest.mark.parametrize("role", ROLES_WITH_FORMS)
def test_arbitrary_text_in_any_form_field_never_gives_a_server_error(role, client, db):
    user = user_with_role(role)
    _seed_for(user)
    client.force_login(user)
    forms = _forms_by_role(client)
    assert forms, "no forms found"

    @EVERY_PAGE
    @given(data=st.data())
    def probe(data):
        form = data.draw(st.sampled_from(forms))
        fuzzed = sorted(form.fields - NOT_FUZZED)
        names = data.draw(st.lists(st.sampled_from(fuzzed), min_size=1, unique=True))
        values = {**form.defaults, **{name: [data.draw(arbitrary_text)] for name in names}}
        client.force_login(user)  # a form that signs out or changes the user must not end it
        response = _post(client, form, values)
        assert response.status_code < 500, (form.page, form.action, values)

    probe()


# The kinds of value that broke pages before: a NUL byte, a digit that is not ASCII, a number
# no column holds. Random text seldom puts one of them into a given field, so every field of
# every form gets each of them once as well.
KNOWN_BAD_VALUES = ["sveis\x00", "²", "9" * 30]


@pytest.mark.parametrize("role", ROLES_WITH_FORMS)
def test_the_values_that_broke_pages_before_in_every_form_field_give_no_server_error(
    role, client, db
):
    user = user_with_role(role)
    _seed_for(user)
    client.force_login(user)
    for form in _forms_by_role(client):
        for name in sorted(form.fields - NOT_FUZZED):
            for value in KNOWN_BAD_VALUES:
                client.force_login(user)
                response = _post(client, form, {**form.defaults, name: [value]})
                assert response.status_code < 500, (form.page, form.action, name, value)
