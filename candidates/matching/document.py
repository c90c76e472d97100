"""The search document of a candidate: normalised stems in four weighted sections.

`Candidate.search_document` holds "A|B|C|D", each section the stems of (A) the names of the
occupations wanted and done plus code tokens, (B) competencies and certificates, (C) work
experience, (D) the CV summary. PostgreSQL turns it into the weighted `search_vector`
(a generated column, so bulk inserts and updates get it too) with a GIN index.

Occupation codes are tokens in section A: "w5321"/"d5321" for a STYRK-08 unit group wanted
or done, "w532"/"d532" for its minor group, so a code match is one more GIN lookup."""

from collections.abc import Iterable

from django.db import transaction

from .norwegian import normalise

SECTIONS = ("A", "B", "C", "D")
SEPARATOR = "|"  # never produced by `normalise`, which keeps letters and digits only
WANTED, DONE = "w", "d"


def code_tokens(kind: str, code: str) -> list[str]:
    return [f"{kind}{code}", f"{kind}{code[:3]}"]


def build_document(
    *,
    wanted: Iterable,
    done: Iterable,
    competencies: str = "",
    certificates: str = "",
    work_experience: str = "",
    cv_summary: str = "",
) -> str:
    """`wanted`/`done` are Occupation objects (or anything with `code` and `name`)."""
    occupations = []
    for kind, items in ((WANTED, wanted), (DONE, done)):
        for occupation in items:
            occupations += code_tokens(kind, occupation.code) + normalise(occupation.name)
    sections = [
        occupations,
        normalise(f"{competencies}\n{certificates}"),
        normalise(work_experience),
        normalise(cv_summary),
    ]
    return SEPARATOR.join(" ".join(stems) for stems in sections)


def document_for(candidate) -> str:
    has_pk = candidate.pk is not None
    return build_document(
        wanted=candidate.occupations_wanted.all() if has_pk else [],
        done=candidate.occupations_done.all() if has_pk else [],
        competencies=candidate.competencies,
        certificates=candidate.certificates,
        work_experience=candidate.work_experience,
        cv_summary=candidate.cv_summary,
    )


def sections_of(document: str) -> dict[str, set[str]]:
    parts = (document or "").split(SEPARATOR)
    parts += [""] * (len(SECTIONS) - len(parts))
    return {name: set(part.split()) for name, part in zip(SECTIONS, parts, strict=False)}


def refresh_search_documents(candidate_ids: Iterable[int], batch_size: int = 1000) -> int:
    """Rebuild the documents of these candidates, for changes that bypass `Candidate.save`
    (occupation lists, bulk updates). Returns how many were rebuilt."""
    from ..models import Candidate

    ids = list(candidate_ids)
    done = 0
    for start in range(0, len(ids), batch_size):
        batch = list(
            Candidate.objects.filter(pk__in=ids[start : start + batch_size]).prefetch_related(
                "occupations_wanted", "occupations_done"
            )
        )
        for candidate in batch:
            candidate.search_document = document_for(candidate)
        with transaction.atomic():
            Candidate.objects.bulk_update(batch, ["search_document"])
        done += len(batch)
    return done
