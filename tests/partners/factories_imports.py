"""Factories and file builders for the import/export tests."""

import io
import zipfile

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from partners.models import Municipality, Package, TeamMember
from tests.factories import PartnerFactory, PersonFactory


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Gemeente {n}")


class PackageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Package
        django_get_or_create = ("code",)

    code = "A"
    name = factory.LazyAttribute(lambda o: f"Pakket {o.code}")


class TeamMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamMember

    partner = factory.SubFactory(PartnerFactory)
    person = factory.SubFactory(PersonFactory)
    role = "manager"


def csv_upload(text: str, name="import.csv", encoding="utf-8") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def xlsx_upload(rows, name="import.xlsx") -> SimpleUploadedFile:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(
        name,
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


SHARED_STRINGS_TYPE = (
    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
)


def workbook_with(parts: dict[str, list[bytes]], *, extra: int = 0) -> SimpleUploadedFile:
    """A real workbook (naam, soort; one partner) whose parts in `parts` are replaced by
    the given chunks, written as a stream so a huge part never sits in memory; `extra`
    adds that many tiny parts."""
    source = zipfile.ZipFile(xlsx_upload([["naam", "soort"], ["Lefier", "wonen"]]))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename in parts:
                continue
            data = source.read(info.filename)
            if info.filename == "[Content_Types].xml" and b"sharedStrings" not in data:
                data = data.replace(b"</Types>", SHARED_STRINGS_TYPE + b"</Types>")
            archive.writestr(info.filename, data)
        for name, chunks in parts.items():
            with archive.open(name, "w", force_zip64=True) as part:
                for chunk in chunks:
                    part.write(chunk)
        for number in range(extra):
            archive.writestr(f"customXml/item{number}.xml", b"<a/>")
    return SimpleUploadedFile("partners.xlsx", buffer.getvalue())


def shared_strings(count: int) -> list[bytes]:
    head = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    block = b"<si><t>a</t></si>" * 100_000
    return [head, *[block] * (count // 100_000), b"</sst>"]
