import pytest

from accounts.models import Role
from notifications.models import Notification
from notifications.services import notification_create

from ..factories import user_with_role


@pytest.fixture
def alice(db):
    return user_with_role(Role.CONTACT_PERSON)


@pytest.fixture
def bob(db):
    return user_with_role(Role.ADVISER)


def test_header_shows_the_unread_count(client, alice):
    for n in range(3):
        notification_create(recipient=alice, title=f"Varsel {n}", send_email=False)
    client.force_login(alice)
    html = client.get("/").content.decode()
    assert '3<span class="visually-hidden"> uleste</span>' in html


def test_list_shows_only_my_notifications_with_bounded_queries(
    client, alice, bob, django_assert_max_num_queries
):
    for n in range(30):
        notification_create(recipient=alice, title=f"Til Alice {n}", send_email=False)
    notification_create(recipient=bob, title="Til Bob", send_email=False)
    client.force_login(alice)
    with django_assert_max_num_queries(8):
        response = client.get("/varsler/")
    html = response.content.decode()
    assert "Til Alice 29" in html
    assert "Til Bob" not in html
    assert "Side 1 av 2" in html


def test_opening_a_notification_marks_it_read_and_follows_its_link(client, alice):
    notification = notification_create(
        recipient=alice, title="Se stillingen", link="/varsler/?vis=alle", send_email=False
    )
    client.force_login(alice)
    response = client.post(f"/varsler/{notification.pk}/apne/")
    assert response.status_code == 302
    assert response["Location"] == "/varsler/?vis=alle"
    notification.refresh_from_db()
    assert notification.is_read


def test_someone_elses_notification_is_not_found(client, alice, bob):
    notification = notification_create(recipient=bob, title="Privat", send_email=False)
    client.force_login(alice)
    assert client.post(f"/varsler/{notification.pk}/apne/").status_code == 404
    notification.refresh_from_db()
    assert not notification.is_read


def test_external_links_are_not_followed(client, alice):
    notification = notification_create(
        recipient=alice, title="Lur", link="https://example.com/", send_email=False
    )
    client.force_login(alice)
    assert client.post(f"/varsler/{notification.pk}/apne/")["Location"] == "/varsler/"


def test_mark_all_read_touches_only_my_unread(client, alice, bob):
    notification_create(recipient=alice, title="A", send_email=False)
    notification_create(recipient=bob, title="B", send_email=False)
    client.force_login(alice)
    client.post("/varsler/merk-alle-lest/")
    assert not Notification.objects.filter(recipient=alice).unread().exists()
    assert Notification.objects.filter(recipient=bob).unread().count() == 1
