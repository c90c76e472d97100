from collections.abc import Iterable

from accounts.models import User

from ..models import AuditRecord, Candidate


def audit_candidate_reads(
    *,
    actor: User | None,
    candidates: Iterable[Candidate],
    action: str,
    purpose: str,
    path: str = "",
) -> int:
    """Write one append-only audit record per candidate whose personal data is being shown or
    exported, in one statement. Returns the number of records written."""
    records = [
        AuditRecord(candidate=candidate, actor=actor, action=action, purpose=purpose, path=path)
        for candidate in candidates
    ]
    AuditRecord.objects.bulk_create(records)
    return len(records)
