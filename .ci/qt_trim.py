"""The parts of Qt a packaged build leaves out; for pyinstaller.spec and the bare-window build.

Excluding a Python module does not remove the Qt libraries and plugins its hooks collected, so
the binaries and datas of PyInstaller's Analysis are filtered by their destination path too.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

QT_MODULES_USED = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport")  # File > Print

# Plugin folder -> file-name fragments kept ("" keeps the whole folder). Everything else goes.
PLUGINS_KEPT = {
    "printsupport": ("",),  # the system's printers (CUPS on Linux) for File > Print
    # X11, Wayland, headless, Windows, macOS
    "platforms": ("qxcb", "qwayland", "qoffscreen", "qwindows", "qcocoa"),
    "wayland-shell-integration": ("xdg-shell",),  # desktop windows on any Wayland compositor
    "wayland-decoration-client": ("bradient", "adwaita"),  # title bars where none are drawn
    "xcbglintegrations": ("",),  # xcb looks for them at start
    "platforminputcontexts": ("compose", "ibus"),  # dead keys and input methods on Linux
    "styles": ("",),  # the native look on Windows and macOS
    "imageformats": ("qico", "qsvg"),  # the app icon; PNG is built into QtGui
    "iconengines": ("qsvgicon",),
}

_PLUGIN = re.compile(r"(?:^|/)plugins/([^/]+)/([^/]+)$")
_QT_LIBRARY = re.compile(r"(?:^|/)(?:libQt6\w+\.so[.\d]*|Qt6\w+\.dll|Qt\w+\.framework/.*"
                         r"|libpyside6qml[.\w]*)$")
# Mesa's software OpenGL for Windows (20 MB): a Widgets app makes no OpenGL context.
_BINARY_DROPPED = re.compile(r"(?:^|/)opengl32sw\.dll$")
_QT_DATA_DROPPED = re.compile(r"^PySide6/(?:.*/)?(?:translations|qml|metatypes)/")


def excluded_modules() -> list[str]:
    """Every PySide6 module the app does not import, so no hook collects it."""
    import PySide6

    package = Path(PySide6.__file__).parent
    names = {path.name.split(".")[0] for path in package.iterdir()
             if path.name.startswith("Qt") and path.suffix in (".so", ".pyd")}
    return sorted(f"PySide6.{name}" for name in names - set(QT_MODULES_USED))


def _dest(entry) -> str:
    return entry[0].replace(os.sep, "/")


def _plugin_kept(dest: str) -> bool:
    match = _PLUGIN.search(dest)
    if not match:
        return True
    folder, name = match.groups()
    return any(fragment in name for fragment in PLUGINS_KEPT.get(folder, ()))


def _linked(entries, sources) -> set[str]:
    """The sources (real paths) that entries link against, directly or through one another."""
    from PyInstaller.depend.bindepend import get_imports

    found: set[str] = set()
    pending = [os.path.realpath(entry[1]) for entry in entries]
    while pending:
        for _name, library in get_imports(pending.pop()):
            real = library and os.path.realpath(library)
            if real in sources and real not in found:
                found.add(real)
                pending.append(real)
    return found


def _framework(dest: str) -> str | None:
    match = re.search(r"^.*?Qt\w+\.framework/", dest)
    return match and match.group(0)


def trim(binaries, datas):
    """Analysis' binaries and datas less unused plugins, translations, QML, and the libraries
    that only Qt modules or plugins the app leaves out link against."""
    binaries = [entry for entry in binaries if not _BINARY_DROPPED.search(_dest(entry))]
    kept = [entry for entry in binaries if _plugin_kept(_dest(entry))]
    dropped_plugins = [entry for entry in binaries if not _plugin_kept(_dest(entry))]
    sources = {os.path.realpath(entry[1]) for entry in kept}
    # Candidates: any Qt library, and whatever a dropped plugin pulled in (GTK, Wayland, ...).
    candidates = _linked(dropped_plugins, sources) | {
        os.path.realpath(entry[1]) for entry in kept if _QT_LIBRARY.search(_dest(entry))}
    roots = [entry for entry in kept if os.path.realpath(entry[1]) not in candidates]
    needed = _linked(roots, sources)
    unused = [entry for entry in kept if os.path.realpath(entry[1]) in candidates - needed]
    kept = [entry for entry in kept if entry not in unused]
    gone = {_dest(entry) for entry in unused + dropped_plugins}
    frameworks = tuple({_framework(dest) for dest in gone} - {None}
                       - {_framework(_dest(entry)) for entry in kept})

    def data_kept(entry) -> bool:
        dest = _dest(entry)
        target = os.path.normpath(os.path.join(os.path.dirname(dest), entry[1]))
        target = target.replace(os.sep, "/") if entry[2] == "SYMLINK" else dest
        return not (_QT_DATA_DROPPED.search(dest) or not _plugin_kept(dest) or target in gone
                    or (frameworks and (dest.startswith(frameworks)
                                        or target.startswith(frameworks))))

    return kept, [entry for entry in datas if data_kept(entry)]


def without_system_libraries(binaries, names):
    """binaries less the named libraries (the user's system has its own) and the libraries that
    only those load (libcups brings gnutls, krb5, avahi, and through them nettle, gmp,
    p11-kit...): the system's copy of a library must find the system's copies of its own
    dependencies. A library those load counts as needed only where something else of the
    bundle loads it: not where one of them does (gnutls loads nettle), nor only through them."""
    from PyInstaller.depend.bindepend import get_imports

    def imports(path: str) -> set[str]:  # every library path loads, as ldd lists them
        return {os.path.realpath(library) for _name, library in get_imports(path) if library}

    dropped = {os.path.realpath(entry[1]): imports(entry[1]) for entry in binaries
               if os.path.basename(_dest(entry)) in names}
    kept = [entry for entry in binaries if os.path.realpath(entry[1]) not in dropped]
    theirs = set().union(*dropped.values())
    needed = set()
    for entry in kept:
        if os.path.realpath(entry[1]) in theirs:
            continue  # what it loads is libcups' business, unless something else loads it too
        linked = imports(entry[1])
        for library, its_imports in dropped.items():
            if library in linked:
                linked -= its_imports
        needed |= linked
    return [entry for entry in kept if os.path.realpath(entry[1]) not in theirs - needed]
