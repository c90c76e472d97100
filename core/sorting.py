"""Sortable list columns, read from `?sorter=key` (ascending) or `?sorter=-key` (descending)."""

from django import forms

# Columns that start newest first on the first click.
NEWEST_FIRST = frozenset({"endret"})


def sort_field(sorts: dict) -> forms.ChoiceField:
    """The hidden form field carrying the list's sort key."""
    return forms.ChoiceField(
        choices=[(k, k) for key in sorts for k in (key, f"-{key}")],
        required=False,
        widget=forms.HiddenInput,
    )


def sort_columns(current: str, sorts: dict) -> dict[str, dict]:
    """Per sortable column: its label, the sort a click on it gives, and its aria-sort."""
    columns = {}
    for key, label in sorts.items():
        if current.lstrip("-") == key:
            descending = current.startswith("-")
            next_key = key if descending else f"-{key}"
            aria_sort = "descending" if descending else "ascending"
        else:
            next_key = f"-{key}" if key in NEWEST_FIRST else key
            aria_sort = ""
        columns[key] = {"label": label, "next": next_key, "aria_sort": aria_sort}
    return columns
