import socketserver
import threading
from importlib import import_module

import pytest
from django.db.backends.postgresql.operations import DatabaseOperations
from django.test import Client
from django.utils.crypto import get_random_string

from accounts.models import County, Role
from employers.models import Employer

from . import smtp
from .employers.factories import EmployerFactory, JobOpeningFactory
from .factories import NavOfficeFactory, RegionFactory, provider_staff_serving, user_with_role
from .workers import start_celery_worker

# Transactional tests empty every table between tests with one TRUNCATE, the audit log
# included, which its trigger refuses (candidates migration 0010) unless the session says so.
_sql_flush = DatabaseOperations.sql_flush


def _sql_flush_past_the_audit_guard(self, style, tables, **kwargs):
    sql = _sql_flush(self, style, tables, **kwargs)
    return ["SET LOCAL vi_inkluderer.allow_audit_truncate = 'on'", *sql] if sql else sql


DatabaseOperations.sql_flush = _sql_flush_past_the_audit_guard


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


# Personas: one set for the whole suite, each name with one meaning. Around one Oslo employer
# (`employer`, Fjordbakeriet AS) and one of its openings (`opening`), per side an owner, a
# colleague with partial rights and an outsider:
#
# side       owner                          colleague (partial rights)        outsider
# NAV        fixed_contact (the employer's  colleague (Oslo contact person:   outsider_contact
#            fixed contact; records the     reads, logs contacts, may not     (Vestland)
#            opening)                       move the employer's agreement)
# candidate  owner (adviser following the   other_owner (provider staff with  outsider_contact
#            candidate)                     another candidate on the list)    (sees no entry)
# employer   employer_user (user at         -                                 other_employer_user
#            `employer`)                                                      (another employer)
#
# Besides: contact_person (an Oslo contact person with no tie to `employer`), east_contact and
# west_contact (Oslo contact persons in two regions), east_adviser and east_provider_staff (who
# serve Oslo east), project_leader (Oslo) and outsider_leader (Vestland), provider_staff (staff
# at a provider, not the fixed contact), national_reader, admin_user.


@pytest.fixture
def oslo(db):
    return County.objects.get(name="Oslo")


@pytest.fixture
def vestland(db):
    return County.objects.get(name="Vestland")


@pytest.fixture
def oslo_east(oslo):
    return RegionFactory(county=oslo, name="Oslo øst")


@pytest.fixture
def oslo_west(oslo):
    return RegionFactory(county=oslo, name="Oslo vest")


@pytest.fixture
def fixed_contact(db):
    """The employer's fixed contact: a contact person at NAV Frogner in Oslo."""
    return user_with_role(
        Role.CONTACT_PERSON,
        first_name="Kari",
        last_name="Fast",
        phone="91234567",
        office=NavOfficeFactory(name="NAV Frogner"),
    )


@pytest.fixture
def employer(fixed_contact) -> Employer:
    """An Oslo employer with an agreement and a fixed contact."""
    return EmployerFactory(
        name="Fjordbakeriet AS", status=Employer.Status.AGREEMENT, fixed_contact=fixed_contact
    )


@pytest.fixture
def opening(employer, fixed_contact):
    """A published opening of the employer, recorded by its fixed contact."""
    return JobOpeningFactory(employer=employer, recorded_by=fixed_contact)


@pytest.fixture
def contact(opening):
    """The opening's contact person (who recorded it): the employer's fixed contact."""
    return opening.recorded_by


@pytest.fixture
def outsider_contact(vestland):
    """A contact person in another county (Vestland)."""
    return user_with_role(Role.CONTACT_PERSON, county=vestland)


@pytest.fixture
def east_contact(oslo, oslo_east):
    """A contact person in Oslo east."""
    return user_with_role(Role.CONTACT_PERSON, county=oslo, region=oslo_east, first_name="Alice")


@pytest.fixture
def west_contact(oslo, oslo_west):
    """A contact person in Oslo west."""
    return user_with_role(Role.CONTACT_PERSON, county=oslo, region=oslo_west, first_name="Bob")


@pytest.fixture
def east_adviser(oslo, oslo_east):
    """An adviser in Oslo east."""
    return user_with_role(Role.ADVISER, county=oslo, region=oslo_east)


@pytest.fixture
def east_provider_staff(oslo_east):
    """Staff of a provider that serves Oslo east."""
    return provider_staff_serving(oslo_east)


@pytest.fixture
def project_leader(oslo):
    """Oslo's county project leader."""
    return user_with_role(Role.PROJECT_LEADER, county=oslo, first_name="Pia")


@pytest.fixture
def outsider_leader(vestland):
    """The project leader of another county (Vestland)."""
    return user_with_role(Role.PROJECT_LEADER, county=vestland)


@pytest.fixture
def employer_user(employer):
    """A user at `employer`."""
    return user_with_role(Role.EMPLOYER_USER, employer=employer)


def _persona(role: Role, doc: str, **fields):
    """A persona that is a user of `role` and needs no other fixture."""

    def persona(db):
        return user_with_role(role, **fields)

    persona.__doc__ = doc
    return pytest.fixture(persona)


colleague = _persona(
    Role.CONTACT_PERSON,
    "Another contact person in Oslo, not the employer's fixed contact.",
    first_name="Ola",
    last_name="Kollega",
)
contact_person = _persona(
    Role.CONTACT_PERSON, "A contact person in Oslo with no tie to `employer`."
)
owner = _persona(Role.ADVISER, "A NAV adviser who follows candidates: their owner.")
other_owner = _persona(
    Role.PROVIDER_STAFF, "Staff at a measure provider who follow candidates of their own."
)
provider_staff = _persona(
    Role.PROVIDER_STAFF,
    "Staff at a measure provider, not the fixed contact of any employer.",
    first_name="Lise",
    last_name="Leverandør",
)
other_employer_user = _persona(Role.EMPLOYER_USER, "A user at another employer.")
national_reader = _persona(Role.NATIONAL_READER, "A national reader.")
admin_user = _persona(Role.ADMIN, "An administrator.")


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
    # The built-in competence-path templates come from a data migration too.
    from django.apps import apps

    import_module("competence_paths.migrations.0002_builtin_templates").load(apps, None)


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


@pytest.fixture
def smtp_server():
    """A test SMTP server (tests/smtp.py) on a free port; `on_message` runs after each mail."""
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), smtp.RecordingSmtp)
    server.daemon_threads = True
    server.messages = []
    server.on_message = lambda: None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()
