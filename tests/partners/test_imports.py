"""Import of partners and people: upload, preview with row errors, confirm all or nothing."""

import io

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from avk.models import AuditEntry
from partners.models import Commitment, Partner, Person
from partners.selectors import imports
from partners.views.imports import SESSION_KEY
from tests.factories import UserFactory, package_of
from tests.partners.factories_imports import (
    MunicipalityFactory,
    PackageFactory,
    csv_upload,
    shared_strings,
    workbook_with,
    xlsx_upload,
)

START = reverse("partners:import_start")
PARTNER_CSV = (
    "\ufeffnaam;soort;gemeente;website;pakket\n"
    "Stichting Kansrijk;welzijn;veendam;www.kansrijk.nl;B\n"
    "partner a;zorg;;;A\n"
)
PEOPLE_HEADER = ["name", "email", "phone", "partner", "experience_expert"]


@pytest.fixture
def region(db):
    MunicipalityFactory(name="Veendam")
    MunicipalityFactory(name="Stadskanaal")
    for code in "ABC":
        PackageFactory(code=code)


@pytest.fixture
def staff_client(client, staff, region):
    client.force_login(staff)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def counts():
    return (
        Partner.objects.count(),
        Person.objects.count(),
        AuditEntry.objects.count(),
        Commitment.objects.count(),
    )


def upload(client, kind, file):
    return client.post(START, {"kind": kind, "file": file})


def preview_url(response):
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


def file_errors(response) -> list[str]:
    assert response.status_code == 200
    return response.context["form"].errors.get("file", [])


def message_texts(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


# --- happy paths -----------------------------------------------------------------------


def test_partners_csv_preview_then_confirm(staff_client, staff, partner_a):
    url = preview_url(upload(staff_client, "partners", csv_upload(PARTNER_CSV)))
    before = counts()

    preview = staff_client.get(url)
    assert preview.status_code == 200
    assert preview.context["can_confirm"]
    actions = [row["result"].action for row in preview.context["rows"]]
    assert actions == ["create", "update"]
    assert [row["result"].number for row in preview.context["rows"]] == [2, 3]
    assert counts() == before  # the preview saves nothing

    response = staff_client.post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("partners:partner_list")
    assert message_texts(response) == ["2 partners imported (1 new, 1 updated)."]

    new = Partner.objects.get(name="Stichting Kansrijk")
    assert new.kind == "welzijn"
    assert new.municipality.name == "Veendam"
    assert new.website == "https://www.kansrijk.nl"
    assert package_of(new).code == "B"
    partner_a.refresh_from_db()
    assert partner_a.kind == "zorg"
    assert package_of(partner_a).code == "A"
    # Packages go into the commitment history, never overwrite it.
    assert Commitment.objects.filter(partner=partner_a, package__code="A").exists()
    created = AuditEntry.objects.get(action="import.partner_created")
    assert created.group == f"partner:{new.pk}"
    assert created.actor == staff
    updated = AuditEntry.objects.get(action="import.partner_updated")
    assert updated.group == f"partner:{partner_a.pk}"
    assert updated.changes["kind"] == ["welzijn", "zorg"]
    # The batch is used up.
    assert SESSION_KEY not in staff_client.session
    assert staff_client.get(url).status_code == 404


def test_partners_xlsx_with_english_headers(staff_client):
    file = xlsx_upload(
        [
            ["Name", "Kind", "Municipality", "Website", "Package"],
            ["GGD Groningen", "Care", "Stadskanaal", "https://ggd.example", None],
            [None, None, None, None, None],  # blank rows are skipped
            ["Lefier", "wonen", None, None, "c"],
        ]
    )
    url = preview_url(upload(staff_client, "partners", file))
    preview = staff_client.get(url)
    assert [r["result"].number for r in preview.context["rows"]] == [2, 4]
    response = staff_client.post(url)
    assert response.status_code == 302
    assert Partner.objects.get(name="GGD Groningen").kind == "zorg"
    assert package_of(Partner.objects.get(name="Lefier")).code == "C"


def test_people_csv_preview_then_confirm(staff_client, staff, partner_a):
    text = (
        "naam,e-mail,telefoon,organisatie,ervaringsdeskundige\n"
        "Anja de Vries,Anja@Example.org,0598 123456,Partner A,ja\n"
        "Piet Bos,,,,nee\n"
        'Henk Smit,henk@example.org,"+31 6 1234 5678",partner a,\n'
    )
    url = preview_url(upload(staff_client, "people", csv_upload(text)))
    assert staff_client.get(url).context["can_confirm"]
    response = staff_client.post(url)
    assert message_texts(response) == ["3 people imported."]
    anja = Person.objects.get(email="anja@example.org")
    assert anja.partner == partner_a
    assert anja.is_experience_expert
    assert anja.phone == "0598 123456"
    assert Person.objects.get(name="Piet Bos").partner is None
    entries = AuditEntry.objects.filter(action="import.person_created")
    assert entries.count() == 3
    assert entries.get(object_id=str(anja.pk)).group == f"partner:{partner_a.pk}"
    assert entries.get(object_repr="Piet Bos").group == ""


def test_people_xlsx(staff_client, partner_a):
    file = xlsx_upload(
        [
            PEOPLE_HEADER,
            ["Marleen Kuiper", "marleen@example.org", 598123456, "Partner A", True],
        ]
    )
    url = preview_url(upload(staff_client, "people", file))
    assert staff_client.post(url).status_code == 302
    marleen = Person.objects.get(email="marleen@example.org")
    assert marleen.phone == "598123456"
    assert marleen.is_experience_expert


# --- row errors block the import ---------------------------------------------------------


def preview_errors(client, kind, file):
    url = preview_url(upload(client, kind, file))
    preview = client.get(url)
    assert preview.status_code == 200
    return url, preview, {(e["row"], e["column"]): e["message"] for e in preview.context["errors"]}


def test_partner_row_errors_are_shown_and_block_confirm(staff_client, partner_a):
    text = (
        "naam;soort;gemeente;website;pakket\n"
        "Goed;welzijn;;;\n"
        ";welzijn;;;\n"
        "Onbekende soort;bakkerij;;;\n"
        "Verkeerd pakket;zorg;;;Z\n"
        "Verkeerde gemeente;zorg;Atlantis;;\n"
        "Verkeerde site;zorg;;http://;\n"
        "Goed;zorg;;;\n"
        f"{'x' * 201};zorg;;;\n"
    )
    before = counts()
    url, preview, errors = preview_errors(staff_client, "partners", csv_upload(text))
    assert not preview.context["can_confirm"]
    assert errors[(3, "naam")] == "Fill in the name of the organisation."
    assert errors[(4, "soort")].startswith("Unknown kind “bakkerij”.")
    assert errors[(5, "pakket")] == (
        "The package “Z” does not exist. Choose A, B, C or leave it empty."
    )
    assert "Atlantis" in errors[(6, "gemeente")]
    assert errors[(7, "website")] == "Enter a valid web address."
    assert errors[(8, "naam")] == "This organisation is also in row 2 of the file."
    assert errors[(9, "naam")].startswith("At most 200 characters")
    page = preview.content.decode()
    assert "Z” does not exist" in page
    assert "Import 8 rows" not in page  # no confirm button

    # A forged confirmation is refused, and nothing is saved.
    response = staff_client.post(url)
    assert response.status_code == 400
    assert counts() == before


def test_people_row_errors(staff_client, partner_a):
    Person.objects.create(name="Bestaand", email="bestaand@example.org")
    text = (
        "name;email;phone;partner;experience_expert\n"
        "Fout adres;geen-adres;;;\n"
        "Dubbel in portaal;BESTAAND@example.org;;;\n"
        "Eerste;twee@example.org;;;\n"
        "Tweede;twee@example.org;;;\n"
        "Onbekende partner;p@example.org;;Nergens BV;\n"
        "Vreemd;v@example.org;;;misschien\n"
    )
    before = counts()
    url, _preview, errors = preview_errors(staff_client, "people", csv_upload(text))
    assert errors[(2, "email")] == "“geen-adres” is not a valid e-mail address."
    assert errors[(3, "email")].startswith("Duplicate person")
    assert errors[(5, "email")] == "Duplicate person: this e-mail address is also in row 4."
    assert "Nergens BV" in errors[(6, "partner")]
    assert errors[(7, "experience_expert")].startswith("Fill in ja or nee")
    assert (4, "email") not in errors
    assert staff_client.post(url).status_code == 400
    assert counts() == before


def test_confirm_rechecks_and_saves_nothing_when_the_database_changed(staff_client):
    text = "name;email\nEen;een@example.org\nTwee;twee@example.org\n"
    url = preview_url(upload(staff_client, "people", csv_upload(text)))
    assert staff_client.get(url).context["can_confirm"]
    # Meanwhile someone adds the second person by hand.
    Person.objects.create(name="Twee", email="twee@example.org")
    before = counts()
    response = staff_client.post(url)
    assert response.status_code == 400
    assert response.context["errors"][0]["row"] == 3
    assert counts() == before
    assert not Person.objects.filter(email="een@example.org").exists()


def test_a_failure_while_saving_rolls_back_every_row(staff_client, monkeypatch):
    text = "name;email\nEen;een@example.org\nTwee;twee@example.org\nDrie;drie@example.org\n"
    url = preview_url(upload(staff_client, "people", csv_upload(text)))
    original = Person.full_clean
    calls = []

    def failing_full_clean(self, *args, **kwargs):
        calls.append(self.name)
        if len(calls) == 3:
            raise ValidationError("disk full")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Person, "full_clean", failing_full_clean)
    before = counts()
    response = staff_client.post(url)
    assert response.status_code == 400
    assert "Row 4 could not be saved" in " ".join(message_texts(response))
    assert counts() == before


# --- bad files: a clear message, nothing saved --------------------------------------------


def assert_refused(client, kind, file, expected: str):
    before = counts()
    response = upload(client, kind, file)
    errors = file_errors(response)
    assert any(expected in error for error in errors), errors
    assert SESSION_KEY not in client.session
    assert counts() == before


def test_csv_in_the_wrong_encoding(staff_client):
    text = "naam;soort;gemeente\nGemeente Veenkoloniën;gemeente;Veendam\n"
    assert_refused(
        staff_client,
        "partners",
        csv_upload(text, encoding="cp1252"),
        "The file is not in UTF-8",
    )


def test_excel_with_a_wrong_header(staff_client):
    file = xlsx_upload([["Organisatie naam", "Type organisatie"], ["X", "zorg"]])
    assert_refused(staff_client, "partners", file, "Expected: naam (name), soort (kind)")


def test_people_file_uploaded_as_partners_names_the_columns(staff_client):
    file = csv_upload("naam;e-mail\nAnja;anja@example.org\n")
    assert_refused(staff_client, "partners", file, "missing: soort (kind)")


def test_excel_with_ten_thousand_rows(staff_client):
    rows = [["naam", "soort"]] + [[f"Partner {n}", "zorg"] for n in range(10_001)]
    assert_refused(staff_client, "partners", xlsx_upload(rows), "more than 1,000 rows")


def test_csv_with_too_many_rows(staff_client):
    text = "name;email\n" + "".join(f"P{n};p{n}@example.org\n" for n in range(1001))
    assert_refused(staff_client, "people", csv_upload(text), "more than 1,000 rows")


def test_exactly_the_row_limit_is_fine(db, region):
    text = "name;kind\n" + "".join(f"P{n};zorg\n" for n in range(imports.MAX_ROWS))
    table = imports.read_upload(csv_upload(text), imports.PARTNERS)
    assert len(table.rows) == imports.MAX_ROWS


def test_a_small_workbook_that_unpacks_to_millions_of_strings(staff_client):
    file = workbook_with({"xl/sharedStrings.xml": shared_strings(2_000_000)})
    assert_refused(staff_client, "partners", file, "too large or too complex to read")


def test_a_long_cell_is_named_not_cut(staff_client):
    text = "naam;soort\n" + "x" * 1001 + ";zorg\n"
    assert_refused(staff_client, "partners", csv_upload(text), "Row 2, column naam")


def test_random_bytes_named_xlsx(staff_client):
    file = SimpleUploadedFile("partners.xlsx", bytes(range(256)) * 20)
    assert_refused(staff_client, "partners", file, "could not be read as an Excel workbook")


def test_a_zip_that_is_not_a_workbook(staff_client):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    file = SimpleUploadedFile("partners.xlsx", buffer.getvalue())
    assert_refused(staff_client, "partners", file, "could not be read as an Excel workbook")


def test_binary_file_named_csv(staff_client):
    file = SimpleUploadedFile("partners.csv", b"\x00\x01\x02naam;soort")
    assert_refused(staff_client, "partners", file, "This is not a CSV file")


def test_other_extensions_are_refused(staff_client):
    assert_refused(
        staff_client, "partners", SimpleUploadedFile("partners.pdf", b"%PDF-1.4"), ".xlsx"
    )
    assert_refused(
        staff_client, "partners", SimpleUploadedFile("partners.xls", b"\xd0\xcf\x11\xe0"), ".xls"
    )


def test_too_large_file(staff_client):
    text = "naam;soort\n" + "x" * (2 * 1024 * 1024)
    assert_refused(staff_client, "partners", csv_upload(text), "larger than 2 MB")


def test_empty_file_and_header_only(staff_client):
    assert_refused(staff_client, "partners", csv_upload(""), "empty")
    assert_refused(staff_client, "partners", csv_upload("\n;;\n"), "The file is empty")
    assert_refused(staff_client, "partners", csv_upload("naam;soort\n"), "no rows to import")


def test_unclosed_quote(staff_client):
    assert_refused(
        staff_client, "partners", csv_upload('naam;soort\n"Kapot;zorg\n'), "quote is not closed"
    )


def test_comma_delimited_csv_without_bom(db, region):
    table = imports.read_upload(csv_upload("Name,Kind\nLefier,wonen\n"), imports.PARTNERS)
    assert table.rows == [{"number": 2, "values": {"name": "Lefier", "kind": "wonen"}}]
    assert table.headers == {"name": "Name", "kind": "Kind"}


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=400), name=st.sampled_from(["f.csv", "f.xlsx"]))
def test_any_bytes_give_rows_or_a_clear_message(region, data, name):
    try:
        table = imports.read_upload(SimpleUploadedFile(name, data), imports.PEOPLE)
    except imports.ImportFileError as error:
        assert error.message
    else:
        imports.validate_rows(table.kind, table.rows, table.headers)


# --- who may do it ---------------------------------------------------------------------------


def test_a_batch_belongs_to_the_session_and_user_that_made_it(staff_client, editor_a):
    url = preview_url(upload(staff_client, "partners", csv_upload(PARTNER_CSV)))
    other_staff = Client()
    other_staff.force_login(UserFactory(email="other.staff@example.org", is_staff=True))
    assert other_staff.get(url).status_code == 404
    assert other_staff.post(url).status_code == 404
    assert not Partner.objects.filter(name="Stichting Kansrijk").exists()

    # Even within the same session, another user cannot use the batch.
    session = staff_client.session
    session[SESSION_KEY]["user"] = editor_a.pk + 10_000
    session.save()
    assert staff_client.get(url).status_code == 404
    made_up = reverse("partners:import_preview", args=["made-up"])
    assert staff_client.get(made_up).status_code == 404


def test_non_staff_cannot_upload_preview_or_confirm(staff_client, personas, client_for):
    url = preview_url(upload(staff_client, "partners", csv_upload(PARTNER_CSV)))
    batch = url.rstrip("/").rsplit("/", 1)[-1]
    before = counts()
    for persona in ["editor_a", "editor_b", "db_member", "sg_member", "outsider"]:
        client = client_for(personas[persona])
        # Plant the staff user's batch in this session: rights are checked first.
        session = client.session
        session[SESSION_KEY] = {"id": batch, "user": personas[persona].pk}
        session.save()
        forged_upload = {"kind": "partners", "file": csv_upload(PARTNER_CSV)}
        assert client.post(START, forged_upload).status_code == 403
        assert client.get(url).status_code == 403
        assert client.post(url).status_code == 403
    anonymous = client_for(None)
    assert anonymous.post(url).status_code == 302
    assert counts() == before


def test_start_page_renders(staff_client):
    response = staff_client.get(START)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert "ervaringsdeskundige" in page
