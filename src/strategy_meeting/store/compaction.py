# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""After an erasure, leave no page of the store file holding what was erased (issue 16).

The rows were deleted with ``secure_delete`` on, so the pages they freed were zeroed; the
write-ahead log is then checkpointed and truncated, and ``VACUUM`` rebuilds the file from the
live rows alone (which also drops freelist pages and old cell images that overflowed), then
the log is truncated again. Decrypted with the store key, no page still holds the content.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .engine import connect_raw

if TYPE_CHECKING:
    from .database import Store


def purge_freed_pages(store: Store) -> None:
    store._require_writable()
    conn = connect_raw(store.db_path, store.raw_key_for_backup())
    try:
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        conn.execute("VACUUM")
        busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:  # a reader held the log open: try once more now that VACUUM is done
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        conn.close()
