"""Who may do what with a path. Which paths a user sees at all is
`CompetencePath.objects.visible_to(user)`; these decide what they may do and whom they see."""

from accounts.models import Role, User
from candidates.selectors.pipeline import employer_entries

from .models import CompetencePath, Participant

PATH_CREATORS = (Role.CONTACT_PERSON, Role.PROJECT_LEADER, Role.ADMIN)


def may_create(user: User) -> bool:
    return user.role in PATH_CREATORS


def may_manage(user: User, path: CompetencePath) -> bool:
    """The path's contact, the county's contact persons and project leader, administrators."""
    if user.role == Role.ADMIN or path.contact_id == user.pk:
        return True
    return (
        user.role in (Role.CONTACT_PERSON, Role.PROJECT_LEADER) and user.county_id == path.county_id
    )


def sees_all_participants(user: User, path: CompetencePath) -> bool:
    """The contact side sees every participant. Project leaders and national readers see
    counts, never people (they manage a path without opening participants' details)."""
    return may_manage(user, path) and user.role != Role.PROJECT_LEADER


def may_select(user: User, path: CompetencePath) -> bool:
    """Search for, shortlist and interview candidates for the path: its contact persons (the
    path's contact and the county's contact persons) and administrators, as only an opening's
    managers work its search and shortlist."""
    return user.role in (Role.CONTACT_PERSON, Role.ADMIN) and sees_all_participants(user, path)


def may_follow(user: User, participant: Participant) -> bool:
    """Change a participant's status and progress: the contact side, and the candidate's owner
    (adviser or provider staff) for their own."""
    if participant.candidate.owner_id == user.pk:
        return True
    return sees_all_participants(user, participant.path)


def participants_for(user: User, path: CompetencePath):
    """The participants whose details this user may see on the path page. Employer users see
    the ones presented to them with consent, without owners or notes."""
    participants = path.participants.for_path_page()
    if sees_all_participants(user, path):
        return participants
    if user.role in (Role.ADVISER, Role.PROVIDER_STAFF):
        return participants.filter(candidate__owner=user)
    if user.role == Role.EMPLOYER_USER and user.acting_employer_id == path.employer_id:
        # The same rule as the portal's candidate pages: presented to the employer with a
        # consent that stands, and not removed or expired from its view.
        return participants.filter(entry__in=employer_entries(user).values("pk"))
    return participants.none()
