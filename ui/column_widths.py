"""How a table's columns share its width: each keeps its longest word whole where it can.

One answer for the preview's tables and the form's tables of rows (both broke or cut words
where every word fitted: 'Misinforma' over 'tion', 'Misinformati...').
"""

from __future__ import annotations

import math


def column_widths(words: list[int], lines: list[int], room: int, least: float) -> list[int]:
    """Column widths that add up to `room`, for columns whose longest words and longest cells
    on one line are `words` and `lines` wide. Each column gets its longest word, and the room
    left goes to the columns as their longest cell needs it to fill a line. Too narrow for all
    the longest words, the columns of short words keep theirs, the narrowest first, while each
    of the others keeps `least`; those share what is left, so that only long words (a web
    address, a handle) break."""
    widths = [float(word) for word in words]
    left = room - sum(words)
    if left >= 0:
        more = [line - word for word, line in zip(words, lines, strict=True)]
        total = sum(more)
        widths = [width + left * (gain / total if total else 1 / len(more))
                  for width, gain in zip(widths, more, strict=True)]
    else:
        left = room
        order = sorted(range(len(words)), key=lambda column: words[column])
        for taken, column in enumerate(order):
            others = order[taken + 1:]
            if words[column] + least * len(others) > left:
                for squeezed in order[taken:]:
                    widths[squeezed] = left / (len(others) + 1)
                break
            left -= words[column]
    whole = [math.floor(width) for width in widths]
    whole[-1] += room - sum(whole)  # what rounding down left over
    return whole
