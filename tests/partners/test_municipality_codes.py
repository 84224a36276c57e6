"""Municipalities are keyed on their CBS code; a merged municipality points at its successor.
The migration keeps every existing row and gives the known ones their code."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from partners.models import Municipality
from tests.migrating import migrate, migrate_to_latest

BEFORE = [("partners", "0003_commitment_takes_effect_on_its_start_date")]
AFTER = [("partners", "0004_municipality_cbs_code_and_mergers")]


@pytest.mark.django_db(transaction=True)
def test_the_migration_keys_known_rows_on_their_code_and_loses_nothing():
    apps = migrate(BEFORE)
    Old = apps.get_model("partners", "Municipality")
    for name, province in [
        ("Emmen", "Drenthe"),
        ("Gemeente Veendam", "Groningen"),
        ("Eemsdelta", "Groningen"),
        ("Delfzijl", "Groningen"),
        ("Ons Dorp", ""),
    ]:
        Old.objects.create(name=name, province=province)

    apps = migrate(AFTER)
    New = apps.get_model("partners", "Municipality")
    rows = {m.name: (m.cbs_code, m.province) for m in New.objects.all()}
    assert rows == {
        "Emmen": ("GM0114", "Drenthe"),
        "Gemeente Veendam": ("GM0047", "Groningen"),
        "Eemsdelta": ("GM1979", "Groningen"),
        "Delfzijl": ("GM0010", "Groningen"),
        "Ons Dorp": (None, ""),
    }
    delfzijl = New.objects.get(name="Delfzijl")
    assert (delfzijl.successor.name, delfzijl.merged_in) == ("Eemsdelta", 2021)
    assert New.objects.get(name="Emmen").successor is None
    migrate_to_latest()


@pytest.mark.parametrize("code", ["GM114", "gm0114", "PV20", "GM01145", "0114"])
def test_a_code_that_is_not_gm_and_four_digits_is_refused(db, code):
    municipality = Municipality(name="Emmen", cbs_code=code)
    with pytest.raises(ValidationError) as refused:
        municipality.full_clean()
    assert "cbs_code" in refused.value.error_dict


def test_a_code_belongs_to_one_municipality(db):
    Municipality.objects.create(name="Emmen", cbs_code="GM0114")
    with pytest.raises(IntegrityError), transaction.atomic():
        Municipality.objects.create(name="Emmen (dubbel)", cbs_code="GM0114")


def test_a_merger_needs_its_year(db):
    eemsdelta = Municipality.objects.create(name="Eemsdelta", cbs_code="GM1979")
    with pytest.raises(IntegrityError), transaction.atomic():
        Municipality.objects.create(name="Delfzijl", cbs_code="GM0010", successor=eemsdelta)
