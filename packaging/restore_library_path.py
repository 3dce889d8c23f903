"""PyInstaller runtime hook (Linux): programs the app starts get the user's library path back.

The bundle's loader puts _internal/ first in LD_LIBRARY_PATH; xdg-open, gio or LibreOffice must not
load our copies of glib or libstdc++ (PyInstaller's documented LD_LIBRARY_PATH recipe).
"""

import os

_original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
if _original is not None:
    os.environ["LD_LIBRARY_PATH"] = _original
else:
    os.environ.pop("LD_LIBRARY_PATH", None)
