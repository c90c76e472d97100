from notifications.models import Notification
from notifications.services import notification_create


def test_header_shows_the_unread_count(client, contact_person):
    for n in range(3):
        notification_create(recipient=contact_person, title=f"Varsel {n}", send_email=False)
    client.force_login(contact_person)
    html = client.get("/").content.decode()
    assert '3<span class="visually-hidden"> uleste</span>' in html


def test_list_shows_only_my_notifications_with_bounded_queries(
    client, contact_person, owner, django_assert_max_num_queries
):
    for n in range(30):
        notification_create(recipient=contact_person, title=f"Til Alice {n}", send_email=False)
    notification_create(recipient=owner, title="Til Bob", send_email=False)
    client.force_login(contact_person)
    with django_assert_max_num_queries(8):
        response = client.get("/varsler/")
    html = response.content.decode()
    assert "Til Alice 29" in html
    assert "Til Bob" not in html
    assert "Side 1 av 2" in html


def test_opening_a_notification_marks_it_read_and_follows_its_link(client, contact_person):
    notification = notification_create(
        recipient=contact_person, title="Se stillingen", link="/varsler/?vis=alle", send_email=False
    )
    client.force_login(contact_person)
    response = client.post(f"/varsler/{notification.pk}/apne/")
    assert response.status_code == 302
    assert response["Location"] == "/varsler/?vis=alle"
    notification.refresh_from_db()
    assert notification.is_read


def test_someone_elses_notification_is_not_found(client, contact_person, owner):
    notification = notification_create(recipient=owner, title="Privat", send_email=False)
    client.force_login(contact_person)
    assert client.post(f"/varsler/{notification.pk}/apne/").status_code == 404
    notification.refresh_from_db()
    assert not notification.is_read


def test_external_links_are_not_followed(client, contact_person):
    notification = notification_create(
        recipient=contact_person, title="Lur", link="https://example.com/", send_email=False
    )
    client.force_login(contact_person)
    assert client.post(f"/varsler/{notification.pk}/apne/")["Location"] == "/varsler/"


def test_mark_all_read_touches_only_my_unread(client, contact_person, owner):
    notification_create(recipient=contact_person, title="A", send_email=False)
    notification_create(recipient=owner, title="B", send_email=False)
    client.force_login(contact_person)
    client.post("/varsler/merk-alle-lest/")
    assert not Notification.objects.filter(recipient=contact_person).unread().exists()
    assert Notification.objects.filter(recipient=owner).unread().count() == 1
