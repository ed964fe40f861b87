# SPDX-License-Identifier: LicenseRef-Proprietary
"""Smaller workspace items of issue 19: a signed-off record's fields look read-only, and no
internal id ("k1") or bare agency code ("EARLY_HELP") is shown where a name belongs."""

from __future__ import annotations

from PySide6.QtGui import QPalette

from builders import sample_meeting
from strategy_meeting.domain.agency import Agency
from strategy_meeting.domain.decision import Dissent
from strategy_meeting.domain.meeting import MeetingStatus
from strategy_meeting.gui.dialogs.decision_dialog import DecisionDialog
from strategy_meeting.gui.models.copy_matrix import copies_for, matrix_rows
from strategy_meeting.gui.models.meeting_items import actions_model, decisions_model
from strategy_meeting.gui.windows.meeting_workspace import MeetingWorkspace
from strategy_meeting.services import meetings
from workspace_fixtures import shown_errors, state  # noqa: F401 - fixtures


def _base(widget) -> str:
    return widget.palette().color(QPalette.ColorRole.Base).name()


def _window(widget) -> str:
    return widget.palette().color(QPalette.ColorRole.Window).name()


def test_signed_off_fields_look_read_only(qtbot, state) -> None:
    m = sample_meeting("SD-2026-0800")
    m.status = MeetingStatus.SIGNED_OFF
    meetings.create(state.ctx, state.actor, template=m)
    meetings.create(state.ctx, state.actor, template=sample_meeting("SD-2026-0801"))
    locked = MeetingWorkspace(state, "SD-2026-0800")
    open_ = MeetingWorkspace(state, "SD-2026-0801")
    for w in (locked, open_):
        qtbot.addWidget(w)
        w.show()
    details_locked, details_open = locked.sections["details"].ui, open_.sections["details"].ui
    assert details_locked.locationEdit.isReadOnly()
    assert _base(details_locked.locationEdit) == _window(details_locked.locationEdit)
    assert _base(details_locked.heldAtEdit.editor) == _window(details_locked.heldAtEdit.editor)
    assert _base(details_open.locationEdit) != _window(details_open.locationEdit)


def test_names_not_internal_codes(qtbot) -> None:
    m = sample_meeting("SD-2026-0802")
    m.agencies.append(Agency("EARLY_HELP", "Sampleshire Early Help Hub"))
    m.actions[0].owner_agency = "EARLY_HELP"
    m.decisions[0].dissent = [Dissent("EARLY_HELP", "Prefers a single-agency enquiry.")]
    texts = [row.label for row in matrix_rows(m, copies_for(m))]
    assert not any(c.id in t.split() for t in texts for c in m.contributions)
    assert not any("EARLY_HELP" in t for t in texts)
    dialog = DecisionDialog(m, m.decisions[0])
    qtbot.addWidget(dialog)
    shown = [dialog.ui.reliedList.item(r).text() for r in range(dialog.ui.reliedList.count())]
    assert shown and all(not t.startswith(("k1", "k2", "k3")) for t in shown)
    column = next(c for c in decisions_model().columns if c.title == "Dissent")
    assert column.text(m.decisions[0], m) == "Sampleshire Early Help Hub"
    owner = next(c for c in actions_model(lambda: None).columns if c.title == "Owner")
    assert "EARLY_HELP" not in owner.text(m.actions[0], m)


def test_the_checks_panel_keeps_a_readable_width_in_a_narrow_window(qtbot, state) -> None:
    meetings.create(state.ctx, state.actor, template=sample_meeting("SD-2026-0803"))
    ws = MeetingWorkspace(state, "SD-2026-0803")
    qtbot.addWidget(ws)
    ws.resize(900, 600)
    ws.show()
    qtbot.waitExposed(ws)
    chars = ws.checklist.width() / ws.checklist.fontMetrics().averageCharWidth()
    assert chars >= 25


def test_one_meeting_held_is_said_in_the_singular(qtbot, state) -> None:
    from strategy_meeting.gui.windows.dashboard import DashboardPanel
    from strategy_meeting.services import dashboard

    m = sample_meeting("SD-2026-0804")
    m.held_at = state.ctx.now()
    meetings.create(state.ctx, state.actor, template=m)
    panel = DashboardPanel(state)
    qtbot.addWidget(panel)
    panel._generation = 1
    panel._show(1, dashboard.dashboard(state.ctx, state.actor))
    assert panel.attendance_hint.text().startswith("1 meeting held in the last ")


def test_dashboard_cards_wrap_rather_than_cut(qtbot, state) -> None:
    from PySide6.QtCore import Qt as _Qt

    from strategy_meeting.gui.windows.dashboard import DashboardPanel

    panel = DashboardPanel(state)
    qtbot.addWidget(panel)
    lists = [panel.waiting_list, panel.overdue_list]
    assert all(w.wordWrap() and w.textElideMode() == _Qt.TextElideMode.ElideNone for w in lists)
