"""Unicode bidirectional controls never reach a stored single-line text or a file name.

U+202E (right-to-left override) makes "‮evil.exe" read backwards on a page or in a
PDF; the other controls reorder text in the same way. They are removed from every
single-line text field when it is saved, and from the name of every uploaded file.
"""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from avk.text import BIDI_CONTROLS, without_bidi_controls
from governance.models import AgendaItem, Memo
from partners.models import Partner, Person
from tests.governance.factories_memos import full_memo, image_bytes
from tests.governance.test_meetings import agenda_data, meeting_data

pytestmark = pytest.mark.django_db

EVERY_CONTROL = "".join(sorted(BIDI_CONTROLS))
NAUGHTY = "Begroting \u202egnp.exe\u202c 2027\u2066\u2069\u200e\u200f\u061c"


def has_controls(text: str) -> bool:
    return any(char in BIDI_CONTROLS for char in text)


def test_the_controls_are_the_bidi_formatting_characters():
    expected = {chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}
    assert expected | {"\u200e", "\u200f", "\u061c"} == set(BIDI_CONTROLS)
    assert without_bidi_controls(f"a{EVERY_CONTROL}b") == "ab"
    assert without_bidi_controls("Zoë \u2013 🙂 عربى") == "Zoë \u2013 🙂 عربى"


def test_a_memo_title_is_saved_without_controls(client_for, staff, db_body):
    response = client_for(staff).post(
        reverse("governance:memo_create"),
        {
            "body": db_body.pk,
            "title": NAUGHTY,
            "author": "Saskia \u202eDuursma",
            "memo_date": "2026-06-19",
            "introduction": "Intro.",
        },
    )
    assert response.status_code == 302
    memo = Memo.objects.get()
    assert memo.title == "Begroting gnp.exe 2027"
    assert memo.author == "Saskia Duursma"


def test_a_persons_name_is_saved_without_controls(client_for, editor_a, partner_a):
    response = client_for(editor_a).post(
        reverse("partners:team", args=[partner_a.pk]),
        {
            "action": "add",
            "name": "\u202eNina Post",
            "email": "nina@example.org",
            "phone": "",
            "role": "manager",
            "version": partner_a.team_version,
        },
    )
    assert response.status_code == 302
    assert Person.objects.get(email="nina@example.org").name == "Nina Post"


def test_agenda_titles_saved_in_bulk_lose_their_controls(client_for, staff, db_body):
    data = meeting_data(db_body) | agenda_data([(NAUGHTY, "", "1", False)])
    response = client_for(staff).post(reverse("governance:meeting_create"), data)
    assert response.status_code == 302
    assert AgendaItem.objects.get().title == "Begroting gnp.exe 2027"


def test_an_uploaded_images_name_loses_its_controls(client_for, staff):
    memo = full_memo(annexes=0)
    response = client_for(staff).post(
        reverse("governance:memo_annex_add", args=[memo.pk]),
        {
            "expected_version": memo.version,
            "caption": "Figuur \u202e1",
            "image": SimpleUploadedFile(
                "kaart\u202egnp.png", image_bytes("PNG"), content_type="image/png"
            ),
        },
    )
    assert response.status_code == 302
    annex = memo.annexes.get()
    assert not has_controls(annex.image.name)  # the stored name is a fresh one
    assert annex.caption == "Figuur 1"


def test_an_imported_files_name_loses_its_controls(client_for, staff):
    client = client_for(staff)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    upload = SimpleUploadedFile(
        "partners\u202evsc.csv",
        "\ufeffnaam;soort\nStichting \u202eKansrijk;welzijn\n".encode(),
        content_type="text/csv",
    )
    response = client.post(
        reverse("partners:import_start"), {"kind": "partners", "file": upload}, follow=True
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "partnersvsc.csv" in page
    assert not has_controls(page)  # neither the file name nor the cells
    assert client.post(response.redirect_chain[-1][0]).status_code == 302
    assert Partner.objects.filter(name="Stichting Kansrijk").exists()
