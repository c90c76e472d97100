from django import template

from accounts.access import rule_for

register = template.Library()


@register.filter
def editable_by(entry, user) -> bool:
    return entry.can_be_edited_by(user)


@register.filter
def may_log_contacts(user) -> bool:
    return rule_for("employers:dialogue_create").allows(user)


@register.filter
def coordinate_with(employer, user):
    """The fixed contact `user` must coordinate with before approaching `employer`, or None."""
    return employer.coordinate_with(user)
