from celery import shared_task

from core.tasks import RETRY_ON_TRANSIENT_ERRORS

from .services.search import search_run_execute


@shared_task(bind=True, **RETRY_ON_TRANSIENT_ERRORS)
def run_candidate_search(self, run_id: int) -> int:
    """Run a broad search. Safe to repeat: a finished run is not searched again."""
    return search_run_execute(run_id=run_id).result_count
