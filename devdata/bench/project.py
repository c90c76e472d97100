"""Benchmark scenarios for the pages this package owns (see the `bench` command)."""

SCENARIOS = [
    ("home: project leader (Oslo)", "prosjektleder.03@skala.no", lambda: "/"),
    ("home: contact person", "contact_person.0.0@skala.no", lambda: "/"),
    ("notifications: list", "contact_person.0.0@skala.no", lambda: "/varsler/"),
]
