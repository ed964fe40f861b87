# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Verify the audit chain. Events are appended by every service inside its own unit of work."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from strategy_meeting.domain.audit_chain import AuditEvent, verify_chain
from strategy_meeting.domain.roles import Permission, User

from .context import ServiceContext
from .files import StagedFile
from .users import require


@dataclass(frozen=True)
class AuditReport:
    events: int
    ok: bool
    problem: str = ""  # in words, naming the first broken event
    first_broken_seq: int | None = None


def verify(ctx: ServiceContext, actor: User) -> AuditReport:
    """Check every event's hash and link, then the head kept outside the table, which is the
    only way to notice events cut off the end of the chain."""
    require(actor, Permission.AUDIT)
    with ctx.unit_of_work() as uow:
        events = list(uow.audit.iter_events())
    brk = verify_chain(events)
    if brk is not None:
        return AuditReport(len(events), False, f"The audit log is broken: {brk.reason}.", brk.seq)
    head = ctx.store.read_audit_head()
    if head is not None:
        seq, digest = head
        if seq > len(events):
            return AuditReport(
                len(events), False,
                f"The audit log is broken: events after {len(events)} were removed "
                f"(the log last reached event {seq}).", len(events) + 1,
            )
        if events[seq - 1].hash != digest:
            return AuditReport(len(events), False, f"The audit log is broken: event {seq} was replaced.", seq)
    return AuditReport(len(events), True)


def export_events(ctx: ServiceContext, actor: User, out_path: str | PathLike[str]) -> tuple[Path, int]:
    """Write the whole audit log as JSON lines (one event a line, oldest first, with its
    sequence number, time, user, action, object, details and the chain's previous and own
    hashes), so the chain can be checked outside the app. The export is itself an audit event
    (committed before the file takes its name). Details hold counts and codes, never record
    content. Returns the path and the number of events written."""
    require(actor, Permission.AUDIT)
    target = Path(out_path).expanduser().absolute()
    with ctx.unit_of_work() as uow:
        events = list(uow.audit.iter_events())
        lines = [json.dumps({"seq": e.seq, "at": e.at, "user": e.user, "action": e.action, "object": e.object,
                             "details": dict(e.details), "prev_hash": e.prev_hash, "hash": e.hash},
                            ensure_ascii=False, sort_keys=True) for e in events]
        data = ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8")
        with StagedFile(target, data) as staged:
            uow.audit.append(actor.name, "audit.export", "audit",
                             {"events": len(events), "sha256": hashlib.sha256(data).hexdigest(), "path": str(target),
                              "head": events[-1].hash if events else ""})
            uow.commit()
            staged.publish()
    return target, len(events)


def recent_events(ctx: ServiceContext, actor: User, limit: int = 200) -> list[AuditEvent]:
    require(actor, Permission.AUDIT)
    with ctx.unit_of_work() as uow:
        seq, _ = uow.audit.head()
        return uow.audit.events(after=max(0, seq - limit))


def record_denied(ctx: ServiceContext, actor_name: str, what: str,
                  details: dict[str, object] | None = None) -> None:
    """A refused privileged attempt, in the chain like any change: who tried what. Needs no
    permission (the refusal is the point) and never fails the caller's refusal: a store that
    only reads cannot take the event, and the refusal still stands."""
    from strategy_meeting.domain.errors import UserError

    try:
        with ctx.unit_of_work() as uow:
            uow.audit.append(actor_name, "denied", what, dict(details or {}))
            uow.commit()
    except UserError:
        pass
