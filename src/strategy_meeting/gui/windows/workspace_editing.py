# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Item editing for the workspace: which dialog edits which kind, and how a save, a removal or
a move becomes an undoable service call.

The dialog stays open until the service accepts the item; a refusal is shown inside it.

Each save names what the dialog was opened over (issue 17: no lost update): the item as read
(``expected``), and for a decision the contributions it relies on as read (``made_from``: a
decision records a judgement over what those said, so one changed meanwhile is to be read
again first). A refusal over a colleague's change keeps the dialog open with its text and
offers Reload, which fetches the meeting, refreshes this window and rebases the dialog.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from shiboken6 import isValid

from strategy_meeting.gui.dialogs.action_dialog import ActionDialog
from strategy_meeting.gui.dialogs.agency_dialog import AgencyDialog
from strategy_meeting.gui.dialogs.child_dialog import ChildDialog
from strategy_meeting.gui.dialogs.contribution_dialog import ContributionDialog
from strategy_meeting.gui.dialogs.decision_dialog import DecisionDialog
from strategy_meeting.gui.dialogs.household_dialog import HouseholdDialog
from strategy_meeting.gui.dialogs.item_dialog import ItemDialog
from strategy_meeting.gui.dialogs.participant_dialog import ParticipantDialog
from strategy_meeting.domain.agency import Agency
from strategy_meeting.domain.errors import MeetingChanged, UserError
from strategy_meeting.gui.dialogs.sharing_reason_dialog import SharingReasonDialog
from strategy_meeting.domain.sharing import item_loosens, seen_by
from strategy_meeting.gui.undo import (
    MoveItemCommand,
    PutItemCommand,
    PutItemsCommand,
    RemoveItemCommand,
    item_id,
    stored_item,
)
from strategy_meeting.services import agencies
from strategy_meeting.services.meetings import UNCHECKED, ItemKind

if TYPE_CHECKING:
    from .meeting_workspace import MeetingWorkspace

DIALOGS: dict[ItemKind, type[ItemDialog]] = {
    ItemKind.CHILD: ChildDialog,
    ItemKind.HOUSEHOLD: HouseholdDialog,
    ItemKind.AGENCY: AgencyDialog,
    ItemKind.PARTICIPANT: ParticipantDialog,
    ItemKind.CONTRIBUTION: ContributionDialog,
    ItemKind.DECISION: DecisionDialog,
    ItemKind.ACTION: ActionDialog,
}

NOUNS = {
    ItemKind.CHILD: "subject child",
    ItemKind.HOUSEHOLD: "household member",
    ItemKind.AGENCY: "agency",
    ItemKind.PARTICIPANT: "participant",
    ItemKind.CONTRIBUTION: "contribution",
    ItemKind.DECISION: "decision",
    ItemKind.ACTION: "action",
}


class ItemEditing:
    """Opens item dialogs and pushes the commands they lead to onto the workspace's stack."""

    def __init__(self, workspace: MeetingWorkspace) -> None:
        self.ws = workspace
        self.dialogs: list[QDialog] = []
        self.reason_dialog: SharingReasonDialog | None = None  # the last one asked, for tests

    def edit(self, kind: ItemKind, item: Any | None = None, **preset: Any) -> ItemDialog | None:
        ws = self.ws
        if ws.meeting is None:
            return None
        ws.flush_all()
        if kind in (ItemKind.AGENCY, ItemKind.PARTICIPANT) and "directory" not in preset:
            preset["directory"] = self._directory()
        dialog = DIALOGS[kind](ws.meeting, item, ws, **preset)
        if kind is ItemKind.DECISION:
            dialog.made_from_base = {c.id: copy.deepcopy(c) for c in ws.meeting.contributions}
        dialog.saveRequested.connect(lambda new, d=dialog: self._save(d, new))
        dialog.conflict.reloadRequested.connect(lambda d=dialog: self.reload_for(d))
        dialog.finished.connect(lambda _r, d=dialog: self._forget(d))
        self.dialogs.append(dialog)
        ws.active_dialog = dialog
        dialog.open()
        return dialog

    def _directory(self) -> list[Agency]:
        """The administrator's agency directory, offered when adding a meeting's agencies."""
        state = self.ws.state
        if state.is_locked:
            return []
        try:
            return agencies.list_agencies(state.ctx, state.actor)
        except UserError:
            return []

    def _forget(self, dialog: QDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        if self.ws.active_dialog is dialog:
            self.ws.active_dialog = self.dialogs[-1] if self.dialogs else None
        dialog.deleteLater()

    def _save(self, dialog: ItemDialog, new: Any) -> None:
        ws = self.ws
        if ws.meeting is None:
            return
        if not dialog.is_new and new == dialog.original:
            dialog.accept()  # nothing changed: no empty undo step
            return
        noun = NOUNS[dialog.kind]
        text = f"Add {noun}" if dialog.is_new else f"Edit {noun}"
        agency = dialog.new_agency() if isinstance(dialog, ParticipantDialog) else None
        if agency is not None:  # from the directory: the agency and its representative, one step
            steps = [(ItemKind.AGENCY, agency, None),
                     (ItemKind.PARTICIPANT, new, None if dialog.is_new else dialog.original)]
            if ws.push(PutItemsCommand(ws.run_service, ws.reference, steps, f"{text} and agency"),
                       error_sink=dialog.show_problem):
                dialog.accept()
            else:
                self._offer_reload(dialog)
            return
        before = None if dialog.is_new else dialog.original
        if item_loosens(before, new):
            self._ask_reason(dialog, new, before, text)
            return
        self._push_put(dialog, new, before, text, "")

    def _ask_reason(self, dialog: ItemDialog, new: Any, before: Any, text: str) -> SharingReasonDialog:
        """Loosening a restriction needs a reason (issue 14): asked here, then sent with the
        change; Cancel goes back to the item's dialog with nothing saved."""
        meeting = self.ws.meeting
        codes = meeting.agency_codes if meeting is not None else []
        owner = getattr(new, "owner_agency", None) or None
        ask = SharingReasonDialog(NOUNS[dialog.kind], seen_by(owner, before.sharing, codes),
                                  seen_by(owner, new.sharing, codes), dialog)
        ask.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ask.done_with(lambda reason: self._push_put(dialog, new, before, text, reason))
        self.reason_dialog = ask
        ask.open()
        return ask

    def _push_put(self, dialog: ItemDialog, new: Any, before: Any, text: str, reason: str) -> None:
        made_from = [(ItemKind.CONTRIBUTION, dialog.made_from_base[k]) for k in getattr(new, "relied_on", [])
                     if k in dialog.made_from_base]
        command = PutItemCommand(self.ws.run_service, self.ws.reference, dialog.kind, new, before, text,
                                 sharing_reason=reason, made_from=made_from)
        if self.ws.push(command, error_sink=dialog.show_problem):
            dialog.accept()
        else:
            self._offer_reload(dialog)

    def _offer_reload(self, dialog: ItemDialog) -> None:
        refusal = self.ws.last_refusal
        if isinstance(refusal, MeetingChanged) and isValid(dialog):
            dialog.show_conflict(refusal)

    def reload_for(self, dialog: ItemDialog) -> None:
        """Reload, from a refused dialog: fetch the meeting, show it in this window, and rebase
        the dialog on the refused item as it is now (their version beside the user's text)."""
        refusal = dialog.conflict.refusal
        self.ws.reload()
        meeting = self.ws.meeting
        if refusal is None or meeting is None:
            return
        wanted = refusal.item_id or dialog.original_id()  # a whole-part refusal: the dialog's own item
        current = stored_item(meeting, ItemKind(refusal.part), wanted)
        dialog.rebase(meeting, refusal, None if current is UNCHECKED else current)

    def remove(self, kind: ItemKind, item: Any) -> bool:
        ws = self.ws
        meeting = ws.meeting
        if meeting is None:
            return False
        key = item_id(kind, item)
        items = getattr(meeting, kind.value)
        position = next((n for n, i in enumerate(items) if item_id(kind, i) == key), len(items))
        dependants: list[tuple[ItemKind, Any]] = []
        if kind is ItemKind.CONTRIBUTION:
            dependants = [(ItemKind.DECISION, d) for d in meeting.decisions if key in d.relied_on]
        command = RemoveItemCommand(ws.run_service, ws.reference, kind, item, position, dependants,
                                    f"Remove {NOUNS[kind]}")
        return ws.push(command)

    def move(self, kind: ItemKind, item: Any, delta: int) -> bool:
        ws = self.ws
        meeting = ws.meeting
        if meeting is None:
            return False
        items = getattr(meeting, kind.value)
        key = item_id(kind, item)
        keys = [item_id(kind, i) for i in items]
        if key not in keys:
            return False
        old = keys.index(key)
        # Contributions are shown grouped by agency: move past the neighbour in the same group.
        same_group = [n for n, i in enumerate(items)
                      if kind is not ItemKind.CONTRIBUTION or i.agency == item.agency]
        place = same_group.index(old) + delta
        if not 0 <= place < len(same_group):
            return False
        new = same_group[place]
        return ws.push(MoveItemCommand(ws.run_service, ws.reference, kind, key, old, new, f"Move {NOUNS[kind]}",
                                       order=keys))

    def hide_all(self) -> list[QDialog]:
        """On lock: hide open editors without closing them, so their typed text survives. A
        loosening reason being asked is dropped (its item's dialog keeps the terms chosen, and
        Save asks again after unlocking)."""
        if self.reason_dialog is not None and isValid(self.reason_dialog):
            self.reason_dialog.reject()
        self.reason_dialog = None
        hidden = [d for d in self.dialogs if d.isVisible()]
        for d in hidden:
            d.hide()
        return hidden
