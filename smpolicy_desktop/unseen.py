"""Characters that change how text reads without being seen, defined once: the command line
prints them as codes, a file name leaves them out, the policy leaves out those that reorder it.
"""

from __future__ import annotations

import re

# Marks that reverse or reorder the text after them: bidi embeddings, overrides and isolates.
REORDERING = "\u202a-\u202e\u2066-\u2069"
# Unicode's format characters (category Cf, Unicode 14 as Python 3.11 has it: direction marks,
# zero-width spaces, the byte-order mark, soft hyphens, tags...), but for the joiners U+200C
# and U+200D, which Persian and Indic words and every joined emoji need. tests/test_unseen.py
# compares it with unicodedata.
FORMAT = ("\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b\u200e\u200f"
          f"{REORDERING}\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
          "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
          "\U000e0020-\U000e007f")
# The line breaks str.splitlines() knows besides "\n" and "\r": the vertical tab (Word's manual
# line break, pasted), the form feed, the file, group and record separators, NEL, and Unicode's
# line and paragraph separators. The model turns them into plain ones; the check ends lines there.
OTHER_LINE_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# Controls but the tab: a new line, ESC or a C1 control moves, recolours or retitles a terminal.
CONTROLS = "\x00-\x08\x0a-\x1f\x7f-\x9f"
UNSEEN = re.compile(f"[{CONTROLS}{FORMAT}]")
