# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Erasure (issue 16; UK GDPR Article 17 and the end of retention): the meeting's content
leaves the store, a tombstone stays, the audit chain keeps verifying.

The audit chain is never edited: its events name meetings by reference and items by id, never
their content, so erasing a record removes nothing the chain depends on. After the commit the
store file is rebuilt (store.compaction) so that no page, decrypted with the store key, still
holds the erased content. Backups made before the erasure still do: the tombstone names them,
and backup retention removes them in time (docs/admin-guide.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from strategy_meeting.domain.erasure import ErasureGround, Tombstone
from strategy_meeting.domain.errors import InvalidInput, MeetingNotFound, NotFound
from strategy_meeting.domain.legal_hold import RecordHeld
from strategy_meeting.domain.roles import Permission, User

from ..context import ServiceContext
from ..users import require
from .holds import holds_on
from .reasons import reason_text
from .retention import statuses


def _backups_made_before(uow) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """Every backup the audit log records (in any folder, --to included), oldest first."""
    return tuple(str(e.details.get("file", "")) for e in uow.audit.iter_events()
                 if e.action == "backup.create" and e.details.get("file"))


def erase(ctx: ServiceContext, actor: User, reference: str, reason: str, *,
          lawful_request: bool = False) -> Tombstone:
    """Erase one meeting: past its retention date, or earlier on a lawful request. Refused,
    with the hold named, while a legal hold covers it."""
    from strategy_meeting.services.signoff import content_hash
    from strategy_meeting.store import erasure_ledger
    from strategy_meeting.store.compaction import purge_freed_pages

    require(actor, Permission.ERASE)
    text = reason_text(reason, "the erasure")
    ground = ErasureGround.LAWFUL_REQUEST if lawful_request else ErasureGround.RETENTION_ENDED
    with ctx.unit_of_work() as uow:
        meeting = uow.meetings.get(reference)
        if meeting is None:
            gone = uow.governance.tombstones(reference)
            if gone:
                raise NotFound(f"{reference} was erased on {gone[-1].erased_at.date().isoformat()}; "
                               "only its tombstone remains.")
            raise MeetingNotFound(reference)
        holds = holds_on(uow, reference)
        if holds:
            raise RecordHeld(f"{reference} cannot be erased: {holds[0].describe()}. Lift the hold first "
                             "('hold lift') if it no longer applies.")
        status = statuses(uow, reference)[0]
        if not lawful_request and not status.is_due(ctx.today()):
            until = (f"is kept until {status.retain_until.isoformat()} ({status.class_name})"
                     if status.retain_until else f"has no erasure date yet ({status.class_name})")
            raise InvalidInput(f"{reference} {until}; erase it before then only on a lawful request "
                               "(--lawful-request).")
        digest = content_hash(meeting)
        event = uow.audit.append(actor.name, "meeting.erase", f"meeting:{reference}", {
            "ground": ground.value, "content_hash": digest, "retention_class": status.class_name})
        uow.governance.erase_meeting_content(reference)
        uow.meetings.delete(reference)
        tombstone = uow.governance.add_tombstone(Tombstone(
            reference=reference, held_on=meeting.held_at.date() if meeting.held_at else None,
            created_at=meeting.created_at, signed_off_at=meeting.sign_off.signed_off_at if meeting.sign_off else None,
            retention_class=status.class_name, retain_until=status.retain_until, erased_at=ctx.now(),
            erased_by=actor.name, ground=ground, reason=text, content_hash=digest,
            signed_content_hash=meeting.sign_off.content_hash if meeting.sign_off else "",
            backups_before=_backups_made_before(uow), audit_seq=event.seq))
        uow.commit()
    erasure_ledger.record(ctx.data_dir, ctx.store.store_id, reference, meeting.created_at, tombstone.erased_at)
    purge_freed_pages(ctx.store)
    return tombstone


@dataclass(frozen=True)
class Resurrected:
    """A meeting erased from this data folder that a restore from an older backup brought back."""

    reference: str
    erased_on: str


def restored_after_erasure(ctx: ServiceContext, actor: User) -> list[Resurrected]:
    """Meetings in the store that were erased here before (the same reference, created at the
    same moment): a restore from a backup older than the erasure brought them back. Erase them
    again (on the original ground) and the backups that hold them age out as before."""
    from strategy_meeting.store import erasure_ledger

    require(actor, Permission.VIEW_RETENTION)
    erased = erasure_ledger.read(ctx.data_dir, ctx.store.store_id)
    if not erased:
        return []
    with ctx.unit_of_work() as uow:
        present = {m.reference: m for m in (uow.meetings.get(e["reference"]) for e in erased) if m is not None}
    found = []
    for entry in erased:
        meeting = present.get(entry["reference"])
        created = meeting.created_at.isoformat() if meeting is not None and meeting.created_at else ""
        if meeting is not None and created == entry.get("created_at", ""):
            found.append(Resurrected(entry["reference"], entry.get("erased_on", "")))
    return found


def tombstones(ctx: ServiceContext, actor: User, reference: str | None = None) -> list[Tombstone]:
    require(actor, Permission.VIEW_RETENTION)
    with ctx.unit_of_work() as uow:
        return uow.governance.tombstones(reference)
