"""The newsletter readers: importing a list (consent date and source), joining through a
confirmed sign-up, and the one-click unsubscribe that is honoured at once."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from avk.models import OutgoingMail
from movement.models import PilotSignup, Reader, SignupStatus
from movement.selectors import readers as selectors
from movement.services import readers as services
from movement.services import signup_links
from movement.services import signups as signup_services
from tests.movement.factories_network import ReaderFactory
from tests.movement.factories_pilots import PilotFactory

pytestmark = pytest.mark.django_db


def upload(text: str, name="lezers.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def start_import(client, text, source="Nieuwsbrief 2024"):
    response = client.post(
        reverse("movement:reader_import"), {"file": upload(text), "source": source}
    )
    return response


# --- import


def test_staff_import_a_list_with_consent_dates_and_sources(client, staff):
    ReaderFactory(email="al@example.org")
    ReaderFactory(email="weg@example.org", unsubscribed_at="2026-01-01T10:00:00Z", name="")
    client.force_login(staff)
    text = (
        "e-mail;naam;toestemming;bron\n"
        "Jet@Example.org;Jet Jansen;2024-03-01;Markt Veendam\n"
        "piet@example.org;;1-2-2025;\n"
        "al@example.org;Al;2024-01-01;\n"
        "weg@example.org;Weg;2024-01-01;\n"
    )
    response = start_import(client, text)
    assert response.status_code == 302
    preview = client.get(response.url)
    assert preview.status_code == 200
    assert "2 nieuw, 1 staan al op de lijst, 1 eerder afgemeld (niet toegevoegd)" in (
        preview.content.decode()
    )
    done = client.post(response.url)
    assert done.status_code == 302
    jet = Reader.objects.get(email="jet@example.org")
    assert (jet.name, jet.source, str(jet.consented_on)) == (
        "Jet Jansen",
        "Markt Veendam",
        "2024-03-01",
    )
    piet = Reader.objects.get(email="piet@example.org")
    assert (piet.source, str(piet.consented_on)) == ("Nieuwsbrief 2024", "2025-02-01")
    # The unsubscribed address is not added back, the known one not changed.
    weg = Reader.objects.get(email="weg@example.org")
    assert weg.unsubscribed_at is not None and weg.name == ""
    assert Reader.objects.count() == 4


@pytest.mark.parametrize(
    "row, message",
    [
        ("geen-adres;X;2024-01-01;", "Dit is geen geldig e-mailadres."),
        (
            "a@example.org;X;morgen;",
            "Schrijf de datum van de toestemming als 31-12-2024 of 2024-12-31.",
        ),
        ("a@example.org;X;2999-01-01;", "De datum van de toestemming kan niet in de toekomst"),
        ("a@example.org;X;;", "Schrijf de datum van de toestemming"),
    ],
)
def test_a_bad_row_is_shown_and_nothing_is_imported(client, staff, row, message):
    client.force_login(staff)
    response = start_import(
        client, "e-mail;naam;toestemming;bron\nok@example.org;;2024-01-01;\n" + row
    )
    preview = client.get(response.url)
    content = preview.content.decode()
    assert message in content
    assert "import-confirm" not in content
    # Posting anyway (a stale page) saves nothing and says why.
    refused = client.post(response.url)
    assert refused.status_code == 400
    assert Reader.objects.count() == 0


def test_an_address_twice_in_the_file_is_an_error(client, staff):
    client.force_login(staff)
    response = start_import(
        client, "email;consent\nx@example.org;2024-01-01\nX@example.org;2024-01-02\n"
    )
    assert "Dit adres staat ook in rij 2." in client.get(response.url).content.decode()


def test_a_file_without_the_consent_column_is_refused_as_a_whole(client, staff):
    client.force_login(staff)
    response = start_import(client, "email;naam\nx@example.org;X\n")
    assert response.status_code == 200
    assert "toestemming" in response.content.decode()
    assert Reader.objects.count() == 0


def test_an_empty_source_is_refused(client, staff):
    client.force_login(staff)
    response = start_import(client, "email;consent\nx@example.org;2024-01-01\n", source="  ")
    assert "Vul in waar de lijst vandaan komt." in response.content.decode()


def test_four_thousand_readers_import_in_few_queries(client, staff, django_assert_max_num_queries):
    client.force_login(staff)
    rows = "".join(f"lezer{i}@example.org;Lezer {i};2024-01-01;\n" for i in range(4000))
    response = start_import(client, "email;naam;toestemming;bron\n" + rows)
    with django_assert_max_num_queries(30):
        client.post(response.url)
    assert Reader.objects.count() == 4000


@settings(max_examples=40, deadline=None)
@given(
    cells=st.lists(
        st.tuples(st.text(max_size=60), st.text(max_size=30), st.text(max_size=20)), max_size=6
    )
)
def test_any_rows_give_a_result_per_row_never_an_exception(cells):
    rows = [
        {"number": i + 2, "values": {"email": e, "name": n, "consented_on": d}}
        for i, (e, n, d) in enumerate(cells)
    ]
    results = selectors.validate_rows(rows, {"email": "email"}, source="x")
    assert len(results) == len(rows)
    assert all(r.ok or r.errors for r in results)


# --- joining through a sign-up


def test_a_confirmed_signup_that_asked_for_the_newsletter_becomes_a_reader(db):
    pilot = PilotFactory()
    _signup, token = signup_services.signup_create(
        model=PilotSignup,
        offer=pilot,
        name="Jet",
        email="jet@example.org",
        consent=True,
        joins_network=True,
    )
    assert not Reader.objects.exists()  # not before the address is confirmed
    signup_services.signup_confirm(model=PilotSignup, token=token)
    reader = Reader.objects.get(email="jet@example.org")
    assert reader.subscribed and reader.name == "Jet"
    assert pilot.title in reader.source


def test_a_signup_without_the_newsletter_box_adds_no_reader(db):
    pilot = PilotFactory()
    _signup, token = signup_services.signup_create(
        model=PilotSignup, offer=pilot, name="Jet", email="jet@example.org", consent=True
    )
    signup_services.signup_confirm(model=PilotSignup, token=token)
    assert not Reader.objects.exists()


def test_asking_again_after_unsubscribing_subscribes_again(db):
    reader = ReaderFactory(email="jet@example.org")
    services.reader_unsubscribe(reader)
    services.reader_join(
        email="jet@example.org", name="Jet", source="Aanmelding", consented_on="2026-12-01"
    )
    reader.refresh_from_db()
    assert reader.subscribed and reader.source == "Aanmelding"


# --- unsubscribe


def test_unsubscribe_asks_on_get_and_acts_on_post(client):
    reader = ReaderFactory()
    url = reverse("movement:reader_unsubscribe", args=[services.unsubscribe_token(reader.pk)])
    page = client.get(url)
    assert page.status_code == 200 and "unsubscribe-form" in page.content.decode()
    reader.refresh_from_db()
    assert reader.subscribed
    done = client.post(url)
    assert "unsubscribe-done" in done.content.decode()
    reader.refresh_from_db()
    assert not reader.subscribed and reader.name == ""
    # Again: says it is done, changes nothing.
    assert "unsubscribe-done" in client.get(url).content.decode()
    assert "unsubscribe-done" in client.post(url).content.decode()


def test_the_one_click_post_of_a_mail_program_works_without_csrf(db):
    from django.test import Client

    reader = ReaderFactory()
    url = reverse("movement:reader_unsubscribe", args=[services.unsubscribe_token(reader.pk)])
    response = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    reader.refresh_from_db()
    assert not reader.subscribed


@pytest.mark.parametrize("token", ["1-forged", "abc", "99999999999999999999-x", "-", "1-"])
def test_a_forged_unsubscribe_link_does_nothing(client, token):
    reader = ReaderFactory()
    response = client.post(reverse("movement:reader_unsubscribe", args=[token]))
    assert response.status_code == 404
    reader.refresh_from_db()
    assert reader.subscribed


def test_another_readers_token_does_not_work_for_this_reader(client):
    first, second = ReaderFactory(), ReaderFactory()
    mac = services.unsubscribe_token(first.pk).split("-", 1)[1]
    client.post(reverse("movement:reader_unsubscribe", args=[f"{second.pk}-{mac}"]))
    second.refresh_from_db()
    assert second.subscribed


def test_unsubscribing_deletes_the_mailing_mails_still_waiting(db):
    reader = ReaderFactory()
    other = ReaderFactory()
    for who in (reader, other):
        OutgoingMail.objects.create(
            key=f"mailing:7:reader:{who.pk}", to=who.email, template="mailing", context={}
        )
    OutgoingMail.objects.create(
        key=f"mailing:6:reader:{reader.pk}",
        to=reader.email,
        template="mailing",
        context={},
        status=OutgoingMail.Status.SENT,
    )
    assert services.reader_unsubscribe(reader) is True
    assert set(OutgoingMail.objects.values_list("key", flat=True)) == {
        f"mailing:7:reader:{other.pk}",
        f"mailing:6:reader:{reader.pk}",  # sent before: history
    }
    assert services.reader_unsubscribe(reader) is False


def test_staff_reader_list_shows_counts_and_searches(client, staff):
    ReaderFactory(email="jet@example.org", name="Jet")
    ReaderFactory(email="piet@example.org")
    client.force_login(staff)
    page = client.get(reverse("movement:reader_list"), {"q": "jet"}).content.decode()
    assert "jet@example.org" in page and "piet@example.org" not in page
    assert "2 lezers krijgen de nieuwsbrief" in page


def test_withdrawing_a_signup_keeps_the_separate_newsletter_consent(db):
    pilot = PilotFactory()
    signup, token = signup_services.signup_create(
        model=PilotSignup,
        offer=pilot,
        name="Jet",
        email="jet@example.org",
        consent=True,
        joins_network=True,
    )
    signup_services.signup_confirm(model=PilotSignup, token=token)
    signup.refresh_from_db()
    assert signup_services.signup_withdraw(
        model=PilotSignup, token=signup_links.withdraw_token(signup)
    )
    signup.refresh_from_db()
    assert signup.status == SignupStatus.WITHDRAWN and signup.email == ""
    # The newsletter has its own link to stop it, in every newsletter.
    assert Reader.objects.get(email="jet@example.org").subscribed


@settings(max_examples=40, deadline=None)
@given(token=st.text(alphabet=st.characters(codec="ascii"), min_size=1, max_size=80))
def test_any_unsubscribe_token_is_answered_without_an_error_and_changes_nothing(token):
    from django.test import Client
    from django.urls import NoReverseMatch

    reader = ReaderFactory()
    try:
        url = reverse("movement:reader_unsubscribe", args=[token])
    except NoReverseMatch:  # not a slug: the URL cannot even be formed
        return
    response = Client().post(url)
    assert response.status_code in (200, 404)
    reader.refresh_from_db()
    assert reader.subscribed


def test_the_withdraw_page_says_the_newsletter_stays(client):
    pilot = PilotFactory()
    signup, _token = signup_services.signup_create(
        model=PilotSignup,
        offer=pilot,
        name="Jet",
        email="jet@example.org",
        consent=True,
        joins_network=True,
    )
    url = reverse("movement:pilot_signup_withdraw", args=[signup_links.withdraw_token(signup)])
    assert "Je vroeg ook om de nieuwsbrief: die blijft." in client.get(url).content.decode()
    signup.joins_network = False
    signup.save()
    assert "nieuwsbrief" not in client.get(url).content.decode()


def test_a_nul_byte_in_an_address_or_a_search_is_an_error_never_a_500(client, staff):
    results = selectors.validate_rows(
        [{"number": 2, "values": {"email": "a\x00@example.org", "consented_on": "2024-01-01"}}],
        {"email": "email"},
        source="x",
    )
    assert results[0].errors
    client.force_login(staff)
    assert client.get(reverse("movement:reader_list"), {"q": "jet\x00"}).status_code == 200
