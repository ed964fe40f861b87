# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Sign-off: list what is missing, take the chair's acknowledgement, lock the record.

After sign-off the meeting services refuse every edit (``MeetingLocked``); later changes are
addenda, numbered and dated, which appear in every copy rendered afterwards and are signed
with it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.errors import InvalidInput, MeetingLocked, MeetingNotFound, SignOffWarnings
from strategy_meeting.domain.meeting import Addendum, Meeting, SignOff
from strategy_meeting.domain.roles import Permission, User
from strategy_meeting.domain.signoff_checks import SignOffWarning, signoff_warnings

from .context import ServiceContext
from .users import require
from strategy_meeting.services.governance import restriction  # issue 16

# Bookkeeping that is not part of what was agreed, so not part of the fingerprint.
_NOT_CONTENT = {"id", "created_at", "updated_at", "created_by", "status", "sign_off", "addenda"}
MAX_ADDENDUM = 20_000


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, bytes):
        return value.hex()
    return value


def content_hash(meeting: Meeting) -> str:
    """SHA-256 of the record's content in canonical JSON: the same record, the same hash."""
    content = {k: v for k, v in _plain(meeting).items() if k not in _NOT_CONTENT}
    encoded = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def _load(uow: Any, reference: str) -> Meeting:
    meeting = uow.meetings.get(reference)
    if meeting is None:
        raise MeetingNotFound(reference)
    return meeting


def warnings(ctx: ServiceContext, actor: User, reference: str) -> list[SignOffWarning]:
    """What the chair must acknowledge before signing off (empty when nothing is missing)."""
    require(actor, Permission.SIGN_OFF)
    with ctx.unit_of_work() as uow:
        return signoff_warnings(_load(uow, reference))


def sign_off(
    ctx: ServiceContext, actor: User, reference: str, *, acknowledge_warnings: bool = False
) -> tuple[Meeting, Changes]:
    """Conclude and lock the meeting. Unacknowledged warnings stop it with nothing changed."""
    require(actor, Permission.SIGN_OFF)
    with ctx.unit_of_work() as uow:
        meeting = _load(uow, reference)
        restriction.check_processing(uow, reference)  # issue 16: Article 18
        if meeting.status.is_locked:
            raise MeetingLocked(f"The minutes of {reference} are already signed off.")
        found = signoff_warnings(meeting)
        if found and not acknowledge_warnings:
            raise SignOffWarnings(
                f"{len(found)} warning(s) for {reference}: review them, then sign off with "
                "--acknowledge-warnings.",
                [w.message for w in found],
            )
        at = ctx.now()
        meeting.sign(SignOff(1, actor.label, at, content_hash(meeting)))
        uow.meetings.save(meeting)
        uow.audit.append(
            actor.name,
            "minutes.sign_off",
            f"meeting:{reference}",
            {
                "version": 1,
                "content_hash": meeting.sign_off.content_hash,
                "acknowledged_warnings": sorted({w.kind.value for w in found}),
            },
        )
        uow.commit()
    return meeting, Changes(meetings=frozenset({meeting.id or 0}), meeting_list=True)


def add_addendum(
    ctx: ServiceContext, actor: User, reference: str, text: str
) -> tuple[Meeting, Changes]:
    """A numbered, dated addendum to signed-off minutes. It appears in every copy."""
    require(actor, Permission.SIGN_OFF)
    if not text.strip():
        raise InvalidInput("An addendum needs some text.")
    if len(text) > MAX_ADDENDUM:
        raise InvalidInput(f"An addendum may hold at most {MAX_ADDENDUM} characters.")
    with ctx.unit_of_work() as uow:
        meeting = _load(uow, reference)
        restriction.check_processing(uow, reference)  # issue 16: Article 18
        if not meeting.status.is_locked:
            raise InvalidInput(
                f"{reference} is not signed off yet: edit the record itself, not an addendum."
            )
        number = max((a.number for a in meeting.addenda), default=0) + 1
        meeting.addenda.append(Addendum(number, text, ctx.now(), actor.label))
        uow.meetings.save(meeting)
        uow.audit.append(
            actor.name,
            "minutes.addendum",
            f"meeting:{reference}",
            {"number": number, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()},
        )
        uow.commit()
    return meeting, Changes(meetings=frozenset({meeting.id or 0}))
