"""The year page as a screen reader lists it: every region has a name of its own."""

import re
from collections import Counter

from django.urls import reverse
from django.utils.html import strip_tags

from tests.reflection.test_sessions import make_year


def region_names(html: str) -> list[str]:
    """The names of the page's <section> regions, from the headings they point at."""
    names = []
    for ids in re.findall(r'<section\b[^>]*\baria-labelledby="([^"]+)"', html):
        parts = []
        for heading_id in ids.split():
            found = re.search(rf'\bid="{re.escape(heading_id)}"[^>]*>(.*?)</h\d>', html, re.S)
            assert found, f"aria-labelledby points at {heading_id}, which is not on the page"
            parts.append(" ".join(strip_tags(found.group(1)).split()))
        names.append(" ".join(parts))
    return names


def test_year_page_gives_every_region_its_own_name(client_for, outsider):
    """The HET/WIJ/IK sides of three islands: nine regions, each named with its island."""
    make_year()
    response = client_for(outsider).get(reverse("reflection:year_detail", args=[2024]))
    names = region_names(response.content.decode())
    sides = [name for name in names if name.startswith(("HET", "WIJ", "IK"))]
    assert len(sides) == 9  # three islands with three sides each
    repeated = sorted(name for name, count in Counter(names).items() if count > 1)
    assert not repeated, f"regions with the same name: {repeated}"
