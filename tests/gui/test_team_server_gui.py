# SPDX-License-Identifier: LicenseRef-Proprietary
"""The desktop app on the team server (issue 17, part 2's GUI): the first-run wizard's "Connect
to a team server" page, the saved connection, the server's unlock screen, lock and unlock, and
a representative's list, on a real PostgreSQL cluster (the ``team`` fixture)."""

from __future__ import annotations

import json
import shutil
import stat
from dataclasses import replace
from pathlib import Path

import pg_cluster as pgc
import pytest
from builders import sample_meeting
from gui_support import make_controller  # noqa: F401 - fixture
from PySide6.QtWidgets import QWizard
from team_support import LOGIN_PASSWORD
from workspace_helpers import type_into

from strategy_meeting.domain.errors import InsecureConnection
from strategy_meeting.domain.roles import Role
from strategy_meeting.gui import app as gui_app
from strategy_meeting.gui import ops
from strategy_meeting.gui.windows import workspace_launcher
from strategy_meeting.services import meetings, team_server


def _seed(team, login: str, *references: str, without: str | None = None) -> None:  # type: ignore[no-untyped-def]
    ctx, chair = team.session(login)
    for ref in references:
        meeting = sample_meeting(ref)
        if without:  # a meeting the agency ``without`` takes no part in
            meeting = replace(meeting, agencies=[a for a in meeting.agencies if a.code != without],
                              participants=[p for p in meeting.participants if p.agency != without],
                              contributions=[c for c in meeting.contributions if c.agency != without],
                              actions=[a for a in meeting.actions if a.owner_agency != without],
                              decisions=[])
        meetings.create(ctx, chair, template=meeting)


def _fill(page, team, login: str, password: str = LOGIN_PASSWORD, ca: Path | None = None) -> None:  # type: ignore[no-untyped-def]
    page.host.setText(team.cluster.host)
    page.port.setValue(team.cluster.port)
    page.database.setText(team.database)
    page.login.setText(login)
    page.ca_file.setText(str(ca or team.cluster.certs.ca_file))
    page.password.setText(password)


def _start_wizard(make_controller, data_dir: Path, qtbot):  # type: ignore[no-untyped-def]
    controller = make_controller(data_dir)
    controller.start()
    wizard = controller.wizard
    assert wizard is not None and wizard.welcome.local.isChecked()  # this computer stays the default
    wizard.welcome.team.click()
    assert wizard.welcome.team.isChecked()
    wizard.next()
    assert wizard.currentPage() is wizard.server_page
    assert wizard.server_page.port.value() == 5432
    return controller, wizard


def _connect_and_fail(wizard, qtbot) -> str:  # type: ignore[no-untyped-def]
    page = wizard.server_page
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert page.busy and not page.host.isEnabled()  # connecting in the worker, the window live
    assert "Connecting to the team server" in page.progress.text() and page.error.text() == ""
    qtbot.waitUntil(lambda: not page.busy, timeout=30_000)
    assert wizard.isVisible() and wizard.currentPage() is page
    return page.error.text()


def test_the_wizard_connects_to_the_team_server_and_lists_its_meetings(make_controller, team, tmp_path, qtbot):
    chair = team.add("chair_a", Role.CHAIR)
    _seed(team, chair, "SD-2026-0801", "SD-2026-0802")
    data_dir = tmp_path / "app"
    controller, wizard = _start_wizard(make_controller, data_dir, qtbot)
    _fill(wizard.server_page, team, chair)
    with qtbot.waitSignal(controller.ready, timeout=30_000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert controller.wizard is None
    assert controller.state.actor.name == chair and team_server.is_server(controller.state.ctx)
    window = controller.main_window
    qtbot.waitUntil(lambda: window.meetings.model.rowCount() == 2, timeout=20_000)
    assert {window.meetings.model.summary(r).reference for r in range(2)} == {"SD-2026-0801", "SD-2026-0802"}
    assert f"on team server {team.cluster.host} / {team.database}" in window.user_label.text()
    # A local-only feature is not offered rather than failing: backups of a local file.
    assert not window.backup_action.isVisible() and not window.restore_action.isVisible()

    # A meeting opens and an edit goes to the server, as on a local store.
    workspace = workspace_launcher.open_workspace(controller.state, "SD-2026-0801")
    qtbot.waitUntil(lambda: workspace.meeting is not None, timeout=20_000)
    workspace.show_section("details")
    type_into(qtbot, workspace.sections["details"].ui.locationEdit, "Room 4, Sampletown hub")
    workspace.close()  # saves what was typed
    ctx, reader = team.session(chair)  # a connection of its own reads what the server holds
    qtbot.waitUntil(lambda: meetings.get(ctx, reader, "SD-2026-0801").location == "Room 4, Sampletown hub",
                    timeout=20_000)

    # Saved: where and who, with a copy of the CA certificate; never the password.
    saved = data_dir / team_server.CONNECTION_FILE
    text = saved.read_text()
    assert LOGIN_PASSWORD not in text and "password" not in text.lower()
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    record = json.loads(text)
    assert (record["host"], record["port"], record["database"], record["login"]) == (
        team.cluster.host, team.cluster.port, team.database, chair)
    copy = data_dir / team_server.CA_COPY
    assert copy.read_bytes() == team.cluster.certs.ca_file.read_bytes()
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600


def test_a_wrong_password_and_an_untrusted_ca_each_say_so_and_keep_the_fields(make_controller, team, tmp_path,
                                                                                qtbot):
    chair = team.add("chair_b", Role.CHAIR)
    data_dir = tmp_path / "app"
    _controller, wizard = _start_wizard(make_controller, data_dir, qtbot)
    page = wizard.server_page
    _fill(page, team, chair, password="not the password")
    message = _connect_and_fail(wizard, qtbot)
    assert "refused the user name or password" in message
    assert page.password.hasFocus() and page.password.text() == "not the password"
    assert (page.host.text(), page.port.value(), page.database.text(), page.login.text()) == (
        team.cluster.host, team.cluster.port, team.database, chair)

    # Another CA: the server's certificate does not check, and the connection is not made.
    other = pgc.TestCertificates.make(_folder(tmp_path / "other-ca"))
    page.ca_file.setText(str(other.ca_file))
    page.password.setText(LOGIN_PASSWORD)
    message = _connect_and_fail(wizard, qtbot)
    assert "not trusted by the CA certificate" in message
    assert page.ca_file.hasFocus() and page.ca_file.text() == str(other.ca_file)
    assert page.password.text() == LOGIN_PASSWORD and page.login.text() == chair

    # A file that is not a certificate is named as such before anything is tried.
    not_a_cert = tmp_path / "notes.pem"
    not_a_cert.write_text("my notes\n")
    page.ca_file.setText(str(not_a_cert))
    assert "is not a certificate" in _connect_and_fail(wizard, qtbot)
    assert not (data_dir / team_server.CONNECTION_FILE).exists()  # nothing saved on a failure


def test_a_database_not_set_up_and_a_server_not_answering_are_told_apart(make_controller, team, pg_cluster,
                                                                          tmp_path, qtbot):
    chair = team.add("chair_c", Role.CHAIR)
    _controller, wizard = _start_wizard(make_controller, tmp_path / "app", qtbot)
    page = wizard.server_page
    _fill(page, team, chair)
    page.database.setText("postgres")  # a database, but not a Strategy Meeting one
    assert "not a Strategy Meeting team server" in _connect_and_fail(wizard, qtbot)
    assert page.database.hasFocus()
    page.database.setText(team.database)
    page.port.setValue(_closed_port())
    assert "nothing answered at" in _connect_and_fail(wizard, qtbot)
    assert page.host.hasFocus()


def test_a_restart_asks_for_the_server_password_and_lock_then_unlock_reconnects(make_controller, team, tmp_path,
                                                                                   qtbot):
    chair = team.add("chair_d", Role.CHAIR)
    _seed(team, chair, "SD-2026-0811")
    data_dir = tmp_path / "app"
    connection = team_server.ServerConnection(team.cluster.host, team.database, chair, team.cluster.certs.ca_file,
                                              team.cluster.port)
    assert team_server.save_connection(data_dir, connection).ca_file == data_dir / team_server.CA_COPY
    controller = make_controller(data_dir)
    controller.start()
    assert controller.wizard is None  # not the first run any more
    panel = controller.unlock_panel
    assert panel.server_line.isVisibleTo(controller.main_window)
    assert f"{team.cluster.host}:{team.cluster.port} / {team.database}" in panel.server_line.text()
    assert panel.user_name.text() == chair
    assert panel.recover_button.isHidden() and not panel.server_help.isHidden()
    assert "Ask your team server's administrator" in panel.server_help.text()
    from test_walkthrough_keys import mnemonic_clashes

    qtbot.waitExposed(controller.main_window)
    assert mnemonic_clashes(controller.main_window) == {}  # Alt+L login, Alt+P password, Alt+U unlock

    panel.passphrase.setText("wrong")
    panel.unlock_button.click()
    qtbot.waitUntil(lambda: "refused the user name or password" in panel.message.text(), timeout=30_000)
    assert controller.state.is_locked

    panel.passphrase.setText(LOGIN_PASSWORD)
    with qtbot.waitSignal(controller.ready, timeout=30_000):
        panel.unlock_button.click()
    first = controller.state.ctx
    qtbot.waitUntil(lambda: controller.main_window.meetings.model.rowCount() == 1, timeout=20_000)

    controller.lock()
    assert controller.state.is_locked and not first.store.is_open  # the connection is closed
    assert controller.main_window.meetings.model.rowCount() == 0
    panel.passphrase.setText(LOGIN_PASSWORD)
    with qtbot.waitSignal(controller.ready, timeout=30_000):
        panel.unlock_button.click()
    second = controller.state.ctx
    assert second is not first and second.store.is_open
    qtbot.waitUntil(lambda: controller.main_window.meetings.model.rowCount() == 1, timeout=20_000)

    # A meeting window's own unlock screen connects to the same server, as the same login.
    workspace = workspace_launcher.open_workspace(controller.state, "SD-2026-0811")
    qtbot.waitUntil(lambda: workspace.meeting is not None, timeout=20_000)
    controller.lock()
    ws_panel = workspace.lock_page.panel
    assert ws_panel.server == controller.server and ws_panel.user_name.text() == chair
    assert ws_panel.recover_button.isHidden() and not ws_panel.server_help.isHidden()
    ws_panel.passphrase.setText(LOGIN_PASSWORD)
    with qtbot.waitSignal(controller.ready, timeout=30_000):
        ws_panel.unlock_button.click()
    assert controller.state.ctx not in (first, second) and controller.state.actor.name == chair


def test_a_representatives_list_holds_only_their_agencys_meetings(make_controller, team, tmp_path, qtbot):
    chair = team.add("chair_e", Role.CHAIR)
    rep = team.add("police_e", Role.AGENCY_REP, "POLICE")
    _seed(team, chair, "SD-2026-0821")
    _seed(team, chair, "SD-2026-0822", without="POLICE")
    connection = team_server.ServerConnection(team.cluster.host, team.database, chair, team.cluster.certs.ca_file,
                                              team.cluster.port)
    controller = make_controller(tmp_path / "app", server=connection)  # as --server gives it
    controller.start()
    panel = controller.unlock_panel
    panel.user_name.setText(rep)  # the login can be changed on the unlock screen
    panel.passphrase.setText(LOGIN_PASSWORD)
    with qtbot.waitSignal(controller.ready, timeout=30_000):
        panel.unlock_button.click()
    assert controller.state.actor.name == rep and controller.state.actor.agency == "POLICE"
    window = controller.main_window
    qtbot.waitUntil(lambda: window.meetings.model.rowCount() >= 1, timeout=20_000)
    ops.pool().waitForDone(10_000)
    qtbot.wait(200)
    assert [window.meetings.model.summary(r).reference for r in range(window.meetings.model.rowCount())] == [
        "SD-2026-0821"]


def test_local_only_settings_are_off_on_a_server_with_the_reason(make_controller, team, tmp_path, qtbot):
    from strategy_meeting.gui.dialogs.settings_dialog import SettingsDialog

    admin = team.add("admin_f", Role.CHAIR_ADMINISTRATOR)
    connection = team_server.ServerConnection(team.cluster.host, team.database, admin, team.cluster.certs.ca_file,
                                              team.cluster.port)
    controller = make_controller(tmp_path / "app", server=connection)
    controller.start()
    controller.unlock_panel.passphrase.setText(LOGIN_PASSWORD)
    with qtbot.waitSignal(controller.ready, timeout=30_000):
        controller.unlock_panel.unlock_button.click()
    window = controller.main_window
    assert not window.restore_action.isVisible() and not window.restore_action.isEnabled()
    dialog = SettingsDialog(controller.state, window)
    qtbot.addWidget(dialog)
    assert "backed up on the server" in dialog.closed_pages["BackupPage"]
    assert "backed up on the server" in dialog.closed_note.text()
    users_page = dialog.page("UsersPage")
    users_page.load()
    assert admin in [users_page.table.item(r, 0).text() for r in range(users_page.table.rowCount())]
    users_page.name.setText("someone")
    assert not users_page.add_button.isEnabled() and not users_page.name.isEnabled()
    assert "set by the server's administrator" in users_page.server_note.text()
    assert not users_page.server_note.isHidden()


def test_server_option_and_environment_start_the_app_on_a_server(tmp_path) -> None:
    ca = tmp_path / "ca.pem"
    shutil.copy(pgc.TestCertificates.make(_folder(tmp_path / "ca")).ca_file, ca)
    address = f"postgresql://chair_a@db.example.org:5433/strategy?sslrootcert={ca}"
    assert gui_app._parse(["--server", address]).server == address
    connection = team_server.connection_from_address(address)
    assert (connection.host, connection.port, connection.database, connection.login, connection.ca_file) == (
        "db.example.org", 5433, "strategy", "chair_a", ca)
    assert connection.server_name == "db.example.org:5433 / strategy"
    assert "sslmode=verify-full" in connection.address("someone_else")
    assert connection.address("someone_else").startswith("postgresql://someone_else@db.example.org:5433/")
    # A password in the address is never kept: the app asks for it.
    assert "secret" not in repr(team_server.connection_from_address(
        "postgresql://chair_a:secret@db.example.org/strategy"))
    # A weaker TLS mode in the address is refused, never quietly upgraded (nor a socket).
    with pytest.raises(InsecureConnection, match="verify-full"):
        team_server.connection_from_address(f"{address}&sslmode=require")
    with pytest.raises(InsecureConnection, match="host"):
        team_server.connection_from_address("host=/var/run/postgresql dbname=strategy")
    assert team_server.SERVER_ENV == "STRATEGY_MEETING_SERVER"


def test_cancelling_while_connecting_leaves_nothing_open_or_saved(make_controller, team, tmp_path, qtbot,
                                                                  monkeypatch):
    chair = team.add("chair_g", Role.CHAIR)
    data_dir = tmp_path / "app"
    controller, wizard = _start_wizard(make_controller, data_dir, qtbot)
    _fill(wizard.server_page, team, chair)
    opened: list[object] = []
    real_connect = team_server.connect

    def connect_and_note(*args, **kwargs):  # type: ignore[no-untyped-def]
        result = real_connect(*args, **kwargs)
        opened.append(result[0])
        return result

    monkeypatch.setattr(team_server, "connect", connect_and_note)  # the real one, noting what it opened
    wizard.button(QWizard.WizardButton.FinishButton).click()
    wizard.hide()  # the user cancelled (the wizard's own Cancel would also quit the app here)
    qtbot.waitUntil(lambda: not wizard.server_page.busy, timeout=30_000)
    assert opened and not opened[0].store.is_open
    assert not (data_dir / team_server.CONNECTION_FILE).exists()
    assert controller.state.is_locked


def test_the_wizard_never_offers_a_weaker_tls(make_controller, tmp_path, qtbot) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox

    controller = make_controller(tmp_path / "app")
    controller.start()
    page = controller.wizard.server_page
    # No checkbox, radio or list on the page could choose another sslmode; the page says so.
    assert not page.findChildren(QComboBox)
    assert [b for b in page.findChildren(QAbstractButton)] == [page.choose_button]
    hints = " ".join(label.text() for label in page.findChildren(type(page.error)))
    assert "verify-full" in hints and "no setting to turn that off" in hints


def _folder(path: Path) -> Path:
    path.mkdir(parents=True)
    return path


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(autouse=True)
def _no_keyring(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Nothing here may touch a keyring: a server password is never remembered."""
    from strategy_meeting.services import session

    def refuse(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the keyring was asked on a team server")

    monkeypatch.setattr(session, "remember_on_this_computer", refuse)
