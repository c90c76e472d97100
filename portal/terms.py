"""The terms of use an employer user accepts before any candidate is shown. A new text gets a
new version number and its own template, so everyone accepts it again."""

CURRENT_VERSION = 1


def template_for(version: int = CURRENT_VERSION) -> str:
    return f"portal/terms/v{version}.html"
