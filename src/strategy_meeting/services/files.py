# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Writing the files a user asked for, and a file together with the row that records it: one
module, so there is one way and one order.

**Whole or not at all.** Every export (PDF, JSON, calendar, certificate, backup) is written to
a temporary file in the target's own folder (same file system, so the rename is atomic),
flushed and synced, and only then renamed over the final name (KeePassXC's QSaveFile idea). A
crash leaves the previous complete file, or none, under the final name. Temporary files are
created 0600 with random names that carry no personal data, and are registered in the open
store's data folder while written (``store.work_files``), so the next start removes what a
killed writer left; a later write into the same folder removes old strays no writer holds.

**A file and its row, in this order** (``StagedFile``): stage the file beside its target,
commit the row that records it (the export's audit event, a copy's record), then publish the
file. A refused or failed commit leaves no file; a crash between the commit and the publish
leaves the row and a temporary file the next start removes. So there is never an export on
disk that the record does not know about: for personal data, the worse of the two failures.
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from strategy_meeting.domain.errors import InvalidInput
from strategy_meeting.store import work_files

TEMP_PREFIX = ".strategy-meeting-"
TEMP_SUFFIX = ".part"
# A temporary file younger than this may be in the instant between its creation and its lock;
# an older one is removed only if no live writer holds its lock.
STRAY_MIN_AGE_SECONDS = 600.0


def is_temp_name(name: str) -> bool:
    return name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)


def remove_stray_temps(folder: Path, min_age_seconds: float = STRAY_MIN_AGE_SECONDS) -> int:
    """Remove temporary files left in ``folder`` by a crashed write; returns how many.

    Only our own temporary names are touched, never a finished file, and never one that a
    live writer holds (each writer locks its temporary file for as long as it writes)."""
    removed = 0
    cutoff = time.time() - min_age_seconds
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not is_temp_name(entry.name):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime <= cutoff \
                    and not work_files.is_held(Path(entry.path)):
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed


def explain(error: OSError, target: Path) -> InvalidInput:
    """What went wrong writing ``target``, in the user's words, and what to do."""
    reason = (error.strerror or "input/output error").lower()
    where = f"Could not write '{target.name}' in {target.parent} ({reason})"
    if error.errno == errno.ENOSPC:
        return InvalidInput(f"{where}: the disk is full. Free some space or choose another folder.")
    if isinstance(error, FileNotFoundError):
        return InvalidInput(f"{where}: the folder does not exist. Create it or choose another.")
    if isinstance(error, PermissionError):
        return InvalidInput(f"{where}: Strategy Meeting may not write there. Choose another folder.")
    return InvalidInput(f"{where}: nothing was left half-written. Choose another folder.")


def _check_target(target: Path) -> None:
    if not target.parent.is_dir():
        raise InvalidInput(f"The folder {target.parent} does not exist: create it or choose another.")
    if target.is_dir():
        raise InvalidInput(f"{target} is a folder: give a file name inside it.")


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


class StagedFile:
    """Bytes written and synced beside ``target``, waiting for ``publish()``.

    Use as a context manager: anything but a successful ``publish()`` discards the temporary
    file, so a caller can stage, commit the row that records the file, and only then publish.
    """

    def __init__(self, target: Path, data: bytes) -> None:
        self.target = target = Path(target)
        _check_target(target)
        remove_stray_temps(target.parent)
        try:
            item, fd = work_files.new_file(target.parent, TEMP_PREFIX, TEMP_SUFFIX)
        except OSError as error:
            raise explain(error, target) from None
        self._item: work_files.WorkItem | None = item
        self._temp: Path | None = item.path
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            self.discard()
            raise explain(error, target) from None
        except BaseException:
            self.discard()
            raise

    def publish(self) -> Path:
        """Give the staged bytes the target's name, replacing any file there."""
        if self._temp is None:
            raise RuntimeError("nothing staged")
        try:
            os.replace(self._temp, self.target)
        except OSError as error:
            self.discard()
            raise explain(error, self.target) from None
        self._temp = None
        self._finish()
        _sync_folder(self.target.parent)
        return self.target

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


def write_atomically(target: Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` whole or not at all, with no row to wait for."""
    with StagedFile(target, data) as staged:
        return staged.publish()


@contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """For output too large to hold in memory (a backup): yield a binary file that, on a
    clean exit, replaces ``path`` whole; on an error it is removed and ``path`` is left as it
    was. The temporary file's name is ``handle.name``."""
    path = Path(path)
    _check_target(path)
    folder = path.parent
    remove_stray_temps(folder)
    try:
        item, fd = work_files.new_file(folder, TEMP_PREFIX, TEMP_SUFFIX)
    except OSError as error:
        raise explain(error, path) from None
    tmp = item.path
    try:
        # Opened through the descriptor made private above; ``handle.name`` is still the path.
        with open(tmp, "wb", opener=lambda _name, _flags: fd) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as error:
        item.discard()
        raise explain(error, path) from None
    except BaseException:
        item.discard()
        raise
    finally:
        item.finish()
    _sync_folder(folder)
