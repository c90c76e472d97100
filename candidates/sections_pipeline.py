"""The candidate page's section about shortlists; the integrator adds `pipeline_section` to
candidates/sections.py MAIN."""

from accounts.models import User
from vi_inkluderer.home import Section

from .models import Candidate
from .selectors.pipeline import candidate_entries


def pipeline_section(candidate: Candidate, user: User) -> Section:
    return Section(
        "candidates/detail/_pipeline.html",
        {
            "entries": list(candidate_entries(candidate=candidate, user=user)),
            "candidate": candidate,
        },
    )
