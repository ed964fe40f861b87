# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Writing a file the user asked for: whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from strategy_meeting.domain.errors import InvalidInput


def write_file_atomically(target: Path, data: bytes) -> None:
    """Write beside the target and rename into place, so a crash or a full disk never leaves
    a half-written file; a failure to write is the user's to fix (folder, permissions)."""
    if target.is_dir():
        raise InvalidInput(f"{target} is a folder: give a file name inside it.")
    try:
        fd, temp = tempfile.mkstemp(prefix=".partial-", dir=target.parent)
    except FileNotFoundError:
        raise InvalidInput(f"The folder {target.parent} does not exist.") from None
    except PermissionError:
        raise InvalidInput(f"You may not write to the folder {target.parent}.") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
