import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import Role
from employers.forms.occupations import OccupationChoiceField
from employers.forms.openings import JobOpeningForm
from employers.models import Occupation

from ..factories import user_with_role
from .factories import EmployerFactory

pytestmark = pytest.mark.django_db


def test_styrk08_is_loaded_with_every_level():
    per_level = {level: Occupation.objects.filter(level=level).count() for level in (1, 2, 3, 4)}
    assert per_level == {1: 10, 2: 43, 3: 122, 4: 407}


@pytest.mark.parametrize(
    ("code", "name"),
    [("7212", "Sveisere"), ("5321", "Helsefagarbeidere"), ("9112", "Renholdere i bedrifter")],
)
def test_known_unit_groups_exist_at_level_four(code, name):
    occupation = Occupation.objects.get(code=code)
    assert (occupation.level, occupation.name) == (4, name)


def test_codes_keep_their_leading_zeros():
    assert Occupation.objects.get(code="0110").level == 4
    assert Occupation.objects.get(code="0").name == "Militære yrker og uoppgitt"


def test_search_matches_a_code_prefix_or_part_of_the_name():
    by_code = set(Occupation.objects.unit_groups().search("721").values_list("code", flat=True))
    assert "7212" in by_code and all(code.startswith("721") for code in by_code)
    by_name = Occupation.objects.unit_groups().search("sveis")
    assert list(by_name.values_list("code", flat=True)) == ["7212"]


def test_occupation_field_offers_unit_groups_grouped_by_major_group():
    choices = list(OccupationChoiceField().choices)
    assert choices[0] == ("", "Velg yrke")
    groups = dict(choices[1:])
    assert len(groups) == 10
    assert "7212 Sveisere" in [label for _value, label in groups["7 Håndverkere"]]
    assert sum(len(options) for options in groups.values()) == 407


def test_occupation_field_refuses_a_code_that_is_not_a_unit_group():
    field = OccupationChoiceField()
    with pytest.raises(ValidationError) as error:
        field.clean("721")
    assert error.value.messages == ["Velg et yrke fra listen (STYRK-08)."]


def test_picker_without_javascript_is_a_plain_grouped_select():
    form = JobOpeningForm(employer=EmployerFactory())
    html = str(form["occupation"])
    assert '<select name="occupation"' in html
    assert '<optgroup label="5 Salgs- og serviceyrker">' in html
    # The search box is only revealed by static/js/app.js.
    assert "data-needs-js hidden" in html
    assert reverse("employers:occupation_search") in html


def test_search_endpoint_returns_matching_options_and_keeps_the_current_choice(client):
    client.force_login(user_with_role(Role.CONTACT_PERSON))
    response = client.get(
        reverse("employers:occupation_search"),
        {
            "q": "sveis",
            "felt": "occupation",
            "occupation": "5321",
            "status": "id_occupation-status",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert '<option value="7212">7212 Sveisere</option>' in html
    assert '<option value="5321" selected>5321 Helsefagarbeidere</option>' in html
    assert "Renholdere" not in html
    assert '<optgroup label="7 Håndverkere">' in html
    assert 'id="id_occupation-status"' in html and "2 yrker passer søket." in html


def test_search_endpoint_says_so_when_nothing_matches(client):
    client.force_login(user_with_role(Role.ADVISER))
    response = client.get(reverse("employers:occupation_search"), {"q": "astronaut"})
    assert "Ingen yrker passer søket" in response.content.decode()


def test_search_endpoint_ignores_a_status_id_that_is_not_an_id(client):
    client.force_login(user_with_role(Role.ADVISER))
    response = client.get(
        reverse("employers:occupation_search"), {"q": "sveis", "status": '"><script>'}
    )
    assert "hx-swap-oob" not in response.content.decode()


def test_employer_user_may_use_the_occupation_search_to_report_a_need(client):
    client.force_login(user_with_role(Role.EMPLOYER_USER))
    response = client.get(reverse("employers:occupation_search"), {"q": "sveis"})
    assert response.status_code == 200
    assert "Sveisere" in response.content.decode()
