"""Benchmark scenarios for `bench`: one module per app, each with SCENARIOS (and QUERIES)."""
