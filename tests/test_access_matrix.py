"""Every URL × every role → allowed or denied. A URL added without a row here fails."""

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from accounts.access import RULES
from accounts.models import County, Role
from candidates.models import ConsentRequest, SearchRun, Step
from candidates.services.consent import consent_token
from candidates.services.shortlist import shortlist_for
from employers.models import EmployerImport, EmployerPerson, JobOpening, Lead
from notifications.models import Notification
from portal.services import terms_accept

from .agreements.factories import AgreementFactory, MeetingFactory, RecruitmentNeedFactory
from .candidates.factories import (
    CandidateFactory,
    ConsentRequestFactory,
    ShortlistEntryFactory,
    finished_search,
)
from .competence_paths.factories import add_participant, make_path
from .employers.factories import (
    DialogueEntryFactory,
    EmployerFactory,
    JobOpeningFactory,
    LeadFactory,
    TaskFactory,
)
from .factories import user_with_role

ALL = set(Role)
STAFF = ALL - {Role.EMPLOYER_USER}
WORKS_WITH_EMPLOYERS = STAFF - {Role.NATIONAL_READER}
EMPLOYER_EDITORS = {Role.CONTACT_PERSON, Role.PROJECT_LEADER, Role.ADMIN}
EMPLOYER_PEOPLE_EDITORS = EMPLOYER_EDITORS | {Role.PROVIDER_STAFF}
EMPLOYER_IMPORTERS = {Role.PROJECT_LEADER, Role.ADMIN}
LEAD_READERS = {Role.CONTACT_PERSON, Role.PROJECT_LEADER, Role.ADMIN, Role.NATIONAL_READER}
OPENING_MANAGERS = {Role.CONTACT_PERSON, Role.PROJECT_LEADER, Role.ADMIN}
AGREEMENT_CREATORS = {Role.CONTACT_PERSON, Role.PROJECT_LEADER, Role.ADMIN}
AGREEMENT_EDITORS = AGREEMENT_CREATORS | {Role.PROVIDER_STAFF}
CANDIDATE_OWNERS = {Role.ADVISER, Role.PROVIDER_STAFF}
SHORTLIST_WORKERS = {Role.CONTACT_PERSON, Role.ADMIN} | CANDIDATE_OWNERS
CANDIDATE_READERS = CANDIDATE_OWNERS | {Role.ADMIN}
CANDIDATE_COUNTERS = {Role.PROJECT_LEADER, Role.NATIONAL_READER, Role.ADMIN}
SEARCHERS = {Role.CONTACT_PERSON, Role.ADMIN}
PATH_MANAGERS = {Role.CONTACT_PERSON, Role.PROJECT_LEADER, Role.ADMIN}
PATH_FOLLOWERS = {Role.CONTACT_PERSON, Role.ADMIN} | CANDIDATE_OWNERS

# view name -> roles that may open it ("public" for pages without login).
EXPECTED = {
    "healthz": "public",
    "home": ALL,
    "notifications:list": ALL,
    "notifications:open": ALL,
    "notifications:mark_all_read": ALL,
    "employers:list": STAFF,
    "employers:detail": STAFF,
    "employers:create": EMPLOYER_EDITORS,
    "employers:edit": EMPLOYER_EDITORS,
    "employers:person_add": EMPLOYER_PEOPLE_EDITORS,
    "employers:person_edit": EMPLOYER_PEOPLE_EDITORS,
    "employers:person_delete": EMPLOYER_PEOPLE_EDITORS,
    "employers:import": EMPLOYER_IMPORTERS,
    "employers:import_preview": EMPLOYER_IMPORTERS,
    "employers:import_apply": EMPLOYER_IMPORTERS,
    "employers:import_progress": EMPLOYER_IMPORTERS,
    "employers:dialogue_list": STAFF,
    "employers:dialogue_create": WORKS_WITH_EMPLOYERS,
    "employers:dialogue_edit": WORKS_WITH_EMPLOYERS,
    "employers:dialogue_history": STAFF,
    "employers:task_list": WORKS_WITH_EMPLOYERS,
    "employers:task_complete": WORKS_WITH_EMPLOYERS,
    "employers:occupation_search": ALL,
    "employers:lead_list": LEAD_READERS,
    "employers:lead_detail": LEAD_READERS,
    "employers:lead_create": {
        Role.CONTACT_PERSON,
        Role.ADVISER,
        Role.PROJECT_LEADER,
        Role.ADMIN,
    },
    "employers:lead_assign": {Role.PROJECT_LEADER, Role.ADMIN},
    "employers:lead_accept": {Role.CONTACT_PERSON},
    "employers:lead_close": OPENING_MANAGERS,
    "employers:resource_groups": LEAD_READERS,
    "employers:shared_openings": STAFF,
    "employers:opening_detail": STAFF,
    "employers:opening_create": OPENING_MANAGERS,
    "employers:opening_edit": OPENING_MANAGERS,
    "employers:opening_publish": OPENING_MANAGERS,
    "employers:opening_mark_filled": OPENING_MANAGERS,
    "employers:opening_cancel": OPENING_MANAGERS,
    "candidates:shortlist_overview": {Role.CONTACT_PERSON, Role.ADMIN},
    "agreements:list": ALL,
    "agreements:detail": ALL,
    "agreements:document": ALL,
    "agreements:document_pdf": ALL,
    "agreements:signed_copy": ALL,
    "agreements:create": AGREEMENT_CREATORS,
    "agreements:edit": AGREEMENT_EDITORS,
    "agreements:transition": AGREEMENT_EDITORS,
    "agreements:change_contact": AGREEMENT_EDITORS,
    "agreements:upload": AGREEMENT_EDITORS,
    "agreements:meeting_detail": STAFF,
    "agreements:meeting_ics": STAFF,
    "agreements:meeting_create": AGREEMENT_EDITORS,
    "agreements:meeting_edit": AGREEMENT_EDITORS,
    "agreements:meeting_record": AGREEMENT_EDITORS,
    "agreements:meeting_invite": AGREEMENT_EDITORS,
    "agreements:need_add": AGREEMENT_EDITORS,
    "agreements:need_to_opening": OPENING_MANAGERS,
    "agreements:my_follow_ups": {Role.CONTACT_PERSON, Role.PROJECT_LEADER, Role.PROVIDER_STAFF},
    "agreements:county": {Role.PROJECT_LEADER, Role.ADMIN, Role.NATIONAL_READER},
    "candidates:shortlist": OPENING_MANAGERS | CANDIDATE_OWNERS,
    "candidates:propose": CANDIDATE_OWNERS,
    "candidates:entry_detail": SHORTLIST_WORKERS,
    "candidates:entry_move": SHORTLIST_WORKERS,
    "candidates:consent_ask_owner": {Role.CONTACT_PERSON, Role.ADMIN},
    "candidates:entry_archive": SHORTLIST_WORKERS,
    "candidates:entry_restore": SHORTLIST_WORKERS,
    "candidates:entry_hire": {Role.CONTACT_PERSON, Role.ADMIN},
    "candidates:consent_request": CANDIDATE_OWNERS,
    "candidates:consent_withdraw": CANDIDATE_OWNERS,
    "candidates:consent_respond": "public",
    **{
        f"portal:{name}": {Role.EMPLOYER_USER}
        for name in (
            "terms",
            "needs",
            "need_create",
            "candidates",
            "opening",
            "contact_reveal",
            "assess",
            "next_step",
            "hire",
            "remove",
            "meeting_ics",
            "messages",
            "history",
            "opening_messages",
            "unit_pick",
            "users",
            "user_deactivate",
        )
    },
    **{
        f"portal:{name}": {Role.CONTACT_PERSON, Role.PROVIDER_STAFF, Role.ADMIN}
        for name in (
            "staff_message",
            "staff_users",
            "staff_user_deactivate",
            "staff_user_units",
            "staff_user_admin",
        )
    },
    "candidates:list": CANDIDATE_READERS,
    "candidates:detail": CANDIDATE_READERS,
    "candidates:create": CANDIDATE_OWNERS,
    "candidates:edit": CANDIDATE_OWNERS,
    "candidates:unavailable": CANDIDATE_OWNERS,
    "candidates:available": CANDIDATE_OWNERS,
    "candidates:deactivate": CANDIDATE_OWNERS,
    "candidates:reactivate": CANDIDATE_OWNERS,
    "candidates:export": CANDIDATE_OWNERS,
    "candidates:counts": CANDIDATE_COUNTERS,
    "dashboards:county": CANDIDATE_COUNTERS,
    "dashboards:download": CANDIDATE_COUNTERS,
    "dashboards:import": {Role.ADMIN},
    "candidates:search_start": SEARCHERS,
    "candidates:search_run": SEARCHERS,
    "candidates:search_progress": SEARCHERS,
    "candidates:search_rerun": SEARCHERS,
    "candidates:search_shortlist_add": SEARCHERS,
    "competence_paths:list": ALL,
    "competence_paths:detail": ALL,
    "competence_paths:create": PATH_MANAGERS,
    "competence_paths:edit": PATH_MANAGERS,
    "competence_paths:transition": PATH_MANAGERS,
    "competence_paths:save_template": PATH_MANAGERS,
    "competence_paths:participant_add": {Role.CONTACT_PERSON, Role.ADMIN},
    "competence_paths:search": {Role.CONTACT_PERSON, Role.ADMIN},
    "competence_paths:interview": {Role.CONTACT_PERSON, Role.ADMIN},
    "competence_paths:participant": PATH_FOLLOWERS | {Role.EMPLOYER_USER},
    "competence_paths:participant_status": PATH_FOLLOWERS,
    "competence_paths:participant_progress": PATH_FOLLOWERS,
    "competence_paths:participant_outcome": {Role.CONTACT_PERSON, Role.ADMIN},
}


def _person(user):
    # The visitor is the employer's fixed contact, as provider staff must be to edit people.
    employer = EmployerFactory(fixed_contact=user)
    return EmployerPerson.objects.create(employer=employer, name="Kari Nordmann")


def _lead_for(user) -> dict:
    """A lead in the user's county; a contact person's own assigned lead."""
    county = user.county or County.objects.get(name="Oslo")
    if user.role == Role.CONTACT_PERSON:
        lead = LeadFactory(
            county=county, status=Lead.Status.ASSIGNED, assigned_to=user, assigned_at=timezone.now()
        )
    else:
        lead = LeadFactory(county=county)
    return {"pk": lead.pk}


def _draft_opening(user) -> dict:
    return {"pk": JobOpeningFactory(status=JobOpening.Status.DRAFT, published_at=None).pk}


def _open_opening(user) -> dict:
    return {"pk": JobOpeningFactory().pk}


def _agreement_for(user):
    """An active agreement the user may see, and edit where the role allows: the user is its
    fixed contact when that is a contact role, its employer's user, or in its county."""
    fields = {"active": True}
    if user.role in (Role.CONTACT_PERSON, Role.PROVIDER_STAFF, Role.PROJECT_LEADER):
        fields["fixed_contact"] = user
    if user.role == Role.EMPLOYER_USER:
        fields["employer"] = user.employer
    elif user.county_id:
        fields["employer__county"] = user.county
    agreement = AgreementFactory(**fields)
    agreement.signed_copy.save("avtale.pdf", ContentFile(b"%PDF-1.7 signert"))
    return agreement


def _meeting_for(user):
    return MeetingFactory(agreement=_agreement_for(user))


def _entry_for(user, **fields):
    """A shortlist entry the user works with: their own candidate's, or one on an opening they
    recorded."""
    if user.role in CANDIDATE_OWNERS:
        return ShortlistEntryFactory(candidate=CandidateFactory(owner=user), **fields)
    if user.role == Role.CONTACT_PERSON:
        opening = JobOpeningFactory(recorded_by=user)
        return ShortlistEntryFactory(shortlist=shortlist_for(opening), **fields)
    return ShortlistEntryFactory(**fields)


def _entry(user) -> dict:
    return {"entry_id": _entry_for(user).pk}


def _given_consent(user) -> dict:
    entry = _entry_for(user, step=Step.CONSENT_GIVEN)
    consent = ConsentRequestFactory(entry=entry, status=ConsentRequest.Status.GIVEN)
    return {"consent_id": consent.pk}


def _consent_token(user) -> dict:
    return {"token": consent_token(ConsentRequestFactory())}


def _portal_user(user) -> None:
    # An employer user reaches candidate pages after accepting the terms of use.
    if user.role == Role.EMPLOYER_USER:
        terms_accept(user=user)


def _portal_user_to_deactivate(user) -> dict:
    employer = EmployerFactory(fixed_contact=user)
    employer_user = user_with_role(Role.EMPLOYER_USER, employer=employer)
    return {"employer_id": employer.pk, "user_id": employer_user.pk}


def _portal_admin(user) -> None:
    # Only the employer's own portal administrator manages its users from the portal.
    if user.role == Role.EMPLOYER_USER:
        user.is_employer_admin = True
        user.save(update_fields=["is_employer_admin"])


def _colleague_to_deactivate(user) -> dict:
    _portal_admin(user)
    colleague = user_with_role(Role.EMPLOYER_USER, employer=user.employer or EmployerFactory())
    return {"user_id": colleague.pk}


def _own_opening(user) -> dict:
    _portal_user(user)
    return {"opening_id": JobOpeningFactory(employer=user.employer or EmployerFactory()).pk}


def _presented_to_employer(user) -> dict:
    _portal_user(user)
    employer = user.employer or EmployerFactory()
    entry = ShortlistEntryFactory(
        shortlist=shortlist_for(JobOpeningFactory(employer=employer)), step=Step.PRESENTED
    )
    ConsentRequestFactory(entry=entry, status=ConsentRequest.Status.GIVEN)
    return {"entry_id": entry.pk}


def _candidate(user) -> dict:
    """One of the visitor's own candidates when they keep a caseload, else someone else's."""
    if user.role in CANDIDATE_OWNERS:
        return {"pk": CandidateFactory(owner=user).pk}
    return {"pk": CandidateFactory().pk}


def _search_run(user) -> SearchRun:
    """A finished search with one result."""
    return finished_search(opening=JobOpeningFactory(), user=user, candidate=CandidateFactory())


def _path_for(user):
    """A planned path the visitor may open (and change, where the role allows): in their county,
    at their employer, with a participant they follow if they keep a caseload."""
    employer = user.employer or EmployerFactory(
        county=user.county or County.objects.get(name="Oslo")
    )
    contact = user if user.role == Role.CONTACT_PERSON else None
    path = make_path(employer=employer, contact=contact, status="planned")
    if user.role in CANDIDATE_OWNERS:
        add_participant(path, owner=user)
    return path


def _participant_for(user) -> dict:
    path = _path_for(user)
    if user.role in CANDIDATE_OWNERS:
        return {"pk": path.participants.get().pk}
    participant = add_participant(path, step=Step.PRESENTED)
    ConsentRequestFactory(entry=participant.entry, status=ConsentRequest.Status.GIVEN)
    return {"pk": participant.pk}


def _search_result(user) -> dict:
    run = _search_run(user)
    return {"pk": run.pk, "candidate_id": run.results.get().candidate_id}


# URL arguments for pages about one object, created for (and owned by) the visiting user.
URL_KWARGS = {
    "notifications:open": lambda user: {
        "pk": Notification.objects.create(recipient=user, title="Test").pk
    },
    "employers:detail": lambda user: {"pk": EmployerFactory().pk},
    "dashboards:download": lambda user: {"key": "funnel", "fmt": "csv"},
    "employers:edit": lambda user: {"pk": EmployerFactory().pk},
    "employers:person_add": lambda user: {"pk": EmployerFactory(fixed_contact=user).pk},
    "employers:person_edit": lambda user: {"pk": _person(user).pk},
    "employers:person_delete": lambda user: {"pk": _person(user).pk},
    "employers:import_preview": lambda user: {
        "pk": EmployerImport.objects.create(created_by=user, file_name="v.csv").pk
    },
    "employers:import_apply": lambda user: {
        "pk": EmployerImport.objects.create(created_by=user, file_name="v.csv").pk
    },
    "employers:import_progress": lambda user: {
        "pk": EmployerImport.objects.create(created_by=user, file_name="v.csv").pk
    },
    "employers:dialogue_list": lambda user: {"pk": EmployerFactory().pk},
    "employers:dialogue_create": lambda user: {"pk": EmployerFactory().pk},
    "employers:dialogue_edit": lambda user: {"pk": DialogueEntryFactory(author=user).pk},
    "employers:dialogue_history": lambda user: {"pk": DialogueEntryFactory(author=user).pk},
    "employers:task_complete": lambda user: {"pk": TaskFactory(owner=user).pk},
    "employers:lead_detail": _lead_for,
    "employers:lead_assign": _lead_for,
    "employers:lead_accept": _lead_for,
    "employers:lead_close": _lead_for,
    "employers:opening_create": lambda user: {"employer_pk": EmployerFactory().pk},
    "employers:opening_detail": _open_opening,
    "employers:opening_edit": _open_opening,
    "employers:opening_publish": _draft_opening,
    "employers:opening_mark_filled": _open_opening,
    "employers:opening_cancel": _open_opening,
    "agreements:create": lambda user: {"employer_pk": EmployerFactory().pk},
    **{
        f"agreements:{name}": lambda user: {"pk": _agreement_for(user).pk}
        for name in (
            "detail",
            "document",
            "document_pdf",
            "signed_copy",
            "edit",
            "change_contact",
            "upload",
            "meeting_create",
        )
    },
    "agreements:transition": lambda user: {"pk": _agreement_for(user).pk, "to": "ended"},
    **{
        f"agreements:{name}": lambda user: {"pk": _meeting_for(user).pk}
        for name in (
            "meeting_detail",
            "meeting_ics",
            "meeting_edit",
            "meeting_record",
            "meeting_invite",
            "need_add",
        )
    },
    "agreements:need_to_opening": lambda user: {
        "pk": RecruitmentNeedFactory(meeting=_meeting_for(user)).pk
    },
    "candidates:shortlist": lambda user: {"opening_id": JobOpeningFactory().pk},
    "candidates:propose": lambda user: {"opening_id": JobOpeningFactory().pk},
    "candidates:entry_detail": _entry,
    "candidates:entry_move": _entry,
    "candidates:consent_ask_owner": _entry,
    "candidates:entry_archive": _entry,
    "candidates:entry_restore": _entry,
    "candidates:entry_hire": _entry,
    "candidates:consent_request": _entry,
    "candidates:consent_withdraw": _given_consent,
    "candidates:consent_respond": _consent_token,
    "portal:candidates": lambda user: _portal_user(user) or {},
    "portal:opening": _own_opening,
    "portal:opening_messages": _own_opening,
    "portal:staff_message": lambda user: {"employer_id": EmployerFactory(fixed_contact=user).pk},
    "portal:staff_users": lambda user: {"employer_id": EmployerFactory(fixed_contact=user).pk},
    "portal:staff_user_deactivate": _portal_user_to_deactivate,
    "portal:staff_user_units": _portal_user_to_deactivate,
    "portal:staff_user_admin": _portal_user_to_deactivate,
    "portal:users": lambda user: _portal_admin(user) or {},
    "portal:user_deactivate": _colleague_to_deactivate,
    "portal:meeting_ics": lambda user: {"meeting_id": _meeting_for(user).pk},
    **{
        f"portal:{name}": _presented_to_employer
        for name in ("contact_reveal", "assess", "next_step", "hire", "remove")
    },
    **{
        f"candidates:{name}": _candidate
        for name in ("detail", "edit", "unavailable", "available", "deactivate", "reactivate")
    },
    "candidates:search_start": lambda user: {"opening_id": JobOpeningFactory().pk},
    "candidates:search_run": lambda user: {"pk": _search_run(user).pk},
    "candidates:search_progress": lambda user: {"pk": _search_run(user).pk},
    "candidates:search_rerun": lambda user: {"pk": _search_run(user).pk},
    "candidates:search_shortlist_add": _search_result,
    "competence_paths:create": lambda user: {"employer_pk": EmployerFactory().pk},
    **{
        f"competence_paths:{name}": lambda user: {"pk": _path_for(user).pk}
        for name in ("detail", "edit", "save_template", "participant_add", "search", "interview")
    },
    "competence_paths:transition": lambda user: {"pk": _path_for(user).pk, "to": "draft"},
    **{
        f"competence_paths:{name}": _participant_for
        for name in (
            "participant",
            "participant_status",
            "participant_progress",
            "participant_outcome",
        )
    },
}

POST_ONLY = {
    "notifications:open",
    "notifications:mark_all_read",
    "employers:import_apply",
    "employers:task_complete",
    "employers:lead_assign",
    "employers:lead_accept",
    "employers:lead_close",
    "employers:opening_publish",
    "employers:opening_mark_filled",
    "employers:opening_cancel",
    "agreements:transition",
    "agreements:upload",
    "agreements:meeting_invite",
    "agreements:need_add",
    "agreements:need_to_opening",
    "candidates:entry_move",
    "candidates:consent_ask_owner",
    "candidates:entry_archive",
    "candidates:entry_restore",
    "candidates:consent_withdraw",
    "portal:contact_reveal",
    "portal:staff_message",
    "portal:staff_user_deactivate",
    "portal:staff_user_units",
    "portal:staff_user_admin",
    "portal:user_deactivate",
    "portal:assess",
    "portal:next_step",
    "portal:hire",
    "candidates:available",
    "candidates:deactivate",
    "candidates:reactivate",
    "candidates:search_rerun",
    "candidates:search_shortlist_add",
    "competence_paths:transition",
    "competence_paths:save_template",
    "competence_paths:participant_add",
    "competence_paths:search",
    "competence_paths:interview",
    "competence_paths:participant_status",
    "competence_paths:participant_progress",
    "competence_paths:participant_outcome",
}


def _our_view_names(patterns=None, namespace=""):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin" or pattern.urlconf_name == "allauth.urls":
                continue
            child_namespace = namespace
            if pattern.namespace:
                child_namespace = f"{namespace}{pattern.namespace}:"
            yield from _our_view_names(pattern.url_patterns, child_namespace)
        elif isinstance(pattern, URLPattern):
            if pattern.callback.__module__.startswith("allauth."):
                continue
            yield f"{namespace}{pattern.name}"


def test_every_url_has_an_access_rule_and_a_matrix_row():
    names = set(_our_view_names())
    assert names == set(RULES), "URL patterns and accounts.access.RULES differ"
    assert names == set(EXPECTED), "URL patterns and this test's EXPECTED matrix differ"


def _visit(client, view_name, user):
    kwargs = URL_KWARGS[view_name](user) if view_name in URL_KWARGS else {}
    url = reverse(view_name, kwargs=kwargs)
    return client.post(url) if view_name in POST_ONLY else client.get(url)


@pytest.mark.django_db
@pytest.mark.parametrize("view_name", sorted(EXPECTED))
@pytest.mark.parametrize("role", list(Role))
def test_role_may_open_url_only_if_the_matrix_allows_it(client, view_name, role):
    user = user_with_role(role)
    client.force_login(user)
    response = _visit(client, view_name, user)
    allowed = EXPECTED[view_name] == "public" or role in EXPECTED[view_name]
    if allowed:
        assert response.status_code in (200, 302), response.status_code
        assert "/konto/login/" not in response.get("Location", "")
    else:
        assert response.status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("view_name", sorted(EXPECTED))
def test_anonymous_visitor_is_sent_to_login_unless_page_is_public(client, view_name):
    owner = user_with_role(Role.ADMIN)
    kwargs = URL_KWARGS[view_name](owner) if view_name in URL_KWARGS else {}
    url = reverse(view_name, kwargs=kwargs)
    response = client.post(url) if view_name in POST_ONLY else client.get(url)
    if EXPECTED[view_name] == "public":
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/login/")
