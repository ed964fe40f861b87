# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Undo and redo for the meeting workspace: each command is a pair of service calls.

A command holds only the meeting reference, the item kind, ids and plain values (deep copies
of domain items), never a widget or a loaded ``Meeting``, so undoing replays a service call
against whatever the store holds now. Every step is saved at once by the service it calls.

Hazard: if a service call fails (the meeting was signed off meanwhile, the store locked), the
command marks itself obsolete and Qt drops it from the stack, so the stack never claims a state
the store does not hold.

No lost update (issue 17): every call names the item as this window last saw it (``expected``
of ``services.meetings``), so on the team server a step is refused, never saved over, when a
colleague changed that item since. Redo expects what the step found (``before``, or no item for
an add), undo what the step left (the item as the service stored it); a first add expects
nothing, since adding loses nothing. The rule is the service's; a command only says what it saw.
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


def item_id(kind: ItemKind, item: Any) -> str:
    return str(getattr(item, _ID_ATTR.get(kind, "id")))


def stored_item(meeting: Meeting, kind: ItemKind, key: str) -> Any:
    """The item ``key`` as the service stored it (ids, stamps and normalised values filled in),
    from the meeting a call returned: what the next step expects to find. ``UNCHECKED`` when
    the returned meeting does not show it (nothing known, so nothing is claimed)."""
    found = next((i for i in getattr(meeting, kind.value) if item_id(kind, i) == key), None)
    return meetings.UNCHECKED if found is None else copy.deepcopy(found)


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
    narrower terms' predecessor may itself loosen them (issue 14).

    ``before`` is also what the first save expects to find (the edit dialog's original, after
    a Reload the colleague's version), and ``made_from`` the other items the new value was made
    over (a decision's relied-on contributions as the dialog read them), checked on the first
    save only: a later redo replays the user's own step, over their own later edits."""

    def __init__(self, run: Runner, reference: str, kind: ItemKind, after: Any, before: Any | None,
                 text: str, sharing_reason: str = "", made_from: list[tuple[ItemKind, Any]] | None = None) -> None:
        super().__init__(run, reference, text)
        self.kind = kind
        self.after = copy.deepcopy(after)
        self.before = copy.deepcopy(before)
        self.sharing_reason = sharing_reason
        self.made_from = copy.deepcopy(made_from or [])
        # What each direction expects to find: the item as this step left it (``stored``), and
        # as the step found it; a first add expects nothing (adding loses nothing, even under
        # an id the user chose, an agency's code).
        self.stored: Any = meetings.UNCHECKED
        self.found: Any = self.before if self.before is not None else meetings.UNCHECKED

    def redo(self) -> None:
        after, reason, made_from, expected = self.after, self.sharing_reason, self.made_from, self.found
        meeting = self._call(lambda ctx, actor: meetings.put_item(ctx, actor, self.reference, self.kind, after,
                                                                  sharing_reason=reason, expected=expected,
                                                                  made_from=made_from))
        if meeting is None:
            return
        self.made_from = []
        if not item_id(self.kind, self.after):
            # A new item got its id from the service (appended last); keep it so that undo
            # removes exactly this item and redo brings it back under the same id, which the
            # decisions that rely on it may name.
            new_id = item_id(self.kind, getattr(meeting, self.kind.value)[-1])
            self.after = _with_id(self.kind, self.after, new_id)
        self.stored = stored_item(meeting, self.kind, item_id(self.kind, self.after))

    def undo(self) -> None:
        left, key = self.stored, item_id(self.kind, self.after)
        if self.before is None:
            if self._call(lambda ctx, actor: meetings.remove_item(ctx, actor, self.reference, self.kind, key,
                                                                  expected=left)) is not None:
                self.found = None  # redone, it expects its id still free
        else:
            before = self.before
            reason = UNDO_SHARING_REASON if item_loosens(self.after, before) else ""
            meeting = self._call(lambda ctx, actor: meetings.put_item(ctx, actor, self.reference, self.kind, before,
                                                                      sharing_reason=reason, expected=left))
            if meeting is not None:  # as stored (a contribution's recording time is stamped)
                self.found = stored_item(meeting, self.kind, key)


class PutItemsCommand(_ServiceCommand):
    """Several items saved as one step (an agency from the directory with its representative);
    undo takes them back in reverse order: a new one removed, a changed one put back. Each
    changed item expects what it replaces, as ``PutItemCommand`` does; an agency added from the
    directory expects nothing (adding loses nothing)."""

    def __init__(self, run: Runner, reference: str, steps: list[tuple[ItemKind, Any, Any | None]],
                 text: str) -> None:
        super().__init__(run, reference, text)
        self.steps = copy.deepcopy(steps)
        self.stored: list[Any] = []
        self.found: list[Any] = [meetings.UNCHECKED if before is None else before for _k, _a, before in steps]

    def redo(self) -> None:
        items = [(kind, after) for kind, after, _before in self.steps]
        expected = [(kind, item_id(kind, after), found) for (kind, after, _b), found in zip(self.steps, self.found,
                                                                                              strict=True)
                    if found is not meetings.UNCHECKED]
        meeting = self._call(lambda ctx, actor: meetings.put_items(ctx, actor, self.reference, items,
                                                                   expected=expected))
        if meeting is None:
            return
        for n, (kind, after, before) in enumerate(self.steps):
            if not item_id(kind, after):  # a new item: keep the id the service gave it
                new_id = item_id(kind, getattr(meeting, kind.value)[-1])
                self.steps[n] = (kind, _with_id(kind, after, new_id), before)
        self.stored = [stored_item(meeting, kind, item_id(kind, after)) for kind, after, _b in self.steps]

    def undo(self) -> None:
        stored = self.stored or [meetings.UNCHECKED] * len(self.steps)
        steps = list(reversed(list(zip(self.steps, stored, strict=True))))

        def back(ctx: ServiceContext, actor: User) -> tuple[Meeting, Changes]:
            result: tuple[Meeting, Changes] | None = None
            for (kind, after, before), left in steps:
                if before is None:
                    step = meetings.remove_item(ctx, actor, self.reference, kind, item_id(kind, after),
                                                expected=left)
                else:
                    step = meetings.put_item(ctx, actor, self.reference, kind, before, expected=left)
                result = step if result is None else (step[0], result[1] | step[1])
            assert result is not None
            return result

        meeting = self._call(back)
        if meeting is not None:
            self.found = [None if before is None else stored_item(meeting, kind, item_id(kind, after))
                          for kind, after, before in self.steps]


class RemoveItemCommand(_ServiceCommand):
    """Remove an item; undo puts it back where it was, and restores the items that named it
    (removing a contribution also drops it from the decisions that relied on it).

    The removal expects the item as the window showed it (a colleague's newer words are not
    thrown away unseen); putting it back expects its id still free (ids are reused, so a
    colleague's new item may hold it) and each decision as the removal left it."""

    def __init__(self, run: Runner, reference: str, kind: ItemKind, item: Any, position: int,
                 dependants: list[tuple[ItemKind, Any]], text: str) -> None:
        super().__init__(run, reference, text)
        self.kind = kind
        self.item = copy.deepcopy(item)
        self.position = position
        self.dependants = copy.deepcopy(dependants)
        self.left: list[Any] = [meetings.UNCHECKED] * len(self.dependants)
        self.shown: Any = self.item

    def redo(self) -> None:
        key, shown = item_id(self.kind, self.item), self.shown
        meeting = self._call(lambda ctx, actor: meetings.remove_item(ctx, actor, self.reference, self.kind, key,
                                                                    expected=shown))
        if meeting is not None:
            self.left = [stored_item(meeting, kind, item_id(kind, d)) for kind, d in self.dependants]

    def undo(self) -> None:
        item, key, position = self.item, item_id(self.kind, self.item), self.position

        def restore(ctx: ServiceContext, actor: User) -> tuple[Meeting, Changes]:
            meeting, changes = meetings.put_item(ctx, actor, self.reference, self.kind, item, expected=None)
            meeting, more = meetings.move_item(ctx, actor, self.reference, self.kind, key, position)
            changes = changes | more
            for (kind, dependant), left in zip(self.dependants, self.left, strict=True):
                meeting, more = meetings.put_item(ctx, actor, self.reference, kind, dependant, expected=left)
                changes = changes | more
            return meeting, changes

        meeting = self._call(restore)
        if meeting is not None:
            self.shown = stored_item(meeting, self.kind, key)


class MoveItemCommand(_ServiceCommand):
    """Move an item by one place. Each direction expects the list in the order it was chosen
    in (``order`` before the move, the order it made after), so a move never lands in a list a
    colleague has reordered, added to or removed from since (``services.meetings.move_item``)."""

    def __init__(self, run: Runner, reference: str, kind: ItemKind, key: str, old: int, new: int,
                 text: str, order: list[str] | None = None) -> None:
        super().__init__(run, reference, text)
        self.kind, self.key, self.old, self.new = kind, key, old, new
        self.order_before = list(order) if order is not None else None
        self.order_after: list[str] | None = None
        if order is not None:
            moved = [k for k in order if k != key]
            moved.insert(max(0, min(new, len(moved))), key)
            self.order_after = moved

    def redo(self) -> None:
        order = self.order_before
        self._call(lambda ctx, actor: meetings.move_item(ctx, actor, self.reference, self.kind, self.key, self.new,
                                                         expected_order=order))

    def undo(self) -> None:
        order = self.order_after
        self._call(lambda ctx, actor: meetings.move_item(ctx, actor, self.reference, self.kind, self.key, self.old,
                                                         expected_order=order))


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
        self._undone = False

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
        # The first run is the save as you type (unchecked: see ``services.meetings.update_details``);
        # a redo after an undo expects the value the undo put back.
        value, expected = self.after, ({self.field: self.before} if self._undone else None)
        self._call(lambda ctx, actor: meetings.update_details(ctx, actor, self.reference, expected=expected,
                                                              **{self.field: value}))

    def undo(self) -> None:
        value, expected = self.before, {self.field: self.after}
        if self._call(lambda ctx, actor: meetings.update_details(ctx, actor, self.reference, expected=expected,
                                                                 **{self.field: value})) is not None:
            self._undone = True
