# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""A store this computer remembers: the OS keyring's entry, read once, opened in two steps.

The app shows the meetings list from a ``ListReader`` (sqlcipher3 alone, a few milliseconds)
while the full store layer loads, then ``open_store`` hands the same key to ``Store``. The key
is held in a bytearray that is zeroed as soon as the store has it, or when the start-up is
abandoned (the user locked the window first).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from strategy_meeting.domain.errors import NotAStore

from . import key_slots, keyring_slot
from .layout import DB_FILE, check_before_open, note_remembered
from .list_reader import ListReader

if TYPE_CHECKING:
    from .database import Store


@dataclass
class RememberedKey:
    data_dir: Path
    user: str  # whose entry this is: the account that acts
    key_file: key_slots.KeyFile
    _key: bytearray = field(repr=False)
    _personal: bytearray = field(default_factory=bytearray, repr=False)  # their own key, if kept

    def reader(self) -> ListReader | None:
        """A read-only view for the first screen; None when the key does not open this store
        (a stale entry) or the schema needs a migration first (the full open runs it)."""
        if not any(self._key):
            return None
        try:
            return ListReader.open(self.data_dir / DB_FILE, bytes(self._key))
        except NotAStore:
            return None

    def open_store(self) -> Store | None:
        """The full store (loads SQLAlchemy); None for a stale entry, which means: ask for the
        passphrase. Other failures (a damaged file) raise, as an open by passphrase would."""
        from .database import Store

        if not any(self._key):
            return None
        try:
            return Store.opened_with_key(self.data_dir, bytes(self._key), self.key_file,
                                         user=self.user, personal=bytes(self._personal) or None)
        except NotAStore:
            return None
        finally:
            self.forget()

    def forget(self) -> None:
        for secret in (self._key, self._personal):
            for i in range(len(secret)):
                secret[i] = 0


def find_remembered(data_dir: Path) -> RememberedKey | None:
    """The keyring's entry for the store in ``data_dir``; None when this computer does not
    remember it (or the entry is unreadable): the passphrase it is."""
    kf = check_before_open(data_dir)
    secret = keyring_slot.load_secret(kf.store_id, keyring_slot.DATA_KEY_SLOT)
    found = _parse_entry(secret) if secret else None
    note_remembered(data_dir, found is not None)
    if found is None:
        return None
    user, key, personal = found
    return RememberedKey(data_dir, user, kf, key, personal)


def _parse_entry(secret: str) -> tuple[str, bytearray, bytearray] | None:
    """An entry from before personal keys has none: that start cannot sign until the person
    unlocks once with their passphrase and is remembered again."""
    try:
        data = json.loads(secret)
        key = bytearray.fromhex(data["key"])
        user = str(data["user"])
        personal = bytearray.fromhex(data.get("personal") or "")
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    if len(key) != 32 or len(personal) not in (0, 32):
        return None
    return user, key, personal
