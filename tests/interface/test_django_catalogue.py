"""Django's Norwegian catalogue throughout (issue 13, item 8): every text of the admin (pages
and scripts) and of Django's auth (password forms, validators) is Norwegian. Django 5.2's nb
catalogue lacks some; locale/nb/LC_MESSAGES/django.po and djangojs.po add them."""

import re
from pathlib import Path

import django
import pytest
from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation

DJANGO = Path(django.__file__).parent
# Texts that are the same in Norwegian.
SAME_IN_NORWEGIAN = {
    "%(class_name)s %(instance)s",
    "Filter",
    "April",
    "August",
    "September",
    "November",
    "salt",
    "hash",
}
# Django's own form texts that its nb catalogue lacks.
FORM_TEXTS = [
    "Enter a valid domain name.",
    "Enter a valid %(protocol)s address.",
    "%(model)s instance with %(field)s %(value)r is not a valid choice.",
]


def _entries(package: str, domain: str):
    text = (DJANGO / package / "locale/en/LC_MESSAGES" / f"{domain}.po").read_text()
    pattern = r'^(?:msgctxt "(.*)"\n)?msgid ((?:".*"\n)+)(msgid_plural )?'
    for context, lines, plural in re.findall(pattern, text, re.M):
        msgid = "".join(re.findall(r'"(.*)"', lines)).replace('\\"', '"')
        if msgid:
            yield (f"{context}\x04{msgid}" if context else msgid), bool(plural)


def _untranslated(catalogue, package, domain):
    left = []
    for key, plural in _entries(package, domain):
        shown = catalogue.ngettext(key, key, 2) if plural else catalogue.gettext(key)
        if shown == key and key.split("\x04")[-1] not in SAME_IN_NORWEGIAN:
            left.append(key)
    return left


@pytest.mark.parametrize("package", ["contrib/admin", "contrib/auth"])
def test_every_admin_and_auth_text_is_norwegian(package):
    with translation.override("nb"):
        assert _untranslated(translation.trans_real.translation("nb"), package, "django") == []


def test_every_admin_script_text_is_norwegian():
    """The admin's JavaScript catalogue (jsi18n) reads the admin's and the project's locale."""
    admin_locale = str(DJANGO / "contrib/admin/locale")
    catalogue = DjangoTranslation("nb", domain="djangojs", localedirs=[admin_locale])
    assert _untranslated(catalogue, "contrib/admin", "djangojs") == []


def test_the_password_and_form_texts_users_meet_are_norwegian():
    with translation.override("nb"):
        too_short = translation.ngettext(
            "This password is too short. It must contain at least %d character.",
            "This password is too short. It must contain at least %d characters.",
            12,
        )
        assert too_short % 12 == "Passordet er for kort. Det må ha minst 12 tegn."
        assert all(translation.gettext(text) != text for text in FORM_TEXTS)
