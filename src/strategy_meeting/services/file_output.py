# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Writing a file the user asked for: whole or not at all."""

from __future__ import annotations

from pathlib import Path

from strategy_meeting.domain.errors import InvalidInput

from .atomic_files import write_atomically


def write_file_atomically(target: Path, data: bytes) -> None:
    """Refuse a folder given as the file, then write whole or not at all (``atomic_files``)."""
    if target.is_dir():
        raise InvalidInput(f"{target} is a folder: give a file name inside it.")
    write_atomically(target, data)
