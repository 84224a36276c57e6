from decimal import Decimal

from django.utils import translation

from resources.templatetags.resources_tags import euro, ratio


def test_euros_in_dutch_and_english():
    with translation.override("nl"):
        assert euro(Decimal("1250000.5")) == "€\xa01.250.000,50"
        assert euro(Decimal("0")) == "€\xa00,00"
        assert euro(None) == ""
        assert ratio(Decimal("2.35")) == "1\xa0:\xa02,35"
    with translation.override("en"):
        assert euro(Decimal("1250000.5")) == "€\xa01,250,000.50"
