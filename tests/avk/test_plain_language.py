"""Plain Dutch in the catalogue: no jargon words, no long sentences."""

from pathlib import Path

import polib

from tests.plain_language import jargon, long_sentences, sentences

PO = Path(__file__).resolve().parents[2] / "locale" / "nl" / "LC_MESSAGES" / "django.po"
MAX_WORDS = 25


def dutch_texts():
    for entry in polib.pofile(str(PO)).translated_entries():
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            if text:
                yield entry.msgid, text


def test_the_checks_find_jargon_and_long_sentences_without_false_alarms():
    assert jargon("3 stemgerechtigde zetels, quorum 2") == ["stemgerechtigde", "quorum"]
    assert jargon("Quickscan AVK-proof: de randvoorwaarden. Jouw zetels") == [
        "AVK-proof",
        "randvoorwaarden",
        "Jouw zetels",
    ]
    assert jargon("Minimum aantal stemmers (quorum)") == []
    assert jargon("Er hebben genoeg mensen gestemd. 3 mensen mogen stemmen.") == []
    assert sentences("Eén zin. Nog <strong>een</strong> zin!\nDerde %(count)s zin") == [
        "Eén zin.",
        "Nog  een  zin!",
        "Derde X zin",
    ]
    assert long_sentences("kort. " + "woord " * 26, 25) == ["woord " * 25 + "woord"]
    assert long_sentences("op 1.5 meter, om 14.00 uur, www.avk.nl is kort", 10) == []


def test_the_dutch_catalogue_has_no_jargon():
    found = {msgid: text for msgid, text in dutch_texts() if jargon(text)}
    assert not found, f"jargon in the Dutch catalogue (see tests/plain_language.py): {found}"


def test_no_dutch_sentence_is_longer_than_25_words():
    found = {msgid: long_sentences(text, MAX_WORDS) for msgid, text in dutch_texts()}
    found = {msgid: long for msgid, long in found.items() if long}
    assert not found, f"sentences over {MAX_WORDS} words, split them: {found}"
