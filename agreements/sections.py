"""Sections other features add to the agreement page (like employers/sections.py): a function
of the agreement and the viewing user returning a Section or None. Higher apps append to MAIN
in their AppConfig.ready(), so this app never imports them."""

from collections.abc import Callable

from accounts.models import User
from vi_inkluderer.home import Section

from .models import Agreement

SectionBuilder = Callable[[Agreement, User], Section | None]
MAIN: list[SectionBuilder] = []


def detail_sections(agreement: Agreement, user: User) -> list[Section]:
    return [s for s in (builder(agreement, user) for builder in MAIN) if s is not None]
