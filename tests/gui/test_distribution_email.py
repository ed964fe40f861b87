# SPDX-License-Identifier: LicenseRef-Proprietary
"""The distribution dialog's e-mail route against a real SMTP server on loopback (aiosmtpd,
started by each test): each agency gets exactly one message carrying exactly its own signed
copy (the bytes the store signed, whose hash the log shows), the log in the dialog says
"sent", and after a refused or unreachable server, sending again reaches only the agencies
whose delivery failed."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

from builders import AGENCIES, sample_meeting, sign_off  # noqa: E402
from smtp_test_server import SmtpServer, free_port, make_server_tls  # noqa: E402
from strategy_meeting.gui.dialogs.distribution_dialog import DistributionDialog  # noqa: E402
from strategy_meeting.services import identities, meetings  # noqa: E402
from strategy_meeting.services.distribution import mail_settings
from strategy_meeting.services.minutes.service import render_minutes  # noqa: E402
from strategy_meeting.services.distribution.smtp import SmtpSecurity, SmtpSettings  # noqa: E402
from workspace_fixtures import shown_errors, state  # noqa: E402, F401 - fixtures

REF = "SD-2026-0120"
SENDER = "minutes@council.example.org"
ADDRESSES = {a.code: a.email for a in AGENCIES}


@pytest.fixture
def signed_copies(state, tmp_path) -> dict[str, bytes]:
    """The meeting signed off and its copies signed by the chair; the store's bytes per agency."""
    meetings.create(state.ctx, state.actor, template=sample_meeting(REF))
    identities.new_self_signed(state.ctx, state.actor)
    sign_off(state.ctx, state.actor, REF)
    render_minutes(state.ctx, state.actor, REF, tmp_path / "signed", sign=True)
    with state.ctx.unit_of_work() as uow:
        return {record.recipient: data for record, data in uow.copies.latest_signed(REF)}


def _save_server(ctx, admin, port: int, **extra) -> None:
    settings = SmtpSettings("127.0.0.1", SENDER, port, extra.pop("security", SmtpSecurity.NONE), **extra)
    mail_settings.save_mail_settings(ctx, admin, settings)


def _dialog(qtbot, state) -> DistributionDialog:
    dialog = DistributionDialog(state, REF)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.email_radio.isChecked()
    return dialog


def _send(qtbot, dialog: DistributionDialog):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.distributed, timeout=120_000) as sent:
        assert dialog.send()
    return sent.args[0]


def _rows(dialog: DistributionDialog) -> list[list[str]]:
    m = dialog.table_model
    return [[m.text(r, c) for c in range(m.columnCount())] for r in range(m.rowCount())]


def _attached_copies(server: SmtpServer) -> dict[str, list[bytes]]:
    """Per recipient address, the PDF attachments of every message it received."""
    found: dict[str, list[bytes]] = {}
    for received in server.received:
        assert len(received.recipients) == 1
        pdfs = [part.get_content() for part in received.message.iter_attachments()
                if part.get_content_type() == "application/pdf"]
        found.setdefault(received.recipients[0], []).extend(pdfs)
    return found


def test_each_agency_gets_exactly_its_own_signed_copy_and_the_log_says_sent(
        qtbot, state, admin, signed_copies, shown_errors):
    with SmtpServer() as server:
        _save_server(state.ctx, admin, server.port)
        dialog = _dialog(qtbot, state)
        result = _send(qtbot, dialog)
    assert shown_errors == []
    assert sorted(r.recipient for r in result.records) == sorted(ADDRESSES)
    rows = _rows(dialog)
    assert sorted(row[0] for row in rows) == sorted(ADDRESSES)
    assert all(row[1] == "email" and row[4] == "sent" for row in rows)
    assert {row[0]: row[2] for row in rows} == ADDRESSES
    attached = _attached_copies(server)
    assert sorted(attached) == sorted(ADDRESSES.values())  # exactly one message each
    log = {r.recipient: r.sha256 for r in dialog.table_model.records}
    for code, address in ADDRESSES.items():
        assert len(attached[address]) == 1
        copy = attached[address][0]
        assert copy == signed_copies[code]  # its own copy, byte for byte
        assert hashlib.sha256(copy).hexdigest() == log[code]
    assert "within one working day" in dialog.timeliness_label.text()


def test_a_refused_agency_shows_failed_and_sending_again_reaches_only_it(
        qtbot, state, admin, signed_copies, shown_errors):
    with SmtpServer() as server:
        _save_server(state.ctx, admin, server.port)
        server.handler.refuse[ADDRESSES["POLICE"]] = "550 5.1.1 Mailbox unavailable"
        dialog = _dialog(qtbot, state)
        first = _send(qtbot, dialog)
        assert [r.recipient for r in first.failed] == ["POLICE"]
        failed_rows = [row for row in _rows(dialog) if row[4].startswith("failed")]
        assert failed_rows == [[
            "POLICE", "email", ADDRESSES["POLICE"], failed_rows[0][3], "failed: 550 5.1.1 Mailbox unavailable", "no", "Not encrypted", "Version 1"]]
        assert len(server.received) == 3
        server.handler.refuse.clear()
        again = _send(qtbot, dialog)
    assert [(r.recipient, r.outcome.value, r.attempt) for r in again.records] == [("POLICE", "sent", 2)]
    assert sorted(again.already_delivered) == ["CSC", "EDU", "HEALTH"]
    attached = _attached_copies(server)
    assert {address: len(copies) for address, copies in attached.items()} == {a: 1 for a in ADDRESSES.values()}
    assert attached[ADDRESSES["POLICE"]] == [signed_copies["POLICE"]]
    assert [row[4] for row in _rows(dialog)].count("sent") == 4
    assert shown_errors == []


def test_an_unreachable_server_fails_every_agency_then_a_retry_sends_each_once(
        qtbot, state, admin, signed_copies, shown_errors):
    port = free_port()  # nothing listens there yet
    _save_server(state.ctx, admin, port)
    dialog = _dialog(qtbot, state)
    first = _send(qtbot, dialog)
    assert len(first.failed) == 4
    assert all(row[4].startswith("failed: connection refused") for row in _rows(dialog))
    with SmtpServer() as server:
        _save_server(state.ctx, admin, server.port)
        again = _send(qtbot, dialog)
    assert sorted(r.recipient for r in again.records if r.outcome.value == "sent") == sorted(ADDRESSES)
    assert {a: len(c) for a, c in _attached_copies(server).items()} == {a: 1 for a in ADDRESSES.values()}
    assert shown_errors == []


def test_without_a_saved_password_the_dialog_asks_for_it_for_this_sending_only(
        qtbot, state, admin, signed_copies, shown_errors, tmp_path, monkeypatch):
    tls, ca_file = make_server_tls(tmp_path / "tls")
    asked: list[str] = []

    def answer(parent, title, label, echo):  # noqa: ANN001 - QInputDialog.getText's arguments
        asked.append(label)
        assert echo is echo.Password
        return "Right-horse-battery-42", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(answer))
    with SmtpServer(tls=tls, accounts={"svc-minutes": "Right-horse-battery-42"}) as server:
        _save_server(state.ctx, admin, server.port, security=SmtpSecurity.STARTTLS, username="svc-minutes",
                     ca_file=str(ca_file))
        dialog = _dialog(qtbot, state)
        result = _send(qtbot, dialog)
    assert len(asked) == 1 and "svc-minutes" in asked[0] and "not saved" in asked[0]
    assert [r.outcome.value for r in result.records] == ["sent"] * 4
    assert len(server.received) == 4
    assert shown_errors == []
