from accounts.models import User

from .models import CompetencePath, Participant


def paths_visible_to(user: User):
    """The paths a user may open (employer users: their own employer's, once planned)."""
    return CompetencePath.objects.visible_to(user)


def path_list(*, user: User):
    return paths_visible_to(user).for_list()


def paths_of_employer(*, user: User, employer_id: int):
    return path_list(user=user).filter(employer_id=employer_id).order_by("-planned_start")


def paths_of_agreement(*, user: User, agreement_id: int):
    return path_list(user=user).filter(agreement_id=agreement_id).order_by("-planned_start")


def participations_of_candidate(*, candidate_id: int):
    """A candidate's paths for the candidate page (the page itself checks the candidate)."""
    return (
        Participant.objects.filter(candidate_id=candidate_id)
        .select_related("path__employer")
        .order_by("-path__planned_start")
    )
