# SPDX-License-Identifier: LicenseRef-Proprietary
"""Tools → Check a signed copy: the verdicts a reader must never confuse (SECURITY-TESTS 26).

Copies are really signed (pyHanko, through the minutes signer) and really checked (pyHanko's
validator, through the service); the dialog is driven through its widgets."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from reportlab.pdfgen.canvas import Canvas

from gui_support import make_controller, unlock, unlocked  # noqa: F401 - fixtures
from strategy_meeting.gui import ops
from strategy_meeting.gui.dialogs.check_copy_dialog import BAD, GOOD, WARN
from strategy_meeting.services import identities
from strategy_meeting.services.minutes.identity import create_self_signed
from strategy_meeting.services.minutes.sign import MinutesSigner


def _small_pdf() -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, pageCompression=0)  # its text findable in the bytes
    canvas.drawString(72, 720, "Minutes of SD-2026-0042: copy for POLICE")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _record_identity(controller):  # type: ignore[no-untyped-def]
    """The chair's signing identity, made in the record the app has open, its key opened in
    the chair's own session (it is sealed in the store)."""
    ctx, actor = controller.state.ctx, controller.state.actor
    identities.new_self_signed(ctx, actor)
    with ctx.unit_of_work() as uow:
        return identities.unseal(ctx, uow.identities.active_for(actor.name))


def _edited_after_signing(signed: bytes) -> bytes:
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    extra = writer.add_object(generic.StreamObject(stream_data=b"BT /F1 12 Tf 72 72 Td (EDITED) Tj ET"))
    page["/Contents"] = generic.ArrayObject([page["/Contents"], extra])
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _check(qtbot, dialog, pdf: Path, trust: Path | None = None,  # type: ignore[no-untyped-def]
           *, own: bool = False) -> None:
    dialog.file_edit.setText(str(pdf))
    dialog.trust_edit.setText(str(trust) if trust else "")
    dialog.own_identities.setChecked(own)
    assert dialog.verdict_tone == ""  # nothing shown for files not yet checked
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.verdict_tone != "", timeout=30_000)


@pytest.fixture
def opened_dialogs(qtbot):  # type: ignore[no-untyped-def]
    """Every check dialog a test opens, closed after it as the user would close it."""
    dialogs: list = []
    yield dialogs
    for dialog in dialogs:
        dialog.close()
    qtbot.wait(10)


def _open(window, opened_dialogs):  # type: ignore[no-untyped-def]
    dialog = window.check_copy()
    opened_dialogs.append(dialog)
    return dialog


@pytest.fixture
def signed_copy(unlocked, tmp_path):  # type: ignore[no-untyped-def]
    identity = _record_identity(unlocked)
    path = tmp_path / "SD-2026-0042_POLICE.pdf"
    path.write_bytes(MinutesSigner(identity).sign(_small_pdf()))
    certificate = tmp_path / "chair.pem"
    certificate.write_bytes(identity.certificate_pem)
    return path, certificate


def test_a_copy_signed_by_this_record_is_valid_and_trusted(unlocked, signed_copy, qtbot, opened_dialogs):
    pdf, _certificate = signed_copy
    dialog = _open(unlocked.main_window, opened_dialogs)
    assert dialog.own_identities.isChecked() and dialog.own_identities.isEnabled()
    _check(qtbot, dialog, pdf, own=True)
    assert dialog.verdict_tone == GOOD
    assert dialog.headline.text().startswith("Valid:")
    assert "Signer trusted: yes" in dialog.details.text()
    assert "Intact: yes" in dialog.details.text()


def test_intact_but_untrusted_reads_apart_from_valid_and_from_tampered(
        unlocked, signed_copy, qtbot, tmp_path, opened_dialogs):
    pdf, _certificate = signed_copy
    stranger = create_self_signed("someone", "Someone Else", unlocked.state.ctx.now())
    foreign = tmp_path / "foreign.pem"
    foreign.write_bytes(stranger.certificate_pem)
    dialog = _open(unlocked.main_window, opened_dialogs)
    for trust in (None, foreign):  # nobody vouches; a certificate that is not the signer's
        _check(qtbot, dialog, pdf, trust)
        assert dialog.verdict_tone == WARN
        assert dialog.headline.text().startswith("Intact, signer not trusted:")
        assert "Tampered" not in dialog.headline.text() and "Valid" not in dialog.headline.text()
        assert "Intact: yes" in dialog.details.text() and "Signer trusted: no" in dialog.details.text()


def test_tampered_and_changed_after_signing_are_each_named(
        unlocked, signed_copy, qtbot, tmp_path, opened_dialogs):
    pdf, certificate = signed_copy
    data = pdf.read_bytes()
    position = data.index(b"SD-2026-0042")  # inside the signed range
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(data[:position] + b"X" + data[position + 1:])
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(_edited_after_signing(data))
    dialog = _open(unlocked.main_window, opened_dialogs)
    _check(qtbot, dialog, tampered, certificate)
    assert dialog.verdict_tone == BAD and dialog.headline.text().startswith("Tampered:")
    assert "Intact: no" in dialog.details.text()
    _check(qtbot, dialog, changed, certificate)
    assert dialog.verdict_tone == BAD and dialog.headline.text().startswith("Changed after signing:")


def test_a_copy_can_be_checked_while_the_record_is_locked(
        make_controller, data_dir, qtbot, tmp_path, opened_dialogs):
    # Needs no store: the signer's certificate file is what vouches for the signer.
    unlocked_once = make_controller(data_dir)
    unlocked_once.start()
    unlock(qtbot, unlocked_once)
    identity = _record_identity(unlocked_once)
    pdf = tmp_path / "copy.pdf"
    pdf.write_bytes(MinutesSigner(identity).sign(_small_pdf()))
    certificate = tmp_path / "chair.pem"
    certificate.write_bytes(identity.certificate_pem)
    window = unlocked_once.main_window
    window.lock_action.trigger()
    assert unlocked_once.state.is_locked and window.check_copy_action.isEnabled()
    dialog = _open(window, opened_dialogs)
    assert not dialog.own_identities.isEnabled()
    _check(qtbot, dialog, pdf, certificate)
    assert dialog.verdict_tone == GOOD


def test_a_file_that_is_not_there_says_so_and_shows_no_verdict(
        unlocked, qtbot, tmp_path, monkeypatch, opened_dialogs):
    errors: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda parent, exc: errors.append(str(exc)))
    dialog = _open(unlocked.main_window, opened_dialogs)
    dialog.file_edit.setText(str(tmp_path / "missing.pdf"))
    dialog.check_button.click()
    qtbot.waitUntil(lambda: bool(errors), timeout=30_000)
    assert "does not exist" in errors[0] and dialog.verdict_tone == ""
    assert dialog.check_button.isEnabled()
