"""Receivers: the employer's choice on the opening's shortlist makes the candidate a
participant of the path selecting on it (candidates never imports competence_paths)."""

from django.db.models.signals import post_save

from candidates.models import EmployerAssessment


def _assessment_saved(sender, instance, created, **kwargs):
    from .services.selection import employer_chose

    employer_chose(instance)


def connect() -> None:
    post_save.connect(
        _assessment_saved, sender=EmployerAssessment, dispatch_uid="competence-paths-chosen"
    )
