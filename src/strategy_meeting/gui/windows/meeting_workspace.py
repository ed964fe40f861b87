# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""One window per meeting: its sections, the live statutory checklist, undo and redo.

Every edit is an undoable service call made at once (``gui.undo``), so what the chair typed is
in the encrypted store before the next step. The window holds the meeting the last call
returned and nothing it cannot get back from the store: on lock it blanks every section and
hides open editors (their unsaved text stays in them); on unlock it reloads.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.errors import MeetingChanged, UserError
from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.domain.roles import Permission, allowed
from strategy_meeting.gui import ops
from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.minutes_calls import GeneratedCopy
from strategy_meeting.gui.undo import ServiceCall, UpdateDetailsCommand
from strategy_meeting.gui.widgets.governance_banner import GovernanceBanner
from strategy_meeting.gui.widgets.statutory_checklist import StatutoryChecklist
from strategy_meeting.services import meetings
from strategy_meeting.services.meetings import ItemKind

from .sections import SECTIONS, Section
from .workspace_actions import build_actions
from .workspace_addenda import AddendaFlow
from .workspace_editing import ItemEditing
from .workspace_forms import FormsFlow, dropped_files
from .workspace_lock import WorkspaceLockPage
from .workspace_minutes import MinutesFlow

# Which section each "new item" step opens first, so the new row is in view when it is saved.
_SECTION_OF = {ItemKind.CHILD: "children", ItemKind.HOUSEHOLD: "children", ItemKind.PARTICIPANT: "participants",
               ItemKind.AGENCY: "participants", ItemKind.CONTRIBUTION: "contributions",
               ItemKind.DECISION: "decisions", ItemKind.ACTION: "actions"}


class MeetingWorkspace(QMainWindow):
    meetingShown = Signal(object)  # Meeting
    minutesGenerated = Signal(object)  # list[GeneratedCopy]
    minutesFailed = Signal(str)
    formWritten = Signal(object)  # Path of a request form
    formImported = Signal(object)  # FormImport
    formImportFailed = Signal(str)

    undo_action: QAction
    redo_action: QAction
    generate_action: QAction
    sign_off_action: QAction
    request_form_action: QAction
    distribute_action: QAction
    add_addendum_action: QAction
    import_form_action: QAction

    def __init__(self, state: AppState, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.reference = reference
        self.meeting: Meeting | None = None
        self.active_dialog: QDialog | None = None
        self.undo_stack = QUndoStack(self)
        self.editing = ItemEditing(self)
        self.minutes = MinutesFlow(self)
        self.forms = FormsFlow(self)
        self.addenda = AddendaFlow(self)
        self._own_change = False
        self._ok = False
        self._error_sink: Callable[[str], None] | None = None
        # Why the last service call was refused (None when it was not): a dialog waiting on it
        # acts on its kind (a colleague's change offers Reload, issue 17).
        self.last_refusal: UserError | None = None
        self._hidden_dialogs: list[QDialog] = []
        self._dock_hidden_by_lock = False
        self._stale: set[str] = set()  # sections not redrawn since the meeting last changed
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("meetingWorkspace")
        self.setAcceptDrops(True)  # a filled contribution form dropped on the window is imported

        self.section_list: list[Section] = [cls(self) for cls in SECTIONS]
        self.sections: dict[str, Section] = {s.key: s for s in self.section_list}
        self.nav = QListWidget(self)
        self.nav.setAccessibleName(self.tr("Sections"))
        self.pages = QStackedWidget(self)
        for n, section in enumerate(self.section_list, start=1):
            item = QListWidgetItem(f"{n}  {section.title}")
            item.setToolTip(f"{section.title} (Ctrl+{n % 10})")
            self.nav.addItem(item)
            self.pages.addWidget(section)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.pages.currentChanged.connect(lambda _i: self._refresh_current())
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth()
                               + self.nav.fontMetrics().horizontalAdvance("MM"))
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(self.tr("Read-only notice"))
        self.banner.setStyleSheet("QLabel { background: #fff4ce; color: #3b2f00; padding: 0.4em; }")
        self.banner.hide()
        body = QWidget(self)
        body_layout = QHBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.nav)
        page_column = QVBoxLayout()
        page_column.addWidget(self.banner)
        self.governance_banner = GovernanceBanner(self)  # issue 16: legal holds, Article 18
        page_column.addWidget(self.governance_banner)
        self.meetingShown.connect(
            lambda m: self.governance_banner.show_for(self.state.ctx, self.state.actor, m.reference))
        page_column.addWidget(self.pages, 1)
        body_layout.addLayout(page_column, 1)

        self.lock_page = WorkspaceLockPage(state, self)  # with the unlock screen (issue 19)
        self.outer = QStackedWidget(self)
        self.outer.addWidget(body)
        self.outer.addWidget(self.lock_page)
        self.setCentralWidget(self.outer)

        self.checklist = StatutoryChecklist(self)
        self.checklist.sectionRequested.connect(self.show_section)
        self.checklist_dock = QDockWidget(self.tr("Statutory checks"), self)
        self.checklist_dock.setObjectName("checklistDock")
        self.checklist_dock.setWidget(self.checklist)
        # Never squeezed to a word a line (issue 19, at 150 % on a small screen): the form's
        # fields give way first.
        self.checklist.setMinimumWidth(self.checklist.fontMetrics().averageCharWidth() * 26)
        self.checklist_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                        | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.checklist_dock)

        build_actions(self)
        self.minutesGenerated.connect(lambda _copies: self.sections["addenda"].copies_regenerated())  # type: ignore[attr-defined]
        self.nav.setCurrentRow(0)
        state.locked.connect(self._on_locked)
        state.unlocked.connect(self._on_unlocked)
        state.bus.changed.connect(self._on_changes)
        if state.is_locked:
            self._on_locked()
        else:
            self.reload()

    # -- SectionHost ---------------------------------------------------------------------------------

    def today(self) -> date:
        return self.state.ctx.today() if not self.state.is_locked else date.today()

    def can_save(self) -> bool:
        return not self.state.is_locked and self.meeting is not None and not self.meeting.status.is_locked

    def edit_item(self, kind: ItemKind, item: Any | None = None, **preset: Any) -> None:
        self.editing.edit(kind, item, **preset)

    def new_item(self, kind: ItemKind) -> None:
        if self.meeting is None or not self._may_add(kind):
            return
        self.show_section(_SECTION_OF[kind])
        actor = self.state.actor
        if kind is ItemKind.CONTRIBUTION and actor.agency and not allowed(actor.role, Permission.EDIT_MEETING):
            self.editing.edit(kind, None, agency=actor.agency)  # a representative adds their own
        elif kind is ItemKind.CONTRIBUTION:
            self.sections["contributions"].add_for_current_agency()  # type: ignore[attr-defined]
        else:
            self.editing.edit(kind)

    def remove_item(self, kind: ItemKind, item: Any) -> None:
        self.editing.remove(kind, item)

    def move_item(self, kind: ItemKind, item: Any, delta: int) -> None:
        self.editing.move(kind, item, delta)

    def update_detail(self, field: str, after: Any, merge_key: str, text: str) -> bool:
        if self.meeting is None:
            return False
        before = getattr(self.meeting, field)
        return self.push(UpdateDetailsCommand(self.run_service, self.reference, field, after, before, text,
                                              merge_key))

    def show_section(self, key: str) -> None:
        index = [s.key for s in self.section_list].index(key)
        self.nav.setCurrentRow(index)
        self.section_list[index].focus_first()

    def sign_off(self) -> Any:
        return self.minutes.sign_off()

    def add_addendum(self) -> Any:
        """Open the addendum dialog for signed-off minutes (returned for tests)."""
        return self.addenda.open()

    def distribute(self) -> Any:
        """Open the distribution dialog for this signed-off meeting (returned for tests)."""
        from strategy_meeting.gui.dialogs.distribution_dialog import DistributionDialog

        if self.meeting is None or self.state.is_locked or not self.meeting.status.is_locked:
            return None
        dialog = DistributionDialog(self.state, self.reference, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def generate_minutes(self, folder: Path | None = None, sign: bool | None = None) -> bool:
        return self.minutes.generate(folder, sign)

    def stored_copies(self) -> list[GeneratedCopy]:
        return self.minutes.stored_copies()

    def preview_copy(self, copy: GeneratedCopy) -> Any:
        return self.minutes.preview_copy(copy)

    def open_copy(self, copy: GeneratedCopy) -> None:
        self.minutes.open_copy(copy)

    # -- running service calls --------------------------------------------------------------------

    def run_service(self, call: ServiceCall, error_sink: Callable[[str], None] | None = None) -> Meeting | None:
        """Run one service call now; show the meeting it returns, or the reason it was refused
        (in ``error_sink`` when a dialog is waiting for it, else in a message box)."""
        self._ok = False
        self.last_refusal = None
        if self.state.is_locked:
            return None
        sink = error_sink or self._error_sink
        refused: list[BaseException] = []

        def failed(exc: BaseException) -> None:
            refused.append(exc)
            if isinstance(exc, UserError):
                self.last_refusal = exc
            if isinstance(exc, UserError) and sink is not None:
                sink(str(exc))  # shown in the dialog that is waiting for it
            else:
                ops.show_error(self, exc)

        ctx, actor = self.state.ctx, self.state.actor
        self._own_change = True  # the op announces the change; this window already shows it
        try:
            meeting = ops.ServiceOp(self, lambda: call(ctx, actor)).failure(failed).run_now()
        finally:
            self._own_change = False
        if refused:
            if isinstance(refused[0], MeetingChanged) and sink is None:
                # An undo, a removal or a move met a colleague's change: show the meeting as it
                # now is, so the next step is chosen over what is there (issue 17).
                self.reload()
            return None
        self._ok = True
        self.show_meeting(meeting)
        self.statusBar().showMessage(self.tr("All changes saved."), 4000)
        return meeting

    def push(self, command: QUndoCommand, error_sink: Callable[[str], None] | None = None) -> bool:
        """Push an undoable step (its redo runs the service call). False when it was refused."""
        self._error_sink = error_sink
        try:
            self.undo_stack.push(command)
        finally:
            self._error_sink = None
        return self._ok

    def undo(self) -> None:
        self.flush_all()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.flush_all()
        self.undo_stack.redo()

    def flush_all(self) -> None:
        for section in self.section_list:
            section.flush()

    # -- showing -------------------------------------------------------------------------------------

    def reload(self) -> None:
        if self.state.is_locked:
            return
        try:
            meeting = meetings.get(self.state.ctx, self.state.actor, self.reference)
        except Exception as exc:  # noqa: BLE001
            ops.show_error(self, exc)
            return
        self.show_meeting(meeting)

    def show_meeting(self, meeting: Meeting) -> None:
        """Show the meeting a service call returned. Only the page on show is redrawn now;
        the others are redrawn when they are opened (a large meeting stays quick to edit)."""
        self.meeting = meeting
        self.setWindowTitle(self.tr("{0} ({1}) \u2014 Strategy Meeting").format(
            meeting.reference, meeting.status.label.lower()))
        self.outer.setCurrentIndex(0)
        if self._dock_hidden_by_lock:
            self._dock_hidden_by_lock = False
            self.checklist_dock.show()
        self._stale = set(self.sections)
        self._refresh_current()
        self.checklist.show_meeting(meeting, self._live_warnings(meeting))
        self._apply_permissions()
        self.sync_actions()
        self.meetingShown.emit(meeting)

    def _live_warnings(self, meeting: Meeting) -> list | None:  # type: ignore[type-arg]
        """The checks as the service finds them (the meeting's bank holidays, the local
        checks); None (the domain's defaults) when they cannot be read now."""
        from strategy_meeting.services import signoff

        ctx = self.state.ctx
        if ctx is None or self.state.is_locked:
            return None
        # A failure (the store closing under us) leaves the checklist on the domain's defaults.
        return ops.ServiceOp(self, lambda: signoff.live_warnings(ctx, meeting)).failure(lambda _e: None).run_now()

    def _refresh_current(self) -> None:
        section = self.pages.currentWidget()
        if self.meeting is not None and isinstance(section, Section) and section.key in self._stale:
            self._stale.discard(section.key)
            section.show_meeting(self.meeting)

    def _may_add(self, kind: ItemKind) -> bool:
        meeting = self.meeting
        if meeting is None or meeting.status.is_locked or self.state.is_locked:
            return False
        role = self.state.actor.role
        if kind is ItemKind.CONTRIBUTION:
            return allowed(role, Permission.CONTRIBUTE)
        return allowed(role, Permission.EDIT_MEETING)

    def _apply_permissions(self) -> None:
        read_only = not self._may_add(ItemKind.DECISION)
        contributions = self._may_add(ItemKind.CONTRIBUTION)
        for section in self.section_list:
            section.set_read_only(read_only, contributions)
        meeting = self.meeting
        if meeting is not None and meeting.sign_off is not None:
            when = meeting.sign_off.signed_off_at.astimezone().strftime("%d/%m/%Y %H:%M")
            self.banner.setText(self.tr("Signed off by {0} on {1}. The record is read only; later changes "
                                        "are addenda.").format(meeting.sign_off.signed_off_by, when))
        elif meeting is not None and meeting.status.is_locked:
            self.banner.setText(self.tr("These minutes are signed off. The record is read only."))
        elif read_only and contributions:
            self.banner.setText(self.tr("You can add your agency's contributions; the rest of the record is read only."))
        elif read_only:
            self.banner.setText(self.tr("You can read this meeting but not change it."))
        self.banner.setVisible(read_only)

    def sync_actions(self) -> None:
        if not isValid(self.undo_stack):  # the window is being torn down
            return
        unlocked = not self.state.is_locked and self.meeting is not None
        editable = unlocked and self._may_add(ItemKind.DECISION)
        self.undo_action.setEnabled(unlocked and self.undo_stack.canUndo())
        self.redo_action.setEnabled(unlocked and self.undo_stack.canRedo())
        for action, kind in ((self.new_contribution_action, ItemKind.CONTRIBUTION),
                             (self.new_decision_action, ItemKind.DECISION),
                             (self.new_action_action, ItemKind.ACTION),
                             (self.new_participant_action, ItemKind.PARTICIPANT),
                             (self.new_child_action, ItemKind.CHILD)):
            action.setEnabled(unlocked and self._may_add(kind))
        may_sign = allowed(self.state.actor.role, Permission.SIGN_OFF)
        self.sign_off_action.setEnabled(editable and may_sign)
        why_not = "" if may_sign else self.tr(
            "Sign off: {0} may not sign off the minutes; the chair signs them off.").format(
            self.state.actor.role.label)
        self.sign_off_action.setToolTip(why_not or self.tr("Sign off the minutes"))
        self.sign_off_action.setStatusTip(why_not)
        self.checklist.set_note(why_not if unlocked and self.meeting is not None
                                and not self.meeting.status.is_locked else "")
        self.generate_action.setEnabled(unlocked and not self.minutes.generating)
        self.request_form_action.setEnabled(editable)
        self.import_form_action.setEnabled(editable)
        self.distribute_action.setEnabled(
            unlocked and self.meeting is not None and self.meeting.status.is_locked
            and allowed(self.state.actor.role, Permission.DISTRIBUTE))
        for action in self.section_actions:
            action.setEnabled(unlocked)
        self.addenda.sync()

    # -- contribution forms --------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self.import_form_action.isEnabled() and dropped_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        if self.import_form_action.isEnabled() and self.forms.handle_drop(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    # -- the rest of the app -----------------------------------------------------------------------

    def _on_changes(self, changes: Changes) -> None:
        if self._own_change or self.meeting is None or self.state.is_locked:
            return
        if self.meeting.id in changes.meetings:
            self.reload()
        elif changes.settings:
            # The administrator's local checks may have changed: the checklist says so now.
            self.checklist.show_meeting(self.meeting, self._live_warnings(self.meeting))

    def _on_locked(self) -> None:
        """Hide the record: blank every section and the checklist, hide editors (keeping what
        was typed in them), close views that only show the record."""
        self.meeting = None
        for section in self.section_list:
            section.clear()
        self.checklist.clear()
        self.banner.clear()
        self.governance_banner.clear()
        self._hidden_dialogs = self.editing.hide_all()
        self.minutes.close_record_views()
        self.lock_page.show_locked(self)
        self.outer.setCurrentWidget(self.lock_page)
        if not self._dock_hidden_by_lock:
            # isHidden, not isVisible: a window built while locked is not shown yet.
            self._dock_hidden_by_lock = not self.checklist_dock.isHidden()
            self.checklist_dock.hide()
        self.statusBar().clearMessage()
        self.setWindowTitle(self.tr("Locked \u2014 Strategy Meeting"))
        self.sync_actions()

    def _on_unlocked(self) -> None:
        self.lock_page.clear_typing()
        self.reload()
        if self.meeting is None:
            return
        self.flush_all()  # save what was typed before the lock
        for dialog in self._hidden_dialogs:
            dialog.show()
        self._hidden_dialogs = []
        self.lock_page.restore_focus()  # as it was: the same page, and the focus in the same field

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.flush_all()
        for dialog in list(self.editing.dialogs):
            dialog.reject()
        self.addenda.close()
        try:
            self.state.locked.disconnect(self._on_locked)
            self.state.unlocked.disconnect(self._on_unlocked)
            self.state.bus.changed.disconnect(self._on_changes)
        except (RuntimeError, TypeError):
            pass
        super().closeEvent(event)
