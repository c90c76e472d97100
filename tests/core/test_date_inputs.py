"""Every date field in the project's forms keeps what the user typed when it is refused."""

import importlib
import inspect
import pkgutil
import re

from django import forms
from django.urls import reverse

from core.forms import DateInput, DateTimeInput
from tests.project import APPS


def _project_forms():
    for app in APPS:
        package = importlib.import_module(app)
        names = [f"{app}.forms"] + [
            f"{app}.forms.{module.name}"
            for module in pkgutil.iter_modules(getattr(package, "__path__", []))
            if module.name == "forms"
        ]
        for name in set(names):
            try:
                module = importlib.import_module(name)
            except ModuleNotFoundError:
                continue
            modules = [module]
            if hasattr(module, "__path__"):
                modules += [
                    importlib.import_module(f"{name}.{sub.name}")
                    for sub in pkgutil.iter_modules(module.__path__)
                ]
            for mod in modules:
                for _, cls in inspect.getmembers(mod, inspect.isclass):
                    if issubclass(cls, forms.BaseForm) and cls.__module__ == mod.__name__:
                        yield cls


def test_the_project_has_forms_with_dates():
    date_fields = [
        (form, name)
        for form in _project_forms()
        for name, field in form.base_fields.items()
        if isinstance(field, forms.DateField)
    ]
    assert len(date_fields) >= 10


def test_every_date_field_uses_the_shared_picker():
    wrong = [
        f"{form.__module__}.{form.__name__}.{name}"
        for form in _project_forms()
        for name, field in form.base_fields.items()
        if (isinstance(field, forms.DateTimeField) and not isinstance(field.widget, DateTimeInput))
        or (isinstance(field, forms.DateField) and not isinstance(field.widget, DateInput))
    ]
    assert wrong == []


def test_an_impossible_date_comes_back_as_typed_in_a_text_box():
    html = DateInput().render("start_date", "31.02.2026")
    assert 'type="text"' in html
    assert 'value="31.02.2026"' in html


def test_a_norwegian_date_is_shown_in_the_picker_as_iso():
    html = DateInput().render("start_date", "28.02.2026")
    assert 'type="date"' in html
    assert 'value="2026-02-28"' in html


def test_a_picker_date_time_stays_in_the_picker():
    html = DateTimeInput().render("occurred_at", "2026-02-28T09:30")
    assert 'type="datetime-local"' in html
    assert 'value="2026-02-28T09:30"' in html


def test_the_opening_form_refuses_31_february_and_keeps_it(login, employer, fixed_contact):
    url = reverse("employers:opening_create", args=[employer.pk])
    response = login(fixed_contact).post(url, {"title": "Kokk", "start_date": "31.02.2026"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Oppgi en gyldig dato." in html
    # A date picker would drop the value; the browser shows a text box's value as it is.
    field = re.search(r'<input[^>]*name="start_date"[^>]*>', html).group()
    assert 'type="text"' in field
    assert 'value="31.02.2026"' in field
