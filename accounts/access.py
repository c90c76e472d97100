"""Who may open which page: every URL name has exactly one rule here.

`AccessRuleMiddleware` applies the rule before any view runs, so a view cannot forget it, and
a URL without a rule fails loudly (and fails tests/test_access_matrix.py). Object-level scoping
(which employers, which candidates) is the job of each model's `visible_to(user)` queryset.

To add a rule: add the URL name to RULES with `signed_in()`, `public()` or `only(Role.X, ...)`,
then add the expected row to the matrix in tests/test_access_matrix.py.
"""

from dataclasses import dataclass

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, PermissionDenied

from .models import CANDIDATE_OWNER_ROLES, OPENING_MANAGERS, Role


@dataclass(frozen=True)
class Rule:
    roles: frozenset[str] | None = None
    is_public: bool = False

    def allows(self, user) -> bool:
        if self.is_public:
            return True
        if not user.is_authenticated or not user.is_active:
            return False
        return self.roles is None or user.role in self.roles


def public() -> Rule:
    return Rule(is_public=True)


def signed_in() -> Rule:
    return Rule()


def only(*roles: Role) -> Rule:
    return Rule(roles=frozenset(roles))


NAV_STAFF = (Role.CONTACT_PERSON, Role.ADVISER, Role.PROJECT_LEADER, Role.ADMIN)
STAFF = (*NAV_STAFF, Role.NATIONAL_READER, Role.PROVIDER_STAFF)
# Everyone who works with employers day to day: logs contacts and owns tasks.
EMPLOYER_WORK = (*NAV_STAFF, Role.PROVIDER_STAFF)
# Who keeps the employer register: the contact persons who own the relationships, and the
# county project leaders. Provider staff may keep the people of an employer they are the fixed
# contact for (checked per employer in employers.permissions.may_manage_people).
EMPLOYER_EDITORS = (Role.CONTACT_PERSON, Role.PROJECT_LEADER, Role.ADMIN)
EMPLOYER_PEOPLE_EDITORS = (*EMPLOYER_EDITORS, Role.PROVIDER_STAFF)
EMPLOYER_IMPORTERS = (Role.PROJECT_LEADER, Role.ADMIN)
# Agreements: everyone signed in reads the ones in their scope (Agreement.visible_to), employer
# users their own; these roles may change one they are the fixed contact for (or, for project
# leaders and administrators, any in their county; see agreements.permissions.may_edit_agreement).
AGREEMENT_CREATORS = (Role.CONTACT_PERSON, Role.PROJECT_LEADER, Role.ADMIN)
AGREEMENT_EDITORS = (*AGREEMENT_CREATORS, Role.PROVIDER_STAFF)
FOLLOW_UP_CONTACTS = (Role.CONTACT_PERSON, Role.PROJECT_LEADER, Role.PROVIDER_STAFF)
FOLLOW_UP_OVERSEERS = (Role.PROJECT_LEADER, Role.ADMIN, Role.NATIONAL_READER)
# Candidates: owners keep their caseload; administrators may open any candidate (audited);
# project leaders and national readers see counts, never people.
CANDIDATE_READERS = (*CANDIDATE_OWNER_ROLES, Role.ADMIN)
CANDIDATE_COUNTERS = (Role.PROJECT_LEADER, Role.NATIONAL_READER, Role.ADMIN)
DASHBOARD_READERS = (Role.PROJECT_LEADER, Role.NATIONAL_READER, Role.ADMIN)
LEAD_READERS = (Role.CONTACT_PERSON, Role.PROJECT_LEADER, Role.ADMIN, Role.NATIONAL_READER)
# Shortlists: the contact side of an opening and the owners of candidates on it (each sees only
# what candidates.selectors.pipeline gives them; project leaders see counts).
SHORTLIST_READERS = (*OPENING_MANAGERS, *CANDIDATE_OWNER_ROLES)
SHORTLIST_WORKERS = (Role.CONTACT_PERSON, Role.ADMIN, *CANDIDATE_OWNER_ROLES)
# Broad searches reach candidates nationwide: only the roles that can be an opening's contact
# side (candidates.models.openings_managed_by), which also scopes the openings.
SEARCHERS = (Role.CONTACT_PERSON, Role.ADMIN)
# Competence paths: everyone signed in opens the paths in their scope
# (CompetencePath.visible_to); the contact side changes them (competence_paths.permissions);
# owners follow their own participants.
PATH_MANAGERS = (Role.CONTACT_PERSON, Role.PROJECT_LEADER, Role.ADMIN)
PATH_FOLLOWERS = (Role.CONTACT_PERSON, Role.ADMIN, *CANDIDATE_OWNER_ROLES)
PATH_PARTICIPANT_READERS = (*PATH_FOLLOWERS, Role.EMPLOYER_USER)

RULES: dict[str, Rule] = {
    "healthz": public(),
    "home": signed_in(),
    "notifications:list": signed_in(),
    "notifications:open": signed_in(),
    "notifications:mark_all_read": signed_in(),
    "employers:dialogue_list": only(*STAFF),
    "employers:dialogue_create": only(*EMPLOYER_WORK),
    "employers:dialogue_edit": only(*EMPLOYER_WORK),
    "employers:dialogue_history": only(*STAFF),
    "employers:task_list": only(*EMPLOYER_WORK),
    "employers:task_complete": only(*EMPLOYER_WORK),
    "employers:list": only(*STAFF),
    "employers:detail": only(*STAFF),
    "employers:create": only(*EMPLOYER_EDITORS),
    "employers:edit": only(*EMPLOYER_EDITORS),
    "employers:person_add": only(*EMPLOYER_PEOPLE_EDITORS),
    "employers:person_edit": only(*EMPLOYER_PEOPLE_EDITORS),
    "employers:person_delete": only(*EMPLOYER_PEOPLE_EDITORS),
    "employers:import": only(*EMPLOYER_IMPORTERS),
    "employers:import_preview": only(*EMPLOYER_IMPORTERS),
    "employers:import_apply": only(*EMPLOYER_IMPORTERS),
    "employers:import_progress": only(*EMPLOYER_IMPORTERS),
    # Leads (tips) from resource groups: county staff act, national readers read.
    "employers:lead_list": only(*LEAD_READERS),
    "employers:lead_detail": only(*LEAD_READERS),
    "employers:lead_create": only(*NAV_STAFF),
    "employers:lead_assign": only(Role.PROJECT_LEADER, Role.ADMIN),
    "employers:lead_accept": only(Role.CONTACT_PERSON),
    "employers:lead_close": only(Role.CONTACT_PERSON, Role.PROJECT_LEADER, Role.ADMIN),
    "employers:resource_groups": only(*LEAD_READERS),
    # Job openings: the contact side records and publishes; everyone on the staff side reads.
    # Reference data (STYRK-08): employer users pick an occupation when they report a need.
    "employers:occupation_search": signed_in(),
    "employers:shared_openings": only(*STAFF),
    "employers:opening_detail": only(*STAFF),
    "employers:opening_create": only(*OPENING_MANAGERS),
    "employers:opening_edit": only(*OPENING_MANAGERS),
    "employers:opening_publish": only(*OPENING_MANAGERS),
    "employers:opening_mark_filled": only(*OPENING_MANAGERS),
    "employers:opening_cancel": only(*OPENING_MANAGERS),
    "agreements:list": signed_in(),
    "agreements:detail": signed_in(),
    "agreements:document": signed_in(),
    "agreements:document_pdf": signed_in(),
    "agreements:signed_copy": signed_in(),
    "agreements:create": only(*AGREEMENT_CREATORS),
    "agreements:edit": only(*AGREEMENT_EDITORS),
    "agreements:transition": only(*AGREEMENT_EDITORS),
    "agreements:change_contact": only(*AGREEMENT_EDITORS),
    "agreements:upload": only(*AGREEMENT_EDITORS),
    # Meetings and their minutes are NAV's and the provider's working notes.
    "agreements:meeting_detail": only(*STAFF),
    "agreements:meeting_ics": only(*STAFF),
    "agreements:meeting_create": only(*AGREEMENT_EDITORS),
    "agreements:meeting_edit": only(*AGREEMENT_EDITORS),
    "agreements:meeting_record": only(*AGREEMENT_EDITORS),
    "agreements:meeting_invite": only(*AGREEMENT_EDITORS),
    "agreements:need_add": only(*AGREEMENT_EDITORS),
    "agreements:need_to_opening": only(*OPENING_MANAGERS),
    "agreements:my_follow_ups": only(*FOLLOW_UP_CONTACTS),
    "agreements:county": only(*FOLLOW_UP_OVERSEERS),
    # Candidate pipeline: who may move which step is checked per entry in
    # candidates.services.pipeline; the candidate answers a consent link without logging in.
    "candidates:shortlist_overview": only(Role.CONTACT_PERSON, Role.ADMIN),
    "candidates:shortlist": only(*SHORTLIST_READERS),
    "candidates:propose": only(*CANDIDATE_OWNER_ROLES),
    "candidates:entry_detail": only(*SHORTLIST_WORKERS),
    "candidates:entry_move": only(*SHORTLIST_WORKERS),
    # The contact side asks the owner; the owner asks the candidate (consent_request).
    "candidates:consent_ask_owner": only(Role.CONTACT_PERSON, Role.ADMIN),
    "candidates:entry_archive": only(*SHORTLIST_WORKERS),
    "candidates:entry_restore": only(*SHORTLIST_WORKERS),
    "candidates:entry_hire": only(Role.CONTACT_PERSON, Role.ADMIN),
    "candidates:consent_request": only(*CANDIDATE_OWNER_ROLES),
    "candidates:consent_withdraw": only(*CANDIDATE_OWNER_ROLES),
    "candidates:consent_respond": public(),
    "candidates:list": only(*CANDIDATE_READERS),
    "candidates:detail": only(*CANDIDATE_READERS),
    "candidates:create": only(*CANDIDATE_OWNER_ROLES),
    "candidates:edit": only(*CANDIDATE_OWNER_ROLES),
    "candidates:unavailable": only(*CANDIDATE_OWNER_ROLES),
    "candidates:available": only(*CANDIDATE_OWNER_ROLES),
    "candidates:deactivate": only(*CANDIDATE_OWNER_ROLES),
    "candidates:reactivate": only(*CANDIDATE_OWNER_ROLES),
    "candidates:export": only(*CANDIDATE_OWNER_ROLES),
    "candidates:counts": only(*CANDIDATE_COUNTERS),
    # Dashboards: figures, never people; project leaders see their own county.
    "dashboards:county": only(*DASHBOARD_READERS),
    "dashboards:download": only(*DASHBOARD_READERS),
    "dashboards:import": only(Role.ADMIN),
    # Broad candidate search from an opening: the opening's contact side.
    "candidates:search_start": only(*SEARCHERS),
    "candidates:search_run": only(*SEARCHERS),
    "candidates:search_progress": only(*SEARCHERS),
    "candidates:search_rerun": only(*SEARCHERS),
    "candidates:search_shortlist_add": only(*SEARCHERS),
    # The employer portal: employer users only; which objects is portal.selectors' scoping.
    "portal:terms": only(Role.EMPLOYER_USER),
    "portal:needs": only(Role.EMPLOYER_USER),
    "portal:need_create": only(Role.EMPLOYER_USER),
    "portal:candidates": only(Role.EMPLOYER_USER),
    "portal:opening": only(Role.EMPLOYER_USER),
    "portal:contact_reveal": only(Role.EMPLOYER_USER),
    "portal:assess": only(Role.EMPLOYER_USER),
    "portal:next_step": only(Role.EMPLOYER_USER),
    "portal:hire": only(Role.EMPLOYER_USER),
    "portal:remove": only(Role.EMPLOYER_USER),
    "portal:meeting_ics": only(Role.EMPLOYER_USER),
    "portal:messages": only(Role.EMPLOYER_USER),
    "portal:history": only(Role.EMPLOYER_USER),
    "portal:opening_messages": only(Role.EMPLOYER_USER),
    "portal:unit_pick": only(Role.EMPLOYER_USER),
    # The employer's own portal administrator; other employer users get a 404 from the view.
    "portal:users": only(Role.EMPLOYER_USER),
    "portal:user_deactivate": only(Role.EMPLOYER_USER),
    # The employer's fixed contact (a contact person or provider staff) answers its messages.
    "portal:staff_message": only(Role.CONTACT_PERSON, Role.PROVIDER_STAFF, Role.ADMIN),
    "portal:staff_users": only(Role.CONTACT_PERSON, Role.PROVIDER_STAFF, Role.ADMIN),
    "portal:staff_user_deactivate": only(Role.CONTACT_PERSON, Role.PROVIDER_STAFF, Role.ADMIN),
    "portal:staff_user_units": only(Role.CONTACT_PERSON, Role.PROVIDER_STAFF, Role.ADMIN),
    "portal:staff_user_admin": only(Role.CONTACT_PERSON, Role.PROVIDER_STAFF, Role.ADMIN),
    "competence_paths:list": signed_in(),
    "competence_paths:detail": signed_in(),
    "competence_paths:create": only(*PATH_MANAGERS),
    "competence_paths:edit": only(*PATH_MANAGERS),
    "competence_paths:transition": only(*PATH_MANAGERS),
    "competence_paths:save_template": only(*PATH_MANAGERS),
    "competence_paths:participant_add": only(Role.CONTACT_PERSON, Role.ADMIN),
    "competence_paths:search": only(Role.CONTACT_PERSON, Role.ADMIN),
    "competence_paths:interview": only(Role.CONTACT_PERSON, Role.ADMIN),
    "competence_paths:participant": only(*PATH_PARTICIPANT_READERS),
    "competence_paths:participant_status": only(*PATH_FOLLOWERS),
    "competence_paths:participant_progress": only(*PATH_FOLLOWERS),
    "competence_paths:participant_outcome": only(Role.CONTACT_PERSON, Role.ADMIN),
}


def rule_for(view_name: str) -> Rule:
    try:
        return RULES[view_name]
    except KeyError:
        raise ImproperlyConfigured(f"No access rule for URL name {view_name!r}") from None


def _is_third_party(match) -> bool:
    # allauth protects its own pages (login, password reset); the admin site checks is_staff.
    return match.namespace == "admin" or match.func.__module__.startswith(
        ("allauth.", "django.views.static")
    )


class AccessRuleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if _is_third_party(match):
            return None
        rule = rule_for(match.view_name)
        if rule.is_public:
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not rule.allows(request.user):
            raise PermissionDenied
        return None
