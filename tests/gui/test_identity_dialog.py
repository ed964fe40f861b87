# SPDX-License-Identifier: LicenseRef-Proprietary
"""My signing identity, in the app: a chair makes, imports and exports the certificate the
minutes are signed with, and signing without one offers to make it (it used to name a
command-line command). Keys are really made and really sign; the store is a real SQLCipher file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from builders import sample_meeting, sign_off
from gui_support import make_controller, unlock, unlocked  # noqa: F401 - fixtures
from strategy_meeting.gui.dialogs.identity_dialog import IdentityDialog, grouped
from strategy_meeting.gui.windows.meeting_workspace import MeetingWorkspace
from strategy_meeting.services import identities, meetings
from strategy_meeting.services.minutes.service import verify_file


def _wait_idle(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.create_button.isEnabled(), timeout=60_000)


@pytest.fixture
def dialogs(qtbot):  # type: ignore[no-untyped-def]
    opened: list = []
    yield opened
    for dialog in opened:
        dialog.close()
    qtbot.wait(10)


def _open(controller, dialogs):  # type: ignore[no-untyped-def]
    dialog = controller.main_window.open_identity()
    assert dialog is not None
    dialogs.append(dialog)
    return dialog


def _organisation_p12(password: bytes) -> bytes:
    """An organisation's certificate and key as its IT would hand them over (PKCS#12)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Alex Example"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Sampletown Council")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=365))
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    return pkcs12.serialize_key_and_certificates(b"chair", key, cert, None,
                                                 serialization.BestAvailableEncryption(password))


def test_a_chair_makes_a_self_signed_identity_and_exports_its_certificate(
        unlocked, qtbot, tmp_path, monkeypatch, dialogs):
    window = unlocked.main_window
    assert window.identity_action.isEnabled() and window.identity_action.isVisible()
    dialog = _open(unlocked, dialogs)
    _wait_idle(qtbot, dialog)
    assert "no signing identity yet" in dialog.summary.text() and not dialog.export_button.isEnabled()
    dialog.organisation.setText("Sampletown Council")
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.current is not None, timeout=60_000)
    made = identities.active_summary(unlocked.state.ctx, unlocked.state.actor)
    assert made is not None and made.self_signed and "Sampletown Council" in made.subject
    assert grouped(made.fingerprint_sha256) in dialog.summary.text()
    assert "Signing as: chair, Sampletown Council (self-signed)" in dialog.summary.text()  # not OU=…,CN=…

    target = tmp_path / "chair.pem"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert dialog.export_button.isEnabled()
    dialog.export_button.click()
    qtbot.waitUntil(target.exists, timeout=30_000)
    assert target.read_bytes() == identities.active_certificate(unlocked.state.ctx, unlocked.state.actor)
    assert target.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")


def test_importing_the_organisation_s_certificate_replaces_the_old_one_after_asking(
        unlocked, qtbot, tmp_path, monkeypatch, dialogs):
    ctx, actor = unlocked.state.ctx, unlocked.state.actor
    identities.new_self_signed(ctx, actor)
    before = identities.active_summary(ctx, actor)
    p12 = tmp_path / "chair.p12"
    p12.write_bytes(_organisation_p12(b"correct horse"))
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(p12), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: (
        asked.append(title), QMessageBox.StandardButton.Yes)[1])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("correct horse", True))
    dialog = _open(unlocked, dialogs)
    _wait_idle(qtbot, dialog)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.current is not None and dialog.current != before, timeout=60_000)
    assert asked == ["Replace your signing identity?"]
    after = identities.active_summary(ctx, actor)
    assert after is not None and "Sampletown Council" in after.subject
    assert after.fingerprint_sha256 != before.fingerprint_sha256


def test_a_wrong_certificate_password_says_so_and_keeps_the_identity(
        unlocked, qtbot, tmp_path, monkeypatch, dialogs):
    from strategy_meeting.gui import ops

    p12 = tmp_path / "chair.p12"
    p12.write_bytes(_organisation_p12(b"correct horse"))
    errors: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda parent, exc: errors.append(str(exc)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(p12), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("wrong", True))
    dialog = _open(unlocked, dialogs)
    _wait_idle(qtbot, dialog)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: bool(errors), timeout=60_000)
    assert "password" in errors[0].lower()
    assert identities.active_summary(unlocked.state.ctx, unlocked.state.actor) is None
    assert dialog.create_button.isEnabled() and dialog.import_button.isEnabled()


def test_an_agency_representative_is_not_offered_it(make_controller, data_dir, qtbot):
    # Agency representatives contribute; they never sign minutes, so they have no identity.
    from conftest import PASSPHRASE
    from strategy_meeting.services import session

    from builders import representative

    controller = make_controller(data_dir)
    controller.start()
    ctx, _chair = session.open_session(data_dir, PASSPHRASE)
    controller.unlock_with(ctx, representative("nurse", "HEALTH"))  # as on the team server
    window = controller.main_window
    assert not window.identity_action.isEnabled() and not window.identity_action.isVisible()
    assert window.open_identity() is None


def test_signing_without_an_identity_offers_one_first_then_asks_the_folder_and_signs(
        qtbot, unlocked, tmp_path, monkeypatch):
    """Issue 19: Generate minutes with no signing identity said so only after the folder was
    chosen, and after one was made nothing was generated. Now the identity comes first, then
    the folder, and the copies are made and signed without asking again."""
    state = unlocked.state
    meetings.create(state.ctx, state.actor, template=sample_meeting())
    reference = sample_meeting().reference
    sign_off(state.ctx, state.actor, reference)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: (
        asked.append(f"identity: {text}"), QMessageBox.StandardButton.Yes)[1])
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: (
        asked.append("folder"), str(tmp_path / "copies"))[1])
    ws = MeetingWorkspace(state, reference)
    qtbot.addWidget(ws)
    ws.show()
    assert ws.generate_minutes(sign=True) is False  # nothing yet: the identity comes first
    assert len(asked) == 1 and asked[0].startswith("identity: ") and "no signing identity" in asked[0]
    assert "identity new" not in asked[0] and "choose their folder next" in asked[0]
    dialog = ws.findChild(IdentityDialog)
    assert dialog is not None and dialog.isVisible()
    _wait_idle(qtbot, dialog)
    with qtbot.waitSignal(ws.minutesGenerated, timeout=120_000) as done:
        dialog.create_button.click()  # made: the dialog closes and the folder is asked for
    assert asked[1:] == ["folder"] and ws.findChild(IdentityDialog) is None  # closed (and deleted)
    assert {c.path.parent for c in done.args[0]} == {tmp_path / "copies"}
    report = verify_file(done.args[0][0].path)
    assert report.ok and report.intact and report.valid


def test_declining_to_make_an_identity_asks_for_no_folder_and_says_why(qtbot, unlocked, monkeypatch):
    state = unlocked.state
    meetings.create(state.ctx, state.actor, template=sample_meeting())
    reference = sample_meeting().reference
    sign_off(state.ctx, state.actor, reference)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    folders: list[str] = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: (folders.append("x"), "")[1])
    ws = MeetingWorkspace(state, reference)
    qtbot.addWidget(ws)
    ws.show()
    with qtbot.waitSignal(ws.minutesFailed, timeout=10_000) as failed:
        ws.generate_minutes(sign=True)
    assert folders == [] and "need your signing identity" in failed.args[0]
    assert ws.findChild(IdentityDialog) is None


def test_signing_in_a_session_without_its_own_key_asks_for_the_passphrase_then_signs(
        qtbot, unlocked, tmp_path, monkeypatch):
    """A remembered start from a keyring entry made before own keys (issue 13): the sealed
    signing key needs its holder's own passphrase, asked for once, and then the copies sign."""
    from PySide6.QtWidgets import QInputDialog

    from conftest import PASSPHRASE

    state = unlocked.state
    identities.new_self_signed(state.ctx, state.actor)
    meetings.create(state.ctx, state.actor, template=sample_meeting())
    reference = sample_meeting().reference
    sign_off(state.ctx, state.actor, reference)
    store = state.ctx.store
    store._personal = None  # what such a start has: the data key, and not the holder's own
    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda parent, title, label, *a, **k: (
        asked.append(label), (PASSPHRASE, True))[1])
    ws = MeetingWorkspace(state, reference)
    qtbot.addWidget(ws)
    ws.show()
    with qtbot.waitSignal(ws.minutesGenerated, timeout=120_000) as done:
        ws.generate_minutes(tmp_path / "copies", sign=True)
    assert len(asked) == 1 and "own passphrase" in asked[0]
    report = verify_file(done.args[0][0].path)
    assert report.ok and report.intact and report.valid
