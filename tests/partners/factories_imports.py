"""Factories and file builders for the import/export tests."""

import io

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
