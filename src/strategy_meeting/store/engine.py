# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Open the SQLCipher database through SQLAlchemy with a raw 32-byte key.

Known trap (issue 2): SQLAlchemy's ``sqlite+pysqlcipher`` dialect sends an empty
``PRAGMA key`` when the key is not in the URL, so we hand SQLAlchemy a ``creator`` that keys
every connection first. A wrong key only fails at the first read, so each new connection runs
a probe query straight after keying.
"""

from __future__ import annotations

from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from strategy_meeting.domain.errors import NotAStore, StoreCorrupted

KEY_BYTES = 32
SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"


def _pragma_key(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("the database key must be 32 bytes")
    # Raw key: no KDF on every open (the passphrase KDF runs once, in key_slots).
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect_raw(path: Path, key: bytes, *, probe: bool = True) -> sqlcipher3.Connection:
    """A keyed DB-API connection with our pragmas; raises NotAStore if the key does not fit."""
    conn = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None, timeout=30)
    try:
        # SQLCipher logs to stderr by default; nothing of ours may reach a terminal or a log.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(_pragma_key(key))
        # Temporary tables and sorts stay in memory so no plaintext spills into temp files.
        conn.execute("PRAGMA temp_store = MEMORY")
        # 64 MiB of decrypted page cache per connection: searches over 100,000 meetings touch
        # many pages, and decrypting them again on every keystroke is the expensive part.
        conn.execute("PRAGMA cache_size = -65536")
        if probe:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 30000")
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise _classify_open_error(path, exc) from None
    return conn


def _classify_open_error(path: Path, exc: Exception) -> Exception:
    try:
        head = path.read_bytes()[:16] if path.exists() else b""
    except OSError:
        head = b""
    if head == SQLITE_PLAIN_HEADER:
        return NotAStore(f"{path.name} is an unencrypted SQLite file, not a Strategy Meeting store.")
    if "not a database" in str(exc):
        return NotAStore(
            f"{path.name} cannot be read with this key: it is not a Strategy Meeting store, "
            "or it is damaged. Restore it from a backup."
        )
    return StoreCorrupted(f"The store could not be opened ({exc}). Restore it from a backup.")


def create_store_engine(path: Path, key: bytes) -> Engine:
    """An engine whose every pooled connection is keyed and probed.

    ``BEGIN IMMEDIATE`` takes the write lock at the start of each transaction, so two writers
    never fork the audit chain and a reader never has to upgrade its lock mid-transaction.
    """

    def creator() -> sqlcipher3.Connection:
        return connect_raw(path, key)

    engine = create_engine(
        "sqlite://",
        creator=creator,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=4,
        hide_parameters=True,
    )

    @event.listens_for(engine, "begin")
    def _begin_immediate(conn):  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def integrity_problems(path: Path, key: bytes) -> list[str]:
    """Both SQLCipher's page HMAC check and SQLite's structural check; [] means healthy."""
    conn = connect_raw(path, key)
    try:
        problems = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
        result = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            problems.extend(result)
        return problems
    finally:
        conn.close()
