# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The data folder's files and the checks made before opening them, apart from the database
layer, so that asking "is there a store here?" or reading the list at start-up loads nothing
of SQLAlchemy."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from strategy_meeting.domain.errors import NotAStore, StoreMissing

if TYPE_CHECKING:
    from .key_slots import KeyFile

SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"

DB_FILE = "store.db"
AUDIT_HEAD_FILE = "audit-head.json"
# Present when the last start found this store remembered in a keyring. A hint for timing
# only (it holds nothing, and a stale one changes how soon the keyring is asked, never what
# is done with the answer): start-up asks the keyring at once when it is there, and only
# after the unlock screen has painted when it is not.
REMEMBERED_HINT_FILE = "remembered.hint"


def store_exists(data_dir: Path) -> bool:
    return (data_dir / DB_FILE).exists()


def remembered_hint(data_dir: Path) -> bool:
    """False for a folder that cannot be looked at: start-up asks before the app can show
    an error, and the store's own checks say what is wrong with the folder."""
    try:
        return (data_dir / REMEMBERED_HINT_FILE).exists()
    except OSError:
        return False


def note_remembered(data_dir: Path, remembered: bool) -> None:
    """Best effort: a folder that cannot be written to simply keeps the slower start."""
    hint = data_dir / REMEMBERED_HINT_FILE
    try:
        if remembered and not hint.exists():
            hint.touch()
        elif not remembered:
            hint.unlink(missing_ok=True)
    except OSError:
        pass


def check_before_open(data_dir: Path) -> KeyFile:
    """The key file, after the checks that name what is wrong with a folder without touching
    it: no store, an empty file, an unencrypted SQLite file."""
    db = data_dir / DB_FILE
    if not db.exists():
        raise StoreMissing(f"There is no store in {data_dir}. Create one with 'init' (or the setup wizard).")
    if db.stat().st_size == 0:
        raise NotAStore(f"{DB_FILE} in {data_dir} is empty: the store is damaged. Restore it from a backup.")
    with open(db, "rb") as fh:
        if fh.read(16) == SQLITE_PLAIN_HEADER:
            raise NotAStore(f"{DB_FILE} is an unencrypted SQLite file, not a Strategy Meeting store.")
    from . import key_slots  # Argon2 and AES-GCM load with the first open, not with the app

    return key_slots.read_key_file(data_dir / key_slots.KEY_FILE_NAME)
