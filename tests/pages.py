"""Reading rendered pages in tests through their context."""


def home_section(response, name: str):
    """The section of the home page `response` rendered by `home/_<name>.html`."""
    template = f"home/_{name}.html"
    return next(section for section in response.context["sections"] if section.template == template)


def current_menu_items(response) -> list:
    """The labels of the main menu's items marked as the current page."""
    return [item["label"] for item in response.context["navigation"] if item["active"]]
