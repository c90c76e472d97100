"""A consent link whose send task was lost does not block a new request: with a real worker,
the new request's link is mailed once and the lost task, delivered late, mails nothing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from candidates.models import ConsentRequest
from candidates.tasks_consent import send_consent_link
from tests.candidates.factories import link_sent_to_sara
from tests.candidates.pipeline_helpers import consent_in_mail
from tests.workers import mail_messages, wait_for
from vi_inkluderer.celery import app as celery_app

pytestmark = [pytest.mark.worker, pytest.mark.usefixtures("reference_data")]


def test_a_lost_link_is_replaced_and_only_the_new_one_is_mailed(client, start_worker, mail_dir):
    lost = link_sent_to_sara()
    entry = lost.entry
    owner = entry.candidate.owner
    celery_app.control.purge()  # the task is lost (no worker ran it)
    ConsentRequest.objects.filter(pk=lost.pk).update(
        requested_at=timezone.now() - datetime.timedelta(minutes=5)
    )

    client.force_login(owner)
    page = client.get(reverse("candidates:entry_detail", kwargs={"entry_id": entry.pk}))
    assert "Lenken er ikke sendt ennå." in page.content.decode()
    response = client.post(
        reverse("candidates:consent_request", kwargs={"entry_id": entry.pk}),
        {"method": "link", "deadline": "3", "adaptation_text": ""},
    )
    assert response.status_code == 302
    new = ConsentRequest.objects.get(entry=entry, status=ConsentRequest.Status.PENDING)

    send_consent_link.delay(lost.pk)  # the lost task turns up after all
    start_worker("consent")
    sent = ConsentRequest.objects.filter(pk=new.pk, link_sent_at__isnull=False)
    assert wait_for(sent.exists, timeout=120)  # the worker starts slowly on a busy machine
    assert wait_for(lambda: len(mail_messages(mail_dir)) >= 1)
    mails = mail_messages(mail_dir)
    assert len(mails) == 1
    assert consent_in_mail(mails[0]) == new
    lost.refresh_from_db()
    assert lost.status == ConsentRequest.Status.REPLACED and lost.link_sent_at is None
