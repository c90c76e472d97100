"""The opening page (issue 13, item 16): "Merk som besatt" asks first and stands apart from
"Søk etter kandidater"; the page that records an opening has one name."""

import pytest
from django.urls import reverse

from ..employers.factories import EmployerFactory, JobOpeningFactory

pytestmark = pytest.mark.django_db


def _section(html: str, heading_id: str) -> str:
    start = html.index(f'aria-labelledby="{heading_id}"')
    return html[start : html.index("</section>", start)]


def test_mark_as_filled_asks_first_and_is_not_among_the_everyday_actions(login):
    opening = JobOpeningFactory()
    html = login(opening.recorded_by).get(reverse("employers:opening_detail", args=[opening.pk]))
    html = html.content.decode()
    actions, closing = _section(html, "opening-actions"), _section(html, "opening-close")
    assert "Søk etter kandidater" in actions
    assert "Merk som besatt" not in actions
    form_tag = closing[closing.index("<form") : closing.index(">", closing.index("<form"))]
    assert reverse("employers:opening_mark_filled", args=[opening.pk]) in form_tag
    assert 'data-confirm="Merke stillingen som besatt?' in form_tag


def test_the_button_the_heading_and_the_title_name_the_page_alike(login):
    employer = EmployerFactory()
    opening = JobOpeningFactory(employer=employer)
    client = login(opening.recorded_by)
    detail = client.get(reverse("employers:detail", args=[employer.pk])).content.decode()
    create_url = reverse("employers:opening_create", args=[employer.pk])
    assert f'href="{create_url}">Registrer stilling</a>' in detail
    form = client.get(create_url).content.decode()
    assert "<title>Registrer stilling – Vi inkluderer!</title>" in form
    assert '<h1 class="h2">Registrer stilling</h1>' in form
    assert "rekrutteringsbehov</h1>" not in form
