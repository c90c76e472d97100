import pytest
from django.test import Client
from django.utils.crypto import get_random_string

from accounts.models import Role

from .factories import user_with_role
from .workers import start_celery_worker


class CsrfClient(Client):
    """A test client that enforces CSRF like a browser, sending the token with every POST."""

    def __init__(self, **defaults):
        super().__init__(enforce_csrf_checks=True, **defaults)

    def post(self, path, data=None, **extra):
        if "csrftoken" not in self.cookies:
            self.cookies["csrftoken"] = get_random_string(32)
        extra.setdefault("HTTP_X_CSRFTOKEN", self.cookies["csrftoken"].value)
        return super().post(path, data, **extra)


@pytest.fixture
def client():
    return CsrfClient()


@pytest.fixture
def user_factory(db):
    return user_with_role


@pytest.fixture
def contact_person(db):
    return user_with_role(Role.CONTACT_PERSON)


@pytest.fixture
def admin_user(db):
    return user_with_role(Role.ADMIN)


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def reference_data(transactional_db):
    """Transactional tests flush the database between tests, removing the reference data the
    migrations loaded; this puts it back."""
    from accounts.models import County, Measure
    from accounts.reference import load_counties, load_measures
    from agreements.models import AgreementTemplate, CountySigningPolicy
    from agreements.reference import load_policies, load_template
    from employers.models import Industry, Occupation
    from employers.reference import load_industries, load_occupations

    load_counties(County)
    load_measures(Measure)
    load_industries(Industry)
    load_occupations(Occupation)
    load_policies(County, CountySigningPolicy)
    load_template(AgreementTemplate)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files go to a temporary folder, never into var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def mail_dir(tmp_path):
    return tmp_path / "mail"


@pytest.fixture
def start_worker(mail_dir):
    """Start real Celery worker processes by name; all are stopped after the test."""
    workers = []

    def start(name: str):
        workers.append(start_celery_worker(name, mail_dir))
        return workers[-1]

    yield start
    for worker in workers:
        worker.terminate()
    for worker in workers:
        worker.wait(timeout=30)


@pytest.fixture
def celery_worker_process(start_worker):
    return start_worker("worker")
