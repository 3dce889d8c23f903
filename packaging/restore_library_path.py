"""PyInstaller runtime hook (Linux): programs the app starts get the user's environment back.

The bundle's loader puts _internal/ first in LD_LIBRARY_PATH; xdg-open, gio or LibreOffice must not
load our copies of glib or libstdc++ (PyInstaller's documented LD_LIBRARY_PATH recipe). Its
_PYI_* variables tell a program that it is a process of this bundle: once started, the app needs
them no more. (What PyInstaller's Qt hook and PySide6 set after this hook, QT_PLUGIN_PATH and
the like, main.py takes out: see leave_bundle_environment.)
"""

import os

_original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
if _original is not None:
    os.environ["LD_LIBRARY_PATH"] = _original
else:
    os.environ.pop("LD_LIBRARY_PATH", None)
for _name in [name for name in os.environ if name.startswith("_PYI_")]:
    del os.environ[_name]
