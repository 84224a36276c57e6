"""The pages a partner editor reads are in plain Dutch: the partner page, the covenant
commitment, the AVK team, and the quick scan (the public showcase: tests/monitoring)."""

import pytest
from django.urls import reverse

from tests.partners.factories_quickscan import CriterionFactory
from tests.plain_language import assert_plain_page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name", ["partner_detail", "commitment", "team", "quickscan_fill", "quickscan_history"]
)
def test_the_partner_pages_are_plain(client_for, editor_a, partner_a, name):
    CriterionFactory(text="De organisatie heeft een intern AVK-team")
    response = client_for(editor_a).get(reverse(f"partners:{name}", args=[partner_a.pk]))
    assert response.status_code == 200
    assert_plain_page(response.content.decode())


def test_the_quick_scan_says_what_it_is_for(client_for, editor_a, partner_a):
    CriterionFactory(text="Medewerkers kennen de visie van de AVK en werken ernaar")
    response = client_for(editor_a).get(reverse("partners:quickscan_fill", args=[partner_a.pk]))
    assert "klaar om volgens de AVK-aanpak te werken" in assert_plain_page(
        response.content.decode()
    )
