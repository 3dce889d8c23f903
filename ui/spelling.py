"""Spell checking of written answers, offline: misspelt words get a red wavy underline.

Uses pyspellchecker's English word list, shipped inside the package (never fetched), and the
words of SCOWL's British and American lists it lacks (assets/spelling). US spelling by default;
for a business outside the US, British spellings count as right too, and are offered first.
"""

from __future__ import annotations

import re
import weakref
from functools import cache, lru_cache

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QPalette, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit
from shiboken6 import isValid

from ui.colours import VISIBLE, readable

_WORD = re.compile(r"[A-Za-z][A-Za-z']*[A-Za-z]|[A-Za-z]")
# Words of the trade the general list lacks.
_KNOWN = frozenset((
    "linkedin", "facebook", "instagram", "tiktok", "youtube", "bluesky", "threads", "mastodon",
    "reddit", "whatsapp", "snapchat", "pinterest", "twitter", "hashtag", "hashtags", "repost",
    "reposts", "reposting", "retweet", "livestream", "influencer", "influencers", "intranet",
    "onboarding", "startup", "nda", "ndas", "ftc", "nlrb", "hipaa", "finra", "sec", "llc", "inc",
    "ltd", "plc", "cc", "email", "emails", "online", "offline"))

_state = {"british": False}
MAX_CHECKED = 20_000  # characters of one paragraph that are spell-checked
# Characters of one text box that are spell-checked: a pasted document of 10 MB took 6-15 s to
# check when its box was shown, in pieces each short enough for MAX_CHECKED.
MAX_CHECKED_BOX = 100_000
UNCHECKED = "Spelling is not checked in an answer this long (over 100,000 characters)."
MISSPELT_LINE = "#d32f2f"  # the wavy line's red, made to stand out on the box's background
_highlighters: weakref.WeakSet = weakref.WeakSet()


@cache
def _checker():
    from spellchecker import SpellChecker  # its word list loads on first use (about 0.2 s)

    checker = SpellChecker(language="en", distance=1)
    checker.word_frequency.load_words([*_listed("english.txt"), *_british()])
    return checker


@cache
def _british() -> frozenset[str]:
    """British spellings (colour, cheque, organise): right only for a business outside the US
    (the patterns that turned them into American forms missed cheque, mould, programme...,
    and offered only "color" for "colur"; found by a tester)."""
    return frozenset(_listed("british.txt"))


def _listed(name: str) -> list[str]:
    from smpolicy_desktop.resources import resource_path

    lines = resource_path("assets", "spelling", name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def misspelt(word: str, british: bool | None = None) -> bool:
    """True for a word neither the word list nor the trade list knows."""
    return _misspelt(word, _state["british"] if british is None else british)


@lru_cache(maxsize=65_536)  # a long answer repeats its words: each is looked up once
def _misspelt(word: str, british: bool) -> bool:
    lower = word.lower().strip("'")
    if len(lower) < 2 or lower in _KNOWN or lower.endswith("'s") and lower[:-2] in _KNOWN:
        return False
    known = _checker().known([lower, lower.removesuffix("'s")])
    return not (known if british else known - _british())


def suggestions(word: str, limit: int = 5) -> list[str]:
    """Likely corrections, best first: British spellings first for a business outside the
    US ("colour", then "color"), none for one in it."""
    best = _checker().correction(word.lower())
    others = sorted(_checker().candidates(word.lower()) or [])
    ordered = [w for w in dict.fromkeys([best, *others]) if w and w != word.lower()]
    if _state["british"]:
        ordered.sort(key=lambda w: w not in _british())  # stable: the best of each kind first
    else:
        ordered = [w for w in ordered if w not in _british()]
    return ordered[:limit]


def use_british_spelling(on: bool) -> None:
    """US or British spelling for every text box (from the business's country)."""
    if _state["british"] != on:
        _state["british"] = on
        for highlighter in list(_highlighters):
            if isValid(highlighter):  # its text box may be gone
                highlighter.rehighlight()


def _skipped(text: str, start: int, word: str) -> bool:
    """Names and codes: words with capitals inside (LinkedIn, ACME), and capitalised
    words that do not start a sentence (Dana, Northwind)."""
    if any(c.isupper() for c in word[1:]):
        return True
    if word[0].isupper():
        end = start
        while end and text[end - 1].isspace():  # back over the spaces, not a copy of the text
            end -= 1
        return end > 0 and text[end - 1] not in ".!?:\"'(-"
    return False


class SpellingUnderline(QSyntaxHighlighter):
    """Underlines the misspelt words of one text box, in a red that stands out on the box's
    background, whatever the desktop's theme and when it changes: a fixed red measured 2.8:1
    on a dark theme's box, where WCAG asks 3:1 of a line."""

    def __init__(self, box: QPlainTextEdit):
        super().__init__(box.document())
        self.format = QTextCharFormat()
        self.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._follow(box.palette())
        box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.PaletteChange and isinstance(watched, QPlainTextEdit):
            self._follow(watched.palette())
        return False

    def _follow(self, palette: QPalette) -> None:
        colour = readable(MISSPELT_LINE, palette.color(QPalette.ColorRole.Base), VISIBLE)
        if colour != self.format.underlineColor():
            self.format.setUnderlineColor(colour)
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if len(text) > MAX_CHECKED or self.document().characterCount() > MAX_CHECKED_BOX:
            return  # a pasted megabyte: checking it at each key, or when shown, would lag
        for match in _WORD.finditer(text):
            word = match.group()
            if not _skipped(text, match.start(), word) and misspelt(word):
                self.setFormat(match.start(), len(word), self.format)


def underline_misspellings(box: QPlainTextEdit) -> SpellingUnderline:
    highlighter = SpellingUnderline(box)
    _highlighters.add(highlighter)
    return highlighter
