"""The search document of a candidate: normalised stems in four weighted sections.

`Candidate.search_document` holds "A|B|C|D", each section the stems of (A) the names of the
occupations wanted and done plus code tokens, (B) competencies and certificates, (C) work
experience, (D) the CV summary. PostgreSQL turns it into the weighted `search_vector`
(a generated column, so bulk inserts and updates get it too) with a GIN index.

Occupation codes are tokens in section A: "w5321"/"d5321" for a STYRK-08 unit group wanted
or done, "w532"/"d532" for its minor group, so a code match is one more GIN lookup. So is
where the candidate lives: "f7" (county id 7), "r12" (region id 12) and "p50" (commutes at
least COMMUTE_WIDENS_KM). A search ANDs them with the words, and the GIN index then skips
through the word lists instead of reading them whole (about four times faster at 200,000
candidates than combining the GIN index with a separate county index)."""

from collections.abc import Iterable

from django.db import transaction

from .norwegian import normalise

SECTIONS = ("A", "B", "C", "D")
SEPARATOR = "|"  # never produced by `normalise`, which keeps letters and digits only
WANTED, DONE = "w", "d"
COUNTY, REGION, COMMUTER = "f", "r", "p50"
# Candidates who can commute this far are found by region and municipality searches in the
# rest of their county (see matching.criteria).
COMMUTE_WIDENS_KM = 50
TOKEN_PREFIXES = (WANTED, DONE, COUNTY, REGION, "p")


def area_tokens(*, county_id: int, region_id: int | None, commute_km: int) -> list[str]:
    tokens = [f"{COUNTY}{county_id}"]
    if region_id:
        tokens.append(f"{REGION}{region_id}")
    if commute_km >= COMMUTE_WIDENS_KM:
        tokens.append(COMMUTER)
    return tokens


def is_token(stem: str) -> bool:
    """Typed words that look like the document's own tokens ("w5321", "f3") are not
    searched for."""
    return stem[:1] in TOKEN_PREFIXES and stem[1:].isdigit()


def code_tokens(kind: str, code: str) -> list[str]:
    return [f"{kind}{code}", f"{kind}{code[:3]}"]


def build_document(
    *,
    wanted: Iterable,
    done: Iterable,
    area: Iterable[str] = (),
    competencies: str = "",
    certificates: str = "",
    work_experience: str = "",
    cv_summary: str = "",
) -> str:
    """`wanted`/`done` are Occupation objects (or anything with `code` and `name`)."""
    occupations = list(area)
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
        area=area_tokens(
            county_id=candidate.county_id,
            region_id=candidate.region_id,
            commute_km=candidate.commute_km,
        ),
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
    from .vocabulary import remember

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
            remember(candidate.search_document for candidate in batch)
        done += len(batch)
    return done
