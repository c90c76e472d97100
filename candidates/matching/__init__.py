"""Broad candidate search: Norwegian word matching, the search document, and ranking."""
