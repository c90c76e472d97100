"""Reading the home page in tests: its sections are (template, context) pairs."""


def home_section(response, name: str):
    """The section of the home page `response` rendered by `home/_<name>.html`."""
    template = f"home/_{name}.html"
    return next(section for section in response.context["sections"] if section.template == template)
