"""What every import with a preview shares (avk.imports), the decimal field every value form
uses (avk.forms), and the CSV download (avk.csv)."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import ValidationError
from django.http import Http404
from django.test import RequestFactory
from hypothesis import given
from hypothesis import strategies as st

from avk.csv import csv_response
from avk.forms import DecimalField, parse_decimal
from avk.imports import RowResult, batch_get, batch_keep, row_errors
from tests.factories import UserFactory


def request_for(user):
    request = RequestFactory().get("/")
    request.user = user
    request.session = SessionStore()
    return request


def test_a_batch_is_kept_per_session_key_and_found_only_by_its_user(db):
    user = UserFactory()
    request = request_for(user)
    batch = batch_keep(request, "k", filename="x" * 300 + ".csv", data={"rows": [1]})
    stored = batch_get(request, "k", batch)
    assert stored["rows"] == [1] and len(stored["filename"]) == 200
    with pytest.raises(Http404):
        batch_get(request, "k", "other")
    with pytest.raises(Http404):
        batch_get(request, "other-key", batch)
    request.user = UserFactory()
    with pytest.raises(Http404):
        batch_get(request, "k", batch)
    request.user = AnonymousUser()
    with pytest.raises(Http404):
        batch_get(request, "k", batch)


def test_a_new_upload_replaces_the_batch_before(db):
    request = request_for(UserFactory())
    first = batch_keep(request, "k", filename="a.csv", data={})
    second = batch_keep(request, "k", filename="b.csv", data={})
    assert batch_get(request, "k", second)["filename"] == "b.csv"
    with pytest.raises(Http404):
        batch_get(request, "k", first)


def test_row_errors_list_every_error_of_every_row():
    one = RowResult(number=2, values={})
    one.error("naam", "Vul een naam in.")
    two = RowResult(number=3, values={}, action="create")
    assert two.ok
    two.error("jaar", "Fout")
    assert not two.ok and two.action is None
    assert row_errors([one, two]) == [
        {"row": 2, "column": "naam", "message": "Vul een naam in."},
        {"row": 3, "column": "jaar", "message": "Fout"},
    ]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("9,6", "9.6"),
        ("9.6", "9.6"),
        (" 9,6 % ", "9.6"),
        ("1.234,5", "1234.5"),
        ("'-3,25", "-3.25"),
        ("1500", "1500"),
        ("veel", None),
        ("NaN", None),
        ("Infinity", None),
        ("9,6,1", None),
        ("", None),
    ],
)
def test_parse_decimal_reads_dutch_and_english_numbers(text, number):
    assert parse_decimal(text) == (None if number is None else Decimal(number))


@given(st.text(max_size=40))
def test_parse_decimal_never_raises(text):
    number = parse_decimal(text)
    assert number is None or number.is_finite()


def test_the_decimal_field_takes_a_comma_or_a_point():
    field = DecimalField(max_digits=5, decimal_places=2, required=False)
    assert field.clean("9,6") == Decimal("9.6") and field.clean("9.6") == Decimal("9.6")
    assert field.clean("") is None
    with pytest.raises(ValidationError):
        field.clean("veel")
    assert field.widget.attrs["inputmode"] == "decimal"


def test_csv_response_is_a_dated_download():
    response = csv_response("a;b\r\n", "metingen")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="avk-metingen-')
