# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Set an item's sharing terms by its id (issue 14): a contribution, decision or action of a
record not yet signed off, or an addendum (``addendum-N``) of a signed-off one.

The item keeps everything else. The change is logged (``services.sharing_log``): a first
audience is SET, a change that lets someone new see the item is LOOSENED and needs
``sharing_reason`` and the chair or the giving agency, anything else is CHANGED.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import Any

from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.errors import InvalidInput, MeetingNotFound, NotFound
from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.domain.roles import Permission, User
from strategy_meeting.domain.sharing_terms import SharingTerms

from . import meetings, sharing_log
from .context import ServiceContext
from .meetings import ItemKind
from .users import require
from strategy_meeting.services.governance import restriction  # issue 16

_KINDS = ((ItemKind.CONTRIBUTION, "contributions"), (ItemKind.DECISION, "decisions"), (ItemKind.ACTION, "actions"))


def find_item(meeting: Meeting, item_id: str) -> tuple[ItemKind | None, Any]:
    """The item with ``item_id`` and its kind; (None, addendum) for ``addendum-N``."""
    for kind, attr in _KINDS:
        for item in getattr(meeting, attr):
            if item.id == item_id:
                return kind, item
    for a in meeting.addenda:
        if sharing_log.addendum_id(a.number) == item_id:
            return None, a
    raise NotFound(f"Meeting {meeting.reference} has no item {item_id}: the ids are shown by 'show {meeting.reference}'.")


def set_terms(ctx: ServiceContext, actor: User, reference: str, item_id: str, terms: SharingTerms, *,
              sharing_reason: str = "") -> tuple[Meeting, Changes]:
    """Give one item these terms; refused as ``put_item`` refuses (and for an addendum, as
    ``add_addendum`` does: the chair who signs off)."""
    with ctx.unit_of_work() as uow:
        meeting = uow.meetings.get(reference)
        if meeting is None:
            raise MeetingNotFound(reference)
        kind, item = find_item(meeting, item_id)
    if kind is not None:
        changed = replace(copy.deepcopy(item), sharing=terms)
        return meetings.put_item(ctx, actor, reference, kind, changed, sharing_reason=sharing_reason)
    return _set_addendum_terms(ctx, actor, reference, item.number, terms, sharing_reason)


def _set_addendum_terms(ctx: ServiceContext, actor: User, reference: str, number: int, terms: SharingTerms,
                        reason: str) -> tuple[Meeting, Changes]:
    require(actor, Permission.SIGN_OFF)
    with ctx.unit_of_work() as uow:
        meeting = uow.meetings.get(reference)
        if meeting is None:
            raise MeetingNotFound(reference)
        restriction.check_processing(uow, reference)  # issue 16: Article 18
        if not meeting.status.is_locked:
            raise InvalidInput(f"{reference} is not signed off, so it has no addenda.")
        before = sharing_log.terms_of(meeting)
        target = next(a for a in meeting.addenda if a.number == number)
        target.sharing = terms
        logged = sharing_log.changes(before, meeting, actor, ctx, reason)
        if logged and terms.is_decided:
            logged += sharing_log.copies_fixed(meeting, actor, ctx, [target])
        uow.meetings.save(meeting)
        sharing_log.record(uow, actor, logged)
        uow.commit()
    return meeting, Changes(meetings=frozenset({meeting.id or 0}))
