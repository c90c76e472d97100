from celery import shared_task

from .services.search import search_run_execute


@shared_task(bind=True, max_retries=2, default_retry_delay=10)
def run_candidate_search(self, run_id: int) -> int:
    """Run a broad search. Safe to repeat: a finished run is not searched again."""
    return search_run_execute(run_id=run_id).result_count
