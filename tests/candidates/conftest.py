# The pipeline builder (entry_at) for every test in this folder; the personas are in
# tests/conftest.py.
from .pipeline_helpers import entry_at  # noqa: F401
