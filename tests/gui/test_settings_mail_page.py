# SPDX-License-Identifier: LicenseRef-Proprietary
"""The Mail server settings page, driven as an administrator does, against a real SMTP server
on loopback (aiosmtpd with STARTTLS and sign-in, started by each test).

The OS keyring cannot run here (no desktop session), so ``FakeOsKeyring`` stands in for it:
an in-memory keyring backend that the app's allow-list is told to accept. Everything else is
real: the encrypted store, the page's worker thread, the server's answers.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import QSettings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

from strategy_meeting.gui.app_state import AppState  # noqa: E402
from strategy_meeting.gui.dialogs.settings_dialog import SettingsDialog  # noqa: E402 - imports the pages in order
from strategy_meeting.gui.dialogs.settings_mail_page import MailServerPage  # noqa: E402
from strategy_meeting.services import session  # noqa: E402
from strategy_meeting.services.distribution import mail_settings
from strategy_meeting.store import keyring_slot  # noqa: E402
from strategy_meeting.store.engine import connect_raw  # noqa: E402
from smtp_test_server import SmtpServer, free_port, make_server_tls  # noqa: E402
from workspace_fixtures import shown_errors  # noqa: E402, F401 - fixture
from gui_support import qsettings_dir  # noqa: E402, F401 - fixture

ACCOUNT, PASSWORD = "svc-minutes", "Right-horse-battery-42"
SENDER = "minutes@council.example.org"


class FakeOsKeyring(KeyringBackend):
    """Fake of the OS keyring (none runs in this headless test machine): keeps entries in memory."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


@pytest.fixture
def os_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOsKeyring]:
    fake = FakeOsKeyring()
    before = keyring.get_keyring()
    keyring.set_keyring(fake)
    monkeypatch.setattr(keyring_slot, "_ALLOWED_BACKEND_MODULES",
                        (*keyring_slot._ALLOWED_BACKEND_MODULES, FakeOsKeyring.__module__))
    yield fake
    keyring.set_keyring(before)


@pytest.fixture
def admin_state(ctx, admin) -> AppState:
    state = AppState(ctx.data_dir)
    state.set_unlocked(ctx, admin)
    return state


@pytest.fixture
def page(qtbot, admin_state) -> MailServerPage:
    widget = MailServerPage(admin_state)
    qtbot.addWidget(widget)
    widget.load()
    widget.show()
    return widget


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[SmtpServer, Path]]:
    tls, ca_file = make_server_tls(tmp_path / "tls")
    with SmtpServer(tls=tls, accounts={ACCOUNT: PASSWORD}) as running:
        yield running, ca_file


def _fill(page: MailServerPage, port: int, ca_file: Path, password: str) -> None:
    page.host.setText("127.0.0.1")
    page.security.setCurrentIndex(page.security.findData("starttls"))
    page.port.setValue(port)
    page.sender.setText(SENDER)
    page.username.setText(ACCOUNT)
    page.password.setText(password)
    page.ca_file.setText(str(ca_file))


def _test(qtbot, page: MailServerPage) -> tuple[bool, str]:
    with qtbot.waitSignal(page.testFinished, timeout=30_000) as finished:
        page.test_button.click()
    return finished.args[0], finished.args[1]


def _settings_rows(ctx) -> list[tuple[str, str]]:
    """The settings table read straight from the database file, not through the services."""
    conn = connect_raw(ctx.data_dir / "store.db", ctx.store.raw_key_for_backup())
    try:
        return [(k, v) for k, v in conn.execute("SELECT key, value FROM settings")]
    finally:
        conn.close()


def test_test_connection_signs_in_over_starttls_and_save_keeps_the_password_only_in_the_keyring(
        qtbot, page, server, os_keyring, qsettings_dir, admin_state, shown_errors):
    smtp, ca_file = server
    _fill(page, smtp.port, ca_file, PASSWORD)
    ok, message = _test(qtbot, page)
    assert ok, message
    assert message == page.status.text()
    assert f"127.0.0.1:{smtp.port}" in message and "STARTTLS" in message and f"signed in as {ACCOUNT}" in message
    assert smtp.received == []  # a test sends nothing

    assert page.save()
    assert shown_errors == []
    assert list(os_keyring.entries.values()) == [PASSWORD]
    rows = _settings_rows(admin_state.ctx)
    assert ("smtp.host", '"127.0.0.1"') in rows and ("smtp.username", f'"{ACCOUNT}"') in rows
    assert not any(PASSWORD in value or PASSWORD in key for key, value in rows)
    QSettings().sync()
    for file in qsettings_dir.rglob("*"):
        assert not file.is_file() or PASSWORD.encode() not in file.read_bytes()
    assert all(PASSWORD not in str(QSettings().value(k)) for k in QSettings().allKeys())

    # Reloaded, the page says the password is saved and tests with it from the keyring.
    page.load()
    assert page.password.text() == "" and "keyring" in page.password.placeholderText()
    assert page.host.text() == "127.0.0.1" and page.port.value() == smtp.port
    ok, message = _test(qtbot, page)
    assert ok, message
    saved = mail_settings.saved_mail_settings(admin_state.ctx, admin_state.actor)
    assert saved.password_saved and saved.settings.ca_file == str(ca_file)


def test_a_wrong_password_shows_the_servers_reason(qtbot, page, server, os_keyring):
    smtp, ca_file = server
    _fill(page, smtp.port, ca_file, "not-the-password")
    ok, message = _test(qtbot, page)
    assert not ok
    assert message.startswith(f"The test connection to 127.0.0.1:{smtp.port} failed: 535")
    assert "Authentication" in message or "authentication" in message
    assert page.test_button.isEnabled()


def test_a_refused_connection_says_so(qtbot, page, tmp_path, os_keyring):
    _, ca_file = make_server_tls(tmp_path / "tls")
    _fill(page, free_port(), ca_file, PASSWORD)  # nothing listens there
    ok, message = _test(qtbot, page)
    assert not ok and "connection refused" in message


def test_an_untrusted_server_certificate_is_refused(qtbot, page, server, os_keyring):
    smtp, _ = server
    _fill(page, smtp.port, Path(""), PASSWORD)
    page.ca_file.clear()  # the system's trust store does not know the test CA
    ok, message = _test(qtbot, page)
    assert not ok and "certificate was not trusted" in message


def test_without_a_keyring_a_password_is_never_saved_and_the_page_says_why(
        qtbot, page, server, admin_state, shown_errors, monkeypatch):
    monkeypatch.setattr(keyring_slot, "_ALLOWED_BACKEND_MODULES", ())  # no backend is acceptable here
    page.load()
    assert "no secure system keyring" in page.password_hint.text()
    smtp, ca_file = server
    _fill(page, smtp.port, ca_file, PASSWORD)
    ok, message = _test(qtbot, page)  # the typed password still serves for the test
    assert ok, message
    assert not page.save()
    assert len(shown_errors) == 1 and "No secure system keyring" in shown_errors[0]
    rows = _settings_rows(admin_state.ctx)
    assert not any(key.startswith("smtp.") for key, _ in rows)  # nothing half-saved
    page.password.clear()
    assert page.save()
    assert ("smtp.host", '"127.0.0.1"') in _settings_rows(admin_state.ctx)
    assert not any(PASSWORD in value for _, value in _settings_rows(admin_state.ctx))


def test_no_encryption_is_for_a_loopback_server_only(qtbot, page, shown_errors, admin_state):
    page.security.setCurrentIndex(page.security.findData("none"))
    assert page.port.value() == 25 and "test server on this computer" in page.security_hint.text()
    page.host.setText("smtp.example.org")
    page.sender.setText(SENDER)
    assert not page.save()
    assert "only for a test server on this computer" in shown_errors[-1]
    page.host.setText("localhost")
    assert page.save()


def test_bad_fields_are_named(qtbot, page, shown_errors):
    page.host.setText("smtp://mail.example.org")
    page.sender.setText(SENDER)
    assert not page.save() and "without 'smtp://'" in shown_errors[-1]
    page.host.setText("mail.example.org")
    page.sender.setText("minutes at council")
    assert not page.save() and "not a valid e-mail address" in shown_errors[-1]


def test_the_page_is_listed_for_administrators_only(qtbot, admin_state, data_dir):
    dialog = SettingsDialog(admin_state)
    qtbot.addWidget(dialog)
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert "Mail server" in titles
    chair_ctx, chair = session.open_session(data_dir, "correct horse battery staple")
    try:
        chair_state = AppState(data_dir)
        chair_state.set_unlocked(chair_ctx, chair)
        assert not MailServerPage.available(chair_state)
    finally:
        chair_ctx.close()
    page = dialog.page("MailServerPage")
    for widget in (page.host, page.port, page.security, page.sender, page.username, page.password,
                   page.test_button, page.save_button):
        assert widget.accessibleName()
    assert page.password.echoMode() == page.password.EchoMode.Password
