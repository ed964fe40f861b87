# SPDX-License-Identifier: LicenseRef-Proprietary
"""The distribution dialog's password choice: one hidden field per agency still to be sent,
"Generate" filling the empty ones; an empty or too-short password is refused with the
service's words and nothing is saved; with a password each, every saved copy opens with its
own agency's password only, and the signed copy inside still validates with pyHanko against
the chair's certificate. Passwords stay in the dialog: closing it wipes them (and the
clipboard), and none appears in any file of the data folder. The folder chooser is simulated
by patching its static method."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QLineEdit

from builders import sample_meeting, sign_off
from strategy_meeting.domain.errors import VerificationFailed
from strategy_meeting.gui.dialogs.distribution_dialog import DistributionDialog
from strategy_meeting.services import identities, meetings
from strategy_meeting.services.distribution.encryption import open_encrypted_copy
from strategy_meeting.services.distribution.mail import copy_file_name
from strategy_meeting.services.minutes.service import render_minutes
from strategy_meeting.services.minutes.verify import Verdict, load_trust, verify_pdf
from workspace_fixtures import shown_errors, state  # noqa: F401 - fixtures

REF = "SD-2026-0150"


@pytest.fixture
def dialog(qtbot, state, tmp_path, monkeypatch) -> DistributionDialog:
    meetings.create(state.ctx, state.actor, template=sample_meeting(REF))
    identities.new_self_signed(state.ctx, state.actor)
    sign_off(state.ctx, state.actor, REF)
    render_minutes(state.ctx, state.actor, REF, tmp_path / "signed", sign=True)
    out = tmp_path / "to-send"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(out)))
    d = DistributionDialog(state, REF)
    qtbot.addWidget(d)
    d.show()
    d.folder_radio.setChecked(True)
    d.protection.setCurrentIndex(d.protection.findData("password"))
    return d


def _send_refused(qtbot, dialog: DistributionDialog, shown_errors: list[str]) -> str:
    seen = len(shown_errors)
    assert dialog.send()
    qtbot.waitUntil(lambda: len(shown_errors) > seen, timeout=60_000)
    return shown_errors[-1]


def test_each_saved_copy_opens_with_its_own_agencys_password_only(qtbot, dialog, state, data_dir, shown_errors):
    box = dialog.passwords_box
    out = dialog.folder
    assert out is not None and box.isVisible()
    codes = list(box.rows)
    assert codes == [a.code for a in meetings_agencies(state)]
    assert all(row.field.echoMode() is QLineEdit.EchoMode.Password for row in box.rows.values())

    box.rows[codes[0]].field.setText("short")
    message = _send_refused(qtbot, dialog, shown_errors)
    assert f"The password for {codes[0]}'s copy is shorter than 12 characters" in message
    assert list(out.iterdir()) == [] and dialog.table_model.rowCount() == 0

    box.rows[codes[0]].field.clear()
    assert box.generate() == len(codes)
    box.rows[codes[1]].field.clear()
    message = _send_refused(qtbot, dialog, shown_errors)
    assert f"No password is given for {codes[1]}'s copy" in message
    assert list(out.iterdir()) == [] and dialog.table_model.rowCount() == 0

    box.rows[codes[2]].field.setText(box.rows[codes[0]].field.text())
    assert box.generate() == 1  # only the empty field
    message = _send_refused(qtbot, dialog, shown_errors)
    assert "The same password is given for" in message and codes[0] in message and codes[2] in message
    assert list(out.iterdir()) == []
    box.rows[codes[2]].field.clear()
    box.generate()

    passwords = box.passwords()
    assert len(set(passwords.values())) == len(codes) and all(len(p) >= 12 for p in passwords.values())
    errors_before = len(shown_errors)
    with qtbot.waitSignal(dialog.distributed, timeout=120_000):
        assert dialog.send()
    assert len(shown_errors) == errors_before
    assert [dialog.table_model.text(r, 4) for r in range(len(codes))] == ["saved for hand delivery"] * len(codes)

    trust = load_trust(identities.active_certificate(state.ctx, state.actor))
    for code in codes:
        wrapper = (out / copy_file_name(REF, code)).read_bytes()
        inner = open_encrypted_copy(wrapper, passwords[code])
        report = verify_pdf(inner, trust)
        assert report.verdict is Verdict.VALID and report.trusted
        for other in codes:
            if other != code:
                with pytest.raises(VerificationFailed):
                    open_encrypted_copy(wrapper, passwords[other])

    # The sent rows stay readable (for the phone calls) but are no longer offered for sending.
    assert box.passwords() == {} and not box.generate_button.isEnabled()
    assert all(row.sent and row.field.isReadOnly() and "(sent)" in row.label.text() for row in box.rows.values())
    assert box.copy_password(codes[0])
    assert QGuiApplication.clipboard().text() == passwords[codes[0]]

    dialog.reject()
    assert box.rows == {} and QGuiApplication.clipboard().text() == ""
    for path in Path(data_dir).rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert not any(p.encode() in content for p in passwords.values()), path


def meetings_agencies(state):  # type: ignore[no-untyped-def]
    return meetings.get(state.ctx, state.actor, REF).agencies
