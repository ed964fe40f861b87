# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Writing a user-requested export so that the target is either the old file or the whole new one.

The bytes go to a temporary file in the target's own folder (same file system, so the final
``os.replace`` is atomic), are synced, and only then take the target's name. A crash, a full
disk or a refused rename leaves the target as it was and no stray temporary file behind; a
kill leaves one that the next start removes (``store.work_files``). The temporary file is
created 0600 and its name is random and says nothing about its content.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from types import TracebackType

from strategy_meeting.domain.errors import InvalidInput
from strategy_meeting.store import work_files

TEMP_PREFIX = ".strategy-meeting-"
TEMP_SUFFIX = ".part"


def _cannot_write(target: Path, error: OSError) -> InvalidInput:
    reason = error.strerror or "input/output error"
    return InvalidInput(f"Could not write '{target.name}' in {target.parent} ({reason.lower()}): choose another folder.")


class StagedFile:
    """Bytes written and synced beside ``target``, waiting for ``publish()``.

    Use as a context manager: anything but a successful ``publish()`` discards the temporary
    file, so a caller can stage, record the export (audit), and only then publish.
    """

    def __init__(self, target: Path, data: bytes) -> None:
        self.target = target
        folder = target.parent
        if not folder.is_dir():
            raise InvalidInput(f"The folder {folder} does not exist: create it or choose another.")
        if target.is_dir():
            raise InvalidInput(f"{target} is a folder: give a file name inside it.")
        try:
            item, fd = work_files.new_file(folder, TEMP_PREFIX, TEMP_SUFFIX)
        except OSError as error:
            raise _cannot_write(target, error) from None
        self._item: work_files.WorkItem | None = item
        self._temp: Path | None = item.path
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            self.discard()
            raise _cannot_write(target, error) from None
        except BaseException:
            self.discard()
            raise

    def publish(self) -> None:
        """Give the staged bytes the target's name, replacing any file there."""
        if self._temp is None:
            raise RuntimeError("nothing staged")
        try:
            os.replace(self._temp, self.target)
        except OSError as error:
            self.discard()
            raise _cannot_write(self.target, error) from None
        self._temp = None
        self._finish()
        _sync_folder(self.target.parent)

    def discard(self) -> None:
        if self._temp is not None:
            with contextlib.suppress(OSError):
                self._temp.unlink()
            self._temp = None
        self._finish()

    def _finish(self) -> None:
        if self._item is not None:
            self._item.finish()
            self._item = None

    def __enter__(self) -> StagedFile:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.discard()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows (not on Windows)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomically(target: Path, data: bytes) -> None:
    with StagedFile(target, data) as staged:
        staged.publish()
