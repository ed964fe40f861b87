# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The workspace's menus, toolbar and keyboard shortcuts: one QAction per frequent step.

| step | keys |
|---|---|
| undo / redo | Ctrl+Z / Ctrl+Shift+Z, Ctrl+Y |
| new contribution / decision / action | Ctrl+Shift+C / Ctrl+Shift+D / Ctrl+Shift+A |
| new participant / subject child | Ctrl+Shift+P / Ctrl+Shift+H |
| go to section 1..9, 10 (addenda) | Ctrl+1 .. Ctrl+9, Ctrl+0 |
| sign off / generate minutes | Ctrl+Shift+S / Ctrl+Shift+G |
| add an addendum (signed-off minutes) | Ctrl+Shift+N |
| request / import a contribution form | Ctrl+Shift+F / Ctrl+Shift+I |
| lock | Ctrl+L |
| close the window | Ctrl+W |
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QToolBar

from strategy_meeting.services.meetings import ItemKind

if TYPE_CHECKING:
    from .meeting_workspace import MeetingWorkspace


def _tr(text: str) -> str:
    return QCoreApplication.translate("MeetingWorkspace", text)


def _action(ws: MeetingWorkspace, text: str, keys: list[str | QKeySequence.StandardKey],
            slot: Callable[[], object], tip: str = "") -> QAction:
    action = QAction(text, ws)
    action.setShortcuts([QKeySequence(k) for k in keys])
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _checked=False: slot())
    plain = text.replace("&", "").rstrip("\u2026")
    shown = ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
    action.setToolTip(f"{tip or plain} ({shown})" if shown else (tip or plain))
    action.setStatusTip(tip or plain)
    ws.addAction(action)
    return action


def build_actions(ws: MeetingWorkspace) -> None:
    style = ws.style()
    ws.undo_action = _action(ws, _tr("&Undo"), [QKeySequence.StandardKey.Undo], ws.undo, _tr("Undo the last change"))
    ws.redo_action = _action(ws, _tr("&Redo"), ["Ctrl+Shift+Z", "Ctrl+Y"], ws.redo, _tr("Redo the change undone"))
    ws.undo_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
    ws.redo_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
    ws.undo_stack.canUndoChanged.connect(lambda _v: ws.sync_actions())
    ws.undo_stack.canRedoChanged.connect(lambda _v: ws.sync_actions())
    ws.undo_stack.undoTextChanged.connect(
        lambda t: ws.undo_action.setText(_tr("&Undo {0}").format(t.lower()) if t else _tr("&Undo")))
    ws.undo_stack.redoTextChanged.connect(
        lambda t: ws.redo_action.setText(_tr("&Redo {0}").format(t.lower()) if t else _tr("&Redo")))

    ws.new_contribution_action = _action(ws, _tr("New &contribution\u2026"), ["Ctrl+Shift+C"],
                                         lambda: ws.new_item(ItemKind.CONTRIBUTION))
    ws.new_decision_action = _action(ws, _tr("New &decision\u2026"), ["Ctrl+Shift+D"],
                                     lambda: ws.new_item(ItemKind.DECISION))
    ws.new_action_action = _action(ws, _tr("New &action\u2026"), ["Ctrl+Shift+A"],
                                   lambda: ws.new_item(ItemKind.ACTION))
    ws.new_participant_action = _action(ws, _tr("New &participant\u2026"), ["Ctrl+Shift+P"],
                                        lambda: ws.new_item(ItemKind.PARTICIPANT))
    ws.new_child_action = _action(ws, _tr("New subject c&hild\u2026"), ["Ctrl+Shift+H"],
                                  lambda: ws.new_item(ItemKind.CHILD))
    ws.sign_off_action = _action(ws, _tr("&Sign off\u2026"), ["Ctrl+Shift+S"], ws.sign_off,
                                 _tr("Sign off the minutes, with the warnings to acknowledge"))
    ws.generate_action = _action(ws, _tr("&Generate minutes\u2026"), ["Ctrl+Shift+G"], lambda: ws.generate_minutes(),
                                 _tr("Generate the full record and each agency's copy"))
    ws.request_form_action = _action(ws, _tr("Request contribution &form\u2026"), ["Ctrl+Shift+F"],
                                     lambda: ws.forms.request(),
                                     _tr("Make a fillable PDF form for one agency to contribute"))
    ws.import_form_action = _action(ws, _tr("&Import filled form\u2026"), ["Ctrl+Shift+I"],
                                    lambda: ws.forms.choose_and_import(),
                                    _tr("Import an agency's filled contribution form (or drop the PDF here)"))
    ws.add_addendum_action = _action(ws, _tr("Add adde&ndum\u2026"), ["Ctrl+Shift+N"], ws.add_addendum,
                                     _tr("Add a numbered, dated addendum to the signed-off minutes"))
    ws.distribute_action = _action(ws, _tr("&Distribute\u2026"), [], ws.distribute,
                                   _tr("Send or save each agency's signed copy, with the distribution log"))
    # This window's own Ctrl+L (the main window's is for the main window only).
    ws.lock_action = _action(ws, _tr("&Lock"), ["Ctrl+L"], ws.state.request_lock, _tr("Lock the store now"))
    ws.close_action = _action(ws, _tr("&Close"), [QKeySequence.StandardKey.Close], ws.close, _tr("Close this meeting"))

    ws.section_actions = []
    for n, section in enumerate(ws.section_list, start=1):
        ws.section_actions.append(_action(ws, f"&{n % 10} {section.title}", [f"Ctrl+{n % 10}"],
                                          lambda k=section.key: ws.show_section(k),
                                          _tr("Go to {0}").format(section.title)))

    menus = ws.menuBar()
    meeting_menu = menus.addMenu(_tr("&Meeting"))
    for a in (ws.request_form_action, ws.import_form_action, None, ws.sign_off_action, ws.add_addendum_action,
              ws.generate_action, ws.distribute_action, None, ws.lock_action, ws.close_action):
        meeting_menu.addSeparator() if a is None else meeting_menu.addAction(a)
    edit_menu = menus.addMenu(_tr("&Edit"))
    for a in (ws.undo_action, ws.redo_action, None, ws.new_child_action, ws.new_participant_action,
              ws.new_contribution_action, ws.new_decision_action, ws.new_action_action):
        edit_menu.addSeparator() if a is None else edit_menu.addAction(a)
    go_menu = menus.addMenu(_tr("&Go"))
    for a in ws.section_actions:
        go_menu.addAction(a)
    go_menu.addSeparator()
    go_menu.addAction(ws.checklist_dock.toggleViewAction())

    toolbar = QToolBar(_tr("Meeting"), ws)
    toolbar.setObjectName("workspaceToolbar")
    toolbar.setAccessibleName(_tr("Meeting toolbar"))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for a in (ws.undo_action, ws.redo_action, None, ws.new_contribution_action, ws.new_decision_action,
              ws.new_action_action, None, ws.sign_off_action, ws.generate_action):
        toolbar.addSeparator() if a is None else toolbar.addAction(a)
    for action in toolbar.actions():
        button = toolbar.widgetForAction(action)
        if button is not None and not action.isSeparator():
            button.setAccessibleName(action.statusTip())
    ws.addToolBar(toolbar)
    ws.toolbar = toolbar
