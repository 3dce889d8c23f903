"""The window's project file on disk: who else has it open, and whether it changed there.

Qt's QFileSystemWatcher says when to look; the workspace (its stamp of the file, through
smpolicy_desktop.file_watch) decides whether the file changed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal
from PySide6.QtWidgets import QWidget

from smpolicy_desktop.file_watch import OpenLock, Stamp, lock_path, stamp_on_disk
from smpolicy_desktop.workspace import Workspace


class DiskWatch(QObject):
    """Holds the open-lock of the window's file, and watches the file.

    `changed` fires once for each new content another window or program puts in the file,
    `gone` once the file is deleted or moved away.
    read_only: the user chose to look at a file open elsewhere without editing it.
    """

    changed = Signal()
    gone = Signal()

    def __init__(self, window: QWidget, workspace: Workspace):
        super().__init__(window)
        self.window = window
        self.workspace = workspace
        self.read_only = False
        self._lock: OpenLock | None = None
        self._noticed: Stamp | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._file_changed)
        workspace.on("replaced", lambda: self.watch(workspace.path))

    def claim(self, path: Path) -> bool:
        """Before showing or saving to `path`: mark it open here, asking first if another
        window has it open (read-only, edit anyway, cancel). False: the user cancelled."""
        if self._lock is not None and self._lock.path == lock_path(path):
            return True
        holder = OpenLock.holder(path)
        answer = "edit"
        if holder:
            from ui import dialogs

            answer = dialogs.ask_open_elsewhere(self.window, path.name, holder)
        if answer == "cancel":
            return False
        self.release()
        self.read_only = answer == "read_only"
        if not self.read_only:
            self._lock = OpenLock(path)
            self._lock.acquire()  # edit anyway: the other window keeps its lock
        return True

    def watch(self, path: Path | None) -> None:
        """Watch the file the window now shows (just opened, saved or restored)."""
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        self._noticed = None
        if path is not None and path.exists():
            self._watcher.addPath(str(path))

    def _file_changed(self, name: str) -> None:
        path = self.workspace.path
        if path is None or Path(name) != path:
            return
        if not path.exists():
            self.gone.emit()
            return
        if str(path) not in self._watcher.files():
            self._watcher.addPath(str(path))  # a replaced file is watched afresh
        if not self.workspace.changed_on_disk():
            return
        now = stamp_on_disk(path)
        if now != self._noticed:
            self._noticed = now
            self.changed.emit()

    def release(self) -> None:
        """The window closes or moves to another file: others may edit this one."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        self.read_only = False
