"""The agreement page's own section list (a core.sections.Page). The page's fixed content is
its template; apps above agreements add their sections from their AppConfig.ready()."""

from core.sections import Page

AGREEMENT_PAGE = Page(main=[], aside=[])
