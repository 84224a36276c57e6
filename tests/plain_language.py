"""Plain Dutch (B1) checks shared by the catalogue test and the page tests.

Dutch public bodies write at B1 level, and experience experts and partners' practitioners
read these pages, often on a phone: short sentences, common words, and a word that cannot be
avoided is explained where it stands.
"""

import re
from html.parser import HTMLParser

# Words a reader at B1 level does not know, with the plain words to use instead. "quorum" is
# allowed only as "(quorum)", right after its plain explanation ("minimum aantal stemmers").
JARGON = {
    r"stemgerechtigd\w*": "mag stemmen / mensen die mogen stemmen",
    r"quorum\w*": "genoeg mensen hebben gestemd / minimum aantal stemmers (quorum)",
    r"AVK-proof": "klaar om mee te werken aan de AVK",
    r"randvoorwaarde\w*": "voorwaarden",
    r"jouw zetels": "de groepen waar je in zit",
    r"zetelhouder\w*": "wie in de groep zit",
    r"zetelrol\w*": "rollen",
    r"ter stemming": "om over te stemmen",
    r"middels": "met",
    r"teneinde": "om",
    r"alsmede": "en",
    r"desgewenst": "als je wilt",
    r"onderhavig\w*": "deze",
    r"ten behoeve van": "voor",
}
EXPLAINED = re.compile(r"\(quorum\)", re.IGNORECASE)
_JARGON = re.compile(r"\b(?:" + "|".join(JARGON) + r")", re.IGNORECASE)
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|\{\w*\}|%%")
TAG = re.compile(r"<[^>]+>")
# A sentence ends at . ! ? followed by a space or the end, or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[^\W_]+(?:[-'\u2019./:][^\W_]+)*")


def jargon(text: str) -> list[str]:
    """The jargon words in `text` (an explained "(quorum)" is fine)."""
    return _JARGON.findall(EXPLAINED.sub("", text))


def sentences(text: str) -> list[str]:
    """The sentences of a text, markup and placeholders left out."""
    text = PLACEHOLDER.sub("X", TAG.sub(" ", text))
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def word_count(sentence: str) -> int:
    return len(_WORD.findall(sentence))


def long_sentences(text: str, limit: int) -> list[str]:
    """The sentences of `text` with more than `limit` words."""
    return [s for s in sentences(text) if word_count(s) > limit]


class _MainText(HTMLParser):
    """The visible text of <main>, one line per block, without scripts and hidden parts."""

    BLOCKS = {
        "p",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "td",
        "th",
        "dt",
        "dd",
        "div",
        "section",
        "summary",
        "label",
        "legend",
        "button",
        "a",
        "br",
        "caption",
        "tr",
    }
    SKIP = {"script", "style", "template"}

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.depth += 1
        if tag in self.SKIP:
            self.skip += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth -= 1
        if tag in self.SKIP:
            self.skip -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


def main_text(html: str) -> str:
    """What a reader sees in the page's <main>, one block a line."""
    parser = _MainText()
    parser.feed(html)
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


# Pages are read on a phone by everyone who votes or updates a partner: stricter than the
# catalogue's 25 words a sentence.
PAGE_MAX_WORDS = 20


def assert_plain_page(html: str, limit: int = PAGE_MAX_WORDS) -> str:
    """The page's main text, after checking it has no jargon and no long sentences."""
    text = main_text(html)
    assert not jargon(text), f"jargon on the page: {jargon(text)}\n{text}"
    assert not long_sentences(text, limit), long_sentences(text, limit)
    return text
