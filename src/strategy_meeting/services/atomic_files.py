# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Write a file so that a crash never leaves half of it under its final name.

Every export (PDF, JSON, calendar, backup) is written to a temporary file in the target
folder, flushed to disk, and renamed over the final name in one step (KeePassXC's QSaveFile
idea). A crash leaves either nothing or the previous complete file under the final name, plus
perhaps a stray temporary file. With a store open the temporary file is registered in its data
folder (``store.work_files``), so the next start removes it, whatever its age, once its writer
is dead; the next write into the same folder also removes old strays that no writer holds.
Temporary files are created 0600. Their names are random and never derived from the final
name, so they carry no personal data.
"""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from strategy_meeting.domain.errors import UserError
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


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _explain(exc: OSError, path: Path) -> UserError:
    folder = path.parent
    if exc.errno == errno.ENOSPC:
        return UserError(f"The disk holding {folder} is full; {path.name} was not written. Free some space and try again.")
    if isinstance(exc, FileNotFoundError):
        return UserError(f"The folder {folder} does not exist; {path.name} was not written.")
    if isinstance(exc, PermissionError):
        return UserError(f"Strategy Meeting may not write in {folder}; {path.name} was not written. Choose another folder.")
    return UserError(f"{path.name} could not be written in {folder} ({exc.strerror or exc}). Nothing was left half-written.")


@contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """Yield a binary file; on a clean exit it replaces ``path`` whole, on an error it is
    removed and ``path`` is left as it was. The temporary file's name is ``handle.name``."""
    path = Path(path)
    folder = path.parent
    remove_stray_temps(folder)
    try:
        item, fd = work_files.new_file(folder, TEMP_PREFIX, TEMP_SUFFIX)
    except OSError as exc:
        raise _explain(exc, path) from None
    tmp = item.path
    try:
        # Opened through the descriptor made private above; ``handle.name`` is still the path.
        with open(tmp, "wb", opener=lambda _name, _flags: fd) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        item.discard()
        raise _explain(exc, path) from None
    except BaseException:
        item.discard()
        raise
    finally:
        item.finish()
    try:
        _fsync_folder(folder)
    except OSError:
        pass  # the file is complete under its name; only the rename's durability is unconfirmed


def write_atomically(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` whole or not at all. Returns ``path``."""
    with atomic_writer(path) as handle:
        handle.write(data)
    return Path(path)
