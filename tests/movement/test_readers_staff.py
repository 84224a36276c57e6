"""Staff take a reader off the list by hand (a request by phone or letter): unsubscribe,
which keeps the address as "never mail again", or erase it completely (AVG)."""

import pytest
from django.urls import reverse

from avk.imports import UNCHANGED
from avk.models import AuditEntry, OutgoingMail
from movement.models import Reader
from movement.selectors.readers import validate_rows
from movement.services import readers as services
from tests.movement.factories_network import ReaderFactory

pytestmark = pytest.mark.django_db


def remove_url(reader) -> str:
    return reverse("movement:reader_remove", args=[reader.pk])


def mails_of(reader, mailing: int, status=OutgoingMail.Status.PENDING):
    return OutgoingMail.objects.create(
        key=f"mailing:{mailing}:reader:{reader.pk}",
        to=reader.email,
        template="mailing",
        context={"name": reader.name},
        status=status,
    )


def test_the_list_links_each_reader_to_the_page_that_removes_them(client, staff):
    reader = ReaderFactory(email="jet@example.org")
    client.force_login(staff)
    page = client.get(reverse("movement:reader_list")).content.decode()
    assert remove_url(reader) in page


def test_get_or_a_post_without_confirm_only_asks(client, staff):
    reader = ReaderFactory(email="jet@example.org", name="Jet")
    client.force_login(staff)
    page = client.get(remove_url(reader)).content.decode()
    assert "jet@example.org" in page
    assert 'name="what" value="unsubscribe"' in page and 'name="what" value="erase"' in page
    client.post(remove_url(reader), {"what": "erase"})
    client.post(remove_url(reader), {"what": "unsubscribe"})
    reader.refresh_from_db()
    assert reader.subscribed and reader.name == "Jet"


def test_staff_unsubscribe_a_reader_at_once(client, staff):
    reader = ReaderFactory(email="jet@example.org", name="Jet")
    waiting, sent = mails_of(reader, 7), mails_of(reader, 6, OutgoingMail.Status.SENT)
    client.force_login(staff)
    response = client.post(
        remove_url(reader), {"what": "unsubscribe", "confirm": "yes"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("movement:reader_list")
    assert "jet@example.org krijgt geen nieuwsbrief meer" in response.content.decode()
    reader.refresh_from_db()
    assert not reader.subscribed and reader.name == ""
    assert not OutgoingMail.objects.filter(pk=waiting.pk).exists()
    assert OutgoingMail.objects.filter(pk=sent.pk).exists()  # history
    entry = AuditEntry.objects.get(action="reader.unsubscribed")
    assert entry.actor == staff and "jet" not in entry.object_repr


def test_an_unsubscribed_address_is_never_imported_again(client, staff):
    reader = ReaderFactory(email="jet@example.org")
    client.force_login(staff)
    client.post(remove_url(reader), {"what": "unsubscribe", "confirm": "yes"})
    rows = [{"number": 2, "values": {"email": "jet@example.org", "consented_on": "2025-06-02"}}]
    [result] = validate_rows(rows, {}, source="Lijst")
    assert result.ok and result.action == UNCHANGED and result.clean["unsubscribed"]


def test_staff_erase_a_reader_completely(client, staff):
    reader = ReaderFactory(email="jet@example.org", name="Jet")
    other = ReaderFactory()
    waiting = mails_of(reader, 7)
    sent = mails_of(reader, 6, OutgoingMail.Status.SENT)
    others_mail = mails_of(other, 7)
    client.force_login(staff)
    response = client.post(remove_url(reader), {"what": "erase", "confirm": "yes"}, follow=True)
    assert "Het adres is helemaal gewist" in response.content.decode()
    assert not Reader.objects.filter(pk=reader.pk).exists()
    assert not OutgoingMail.objects.filter(pk=waiting.pk).exists()
    # A sent mail stays counted for its mailing, without the address or the name.
    sent.refresh_from_db()
    assert (sent.to, sent.context, sent.status) == ("", {}, OutgoingMail.Status.SENT)
    assert not OutgoingMail.objects.filter(to="jet@example.org").exists()
    assert OutgoingMail.objects.filter(pk=others_mail.pk, to=other.email).exists()
    entry = AuditEntry.objects.get(action="reader.erased")
    assert entry.actor == staff
    assert "jet" not in str(entry.changes) and "jet" not in entry.object_repr
    # The page of an erased reader is gone; erasing again is a 404, not a 500.
    assert client.post(remove_url(reader), {"what": "erase", "confirm": "yes"}).status_code == 404


def test_unsubscribing_twice_says_so_and_an_unknown_choice_changes_nothing(client, staff):
    reader = ReaderFactory(email="jet@example.org")
    services.reader_unsubscribe(reader)
    client.force_login(staff)
    response = client.post(
        remove_url(reader), {"what": "unsubscribe", "confirm": "yes"}, follow=True
    )
    assert "was al afgemeld" in response.content.decode()
    response = client.post(remove_url(reader), {"what": "drop", "confirm": "yes"})
    assert response.status_code == 400
    assert "Kies afmelden of helemaal wissen" in response.content.decode()
    assert Reader.objects.filter(pk=reader.pk).exists()


def test_only_staff_remove_readers(client, editor_a):
    reader = ReaderFactory()
    client.force_login(editor_a)
    assert client.get(remove_url(reader)).status_code == 403
    assert client.post(remove_url(reader), {"what": "erase", "confirm": "yes"}).status_code == 403
    assert Reader.objects.filter(pk=reader.pk).exists()
