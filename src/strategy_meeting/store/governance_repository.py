# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Records governance in the store (issue 16): retention classes, each meeting's class, case
closure and restriction, legal holds, erasure tombstones and subject access requests.
Returns domain objects and plain tuples, never ORM rows."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, insert, select, text, update
from sqlalchemy.orm import Session

from strategy_meeting.domain.erasure import ErasureGround, Tombstone
from strategy_meeting.domain.legal_hold import HoldTarget, LegalHold
from strategy_meeting.domain.retention import CountedFrom, RetentionClass, RetentionFacts
from strategy_meeting.domain.subject_access import Exemption, ExemptionGround, SubjectAccessRequest

from . import mapping as mp
from .tables import (
    ChildRow,
    CopyRow,
    DistributionRow,
    ErasureRow,
    FormTokenRow,
    LegalHoldRow,
    MeetingGovernanceRow,
    MeetingRow,
    RetentionClassRow,
    SubjectAccessExemptionRow,
    SubjectAccessRequestRow,
)


class GovernanceRepository:
    def __init__(self, session: Session, now: datetime) -> None:
        self._s = session
        self._now = now

    # ---- retention classes -----------------------------------------------------------

    @staticmethod
    def _class_in(r: Any) -> RetentionClass:
        return RetentionClass(r.name, r.period_months, CountedFrom(r.counted_from), bool(r.is_default), r.id)

    def classes(self) -> list[RetentionClass]:
        rows = self._s.execute(select(RetentionClassRow).order_by(RetentionClassRow.name)).scalars()
        return [self._class_in(r) for r in rows]

    def class_named(self, name: str) -> RetentionClass | None:
        r = self._s.execute(select(RetentionClassRow).where(RetentionClassRow.name == name)).scalar()
        return None if r is None else self._class_in(r)

    def default_class(self) -> RetentionClass | None:
        r = self._s.execute(select(RetentionClassRow).where(RetentionClassRow.is_default.is_(True))).scalar()
        return None if r is None else self._class_in(r)

    def save_class(self, cls: RetentionClass) -> RetentionClass:
        values = {"name": cls.name, "period_months": cls.period_months, "counted_from": cls.counted_from.value,
                  "is_default": cls.is_default}
        if cls.is_default:
            self._s.execute(update(RetentionClassRow).values(is_default=False))
        existing = self.class_named(cls.name)
        if existing is None:
            new_id = self._s.execute(insert(RetentionClassRow).values(**values, created_at=mp.dt_out(self._now))
                                     .returning(RetentionClassRow.id)).scalar_one()
            return RetentionClass(cls.name, cls.period_months, cls.counted_from, cls.is_default, new_id)
        self._s.execute(update(RetentionClassRow).where(RetentionClassRow.id == existing.id).values(**values))
        return RetentionClass(cls.name, cls.period_months, cls.counted_from, cls.is_default, existing.id)

    def pin_unassigned(self, class_id: int) -> int:
        """Give every meeting without a class ``class_id`` (the default before it changes)."""
        missing = select(MeetingRow.id).where(
            MeetingRow.id.not_in(select(MeetingGovernanceRow.meeting_id)))
        ids = list(self._s.execute(missing).scalars())
        if ids:
            self._s.execute(insert(MeetingGovernanceRow), [
                {"meeting_id": i, "retention_class_id": class_id, "restricted": False, "restricted_by": "",
                 "restriction_reason": ""} for i in ids])
        self._s.execute(update(MeetingGovernanceRow).where(MeetingGovernanceRow.retention_class_id.is_(None))
                        .values(retention_class_id=class_id))
        return len(ids)

    # ---- one meeting's governance ----------------------------------------------------

    def _row(self, meeting_id: int) -> MeetingGovernanceRow:
        row = self._s.get(MeetingGovernanceRow, meeting_id)
        if row is None:
            row = MeetingGovernanceRow(meeting_id=meeting_id, retention_class_id=None, case_closed_on=None,
                                       restricted=False, restricted_at=None, restricted_by="", restriction_reason="")
            self._s.add(row)
        return row

    def set_class(self, meeting_id: int, class_id: int) -> None:
        self._row(meeting_id).retention_class_id = class_id
        self._s.flush()

    def set_case_closed(self, meeting_id: int, closed_on: date | None) -> None:
        self._row(meeting_id).case_closed_on = mp.d_out(closed_on)
        self._s.flush()

    def set_restriction(self, meeting_id: int, restricted: bool, by: str, reason: str) -> None:
        row = self._row(meeting_id)
        row.restricted = restricted
        row.restricted_at = mp.dt_out(self._now) if restricted else None
        row.restricted_by = by if restricted else ""
        row.restriction_reason = reason if restricted else ""
        self._s.flush()

    def restriction(self, reference: str) -> tuple[bool, datetime | None, str]:
        """(restricted, since, by) for a meeting; (False, None, "") when it has no row."""
        row = self._s.execute(
            select(MeetingGovernanceRow.restricted, MeetingGovernanceRow.restricted_at,
                   MeetingGovernanceRow.restricted_by)
            .join(MeetingRow, MeetingRow.id == MeetingGovernanceRow.meeting_id)
            .where(MeetingRow.reference == reference)).first()
        if row is None:
            return False, None, ""
        return bool(row[0]), mp.dt_in(row[1]), str(row[2] or "")

    def restricted_references(self) -> set[str]:
        return set(self._s.execute(
            select(MeetingRow.reference).join(MeetingGovernanceRow, MeetingGovernanceRow.meeting_id == MeetingRow.id)
            .where(MeetingGovernanceRow.restricted.is_(True))).scalars())

    def retention_facts(self, reference: str | None = None) -> list[tuple[RetentionFacts, int | None]]:
        """(facts, class id or None for the default) per meeting, or for one meeting."""
        stmt = (select(MeetingRow.id, MeetingRow.reference, MeetingRow.held_at, MeetingGovernanceRow.case_closed_on,
                       MeetingGovernanceRow.retention_class_id)
                .outerjoin(MeetingGovernanceRow, MeetingGovernanceRow.meeting_id == MeetingRow.id))
        if reference is not None:
            stmt = stmt.where(MeetingRow.reference == reference)
        meetings = self._s.execute(stmt).all()
        births: dict[int, list[date]] = {}
        children = select(ChildRow.meeting_id, ChildRow.details)
        if reference is not None:
            children = children.where(ChildRow.meeting_id.in_([m[0] for m in meetings]))
        for meeting_id, details in self._s.execute(children):
            d = json.loads(details)
            born = mp.d_in(d.get("date_of_birth")) or mp.d_in(d.get("expected_date_of_birth"))
            if born is not None:
                births.setdefault(meeting_id, []).append(born)
        out = []
        for mid, ref, held_at, closed, class_id in meetings:
            held = mp.dt_in(held_at)
            out.append((RetentionFacts(ref, held.date() if held else None, tuple(births.get(mid, ())),
                                       mp.d_in(closed)), class_id))
        return out

    def child_keys(self) -> dict[str, list[tuple[str, date | None]]]:
        """Reference -> (child name, date of birth) for every meeting: what holds on children match."""
        out: dict[str, list[tuple[str, date | None]]] = {}
        rows = self._s.execute(select(MeetingRow.reference, ChildRow.name, ChildRow.details)
                               .join(ChildRow, ChildRow.meeting_id == MeetingRow.id))
        for ref, name, details in rows:
            out.setdefault(ref, []).append((name, mp.d_in(json.loads(details).get("date_of_birth"))))
        return out

    # ---- legal holds -----------------------------------------------------------------

    @staticmethod
    def _hold_in(r: LegalHoldRow) -> LegalHold:
        return LegalHold(HoldTarget(r.target), r.target_key, r.label, r.reason, mp.dt_in(r.placed_at) or datetime.min,
                         r.placed_by, mp.dt_in(r.lifted_at), r.lifted_by, r.lift_reason, r.id)

    def holds(self, active_only: bool = True) -> list[LegalHold]:
        stmt = select(LegalHoldRow).order_by(LegalHoldRow.id)
        if active_only:
            stmt = stmt.where(LegalHoldRow.lifted_at.is_(None))
        return [self._hold_in(r) for r in self._s.execute(stmt).scalars()]

    def add_hold(self, hold: LegalHold) -> LegalHold:
        new_id = self._s.execute(insert(LegalHoldRow).values(
            target=hold.target.value, target_key=hold.target_key, label=hold.label, reason=hold.reason,
            placed_at=mp.dt_out(hold.placed_at), placed_by=hold.placed_by, lifted_at=None, lifted_by="",
            lift_reason="").returning(LegalHoldRow.id)).scalar_one()
        return LegalHold(hold.target, hold.target_key, hold.label, hold.reason, hold.placed_at, hold.placed_by,
                         id=new_id)

    def lift_hold(self, hold_id: int, by: str, reason: str) -> None:
        self._s.execute(update(LegalHoldRow).where(LegalHoldRow.id == hold_id).values(
            lifted_at=mp.dt_out(self._now), lifted_by=by, lift_reason=reason))

    # ---- erasure ---------------------------------------------------------------------

    def erase_meeting_content(self, reference: str) -> None:
        """Every row that holds the meeting's content or its copies: the meeting and its parts,
        its rendered copies (signed PDFs included), distributions, form tokens, and the
        exemptions marked on its items. The caller writes the tombstone and the audit event.
        ``secure_delete`` makes SQLite zero the freed space rather than leave it for reuse."""
        if self._s.get_bind().dialect.name == "sqlite":  # PostgreSQL has no such switch (admin guide)
            self._s.execute(text("PRAGMA secure_delete = ON"))
        self._s.execute(delete(CopyRow).where(CopyRow.meeting_reference == reference))
        self._s.execute(delete(DistributionRow).where(DistributionRow.meeting_reference == reference))
        self._s.execute(delete(FormTokenRow).where(FormTokenRow.meeting_reference == reference))
        self._s.execute(delete(SubjectAccessExemptionRow)
                        .where(SubjectAccessExemptionRow.meeting_reference == reference))
        mid = self._s.execute(select(MeetingRow.id).where(MeetingRow.reference == reference)).scalar()
        if mid is not None:
            self._s.execute(delete(MeetingGovernanceRow).where(MeetingGovernanceRow.meeting_id == mid))

    def add_tombstone(self, t: Tombstone) -> Tombstone:
        new_id = self._s.execute(insert(ErasureRow).values(
            reference=t.reference, held_on=mp.d_out(t.held_on), created_at=mp.dt_out(t.created_at),
            signed_off_at=mp.dt_out(t.signed_off_at), retention_class=t.retention_class,
            retain_until=mp.d_out(t.retain_until), erased_at=mp.dt_out(t.erased_at), erased_by=t.erased_by,
            ground=t.ground.value, reason=t.reason, content_hash=t.content_hash,
            signed_content_hash=t.signed_content_hash, backups_before=mp.dumps(list(t.backups_before)),
            audit_seq=t.audit_seq).returning(ErasureRow.id)).scalar_one()
        return Tombstone(**{**t.__dict__, "id": new_id})

    def tombstones(self, reference: str | None = None) -> list[Tombstone]:
        stmt = select(ErasureRow).order_by(ErasureRow.id)
        if reference is not None:
            stmt = stmt.where(ErasureRow.reference == reference)
        return [Tombstone(r.reference, mp.d_in(r.held_on), mp.dt_in(r.created_at), mp.dt_in(r.signed_off_at),
                          r.retention_class, mp.d_in(r.retain_until), mp.dt_in(r.erased_at) or datetime.min,
                          r.erased_by, ErasureGround(r.ground), r.reason, r.content_hash, r.signed_content_hash,
                          tuple(json.loads(r.backups_before)), r.audit_seq, r.id)
                for r in self._s.execute(stmt).scalars()]

    # ---- subject access --------------------------------------------------------------

    @staticmethod
    def _request_in(r: SubjectAccessRequestRow) -> SubjectAccessRequest:
        return SubjectAccessRequest(r.person_name, date.fromisoformat(r.received_on), date.fromisoformat(r.due_on),
                                    r.extension_reason, r.opened_by, mp.dt_in(r.opened_at), mp.dt_in(r.exported_at),
                                    mp.dt_in(r.closed_at), r.id)

    def requests(self, open_only: bool = False) -> list[SubjectAccessRequest]:
        stmt = select(SubjectAccessRequestRow).order_by(SubjectAccessRequestRow.due_on, SubjectAccessRequestRow.id)
        if open_only:
            stmt = stmt.where(SubjectAccessRequestRow.closed_at.is_(None))
        return [self._request_in(r) for r in self._s.execute(stmt).scalars()]

    def request(self, request_id: int) -> SubjectAccessRequest | None:
        r = self._s.get(SubjectAccessRequestRow, request_id)
        return None if r is None else self._request_in(r)

    def add_request(self, req: SubjectAccessRequest) -> SubjectAccessRequest:
        new_id = self._s.execute(insert(SubjectAccessRequestRow).values(
            person_name=req.person_name, person_key=req.person_key, received_on=req.received_on.isoformat(),
            due_on=req.due_on.isoformat(), extension_reason=req.extension_reason, opened_by=req.opened_by,
            opened_at=mp.dt_out(self._now)).returning(SubjectAccessRequestRow.id)).scalar_one()
        return self.request(new_id)  # type: ignore[return-value]

    def update_request(self, request_id: int, **values: Any) -> None:
        plain = {k: (v.isoformat() if isinstance(v, date) and not isinstance(v, datetime) else
                     mp.dt_out(v) if isinstance(v, datetime) else v) for k, v in values.items()}
        self._s.execute(update(SubjectAccessRequestRow).where(SubjectAccessRequestRow.id == request_id)
                        .values(**plain))

    def exemptions(self, request_id: int) -> list[Exemption]:
        rows = self._s.execute(select(SubjectAccessExemptionRow)
                               .where(SubjectAccessExemptionRow.request_id == request_id)
                               .order_by(SubjectAccessExemptionRow.id)).scalars()
        return [Exemption(r.item_key, r.meeting_reference, ExemptionGround(r.ground), r.reason, r.marked_by,
                          mp.dt_in(r.marked_at)) for r in rows]

    def add_exemption(self, request_id: int, exemption: Exemption) -> None:
        self._s.execute(delete(SubjectAccessExemptionRow).where(
            SubjectAccessExemptionRow.request_id == request_id,
            SubjectAccessExemptionRow.item_key == exemption.item_key,
            SubjectAccessExemptionRow.ground == exemption.ground.value))
        self._s.execute(insert(SubjectAccessExemptionRow).values(
            request_id=request_id, meeting_reference=exemption.meeting_reference, item_key=exemption.item_key,
            ground=exemption.ground.value, reason=exemption.reason, marked_by=exemption.marked_by,
            marked_at=mp.dt_out(self._now)))
