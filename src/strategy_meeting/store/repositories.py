# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Queries and writes, returning domain objects, ids or plain tuples, never ORM rows."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Select, and_, case, delete, func, insert, select, text, union_all, update
from sqlalchemy import text as sql_text  # _filtered's own ``text`` is the search text
from sqlalchemy.orm import Session

from strategy_meeting.domain.agency import Agency
from strategy_meeting.domain.errors import MeetingChanged, PermissionDenied
from strategy_meeting.domain.audit_chain import GENESIS_HASH, AuditEvent, canonical_json, event_hash
from strategy_meeting.domain.meeting import Meeting, MeetingQuery, MeetingSummary
from strategy_meeting.domain.records import (
    CopyRecord,
    DistributionChannel,
    DistributionOutcome,
    DistributionRecord,
    FormToken,
    IdentityKind,
    SigningIdentity,
)
from strategy_meeting.domain.roles import Role, User
from strategy_meeting.domain.sharing_log import SharingLogEntry

from . import list_queries
from . import mapping as mp
from .tables import (
    ActionRow,
    AddendumRow,
    AgencyRow,
    AuditRow,
    ChildRow,
    ContributionRow,
    CopyRow,
    DecisionRow,
    DistributionRow,
    FormTokenRow,
    HouseholdRow,
    MeetingAgencyRow,
    MeetingRow,
    MeetingVersionRow,
    ParticipantRow,
    SettingRow,
    SharingLogRow,
    SigningIdentityRow,
    UserRow,
)

_PARTS = (
    (MeetingAgencyRow, "agencies", mp.agency_values, mp.agency_in),
    (ChildRow, "children", mp.child_values, mp.child_in),
    (HouseholdRow, "household", mp.household_values, mp.household_in),
    (ParticipantRow, "participants", mp.participant_values, mp.participant_in),
    (ContributionRow, "contributions", mp.contribution_values, mp.contribution_in),
    (DecisionRow, "decisions", mp.decision_values, mp.decision_in),
    (ActionRow, "actions", mp.action_values, mp.action_in),
)


PARTS = ("details", *(attr for _t, attr, _o, _i in _PARTS), "addenda")
# How one item of each part is stored: what ``refuse_changed_item`` compares.
_ITEM_VALUES = {attr: out for _t, attr, out, _i in _PARTS}
_ITEM_NOUNS = {"agencies": "agency", "children": "subject child", "household": "household member",
               "participants": "participant", "contributions": "contribution", "decisions": "decision",
               "actions": "action"}


def _when_text(when: datetime | None) -> str:
    """" at 14:05 on 6 December 2026", in the computer's own time zone ("" when unknown)."""
    if when is None:
        return ""
    local = when.astimezone()
    return f" at {local:%H:%M} on {local.day} {local:%B %Y}"


def _details_values(meeting: Meeting, now: datetime) -> dict[str, Any]:
    values = mp.meeting_values(meeting, now)
    values.pop("updated_at", None)
    values.pop("created_at", None)
    return values


def _lists_everything(q: MeetingQuery) -> bool:
    """Whether ``q`` filters nothing (its order aside): the list as it first opens."""
    return not (mp.key(q.text) or q.statuses or q.created_by or q.chair_name
                or q.with_overdue_actions_on is not None or q.agency)


class MeetingRepository:
    """Meetings as whole aggregates, each part with a version (issue 17): a part is rewritten
    only when it changed, and only over the version it was read at, so two people saving
    different parts of one meeting both keep their change, and a save over someone else's
    newer change to the same part is refused with their name (``MeetingChanged``)."""

    def __init__(self, session: Session, now: datetime, actor: str = "") -> None:
        self._s = session
        self._now = now
        self._actor = actor
        # Each part's stored values as last read or written in this unit of work.
        self._read: dict[int, dict[str, Any]] = {}

    def id_for(self, reference: str) -> int | None:
        return self._s.execute(select(MeetingRow.id).where(MeetingRow.reference == reference)).scalar()

    def exists(self, reference: str) -> bool:
        return self.id_for(reference) is not None

    def get(self, reference: str, for_update: bool = False) -> Meeting | None:
        """``for_update``: hold the meeting against other writers until this unit of work
        ends, so what is read is what the save is checked against. SQLite's write lock (BEGIN
        IMMEDIATE) already holds the whole store; on the team server the meeting's row is
        locked."""
        if for_update and self._s.get_bind().dialect.name == "postgresql":
            mid = self._s.execute(select(MeetingRow.id).where(MeetingRow.reference == reference)
                                  .with_for_update()).scalar()
        else:
            mid = self.id_for(reference)
        return None if mid is None else self.get_by_id(mid)

    def get_by_id(self, meeting_id: int) -> Meeting | None:
        if self._s.get_bind().dialect.name == "postgresql":
            return self._get_in_one_query(meeting_id)
        # Core rows, not ORM entities: loading a meeting builds domain objects straight from
        # tuples, which is several times cheaper than materialising mapped instances first.
        meetings = MeetingRow.__table__
        row = self._s.execute(select(meetings).where(meetings.c.id == meeting_id)).first()
        if row is None:
            return None
        parts: dict[str, Any] = {}
        for table, attr, _out, into in _PARTS:
            t = self._readable(table.__table__)
            # A representative's item added on the team server may share a position with one
            # they cannot see: the row id breaks the tie the same way for everyone.
            rows = self._s.execute(select(t).where(t.c.meeting_id == meeting_id).order_by(t.c.position, t.c.id))
            parts[attr] = [into(r) for r in rows]
        a = AddendumRow.__table__
        adds = self._s.execute(select(a).where(a.c.meeting_id == meeting_id).order_by(a.c.number))
        parts["addenda"] = [mp.addendum_in(a) for a in adds]
        meeting = mp.meeting_in(row, **parts)
        v = MeetingVersionRow.__table__
        meeting.versions = {str(p): int(n) for p, n in self._s.execute(
            select(v.c.part, v.c.version).where(v.c.meeting_id == meeting_id))}
        self._read[meeting_id] = self._part_values(meeting)
        return meeting

    def _get_in_one_query(self, meeting_id: int) -> Meeting | None:
        """The meeting and every part in one statement (each part a JSON array of its rows):
        on the team server each statement is a round trip over TLS and a pass through
        row-level security, and a meeting read part by part took thirteen. Row-level security
        applies inside the subqueries as to any query; the same mapping builds the domain
        objects from the rows as on a local store."""
        parts_sql = ", ".join(
            f"(SELECT coalesce(json_agg(t ORDER BY t.position, t.id), '[]') FROM {self._readable(table.__table__).name} t "
            f"WHERE t.meeting_id = m.id) AS {attr}" for table, attr, _out, _into in _PARTS)
        row = self._s.execute(sql_text(
            f"SELECT to_json(m) AS meeting, {parts_sql}, "
            "(SELECT coalesce(json_agg(t ORDER BY t.number), '[]') FROM addenda t WHERE t.meeting_id = m.id) AS addenda, "
            "(SELECT coalesce(json_object_agg(v.part, v.version), '{}') FROM meeting_versions v "
            "WHERE v.meeting_id = m.id) AS versions FROM meetings m WHERE m.id = :mid"), {"mid": meeting_id}).first()
        if row is None:
            return None
        found = row._mapping
        parts: dict[str, Any] = {attr: [into(SimpleNamespace(**r)) for r in found[attr]]
                                 for _table, attr, _out, into in _PARTS}
        parts["addenda"] = [mp.addendum_in(SimpleNamespace(**r)) for r in found["addenda"]]
        meeting = mp.meeting_in(SimpleNamespace(**found["meeting"]), **parts)
        meeting.versions = {str(p): int(n) for p, n in found["versions"].items()}
        self._read[meeting_id] = self._part_values(meeting)
        return meeting

    def _readable(self, table: Any) -> Any:
        """Where a part is read from. On the team server a decision's rationale is a column
        rule (a copy that may not see an item the decision relied on holds the wider-sharing
        rationale): decisions are read through the view that applies it to the login
        (``store.server.sharing_sql.DECISIONS_VIEW``), with the same columns as the table."""
        if table.name == "decisions" and self._s.info.get("team_server"):
            from sqlalchemy import column, table as sql_table

            return sql_table("team_decisions", *(column(c.name, c.type) for c in table.columns))
        return table

    def _part_values(self, meeting: Meeting) -> dict[str, Any]:
        """Each part as the rows it is stored as (what decides whether a part changed)."""
        values: dict[str, Any] = {"details": _details_values(meeting, self._now)}
        for _table, attr, out, _into in _PARTS:
            values[attr] = [out(item) for item in getattr(meeting, attr)]
        values["addenda"] = [mp.addendum_values(a) for a in meeting.addenda]
        return values

    def version_of(self, meeting_id: int, part: str) -> tuple[int, str, datetime | None]:
        """A part's stored version, who changed it last and when."""
        v = MeetingVersionRow.__table__
        row = self._s.execute(select(v.c.version, v.c.changed_by, v.c.changed_at)
                              .where(v.c.meeting_id == meeting_id, v.c.part == part)).first()
        return (0, "", None) if row is None else (int(row[0]), str(row[1]), mp.dt_in(row[2]))

    def _who(self, name: str) -> str:
        """How a message names the login that changed a part: "Sam Sample (sam.sample)" when
        the user has a display name, else the login ("someone else" when none is recorded)."""
        if not name:
            return "someone else"
        shown = self._s.execute(select(UserRow.display_name).where(UserRow.name == name)).scalar()
        return f"{shown} ({name})" if shown and shown != name else name

    def refuse_stale(self, meeting: Meeting, read_at: dict[str, int]) -> None:
        """Refuse when any part was changed since ``read_at`` (the versions the caller's copy
        was read at), naming who changed it."""
        for part, version in read_at.items():
            current = meeting.versions.get(part)
            if current is not None and current != version and meeting.id is not None:
                raise self._changed(meeting, part)

    def _changed_by(self, meeting: Meeting, part: str) -> dict[str, Any]:
        """Who last changed ``part`` and when, as a refusal's fields (one read of each)."""
        _version, who, when = self.version_of(meeting.id or 0, part)
        return {"reference": meeting.reference, "part": part, "changed_by": who,
                "changed_by_label": self._who(who), "changed_at": when}

    def _changed(self, meeting: Meeting, part: str) -> MeetingChanged:
        fields = self._changed_by(meeting, part)
        by, when = fields["changed_by_label"], fields["changed_at"]
        return MeetingChanged(
            f"The {part} of {meeting.reference} were changed by {by}{_when_text(when)} since you opened them, "
            "so your save was not made. Reload the meeting to see their change; what you typed is kept to "
            "enter again.", **fields)

    def refuse_changed_item(self, meeting: Meeting, part: str, item_id: str, expected: Any,
                            refused: str = "your save was not made", relied_on: bool = False) -> None:
        """Refuse when the stored item ``item_id`` of ``part`` is not ``expected`` (the item as
        the caller last saw it; None: the caller expects no such item), naming who last
        changed the part. ``refused`` says what did not happen, in the message; ``relied_on``
        that the item is not the one being saved but one it was made over (a decision's
        contribution).

        Items are compared as the rows they are stored as, so a value that only looks
        different in memory (a time in another zone, a list read back as a tuple) is not a
        change. This is the per-item companion of ``refuse_stale``: two people adding items to
        one part, or editing different items of it, both keep their change; only a save over
        the item someone else changed (or removed) is refused (issue 17)."""
        out = _ITEM_VALUES[part]
        attr = "code" if part == "agencies" else "id"
        stored = next((i for i in getattr(meeting, part) if getattr(i, attr) == item_id), None)
        if stored is None and expected is None:
            return
        if stored is not None and expected is not None and out(stored) == out(expected):
            return
        fields = self._changed_by(meeting, part)
        by, when = fields["changed_by_label"], fields["changed_at"]
        noun = _ITEM_NOUNS.get(part, "item")
        if relied_on:
            done = "removed" if stored is None else "changed"
            message = (f"A {noun} this relies on was {done} by {by}{_when_text(when)} since you opened it, so "
                       f"{refused}. Reload to see it as it is now; what you typed is kept.")
        elif stored is None:
            message = (f"This {noun} was removed by {by}{_when_text(when)} since you opened it, so "
                       f"{refused}. What you typed is kept: you can save it as a new {noun}.")
        elif expected is None:
            message = (f"A {noun} was added by {by}{_when_text(when)} in the place of the one you meant to put "
                       f"back, so {refused}. Reload the meeting to see it.")
        else:
            message = (f"This {noun} was changed by {by}{_when_text(when)} since you opened it, so "
                       f"{refused}. Reload to see their version; what you typed is kept.")
        raise MeetingChanged(message, item_id=item_id, removed=stored is None, taken=expected is None, **fields)

    def refuse_changed_details(self, meeting: Meeting, expected: dict[str, Any]) -> None:
        """Refuse when any of the meeting's top-level fields named in ``expected`` is not the
        value given, compared as stored (see ``refuse_changed_item``)."""
        seen = replace(meeting, **expected)
        if _details_values(seen, self._now) == _details_values(meeting, self._now):
            return
        fields = self._changed_by(meeting, "details")
        raise MeetingChanged(
            f"The details of {meeting.reference} were changed by {fields['changed_by_label']}"
            f"{_when_text(fields['changed_at'])} since you last saw them, so nothing was changed. The meeting "
            "now shows them as they are.", **fields)

    def refuse_changed_order(self, meeting: Meeting, part: str, expected_ids: list[str]) -> None:
        """Refuse when the ids of ``part``, in order, are not ``expected_ids`` (the list the
        caller chose a position in): a position means something only in the list it was
        chosen from, so a move over an order someone else changed (an item added, removed
        or moved) is refused rather than landing somewhere the user did not mean."""
        attr = "code" if part == "agencies" else "id"
        if [getattr(i, attr) for i in getattr(meeting, part)] == list(expected_ids):
            return
        fields = self._changed_by(meeting, part)
        raise MeetingChanged(
            f"The {part} of {meeting.reference} were changed by {fields['changed_by_label']}"
            f"{_when_text(fields['changed_at'])} since you last saw them, so the move was not made. The meeting "
            "now shows them as they are; move the item again if you still want to.", **fields)

    def _bump(self, meeting: Meeting, meeting_id: int, part: str) -> None:
        """Move one part to its next version, over the version it was read at, or refuse."""
        v = MeetingVersionRow.__table__
        read_at = meeting.versions.get(part)
        stamp = {"changed_by": self._actor, "changed_at": mp.dt_out(self._now)}
        if read_at is None:  # never versioned (written before this unit of work read it)
            current, _who, _when = self.version_of(meeting_id, part)
            if current == 0:
                self._s.execute(insert(v).values(meeting_id=meeting_id, part=part, version=1, **stamp))
                meeting.versions[part] = 1
                return
            read_at = current
        done = self._s.execute(
            update(v).where(v.c.meeting_id == meeting_id, v.c.part == part, v.c.version == read_at)
            .values(version=v.c.version + 1, **stamp))
        if done.rowcount != 1:
            if self.version_of(meeting_id, part)[0] == read_at:
                # Not moved by anyone: the team server's policies let this login change no
                # such part (a representative, say, the details). Say so, not "someone else".
                raise PermissionDenied(f"Your login may not change the {part} of {meeting.reference}; "
                                       "nothing was saved. Ask the chair to make this change.")
            raise self._changed(meeting, part)
        meeting.versions[part] = read_at + 1

    def save(self, meeting: Meeting) -> Meeting:
        """Write the aggregate: the parts that changed since they were read, each over the
        version it was read at (see the class docstring); a new meeting whole, at version 1."""
        values = mp.meeting_values(meeting, self._now)
        new = self._part_values(meeting)
        if meeting.id is None:
            meeting_id = self._s.execute(insert(MeetingRow).values(**values).returning(MeetingRow.id)).scalar_one()
            meeting.id = meeting_id
            meeting.created_at = mp.dt_in(values["created_at"])
            v = MeetingVersionRow.__table__
            self._s.execute(insert(v), [{"meeting_id": meeting_id, "part": p, "version": 1,
                                         "changed_by": self._actor, "changed_at": mp.dt_out(self._now)}
                                        for p in PARTS])
            meeting.versions = dict.fromkeys(PARTS, 1)
        else:
            meeting_id = meeting.id
            before = self._read.get(meeting_id)
            if before is None:  # not read in this unit of work: compare with what is stored
                stored = self.get_by_id(meeting_id)
                before = self._read.get(meeting_id, {}) if stored is not None else {}
                if not meeting.versions and stored is not None:
                    meeting.versions = dict(stored.versions)
            changed = [p for p in PARTS if before.get(p) != new[p]]
            for part in changed:  # every check before any write: a refusal writes nothing
                self._bump(meeting, meeting_id, part)
            values.pop("created_at")
            if "details" in changed:
                self._s.execute(update(MeetingRow).where(MeetingRow.id == meeting_id).values(**values))
            else:  # the only column a representative's login may touch on the team server
                self._s.execute(update(MeetingRow).where(MeetingRow.id == meeting_id)
                                .values(updated_at=values["updated_at"]))
            for table, attr, out, _into in _PARTS:
                if attr in changed:
                    self._write_part(table, meeting_id, before.get(attr, []), new[attr])
            if "addenda" in changed:
                self._s.execute(delete(AddendumRow).where(AddendumRow.meeting_id == meeting_id))
                self._insert_addenda(meeting, meeting_id)
            meeting.updated_at = mp.dt_in(values["updated_at"])
            self._read[meeting_id] = new
            return meeting
        meeting.updated_at = mp.dt_in(values["updated_at"])
        for table, attr, out, _into in _PARTS:
            rows = [{"meeting_id": meeting_id, "position": n, **row} for n, row in enumerate(new[attr])]
            if rows:
                self._s.execute(insert(table), rows)
        self._insert_addenda(meeting, meeting_id)
        self._read[meeting_id] = new
        return meeting

    def _insert_addenda(self, meeting: Meeting, meeting_id: int) -> None:
        if meeting.addenda:
            self._s.execute(insert(AddendumRow), [
                {"meeting_id": meeting_id, **mp.addendum_values(a)} for a in meeting.addenda])

    def _write_part(self, table: Any, meeting_id: int, old: list[dict[str, Any]], new: list[dict[str, Any]]) -> None:
        """One changed part. Items with ids are written row by row (only what changed), so a
        representative's login, which sees and may write only some rows, can save its own
        agency's item on the team server without touching the rows it cannot see; parts
        without item ids are replaced whole."""
        def unique_ids(rows: list[dict[str, Any]]) -> bool:
            ids = [row.get("item_id") for row in rows]
            return all(ids) and len(set(ids)) == len(ids)

        if not (unique_ids(old) and unique_ids(new)):
            self._s.execute(delete(table).where(table.meeting_id == meeting_id))
            rows = [{"meeting_id": meeting_id, "position": n, **row} for n, row in enumerate(new)]
            if rows:
                self._s.execute(insert(table), rows)
            return
        before = {row["item_id"]: (n, row) for n, row in enumerate(old)}
        kept = set()
        for n, row in enumerate(new):
            item_id = row["item_id"]
            kept.add(item_id)
            if item_id not in before:
                self._s.execute(insert(table).values(meeting_id=meeting_id, position=n, **row))
            elif before[item_id] != (n, row):
                self._s.execute(update(table).where(table.meeting_id == meeting_id, table.item_id == item_id)
                                .values(position=n, **row))
        gone = [i for i in before if i not in kept]
        if gone:
            self._s.execute(delete(table).where(table.meeting_id == meeting_id, table.item_id.in_(gone)))

    def delete(self, reference: str) -> None:
        mid = self.id_for(reference)
        if mid is not None:
            for table, *_ in _PARTS:
                self._s.execute(delete(table).where(table.meeting_id == mid))
            self._s.execute(delete(AddendumRow).where(AddendumRow.meeting_id == mid))
            self._s.execute(delete(SharingLogRow).where(SharingLogRow.meeting_id == mid))
            self._s.execute(delete(MeetingRow).where(MeetingRow.id == mid))

    # ---- list and search -------------------------------------------------------------

    def _filtered(self, q: MeetingQuery, columns: list[Any]) -> Select[Any]:
        stmt = select(*columns)
        text = mp.key(q.text)
        if text:
            # UNION ALL of three covering index range scans (IN removes duplicates): an OR across tables would scan every meeting.
            upper = text + "\U0010ffff"
            matches = union_all(
                select(MeetingRow.id.label("mid")).where(
                    MeetingRow.reference_key >= text, MeetingRow.reference_key < upper
                ),
                select(ChildRow.meeting_id.label("mid")).where(
                    ChildRow.surname_key >= text, ChildRow.surname_key < upper
                ),
                select(ChildRow.meeting_id.label("mid")).where(
                    ChildRow.name_key >= text, ChildRow.name_key < upper
                ),
            )
            stmt = stmt.where(MeetingRow.id.in_(select(matches.subquery().c.mid)))
        if q.statuses:
            stmt = stmt.where(MeetingRow.status.in_([s.value for s in q.statuses]))
        if q.created_by:
            stmt = stmt.where(MeetingRow.created_by == q.created_by)
        if q.chair_name:
            stmt = stmt.where(MeetingRow.chair_name == q.chair_name)
        if q.agency and self._s.get_bind().dialect.name == "postgresql":
            # The team server keeps each meeting's agencies on its row (store/server/schema.py):
            # one filter there, instead of a semi-join through rows that row-level security
            # checks one by one.
            stmt = stmt.where(sql_text(":list_agency = ANY (meetings.team_agencies)").bindparams(list_agency=q.agency))
        elif q.agency:
            stmt = stmt.where(
                MeetingRow.id.in_(select(MeetingAgencyRow.meeting_id).where(MeetingAgencyRow.code == q.agency))
            )
        if q.with_overdue_actions_on is not None:
            overdue = select(ActionRow.meeting_id).where(
                ActionRow.status == "open", ActionRow.due < q.with_overdue_actions_on.isoformat()
            )
            stmt = stmt.where(MeetingRow.id.in_(overdue))
        return stmt

    def count(self, q: MeetingQuery) -> int:
        if self._s.info.get("team_server") and _lists_everything(q):
            # The whole list of this login: the server keeps its count (store/server/schema.py).
            kept = self._s.execute(text("SELECT team_list_count()")).scalar_one()
            if kept is not None:
                return int(kept)
        return int(self._s.execute(self._filtered(q, [func.count(MeetingRow.id)])).scalar_one())

    def ids(self, q: MeetingQuery, limit: int | None = None, offset: int = 0) -> list[int]:
        """All matching ids in display order (or ``limit`` of them from ``offset``): cheap even
        for 100,000 meetings, and the list model then fetches rows for the ids it shows, page
        by page."""
        column = {
            "held_at": MeetingRow.held_at,
            "reference": MeetingRow.reference,
            "status": MeetingRow.status,
            "chair_name": MeetingRow.chair_name,
        }.get(q.order_by, MeetingRow.held_at)
        order = [column.desc(), MeetingRow.id.desc()] if q.descending else [column.asc(), MeetingRow.id.asc()]
        stmt = self._filtered(q, [MeetingRow.id]).order_by(*order)
        if limit is not None:
            stmt = stmt.limit(limit)
        if offset:
            stmt = stmt.offset(offset)
        # Core execution: plain ints need no ORM row processing (a third faster at 100,000).
        return list(self._s.connection().execute(stmt).scalars())

    def summaries(self, ids: list[int], today: date, agency: str | None = None) -> list[MeetingSummary]:
        """Rows for ``ids``; with ``agency``, only meetings that agency takes part in. The SQL is
        shared with the start-up list reader (list_queries), inside this session's transaction."""
        conn = self._s.connection()
        driver = conn.connection.driver_connection
        if conn.dialect.paramstyle != "qmark":  # psycopg on the team server
            driver = list_queries.QmarkConnection(driver)
        return list_queries.summaries(driver, ids, today, agency)

    def references(self) -> list[str]:
        return list(self._s.execute(select(MeetingRow.reference).order_by(MeetingRow.reference)).scalars())

    def held_between(self, start: datetime, end: datetime) -> list[int]:
        return list(
            self._s.execute(
                select(MeetingRow.id).where(
                    MeetingRow.held_at >= mp.dt_out(start), MeetingRow.held_at < mp.dt_out(end)
                )
            ).scalars()
        )

    def open_action_rows(self, agency: str | None = None, limit: int | None = None) -> list[tuple[str, str, Any]]:
        """(meeting reference, meeting status, Action) for every open action (or the first
        ``limit``), by due date."""
        stmt = (
            select(MeetingRow.reference, MeetingRow.status, ActionRow)
            .join(ActionRow, ActionRow.meeting_id == MeetingRow.id)
            .where(ActionRow.status == "open")
            .order_by(ActionRow.due.is_(None), ActionRow.due, MeetingRow.reference)
        )
        if agency:
            stmt = stmt.where(ActionRow.owner_agency == agency)
        if limit is not None:
            stmt = stmt.limit(limit)
        return [(ref, status, mp.action_in(row)) for ref, status, row in self._s.execute(stmt).all()]

    # ---- action tracking (after the meeting, signed off or not) ----------------------

    def action_in_meeting(self, reference: str, item_id: str) -> tuple[int, str, Any] | None:
        """(meeting id, meeting status, Action) for one action, or None."""
        row = self._s.execute(
            select(MeetingRow.id, MeetingRow.status, ActionRow)
            .join(ActionRow, ActionRow.meeting_id == MeetingRow.id)
            .where(MeetingRow.reference == reference, ActionRow.item_id == item_id)
        ).first()
        return None if row is None else (int(row[0]), row[1], mp.action_in(row[2]))

    def set_action_progress(self, reference: str, item_id: str, status: str, note: str) -> None:
        """Only the action's status and completion note: tracking progress after a meeting
        must not rewrite (or need) the rest of a possibly signed-off record."""
        mid = self.id_for(reference)
        self._s.execute(
            update(ActionRow)
            .where(ActionRow.meeting_id == mid, ActionRow.item_id == item_id)
            .values(status=status, completion_note=note)
        )

    def open_action_count(self, agency: str | None = None) -> int:
        stmt = select(func.count(ActionRow.id)).where(ActionRow.status == "open")
        if agency:
            stmt = stmt.where(ActionRow.owner_agency == agency)
        return int(self._s.execute(stmt).scalar_one())

    def overdue_action_count(self, today: date, agency: str | None = None) -> int:
        stmt = select(func.count(ActionRow.id)).where(
            ActionRow.status == "open", ActionRow.due < today.isoformat()
        )
        if agency:
            stmt = stmt.where(ActionRow.owner_agency == agency)
        return int(self._s.execute(stmt).scalar_one())

    def overdue_action_rows(self, today: date, agency: str | None = None, limit: int = 5) -> list[tuple[str, str, Any]]:
        """(meeting reference, meeting status, Action) for the longest-overdue open actions."""
        stmt = (
            select(MeetingRow.reference, MeetingRow.status, ActionRow)
            .join(ActionRow, ActionRow.meeting_id == MeetingRow.id)
            .where(ActionRow.status == "open", ActionRow.due < today.isoformat())
            .order_by(ActionRow.due, MeetingRow.reference)
            .limit(limit)
        )
        if agency:
            stmt = stmt.where(ActionRow.owner_agency == agency)
        return [(ref, status, mp.action_in(row)) for ref, status, row in self._s.execute(stmt).all()]

    def attendance_by_kind(
        self, start: datetime, end: datetime, code_kinds: dict[str, str], agency: str | None = None
    ) -> tuple[int, dict[str, int]]:
        """Meetings held in [start, end) with someone recorded as taking part and, per agency kind, how many of them had someone
        of that kind attend. An agency's kind is the one recorded on the meeting, else
        ``code_kinds[code]`` (the caller's rule for well-known codes). Counted in SQL, so a
        busy quarter costs one aggregate query, not a row per participant."""
        # A meeting with nobody recorded as taking part (an empty draft opened by mistake)
        # says nothing about attendance: it is not counted as a meeting held.
        held = select(MeetingRow.id).where(
            MeetingRow.held_at >= mp.dt_out(start), MeetingRow.held_at < mp.dt_out(end),
            MeetingRow.id.in_(select(ParticipantRow.meeting_id)),
        )
        if agency:
            held = held.where(
                MeetingRow.id.in_(select(MeetingAgencyRow.meeting_id).where(MeetingAgencyRow.code == agency))
            )
        held_ids = held.subquery()
        total = int(self._s.execute(select(func.count()).select_from(held_ids)).scalar_one())
        hinted = case(
            *[(ParticipantRow.agency == code, kind) for code, kind in code_kinds.items()], else_=None
        ) if code_kinds else None
        kind = func.coalesce(MeetingAgencyRow.kind, hinted) if hinted is not None else MeetingAgencyRow.kind
        rows = self._s.execute(
            select(kind.label("kind"), func.count(func.distinct(ParticipantRow.meeting_id)))
            .select_from(ParticipantRow)
            .outerjoin(
                MeetingAgencyRow,
                and_(MeetingAgencyRow.meeting_id == ParticipantRow.meeting_id,
                     MeetingAgencyRow.code == ParticipantRow.agency),
            )
            .where(ParticipantRow.status == "attended", ParticipantRow.meeting_id.in_(select(held_ids.c.id)))
            .group_by(kind)
        ).all()
        return total, {str(k): int(n) for k, n in rows if k is not None}


class UserRepository:
    def __init__(self, session: Session, now: datetime) -> None:
        self._s = session
        self._now = now

    @staticmethod
    def _in(r: UserRow) -> User:
        return User(r.name, Role(r.role), r.agency, r.display_name, r.active, r.id)

    def get(self, name: str) -> User | None:
        r = self._s.execute(select(UserRow).where(UserRow.name == name)).scalar()
        return None if r is None else self._in(r)

    def list(self) -> list[User]:
        return [self._in(r) for r in self._s.execute(select(UserRow).order_by(UserRow.name)).scalars()]

    def add(self, user: User) -> User:
        uid = self._s.execute(
            insert(UserRow)
            .values(name=user.name, display_name=user.display_name, role=user.role.value, agency=user.agency,
                    active=user.active, created_at=mp.dt_out(self._now))
            .returning(UserRow.id)
        ).scalar_one()
        return User(user.name, user.role, user.agency, user.display_name, user.active, uid)

    def update(self, user: User) -> None:
        self._s.execute(
            update(UserRow).where(UserRow.name == user.name)
            .values(display_name=user.display_name, role=user.role.value, agency=user.agency, active=user.active)
        )

    def count(self) -> int:
        return int(self._s.execute(select(func.count(UserRow.id))).scalar_one())


class AgencyDirectory:
    def __init__(self, session: Session) -> None:
        self._s = session

    def list(self) -> list[Agency]:
        return [mp.directory_agency_in(r)
                for r in self._s.execute(select(AgencyRow).order_by(AgencyRow.code)).scalars()]

    def get(self, code: str) -> Agency | None:
        r = self._s.execute(select(AgencyRow).where(AgencyRow.code == code)).scalar()
        return None if r is None else mp.directory_agency_in(r)

    def upsert(self, agency: Agency) -> None:
        values = mp.directory_agency_values(agency)
        if self.get(agency.code) is None:
            self._s.execute(insert(AgencyRow).values(**values))
        else:
            self._s.execute(update(AgencyRow).where(AgencyRow.code == agency.code).values(**values))

    def remove(self, code: str) -> None:
        self._s.execute(delete(AgencyRow).where(AgencyRow.code == code))


class IdentityRepository:
    def __init__(self, session: Session, now: datetime) -> None:
        self._s = session
        self._now = now

    @staticmethod
    def _in(r: SigningIdentityRow) -> SigningIdentity:
        return SigningIdentity(
            r.user_name, IdentityKind(r.kind), r.subject, bytes(r.certificate_pem), bytes(r.private_key_pem),
            bytes(r.chain_pem or b""), r.fingerprint_sha256, mp.dt_in(r.created_at), r.active, r.id,
        )

    def active_for(self, user_name: str) -> SigningIdentity | None:
        r = self._s.execute(
            select(SigningIdentityRow)
            .where(SigningIdentityRow.user_name == user_name, SigningIdentityRow.active.is_(True))
            .order_by(SigningIdentityRow.id.desc())
        ).scalars().first()
        return None if r is None else self._in(r)

    def list(self) -> list[SigningIdentity]:
        rows = self._s.execute(select(SigningIdentityRow).order_by(SigningIdentityRow.id)).scalars()
        return [self._in(r) for r in rows]

    def retire_unsealed(self, identity_id: int) -> None:
        """Drop a private key kept in the clear; the certificate stays for verification."""
        self._s.execute(update(SigningIdentityRow).where(SigningIdentityRow.id == identity_id)
                        .values(private_key_pem=b"", active=False))

    def add(self, identity: SigningIdentity) -> SigningIdentity:
        """The new identity becomes the user's active one; older ones stay for verification."""
        self._s.execute(
            update(SigningIdentityRow).where(SigningIdentityRow.user_name == identity.user_name).values(active=False)
        )
        new_id = self._s.execute(
            insert(SigningIdentityRow)
            .values(
                user_name=identity.user_name, kind=identity.kind.value, subject=identity.subject,
                certificate_pem=identity.certificate_pem, private_key_pem=identity.private_key_pem,
                chain_pem=identity.chain_pem, fingerprint_sha256=identity.fingerprint_sha256,
                created_at=mp.dt_out(identity.created_at or self._now), active=True,
            )
            .returning(SigningIdentityRow.id)
        ).scalar_one()
        identity.id = new_id
        identity.active = True
        return identity


class CopyRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, record: CopyRecord, content: bytes | None = None) -> CopyRecord:
        """``content`` keeps a signed copy's exact bytes for distribution (drafts keep none)."""
        record.id = self._s.execute(
            insert(CopyRow)
            .values(
                content=content,
                meeting_reference=record.meeting_reference, recipient=record.recipient, file_name=record.file_name,
                sha256=record.sha256, created_at=mp.dt_out(record.created_at), signed_by=record.signed_by,
                draft=record.draft, withheld=mp.dumps(record.withheld_from_agencies), version=record.version,
                folder=record.folder,
            )
            .returning(CopyRow.id)
        ).scalar_one()
        return record

    _LISTED = (
        CopyRow.id, CopyRow.meeting_reference, CopyRow.recipient, CopyRow.file_name, CopyRow.sha256,
        CopyRow.created_at, CopyRow.signed_by, CopyRow.draft, CopyRow.withheld, CopyRow.version, CopyRow.folder,
    )

    @staticmethod
    def _in(r: Any) -> CopyRecord:
        return CopyRecord(
            r.meeting_reference, r.recipient, r.file_name, r.sha256, mp.dt_in(r.created_at) or datetime.min,
            r.signed_by, r.draft, list(json.loads(r.withheld)), r.version, r.id, r.folder,
        )

    def for_meeting(self, reference: str) -> list[CopyRecord]:
        rows = self._s.execute(
            select(*self._LISTED).where(CopyRow.meeting_reference == reference).order_by(CopyRow.id)
        )
        return [self._in(r) for r in rows]

    def latest_signed(self, reference: str) -> list[tuple[CopyRecord, bytes]]:
        """The newest signed copy per recipient, with its bytes."""
        rows = self._s.execute(
            select(*self._LISTED, CopyRow.content)
            .where(CopyRow.meeting_reference == reference, CopyRow.draft.is_(False), CopyRow.content.is_not(None),
                   CopyRow.signed_by != "")
            .order_by(CopyRow.id)
        )
        latest: dict[str, tuple[CopyRecord, bytes]] = {}
        for r in rows:
            latest[r.recipient] = (self._in(r), bytes(r.content))
        return list(latest.values())


class DistributionRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    @staticmethod
    def _values(r: DistributionRecord) -> dict[str, Any]:
        return {
            "meeting_reference": r.meeting_reference, "recipient": r.recipient, "channel": r.channel.value,
            "address": r.address, "sha256": r.sha256, "at": mp.dt_out(r.at), "outcome": r.outcome.value,
            "reason": r.reason, "acknowledged_at": mp.dt_out(r.acknowledged_at),
            "acknowledged_by": r.acknowledged_by, "attempt": r.attempt, "protection": r.protection,
            "version": r.version, "handed_over_at": mp.dt_out(r.handed_over_at),
            "handed_over_how": r.handed_over_how, "acknowledged_how": r.acknowledged_how,
        }

    def add(self, record: DistributionRecord) -> DistributionRecord:
        record.id = self._s.execute(
            insert(DistributionRow).values(**self._values(record)).returning(DistributionRow.id)
        ).scalar_one()
        return record

    def update(self, record: DistributionRecord) -> None:
        self._s.execute(update(DistributionRow).where(DistributionRow.id == record.id).values(**self._values(record)))

    def for_meeting(self, reference: str) -> list[DistributionRecord]:
        rows = self._s.execute(
            select(DistributionRow).where(DistributionRow.meeting_reference == reference).order_by(DistributionRow.id)
        ).scalars()
        return [self._in(r) for r in rows]

    def all(self) -> list[DistributionRecord]:
        return [self._in(r) for r in self._s.execute(select(DistributionRow).order_by(DistributionRow.id)).scalars()]

    @staticmethod
    def _in(r: DistributionRow) -> DistributionRecord:
        return DistributionRecord(
            r.meeting_reference, r.recipient, DistributionChannel(r.channel), r.address, r.sha256,
            mp.dt_in(r.at) or datetime.min, DistributionOutcome(r.outcome), r.reason, mp.dt_in(r.acknowledged_at),
            r.acknowledged_by, r.attempt, r.id, r.protection, r.version or 1, mp.dt_in(r.handed_over_at),
            r.handed_over_how or "", r.acknowledged_how or "",
        )


class FormTokenRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, token: FormToken) -> None:
        self._s.execute(
            insert(FormTokenRow).values(
                token_sha256=token.token_sha256, meeting_reference=token.meeting_reference, agency=token.agency,
                created_at=mp.dt_out(token.created_at), used_at=mp.dt_out(token.used_at),
            )
        )

    def get(self, token_sha256: str) -> FormToken | None:
        r = self._s.execute(select(FormTokenRow).where(FormTokenRow.token_sha256 == token_sha256)).scalar()
        if r is None:
            return None
        return FormToken(r.token_sha256, r.meeting_reference, r.agency, mp.dt_in(r.created_at) or datetime.min,
                         mp.dt_in(r.used_at))

    def mark_used(self, token_sha256: str, at: datetime) -> None:
        self._s.execute(update(FormTokenRow).where(FormTokenRow.token_sha256 == token_sha256).values(used_at=mp.dt_out(at)))


class SettingsRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, key: str, default: Any = None) -> Any:
        v = self._s.execute(select(SettingRow.value).where(SettingRow.key == key)).scalar()
        return default if v is None else json.loads(v)

    def set(self, key: str, value: Any) -> None:
        text = mp.dumps(value)
        if self._s.execute(select(SettingRow.key).where(SettingRow.key == key)).scalar() is None:
            self._s.execute(insert(SettingRow).values(key=key, value=text))
        else:
            self._s.execute(update(SettingRow).where(SettingRow.key == key).values(value=text))


class AuditLog:
    """Append-only, hash-chained. The write lock (BEGIN IMMEDIATE) serialises appends, so the
    chain can never fork between two writers."""

    def __init__(self, session: Session, now: datetime) -> None:
        self._s = session
        self._now = now
        self.appended: list[AuditEvent] = []
        # On the team server: the head this transaction wrote while holding the audit lock
        # (held to the commit), so its next event needs neither the lock nor the head again.
        self._held_head: tuple[int, str] | None = None

    def _on_server(self) -> bool:
        return self._s.get_bind().dialect.name == "postgresql"

    def transaction_ended(self) -> None:
        """The next append is in a new transaction: lock and read the head again."""
        self._held_head = None

    def head(self) -> tuple[int, str]:
        if self._on_server():
            # A representative may not read others' events on the team server, so the head
            # comes from the server's own function (store/server/schema.py).
            row = self._s.execute(text("SELECT seq, hash FROM team_audit_head()")).first()
            return (0, GENESIS_HASH) if row is None or row[0] is None else (int(row[0]), str(row[1]))
        row = self._s.execute(select(AuditRow.seq, AuditRow.hash).order_by(AuditRow.seq.desc()).limit(1)).first()
        return (0, GENESIS_HASH) if row is None else (int(row[0]), str(row[1]))

    def append(self, user: str, action: str, obj: str, details: dict[str, Any] | None = None) -> AuditEvent:
        if self._held_head is not None:
            seq, prev = self._held_head
        else:
            if self._on_server():
                # On the team server the write lock is not the whole database's: appends queue
                # on one transaction-scoped advisory lock instead, so the chain never forks.
                from .server.schema import AUDIT_LOCK_KEY

                self._s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": AUDIT_LOCK_KEY})
            seq, prev = self.head()
        seq += 1
        at = mp.dt_out(self._now) or ""
        det = dict(details or {})
        h = event_hash(prev, seq, at, user, action, obj, det)
        self._s.execute(
            insert(AuditRow).values(
                seq=seq, at=at, user=user, action=action, object=obj,
                details=canonical_json(det).decode("utf-8"), prev_hash=prev, hash=h,
            )
        )
        ev = AuditEvent(seq, at, user, action, obj, det, prev, h)
        self.appended.append(ev)
        if self._on_server():
            self._held_head = (seq, h)
        return ev

    def events(self, after: int = 0, limit: int | None = None) -> list[AuditEvent]:
        stmt = select(AuditRow).where(AuditRow.seq > after).order_by(AuditRow.seq)
        if limit:
            stmt = stmt.limit(limit)
        return [
            AuditEvent(r.seq, r.at, r.user, r.action, r.object, json.loads(r.details), r.prev_hash, r.hash)
            for r in self._s.execute(stmt).scalars()
        ]

    def iter_events(self, batch: int = 5000):  # type: ignore[no-untyped-def]
        after = 0
        while True:
            chunk = self.events(after, batch)
            if not chunk:
                return
            yield from chunk
            after = chunk[-1].seq


class SharingLogRepository:
    """The sharing-decision log (issue 14), kept per meeting; appended to, never changed."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def _meeting_id(self, reference: str) -> int | None:
        return self._s.execute(select(MeetingRow.id).where(MeetingRow.reference == reference)).scalar()

    def add(self, entries: list[SharingLogEntry]) -> None:
        ids: dict[str, int | None] = {}
        rows = []
        for e in entries:
            if e.meeting_reference not in ids:
                ids[e.meeting_reference] = self._meeting_id(e.meeting_reference)
            mid = ids[e.meeting_reference]
            if mid is None:
                raise ValueError(f"no meeting {e.meeting_reference!r} for a sharing log entry")
            rows.append(mp.sharing_log_values(mid, e))
        if rows:
            # The table, not the mapped class: no RETURNING, so a representative's login on the
            # team server, which may append to the log but never read it, can write it.
            self._s.execute(insert(SharingLogRow.__table__), rows)

    def for_meeting(self, reference: str) -> list[SharingLogEntry]:
        mid = self._meeting_id(reference)
        if mid is None:
            return []
        t = SharingLogRow.__table__
        rows = self._s.execute(select(t).where(t.c.meeting_id == mid).order_by(t.c.id))
        return [mp.sharing_log_in(reference, r) for r in rows]
