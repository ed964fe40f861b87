# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Undo and redo for the meeting workspace: each command is a pair of service calls.

A command holds only the meeting reference, the item kind, ids and plain values (deep copies
of domain items), never a widget or a loaded ``Meeting``, so undoing replays a service call
against whatever the store holds now. Every step is saved at once by the service it calls.

Hazard: if a service call fails (the meeting was signed off meanwhile, the store locked), the
command marks itself obsolete and Qt drops it from the stack, so the stack never claims a state
the store does not hold.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.domain.roles import User
from strategy_meeting.domain.sharing import item_loosens
from strategy_meeting.services import meetings
from strategy_meeting.services.context import ServiceContext
from strategy_meeting.services.meetings import ItemKind

ServiceCall = Callable[[ServiceContext, User], tuple[Meeting, Changes]]
# Runs a service call for the workspace (showing any error) and returns the meeting after it,
# or None when it failed.
Runner = Callable[[ServiceCall], Meeting | None]

_ID_ATTR = {ItemKind.AGENCY: "code"}

# Consecutive edits of one detail field merge into one undo step (typing a sentence is one step).
_DETAIL_MERGE_ID = 0x534D


def loosens_item(before: Any, after: Any) -> bool:
    """``domain.sharing.item_loosens``, under the name the workspace uses."""
    return item_loosens(before, after)


def item_id(kind: ItemKind, item: Any) -> str:
    return str(getattr(item, _ID_ATTR.get(kind, "id")))


def _with_id(kind: ItemKind, item: Any, value: str) -> Any:
    item = copy.deepcopy(item)
    setattr(item, _ID_ATTR.get(kind, "id"), value)
    return item


class _ServiceCommand(QUndoCommand):
    def __init__(self, run: Runner, reference: str, text: str) -> None:
        super().__init__(text)
        self._run = run
        self.reference = reference

    def _call(self, call: ServiceCall) -> Meeting | None:
        meeting = self._run(call)
        if meeting is None:
            self.setObsolete(True)
        return meeting


# Undoing a change that narrowed an item's terms widens them again: the reason is this one.
UNDO_SHARING_REASON = "Undo: the terms in force before the last change were restored."


class PutItemCommand(_ServiceCommand):
    """Add an item (undo removes it) or replace one (undo puts the old value back).

    ``sharing_reason`` is why the new terms loosen a restriction (asked before the step is
    pushed); redo passes it again, and undo gives ``UNDO_SHARING_REASON``, since putting back
    narrower terms' predecessor may itself loosen them (issue 14)."""

    def __init__(self, run: Runner, reference: str, kind: ItemKind, after: Any, before: Any | None,
                 text: str, sharing_reason: str = "") -> None:
        super().__init__(run, reference, text)
        self.kind = kind
        self.after = copy.deepcopy(after)
        self.before = copy.deepcopy(before)
        self.sharing_reason = sharing_reason

    def redo(self) -> None:
        after, reason = self.after, self.sharing_reason
        meeting = self._call(lambda ctx, actor: meetings.put_item(ctx, actor, self.reference, self.kind, after,
                                                                  sharing_reason=reason))
        if meeting is not None and not item_id(self.kind, self.after):
            # A new item got its id from the service (appended last); keep it so that undo
            # removes exactly this item and redo brings it back under the same id, which the
            # decisions that rely on it may name.
            new_id = item_id(self.kind, getattr(meeting, self.kind.value)[-1])
            self.after = _with_id(self.kind, self.after, new_id)

    def undo(self) -> None:
        if self.before is None:
            key = item_id(self.kind, self.after)
            self._call(lambda ctx, actor: meetings.remove_item(ctx, actor, self.reference, self.kind, key))
        else:
            before = self.before
            reason = UNDO_SHARING_REASON if loosens_item(self.after, before) else ""
            self._call(lambda ctx, actor: meetings.put_item(ctx, actor, self.reference, self.kind, before,
                                                            sharing_reason=reason))


class PutItemsCommand(_ServiceCommand):
    """Several items saved as one step (an agency from the directory with its representative);
    undo takes them back in reverse order: a new one removed, a changed one put back."""

    def __init__(self, run: Runner, reference: str, steps: list[tuple[ItemKind, Any, Any | None]],
                 text: str) -> None:
        super().__init__(run, reference, text)
        self.steps = copy.deepcopy(steps)

    def redo(self) -> None:
        items = [(kind, after) for kind, after, _before in self.steps]
        meeting = self._call(lambda ctx, actor: meetings.put_items(ctx, actor, self.reference, items))
        if meeting is None:
            return
        for n, (kind, after, before) in enumerate(self.steps):
            if not item_id(kind, after):  # a new item: keep the id the service gave it
                new_id = item_id(kind, getattr(meeting, kind.value)[-1])
                self.steps[n] = (kind, _with_id(kind, after, new_id), before)

    def undo(self) -> None:
        steps = list(reversed(self.steps))

        def back(ctx: ServiceContext, actor: User) -> tuple[Meeting, Changes]:
            result: tuple[Meeting, Changes] | None = None
            for kind, after, before in steps:
                if before is None:
                    step = meetings.remove_item(ctx, actor, self.reference, kind, item_id(kind, after))
                else:
                    step = meetings.put_item(ctx, actor, self.reference, kind, before)
                result = step if result is None else (step[0], result[1] | step[1])
            assert result is not None
            return result

        self._call(back)


class RemoveItemCommand(_ServiceCommand):
    """Remove an item; undo puts it back where it was, and restores the items that named it
    (removing a contribution also drops it from the decisions that relied on it)."""

    def __init__(self, run: Runner, reference: str, kind: ItemKind, item: Any, position: int,
                 dependants: list[tuple[ItemKind, Any]], text: str) -> None:
        super().__init__(run, reference, text)
        self.kind = kind
        self.item = copy.deepcopy(item)
        self.position = position
        self.dependants = copy.deepcopy(dependants)

    def redo(self) -> None:
        key = item_id(self.kind, self.item)
        self._call(lambda ctx, actor: meetings.remove_item(ctx, actor, self.reference, self.kind, key))

    def undo(self) -> None:
        item, key, position = self.item, item_id(self.kind, self.item), self.position

        def restore(ctx: ServiceContext, actor: User) -> tuple[Meeting, Changes]:
            meeting, changes = meetings.put_item(ctx, actor, self.reference, self.kind, item)
            meeting, more = meetings.move_item(ctx, actor, self.reference, self.kind, key, position)
            changes = changes | more
            for kind, dependant in self.dependants:
                meeting, more = meetings.put_item(ctx, actor, self.reference, kind, dependant)
                changes = changes | more
            return meeting, changes

        self._call(restore)


class MoveItemCommand(_ServiceCommand):
    def __init__(self, run: Runner, reference: str, kind: ItemKind, key: str, old: int, new: int,
                 text: str) -> None:
        super().__init__(run, reference, text)
        self.kind, self.key, self.old, self.new = kind, key, old, new

    def redo(self) -> None:
        self._call(lambda ctx, actor: meetings.move_item(ctx, actor, self.reference, self.kind, self.key, self.new))

    def undo(self) -> None:
        self._call(lambda ctx, actor: meetings.move_item(ctx, actor, self.reference, self.kind, self.key, self.old))


class UpdateDetailsCommand(_ServiceCommand):
    """Change one top-level detail of the meeting (``held_at``, ``referral``, ...).

    ``merge_key`` names the exact input (e.g. ``referral.reason``): consecutive saves of the
    same input merge, so undo takes back a whole burst of typing, not one autosave of it.
    """

    def __init__(self, run: Runner, reference: str, field: str, after: Any, before: Any, text: str,
                 merge_key: str = "") -> None:
        super().__init__(run, reference, text)
        self.field = field
        self.after = copy.deepcopy(after)
        self.before = copy.deepcopy(before)
        self.merge_key = merge_key or field

    def id(self) -> int:
        return _DETAIL_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt naming
        if not isinstance(other, UpdateDetailsCommand):
            return False
        if (other.reference, other.merge_key) != (self.reference, self.merge_key) or other.isObsolete():
            return False
        self.after = copy.deepcopy(other.after)
        # Typed and then typed back: nothing left to undo, so Qt drops the step.
        self.setObsolete(self.after == self.before)
        return True

    def redo(self) -> None:
        value = self.after
        self._call(lambda ctx, actor: meetings.update_details(ctx, actor, self.reference, **{self.field: value}))

    def undo(self) -> None:
        value = self.before
        self._call(lambda ctx, actor: meetings.update_details(ctx, actor, self.reference, **{self.field: value}))
