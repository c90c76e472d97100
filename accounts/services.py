from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.db import transaction
from django.urls import reverse

from core.mail import send_rendered

from .models import User


def invitation_link(user: User) -> str:
    """A one-time link to allauth's set-password page; it stops working once used."""
    key = default_token_generator.make_token(user)
    path = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(user), "key": key},
    )
    return settings.SITE_URL + path


def user_send_invitation(*, user: User, invited_by: User | None) -> None:
    context = {"user": user, "invited_by": invited_by, "link": invitation_link(user)}
    send_rendered(
        user.email,
        context,
        subject="accounts/email/invitation_subject.txt",
        text="accounts/email/invitation.txt",
        html="accounts/email/invitation.html",
    )


def user_invite(*, user: User, invited_by: User | None) -> User:
    """Save a new account without a usable password and e-mail a set-password invitation."""
    with transaction.atomic():
        user.email = user.email.lower()
        user.set_unusable_password()
        user.save()
        transaction.on_commit(lambda: user_send_invitation(user=user, invited_by=invited_by))
    return user
