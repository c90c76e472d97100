"""Detail pages built from sections, so each app shows its part of one screen.

A section is a function of the page's object and the viewing user that returns a Section (a
template and its context), or None to show nothing. A `Page` holds the builders of its two
columns: `main` (timelines, lists) and `aside` (facts, people to call). The app that owns the
page lists its own sections; an app above it adds its section from its AppConfig.ready() with
`Page.add(..., before=...)`, so the page's app never imports the app above it (see
docs/architecture.md, "Import direction"). Each section runs a fixed number of queries.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Section:
    template: str
    context: dict = field(default_factory=dict)


SectionBuilder = Callable[..., Section | None]


class Page:
    def __init__(self, *, main: list[SectionBuilder], aside: list[SectionBuilder]):
        self.columns = {"main": list(main), "aside": list(aside)}

    def add(
        self, builder: SectionBuilder, *, column: str = "main", before: SectionBuilder | None = None
    ) -> None:
        """Add a section (once) before another one, or at the end of the column."""
        builders = self.columns[column]
        if builder in builders:
            return
        builders.insert(builders.index(before) if before else len(builders), builder)

    def sections(self, obj, user) -> dict[str, list[Section]]:
        """The page's context: `main_sections` and `aside_sections`, empty ones left out."""
        return {
            f"{column}_sections": [s for s in (b(obj, user) for b in builders) if s is not None]
            for column, builders in self.columns.items()
        }
