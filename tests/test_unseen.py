"""The one list of characters the app treats as unseen is Unicode's: every control but the tab,
and every format character (category Cf) but the joiners that emoji and some scripts need.
"""

from __future__ import annotations

import sys
import unicodedata

from smpolicy_desktop.unseen import UNSEEN

JOINERS = {0x200C, 0x200D}


def test_the_unseen_characters_are_the_controls_and_unicodes_format_characters():
    expected = {point for point in range(sys.maxunicode + 1)
                if unicodedata.category(chr(point)) in ("Cc", "Cf")} - JOINERS - {0x09}
    matched = {point for point in range(sys.maxunicode + 1) if UNSEEN.match(chr(point))}
    assert sorted(matched ^ expected) == []  # a newer Unicode adds some: add them to FORMAT
