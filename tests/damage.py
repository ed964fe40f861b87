# SPDX-License-Identifier: LicenseRef-Proprietary
"""Damage a store's file the way a failing disk does, for the read-only and restore tests."""

from __future__ import annotations

from pathlib import Path

from strategy_meeting.store.engine import PAGE_SIZE, connect_raw


def flip_a_bit_in_table(data_dir: Path, key: bytes, table: str = "children") -> tuple[int, bytes]:
    """Flip one bit deep inside ``table``'s root page (not the first page, so the store still
    opens); the WAL is checkpointed first so the page is in the file. Returns the page number
    and the damaged file's bytes."""
    conn = connect_raw(data_dir / "store.db", key)
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    db = data_dir / "store.db"
    data = bytearray(db.read_bytes())
    data[(page - 1) * PAGE_SIZE + 300] ^= 0x04
    db.write_bytes(bytes(data))
    return page, bytes(data)
