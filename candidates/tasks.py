from celery import shared_task

from core.tasks import RETRY_ON_TRANSIENT_ERRORS

from .services.assessment import assessments_expire
from .services.search import search_run_execute


@shared_task(bind=True, **RETRY_ON_TRANSIENT_ERRORS)
def run_candidate_search(self, run_id: int) -> int:
    """Run a broad search. Safe to repeat: a finished run is not searched again."""
    return search_run_execute(run_id=run_id).result_count


@shared_task(bind=True, **RETRY_ON_TRANSIENT_ERRORS)
def expire_employer_presentations(self) -> int:
    """Hide presentations older than six months from employers. Safe to repeat."""
    return assessments_expire()
