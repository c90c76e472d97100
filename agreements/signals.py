"""What agreements ask of the apps above them, which agreements never import
(docs/architecture.md, "Import direction"). Receivers connect in their own AppConfig.ready()."""

from django.core.exceptions import ImproperlyConfigured
from django.dispatch import Signal

# Sent with `employer_id` and `signed_on` (or None); the app that records hires (candidates)
# answers with the employer's hires before and after that day (`before`, `after`, `total`).
hires_requested = Signal()


def hires_around(*, employer_id: int, signed_on):
    answers = [
        answer
        for _receiver, answer in hires_requested.send(
            sender=None, employer_id=employer_id, signed_on=signed_on
        )
    ]
    if len(answers) != 1:
        raise ImproperlyConfigured("Exactly one app must answer agreements.signals.hires_requested")
    return answers[0]
