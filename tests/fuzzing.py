"""Hypothesis settings shared by the tests that throw arbitrary input at every page."""

from hypothesis import HealthCheck, settings

# Repeatable (derandomized) runs of a fixed size; a probe is one request, which may be slow.
EVERY_PAGE = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
