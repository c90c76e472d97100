"""The project's own apps (not Django's or third parties'), for tests that scan the code."""

APPS = (
    "accounts",
    "agreements",
    "candidates",
    "competence_paths",
    "core",
    "dashboards",
    "employers",
    "notifications",
    "portal",
    "vi_inkluderer",
)
