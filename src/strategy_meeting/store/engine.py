# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Open the SQLCipher database through SQLAlchemy with a raw 32-byte key.

Known trap (issue 2): SQLAlchemy's ``sqlite+pysqlcipher`` dialect sends an empty
``PRAGMA key`` when the key is not in the URL, so we hand SQLAlchemy a ``creator`` that keys
every connection first. A wrong key only fails at the first read, so each new connection runs
a probe query straight after keying.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3

from strategy_meeting.domain.errors import NotAStore, StoreCorrupted, StoreReadOnly, StoreWriteFailed

from .layout import SQLITE_PLAIN_HEADER

if TYPE_CHECKING:
    from sqlalchemy import Engine

# SQLAlchemy is imported where an engine is made, not with this module: the list reader
# (list_reader.py) opens the same file through sqlcipher3 alone, before SQLAlchemy has loaded.

KEY_BYTES = 32
WRITABLE_TRANSACTION = "strategy_meeting.writable"  # connection.info: began with the write lock
PAGE_SIZE = 4096  # SQLCipher 4's default; every store file is a whole number of pages

# SQLAlchemy logs statements at INFO and every result row at DEBUG through the shared
# ``sqlalchemy.engine.Engine`` logger, so a DEBUG log configuration would copy record content
# (names, contributions) into a plaintext log file. The store's engines log to this logger
# instead, which is switched off for good (security test 11).
_SILENT_SQL_LOGGER = logging.getLogger("strategy_meeting.store.sql")
_SILENT_SQL_LOGGER.disabled = True
_SILENT_SQL_LOGGER.propagate = False


class _DropEverything(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return False


# Setting ``engine.echo = True`` (a debugging habit) swaps in SQLAlchemy's own logger again;
# this filter on that logger drops its records too. The store owns every engine in the app.
logging.getLogger("sqlalchemy.engine.Engine").addFilter(_DropEverything())


def raw_key_literal(key: bytes) -> str:
    """SQLCipher's raw-key form, ``x'<64 hex>'``: no KDF on every open (the passphrase KDF
    runs once, in key_slots). Bind it as a parameter where the statement allows one."""
    if len(key) != KEY_BYTES:
        raise ValueError("the database key must be 32 bytes")
    return f"x'{key.hex()}'"


def _pragma_key(key: bytes) -> str:
    return f'PRAGMA key = "{raw_key_literal(key)}"'


def connect_raw(path: Path, key: bytes, *, probe: bool = True, read_only: bool = False) -> sqlcipher3.Connection:
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
        if read_only:
            conn.execute("PRAGMA query_only = ON")  # SQLite itself refuses every write
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise _classify_open_error(path, key, exc) from None
    return conn


def _opens_with_sqlcipher3_settings(path: Path, key: bytes) -> bool:
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(_pragma_key(key))
        conn.execute("PRAGMA cipher_compatibility = 3")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()


def _classify_open_error(path: Path, key: bytes, exc: Exception) -> Exception:
    """Say which of the ways a file can fail to open this is: each has its own remedy
    (security test 37). Only reads the file; never changes it."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        size, head = 0, b""
    if head == SQLITE_PLAIN_HEADER:
        return NotAStore(f"{path.name} is an unencrypted SQLite file, not a Strategy Meeting store.")
    if "not a database" in str(exc) and _opens_with_sqlcipher3_settings(path, key):
        return NotAStore(
            f"{path.name} uses the older SQLCipher 3 encryption settings, which Strategy "
            "Meeting never writes: it was not made by this application. Nothing was changed."
        )
    if size % PAGE_SIZE:
        return StoreCorrupted(
            f"{path.name} is not a whole number of pages: it was cut short (an interrupted copy "
            "or a full disk) or it is not a store at all. Restore it from a backup."
        )
    if "not a database" in str(exc):
        return NotAStore(
            f"{path.name} cannot be read with the key from the key file: the two files do not "
            "belong together, or the store's first page is damaged. Restore it from a backup."
        )
    return damaged(exc)


def damaged(exc: BaseException) -> StoreCorrupted:
    """The message for a page that fails its check or a malformed file, found in use."""
    detail = str(getattr(exc, "orig", None) or exc).strip()
    return StoreCorrupted(
        f"The store is damaged ({detail}). Nothing more was written; restore it from a "
        "backup (see 'restore' in the administrator's guide)."
    )


_DAMAGE_SIGNS = ("malformed", "not a database", "hmac", "corrupt")


def as_damage(exc: BaseException) -> StoreCorrupted | None:
    """A database error that means the file is damaged, as a user error; None for anything
    else (a locked database, a constraint, a bug) which keeps its own meaning."""
    orig = getattr(exc, "orig", None) or exc  # SQLAlchemy's DBAPIError wraps the driver's error
    if isinstance(orig, sqlcipher3.DatabaseError) and any(s in str(orig).lower() for s in _DAMAGE_SIGNS):
        return damaged(orig)
    return None


_WRITE_FAILURES = {
    # SQLite's words for ENOSPC (SQLITE_FULL) and a failed write or fsync (SQLITE_IOERR).
    "database or disk is full": "The disk holding the store is full, so nothing was saved. "
                                "Free some space on it and try again.",
    "disk i/o error": "The store could not be written to the disk, so nothing was saved. "
                      "Check the disk and try again.",
}


def as_write_failure(exc: BaseException) -> StoreWriteFailed | None:
    """A write the disk refused, as a user error (security test 35); None for anything else.
    The caller has rolled back, so the message can promise that nothing was saved."""
    orig = getattr(exc, "orig", None) or exc
    if isinstance(orig, sqlcipher3.OperationalError):
        text = str(orig).lower()
        for sign, message in _WRITE_FAILURES.items():
            if sign in text:
                return StoreWriteFailed(message)
    return None


def as_read_only_refusal(exc: BaseException) -> StoreReadOnly | None:
    """A write that a read-only (damaged) store's connection refused, as a user error."""
    orig = getattr(exc, "orig", None) or exc
    if isinstance(orig, sqlcipher3.OperationalError) and "readonly database" in str(orig):
        return read_only_refusal()
    return None


def read_only_refusal() -> StoreReadOnly:
    """What a write to a store found damaged says, whether SQLite or the store refused it."""
    return StoreReadOnly(
        "The store was found damaged and is open read only, so nothing was saved. Restore it "
        "from a backup (File > Restore from backup…, or 'restore' on the command line)."
    )


def create_store_engine(
    path: Path, key: bytes | bytearray, *, read_only: bool = False, went_read_only: Callable[[], bool] | None = None
) -> Engine:
    """An engine whose every pooled connection is keyed and probed.

    ``key`` may be the store's own bytearray: it is read at each connect, so zeroing it on
    lock leaves no live copy of the key in the engine.

    ``BEGIN IMMEDIATE`` takes the write lock at the start of each transaction, so two writers
    never fork the audit chain and a reader never has to upgrade its lock mid-transaction.

    ``went_read_only`` says whether the store has since been found damaged: a session made
    before then may still hold this engine after the store swapped it for a read-only one,
    and its transactions must read only too.
    """

    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import QueuePool

    def creator() -> sqlcipher3.Connection:
        return connect_raw(path, bytes(key), read_only=read_only)

    engine = create_engine(
        "sqlite://",
        creator=creator,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=4,
        hide_parameters=True,
    )
    engine.logger = _SILENT_SQL_LOGGER  # type: ignore[assignment]

    @event.listens_for(engine, "begin")
    def _begin_immediate(conn):  # type: ignore[no-untyped-def]
        # A read-only (damaged) store's connections refuse the write lock: a plain BEGIN reads.
        reads_only = read_only or (went_read_only is not None and went_read_only())
        conn.info[WRITABLE_TRANSACTION] = not reads_only  # UnitOfWork.commit looks
        if reads_only:
            conn.exec_driver_sql("PRAGMA query_only = ON")  # this connection was made writable
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def integrity_problems(path: Path, key: bytes) -> list[str]:
    """Both SQLCipher's page HMAC check and SQLite's structural check; [] means healthy."""
    conn = connect_raw(path, key)
    try:
        problems = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
        try:
            result = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
        except sqlcipher3.DatabaseError as exc:
            # A page that fails its HMAC makes the structural check stop with an error
            # instead of a row: that is a finding, not a crash.
            result = [f"integrity_check stopped: {exc}"]
        if result != ["ok"]:
            problems.extend(result)
        return problems
    finally:
        conn.close()
