from django import template

from ..permissions import may_edit_dialogue_entry

register = template.Library()


@register.filter
def editable_by(entry, user) -> bool:
    """A timeline lists entries of several authors: asked per entry, in the template."""
    return may_edit_dialogue_entry(user, entry)


@register.filter
def coordinate_with(employer, user):
    """The fixed contact `user` must coordinate with before approaching `employer`, or None."""
    return employer.coordinate_with(user)
