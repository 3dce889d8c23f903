"""The app's own colours, worked out from the palette they are drawn on: the red of an answer
not saved, the orange of a risk mark, the grey of help text, a severity's colour in a list, a
notice strip's amber, the frame round what has the keyboard, the area tabs' marks, the line
under a misspelt word.

A dark, light or high-contrast desktop theme, or one the desktop switches to while the app
runs, gets each of them readable: at least WCAG's 4.5:1 against what is behind it (3:1 for a
line that is not text).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

READABLE = 4.5  # WCAG 2's least contrast for text of any size
VISIBLE = 3.0  # WCAG 2's least contrast for a line or mark that is not text
MUTED = 0.35  # how far help text's colour goes from the text's towards the background's

Shade = Callable[[QPalette], QColor]  # a text colour, from the palette of what is around it


def luminance(colour: QColor) -> float:
    """WCAG's relative luminance: 0 for black, 1 for white."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    red, green, blue = (linear(c) for c in colour.getRgbF()[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: QColor, other: QColor) -> float:
    """WCAG's contrast ratio, from 1 (the same) to 21 (black on white)."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on the background."""
    white, black = QColor("white"), QColor("black")
    return white if contrast(white, background) > contrast(black, background) else black


def readable(colour: QColor | str, background: QColor, least: float = READABLE) -> QColor:
    """The colour as text on the background: its hue kept, made lighter on a dark background
    or darker on a light one, as little as reads at `least` (as far as white or black)."""
    shade = QColor(colour)
    hue, saturation, lightness, _ = shade.getHslF()
    end = text_on(background).lightnessF()
    for step in range(41):
        shade = QColor.fromHslF(max(hue, 0.0), saturation,
                                lightness + (end - lightness) * step / 40)
        if contrast(shade, background) >= least:
            break
    return shade


def focus_colour(palette: QPalette, background: QColor) -> QColor:
    """The frame that shows where the keyboard is: the theme's highlight colour, made to stand
    out on the background (a high-contrast theme's pale cyan was lost on the white page, and
    the style's faint ring on a dark tab measured 1.2:1)."""
    return readable(palette.color(QPalette.ColorRole.Highlight), background)


def mixed(colour: QColor, other: QColor, share: float) -> QColor:
    """The colour moved `share` of the way to the other."""
    return QColor.fromRgbF(*(a + (b - a) * share for a, b in
                             zip(colour.getRgbF()[:3], other.getRgbF()[:3], strict=True)))


def muted(palette: QPalette) -> QColor:
    """Help text's grey: the text's colour moved MUTED of the way to the window's (the
    placeholder's grey, as help text had until 5 Dec 2026, measured 2.7:1 on the window)."""
    return mixed(palette.color(QPalette.ColorRole.WindowText),
                 palette.color(QPalette.ColorRole.Window), MUTED)


def on_window(colour: QColor | str) -> Shade:
    """A colour of the app's own (a warning's red) as text on the window around it."""
    return lambda palette: readable(colour, palette.color(QPalette.ColorRole.Window))


class ShadedLabel(QLabel):
    """A label in a colour worked out from the palette around it (`shade`), worked out again
    when that palette changes: set once, the help text's grey stayed the light theme's dark
    grey on a window the desktop had since turned dark."""

    def __init__(self, shade: Shade, **options: object):
        super().__init__(**options)
        self.shade = shade
        self._follow()

    def set_shade(self, shade: Shade) -> None:
        self.shade = shade
        self._follow()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ParentChange):
            self._follow()

    def _follow(self) -> None:
        # The palette around the label, not its own: its own holds the colour set last.
        around = self.parentWidget().palette() if self.parentWidget() else \
            QApplication.palette(self)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, self.shade(around))
        self.setPalette(palette)  # the same colour again changes nothing: no loop
