# SPDX-License-Identifier: LicenseRef-Proprietary
"""Distribution from the workspace: the Meeting menu's Distribute action opens the dialog for a
signed-off meeting, which saves each agency's signed copy to a folder (the folder chooser is
simulated by patching its static method) and shows one 'saved' row per agency in the log."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from builders import sample_meeting, sign_off
from strategy_meeting.gui.dialogs.distribution_dialog import DistributionDialog
from strategy_meeting.gui.windows.meeting_workspace import MeetingWorkspace
from strategy_meeting.services import identities, meetings
from strategy_meeting.services.minutes.service import render_minutes
from workspace_fixtures import shown_errors, state  # noqa: F401 - fixtures

REF = "SD-2026-0110"


@pytest.fixture
def ws(qtbot, state) -> MeetingWorkspace:
    meetings.create(state.ctx, state.actor, template=sample_meeting(REF))
    window = MeetingWorkspace(state, REF)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_distribute_is_offered_only_once_signed_off(qtbot, ws, state, tmp_path, monkeypatch, shown_errors):
    assert not ws.distribute_action.isEnabled()
    identities.new_self_signed(state.ctx, state.actor)
    sign_off(state.ctx, state.actor, REF)
    render_minutes(state.ctx, state.actor, REF, tmp_path / "signed", sign=True)
    ws.reload()
    assert ws.distribute_action.isEnabled()

    out = tmp_path / "to-send"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(out)))
    ws.distribute_action.trigger()
    dialog = ws.findChild(DistributionDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.table_model.rowCount() == 0
    assert not dialog.ack_button.isEnabled()  # nothing sent, so nothing to acknowledge
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: said.append(text))
    assert dialog.email_radio.isChecked() and not dialog.send()  # no mail server set up here
    assert said and "No mail server is set up yet" in said[0] and "--smtp" not in said[0]
    assert dialog.table_model.rowCount() == 0 and shown_errors == []
    dialog.folder_radio.setChecked(True)
    assert dialog.folder == out
    with qtbot.waitSignal(dialog.distributed, timeout=120_000):
        dialog.send_button.click()
    agencies = set(ws.meeting.agency_codes) if ws.meeting else set()
    model = dialog.table_model
    rows = [[model.text(r, c) for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert sorted(r[0] for r in rows) == sorted(agencies)
    # Issue 14: saved is not out; the log and the timeliness line say so until a hand-over.
    assert all(r[1] == "folder" and r[4] == "saved for hand delivery" and r[7] == "Version 1" for r in rows)
    assert "Saved for hand delivery" in dialog.timeliness_label.text()
    assert "family's copy is not sent from here" in dialog.family_note.text()
    assert len(list(out.glob("*.pdf"))) == len(agencies)
    assert "working day" in dialog.timeliness_label.text() or "due" in dialog.timeliness_label.text()

    # sending again retries only the undelivered: nothing is added
    with qtbot.waitSignal(dialog.distributed, timeout=60_000) as again:
        dialog.send_button.click()
    assert again.args[0].records == [] and model.rowCount() == len(agencies)

    assert not dialog.ack_button.isEnabled()
    dialog.table.selectRow(0)
    assert dialog.ack_button.isEnabled()
    assert dialog.acknowledge(by="Designated lead")
    assert model.text(0, 5).endswith("by Designated lead")
    assert shown_errors == []

    # Record the hand-over of another agency's saved copy (the dialog's "how" is given here).
    second = model.records[1].recipient
    dialog.table.selectRow(1)
    assert dialog.hand_over_button.isEnabled()
    assert dialog.hand_over(how="by hand at the core group")
    row = next(r for r in range(model.rowCount()) if model.records[r].recipient == second)
    assert model.text(row, 4).startswith("saved; handed over ") and model.text(row, 4).endswith("(by hand at the core group)")
    assert second not in dialog.timeliness_label.text().split("Saved for hand delivery")[-1]
    assert shown_errors == []
