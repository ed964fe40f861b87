# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The meetings list's row queries, written once against a DB-API connection.

Both the SQLAlchemy repository (through its session's driver connection) and the list reader
that runs before SQLAlchemy has loaded use these functions, so the first screen after start-up
and every later one show the same rows, filtered by the same agency rule.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from strategy_meeting.domain.listing import MeetingKind, MeetingStatus, MeetingSummary

# An agency representative sees only meetings their agency takes part in.
_AGENCY_FILTER = " AND m.id IN (SELECT meeting_id FROM meeting_agencies WHERE code = ?)"


class QmarkConnection:
    """A DB-API connection whose driver takes ``%s`` (psycopg, on the team server), made to
    take this module's ``?`` marks, so the list's SQL stays written once. None of the SQL here
    holds a literal question mark."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def execute(self, sql: str, params: Any = ()) -> Any:
        return self._conn.execute(sql.replace("?", "%s"), params)


def _in_list(ids: list[int]) -> str:
    return ",".join("?" * len(ids))


def newest_ids(conn: Any, limit: int, agency: str | None = None) -> list[int]:
    """The first ``limit`` ids of the list's default order: newest meeting first (no date
    last), the same order the repository's ``ids`` gives for ``MeetingQuery()``."""
    sql = "SELECT m.id FROM meetings AS m WHERE 1 = 1"
    params: list[Any] = []
    if agency is not None:
        sql += _AGENCY_FILTER
        params.append(agency)
    sql += " ORDER BY m.held_at DESC, m.id DESC LIMIT ?"
    params.append(limit)
    return [int(r[0]) for r in conn.execute(sql, params).fetchall()]


def count(conn: Any, agency: str | None = None) -> int:
    sql = "SELECT count(*) FROM meetings AS m WHERE 1 = 1"
    params: list[Any] = []
    if agency is not None:
        sql += _AGENCY_FILTER
        params.append(agency)
    return int(conn.execute(sql, params).fetchone()[0])


def summaries(conn: Any, ids: list[int], today: date, agency: str | None = None) -> list[MeetingSummary]:
    """Rows for ``ids`` in the order given; with ``agency``, only that agency's meetings."""
    if not ids:
        return []
    sql = (
        "SELECT m.id, m.reference, m.held_at, m.status, m.kind, m.chair_name, m.child_names "
        f"FROM meetings AS m WHERE m.id IN ({_in_list(ids)})"
    )
    params: list[Any] = list(ids)
    if agency is not None:
        sql += _AGENCY_FILTER
        params.append(agency)
    rows = conn.execute(sql, params).fetchall()
    counts = {
        int(mid): (int(n_open or 0), int(n_overdue or 0))
        for mid, n_open, n_overdue in conn.execute(
            # CASE, not sum(boolean): the same SQL runs on PostgreSQL (the team server, issue 17).
            "SELECT meeting_id, count(id), sum(CASE WHEN due < ? THEN 1 ELSE 0 END) FROM actions "
            f"WHERE meeting_id IN ({_in_list(ids)}) AND status = 'open' GROUP BY meeting_id",
            [today.isoformat(), *ids],
        ).fetchall()
    }
    by_id: dict[int, MeetingSummary] = {}
    for mid, reference, held_at, status, kind, chair_name, child_names in rows:
        n_open, n_overdue = counts.get(int(mid), (0, 0))
        by_id[int(mid)] = MeetingSummary(
            id=int(mid), reference=reference,
            held_at=datetime.fromisoformat(held_at) if held_at else None,
            status=MeetingStatus(status), kind=MeetingKind(kind), chair_name=chair_name,
            child_names=child_names, open_actions=n_open, overdue_actions=n_overdue,
        )
    return [by_id[i] for i in ids if i in by_id]


def restricted_references(conn: Any, ids: list[int]) -> set[str]:
    """Which of ``ids`` are restricted under Article 18 (issue 16), by reference."""
    if not ids:
        return set()
    rows = conn.execute(
        "SELECT m.reference FROM meetings AS m JOIN meeting_governance AS g ON g.meeting_id = m.id "
        f"WHERE g.restricted = ? AND m.id IN ({_in_list(ids)})", [True, *ids]).fetchall()
    return {str(r[0]) for r in rows}
