"""Every stem any search document has contained, so that a query's prefixes ("truck") can be
completed to the exact stems ("truck", "truckfør", "truckførerbevis") before searching.

A GIN index finds exact lexemes quickly and can skip through them, while a prefix (':*') makes
it scan and materialise every matching entry (about three times slower at 200,000
candidates). Words are only added: a stem no document has any more matches nothing."""

from collections.abc import Iterable
from dataclasses import replace

from django.db.models import Q

from .document import SEPARATOR
from .norwegian import Term

# A prefix with more completions than this is searched as a prefix after all.
MAX_COMPLETIONS = 200
MAX_WORD_LENGTH = 100


def remember(documents: Iterable[str]) -> None:
    from ..models import SearchWord

    stems = {
        stem
        for document in documents
        for stem in document.replace(SEPARATOR, " ").split()
        if len(stem) <= MAX_WORD_LENGTH
    }
    SearchWord.objects.bulk_create(
        [SearchWord(word=stem) for stem in sorted(stems)], ignore_conflicts=True, batch_size=5000
    )


def complete(terms: list[Term]) -> list[Term]:
    """The terms with their prefixes completed from the vocabulary, in one query."""
    from ..models import SearchWord

    prefixes = {prefix for term in terms for prefix in term.prefixes}
    if not prefixes:
        return terms
    wanted = Q()
    for prefix in prefixes:
        wanted |= Q(word__startswith=prefix)
    known = list(SearchWord.objects.filter(wanted).values_list("word", flat=True))
    completed = []
    for term in terms:
        words = tuple(word for word in known for p in term.prefixes if word.startswith(p))
        if term.prefixes and len(words) <= MAX_COMPLETIONS:
            term = replace(term, completions=words)
        completed.append(term)
    return completed
