"""Dutch first: the default language, the switch, the error pages and a complete catalogue."""

import os
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po"


def test_dutch_by_default_even_for_an_english_browser(client, outsider):
    client.force_login(outsider)
    response = client.get(reverse("home"), headers={"accept-language": "en-US,en;q=0.9"})
    assert response["Content-Language"] == "nl"
    assert 'lang="nl"' in response.content.decode()
    assert "Welkom" in response.content.decode()


def test_language_switch_to_english_is_remembered(client, outsider):
    client.force_login(outsider)
    response = client.post(reverse("language_switch"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    outsider.refresh_from_db()
    assert outsider.language == "en"
    assert "Welcome" in client.get(reverse("home")).content.decode()


def test_error_pages_are_dutch(client, outsider):
    client.force_login(outsider)
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "bestaat niet" in response.content.decode()
    response = client.get(reverse("partners:invitation_list"))
    assert response.status_code == 403
    assert "geen toegang" in response.content.decode().lower()


def test_500_page_renders_on_its_own():
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("nl"):
        html = render_to_string("500.html")
    assert "Er ging iets mis" in html


def test_catalogue_is_complete(tmp_path, settings):
    """Every marked string has a Dutch translation: run makemessages on a copy and look.

    makemessages also writes to a `locale/` folder in the working directory, so it runs
    inside a copy of the source tree and never touches the real catalogue.
    """
    if not shutil.which("msgfmt") or not shutil.which("xgettext"):
        pytest.skip("GNU gettext is not installed (apt-get install gettext)")
    for folder in [
        "avk",
        "partners",
        "governance",
        "reflection",
        "monitoring",
        "library",
        "templates",
        "locale",
    ]:
        shutil.copytree(
            ROOT / folder,
            tmp_path / folder,
            ignore=shutil.ignore_patterns("__pycache__", "migrations"),
        )
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    before = PO.read_bytes()
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        call_command("makemessages", locale=["nl"], no_location=True, no_obsolete=True, verbosity=0)
    finally:
        os.chdir(cwd)
    assert PO.read_bytes() == before, "the real catalogue must not be touched"
    catalogue = polib.pofile(str(tmp_path / "locale" / "nl" / "LC_MESSAGES" / "django.po"))
    untranslated = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert not untranslated, f"Untranslated strings (run `make messages`): {untranslated[:20]}"
    assert not fuzzy, f"Fuzzy translations to check: {fuzzy[:20]}"


def test_compiled_catalogue_matches_the_po_file():
    po = polib.pofile(str(PO))
    mo = polib.mofile(str(PO.with_suffix(".mo")))
    compiled = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in mo}
    for entry in po.translated_entries():
        key = (entry.msgctxt, entry.msgid)
        assert key in compiled, f"not compiled (run `make messages`): {entry.msgid!r}"
        expected = entry.msgstr or {int(k): v for k, v in entry.msgstr_plural.items()}
        got = compiled[key]
        if isinstance(got, dict):
            got = {int(k): v for k, v in got.items()}
        assert got == expected, f"stale translation in .mo for {entry.msgid!r}"


# Plain Dutch says "je", never the formal "u": the words u, uw, uzelf (any case), but not a
# placeholder such as %(u)s or {u}, nor "u" for "uur" after a time ("om 14.00 u").
FORMAL = re.compile(r"(?<![0-9] )\b(?:u|uw|uzelf)\b", re.IGNORECASE)
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|\{\w*\}")


def formal_words(text: str) -> list[str]:
    return FORMAL.findall(PLACEHOLDER.sub("", text))


def test_formal_words_are_found_without_false_alarms():
    assert formal_words("Uw tekst is opgeslagen. Daarna voegt u de secties toe.") == ["Uw", "u"]
    assert formal_words("Kijk zelf, U kunt het uzelf vragen.") == ["U", "uzelf"]
    assert formal_words("Vergadering om 14.00 u in %(u)s, {u} of de ut-lijst, uur, nu") == []


def test_dutch_catalogue_says_je_not_u():
    catalogue = polib.pofile(str(PO))
    formal = {
        entry.msgid: text
        for entry in catalogue.translated_entries()
        for text in [entry.msgstr, *entry.msgstr_plural.values()]
        if formal_words(text)
    }
    assert not formal, f"formal 'u'/'uw' in the Dutch catalogue, write 'je'/'jouw': {formal}"
