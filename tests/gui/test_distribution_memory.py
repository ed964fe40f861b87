# SPDX-License-Identifier: LicenseRef-Proprietary
"""The distribution dialog (issue 19): its button says Save when saving to a folder; the log
says how each copy was protected; reopened, it protects copies as the last ones were."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

from builders import sample_meeting, sign_off
from strategy_meeting.gui.dialogs.distribution_dialog import DistributionDialog
from strategy_meeting.services import identities, meetings
from strategy_meeting.services.distribution import service as distribution_service
from strategy_meeting.services.minutes.service import render_minutes
from workspace_fixtures import shown_errors, state  # noqa: F401 - fixtures

REF = "SD-2026-0160"


@pytest.fixture
def signed(state, tmp_path, monkeypatch):
    meetings.create(state.ctx, state.actor, template=sample_meeting(REF))
    identities.new_self_signed(state.ctx, state.actor)
    sign_off(state.ctx, state.actor, REF)
    render_minutes(state.ctx, state.actor, REF, tmp_path / "signed", sign=True)
    out = tmp_path / "to-send"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(out)))
    return out


def _open(qtbot, state) -> DistributionDialog:
    d = DistributionDialog(state, REF)
    qtbot.addWidget(d)
    d.show()
    return d


def test_save_to_folder_then_reopen_remembers_the_protection(qtbot, state, signed, shown_errors) -> None:
    d = _open(qtbot, state)
    assert d.send_button.text() == "&Send"
    d.folder_radio.setChecked(True)
    assert d.send_button.text() == "&Save to the folder"
    d.protection.setCurrentIndex(d.protection.findData("password"))
    d.passwords_box.generate()
    with qtbot.waitSignal(d.distributed, timeout=60_000):
        assert d.send()
    assert shown_errors == []
    log = distribution_service.distribution_log(state.ctx, state.actor, REF)
    assert log and {r.protection for r in log} == {"password"}
    column = 6
    assert {d.table_model.text(r, column) for r in range(d.table_model.rowCount())} == {"Encrypted (password)"}
    d.close()
    again = _open(qtbot, state)
    assert again.protection.currentData() == "password"
