# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The meetings list's first screen, read through sqlcipher3 alone.

SQLAlchemy takes longer to import than Qt takes to show a window, so on a computer that
remembers the store the app reads the first page of the list with this small read-only
connection, shows it, and loads the full store layer meanwhile. The reader answers only what
that screen needs (who is acting, how many meetings, the newest page), through the same SQL
as the repository (list_queries), and refuses a store whose schema is not the current one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import sqlcipher3

from strategy_meeting.domain.listing import MeetingSummary
from strategy_meeting.domain.roles import Role, User

from . import list_queries
from .engine import connect_raw, damaged
from .migrations import HEAD


@contextmanager
def _damage_reported() -> Iterator[None]:
    """A page that fails its check is reported as the store's damage (StoreCorrupted), as the
    full store reports it, never as a raw SQLite error."""
    try:
        yield
    except sqlcipher3.DatabaseError as exc:
        raise damaged(exc) from None


class ListReader:
    def __init__(self, conn: sqlcipher3.Connection) -> None:
        self._conn = conn

    @classmethod
    def open(cls, db_path: Path, key: bytes) -> ListReader | None:
        """None when the schema is not this version's (a migration is due first); raises
        NotAStore when the key does not open the file."""
        conn = connect_raw(db_path, key)
        try:
            conn.execute("PRAGMA query_only = ON")  # this connection never writes
            try:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            except sqlcipher3.DatabaseError:
                row = None
            if row is None or row[0] != HEAD:
                conn.close()
                return None
        except BaseException:
            conn.close()
            raise
        return cls(conn)

    def user(self, name: str) -> User | None:
        with _damage_reported():
            row = self._conn.execute(
                "SELECT name, role, agency, display_name, active, id FROM users WHERE name = ?", (name,)
            ).fetchone()
        if row is None:
            return None
        try:
            role = Role(row[1])
        except ValueError:
            return None
        return User(row[0], role, row[2], row[3], bool(row[4]), row[5])

    def newest_ids(self, limit: int, agency: str | None) -> list[int]:
        with _damage_reported():
            return list_queries.newest_ids(self._conn, limit, agency)

    def count(self, agency: str | None) -> int:
        with _damage_reported():
            return list_queries.count(self._conn, agency)

    def summaries(self, ids: list[int], today: date, agency: str | None) -> list[MeetingSummary]:
        with _damage_reported():
            return list_queries.summaries(self._conn, ids, today, agency)

    def restricted_references(self, ids: list[int]) -> set[str]:
        with _damage_reported():
            return list_queries.restricted_references(self._conn, ids)

    def close(self) -> None:
        self._conn.close()
