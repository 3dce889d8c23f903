"""The window's project file on disk: who else has it open, and whether it changed there.

Qt's QFileSystemWatcher says when to look; the workspace (its stamp of the file, through
smpolicy_desktop.file_watch) decides whether the file changed.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from smpolicy_desktop.file_watch import OpenLock, Stamp, stamp_on_disk
from smpolicy_desktop.workspace import Workspace

QUIET_MS = 200


class DiskWatch(QObject):
    """Holds the open-lock of the window's file, and watches the file.

    `changed` fires once for each new content another window or program puts in the file,
    `gone` once the file is deleted or moved away.
    The workspace's read_only: the user chose to look at a file open elsewhere without
    editing it.
    """

    changed = Signal()
    gone = Signal()

    def __init__(self, window: QWidget, workspace: Workspace):
        super().__init__(window)
        self.window = window
        self.workspace = workspace
        self._lock: OpenLock | None = None
        self._noticed: Stamp | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._file_changed)
        self._watcher.directoryChanged.connect(self._folder_changed)
        # A program writing the file in place says so more than once (emptied, then written):
        # the file is read once it has been still for QUIET_MS, and one question is asked.
        self._quiet = QTimer(self, singleShot=True, interval=QUIET_MS)
        self._quiet.timeout.connect(self._look)
        self._asking = self._again = False  # a receiver's question is open; a change came
        workspace.on("replaced", lambda: self.watch(workspace.path))

    def claim(self, path: Path) -> bool:
        """Before showing or saving to `path`: mark it open here, asking first if another
        window has it open (read-only, edit anyway, cancel). False: the user cancelled."""
        if self._lock is not None and self._lock.marks(path):
            return True
        holder = OpenLock.holder(path)
        answer = "edit"
        if holder:
            from ui import dialogs

            answer = dialogs.ask_open_elsewhere(self.window, path.name, holder)
        if answer == "cancel":
            return False
        self.release()
        self.workspace.read_only = answer == "read_only"
        if not self.workspace.read_only:
            self._lock = OpenLock(path)
            self._lock.acquire()  # edit anyway: the other window keeps its lock
        return True

    def watch(self, path: Path | None) -> None:
        """Watch the file the window now shows (just opened, saved or restored), and its
        folder: a sync client may delete the file and put the other computer's version back a
        moment later, and a file deleted is no longer watched."""
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        self._noticed = None
        if path is not None and os.path.exists(path):
            self._watcher.addPaths([str(path), str(path.parent)])

    def _file_changed(self, name: str) -> None:
        path = self.workspace.path
        if path is None or Path(name) != path:
            return
        if os.path.exists(path) and str(path) not in self._watcher.files():
            self._watcher.addPath(str(path))  # a replaced file is watched afresh
        self._quiet.start()

    def _folder_changed(self, _folder: str) -> None:
        """The file put back after it was deleted: watched again, and looked at. Seen only as
        gone, the window showed the old answers and said nothing until Save (found by a
        tester)."""
        path = self.workspace.path
        if path is not None and os.path.exists(path) and str(path) not in self._watcher.files():
            self._file_changed(str(path))

    def _look(self) -> None:
        """Tell what became of the file, once: while a receiver asks the user about the last
        change (a dialog, whose event loop runs this timer), look again after it answers."""
        if self._asking:
            self._again = True
            return
        path = self.workspace.path
        if path is None:
            return
        self._asking = True
        try:
            if not os.path.exists(path):
                self.gone.emit()
            elif self.workspace.changed_on_disk() and \
                    (now := stamp_on_disk(path)) != self._noticed:
                self._noticed = now
                self.changed.emit()
        finally:
            self._asking = False
        if self._again:
            self._again = False
            self._quiet.start()

    def release(self) -> None:
        """The window closes or moves to another file: others may edit this one."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        self.workspace.read_only = False
