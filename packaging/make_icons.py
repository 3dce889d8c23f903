"""Draw the Windows .ico and the macOS .icns from assets/icons/smpolicy.svg (QtSvg renders each
size, Pillow writes the files). Run after changing the SVG: .venv/bin/python packaging/make_icons.py
"""

import io
import os
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "assets" / "icons"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)  # Explorer's sizes at 100-250 % scaling
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)  # Finder's, including Retina


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter needs it
    renderer = QSvgRenderer(str(ICONS / "smpolicy.svg"))
    images = {size: render(renderer, size) for size in {*ICO_SIZES, *ICNS_SIZES}}
    images[256].save(ICONS / "smpolicy.ico", sizes=[(size, size) for size in ICO_SIZES],
                     append_images=[images[size] for size in ICO_SIZES])
    images[1024].save(ICONS / "smpolicy.icns",
                      append_images=[images[size] for size in ICNS_SIZES[:-1]])
    print(f"Wrote {ICONS / 'smpolicy.ico'} and {ICONS / 'smpolicy.icns'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
