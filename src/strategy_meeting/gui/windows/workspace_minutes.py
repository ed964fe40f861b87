# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Sign-off and minutes for the workspace: the sign-off dialog with its warnings, generating
the full record and agency copies in the worker with a progress dialog, and previewing a copy.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit

from strategy_meeting.domain.errors import NoSigningIdentity, OwnKeyNotOpen
from strategy_meeting.gui import minutes_calls, ops
from strategy_meeting.gui.dialogs.identity_dialog import IdentityDialog, offer_identity
from strategy_meeting.gui.dialogs.pdf_preview_dialog import PdfPreviewDialog, open_in_system_viewer
from strategy_meeting.gui.dialogs.sign_off_dialog import SignOffDialog
from strategy_meeting.gui.minutes_calls import GeneratedCopy
from strategy_meeting.services import session, signoff

if TYPE_CHECKING:
    from .meeting_workspace import MeetingWorkspace


class MinutesFlow:
    def __init__(self, workspace: MeetingWorkspace) -> None:
        self.ws = workspace
        self.sign_off_dialog: SignOffDialog | None = None
        self.preview: PdfPreviewDialog | None = None
        self.identity_dialog: IdentityDialog | None = None
        self.generating = False

    # -- sign-off ------------------------------------------------------------------------------------

    def sign_off(self) -> SignOffDialog | None:
        ws = self.ws
        if ws.meeting is None or ws.meeting.status.is_locked:
            return None
        ws.flush_all()
        reference = ws.reference
        # The checks as the service finds them for this signer now (bank holidays, signer).
        found = ops.run_now(ws, lambda: signoff.warnings(ws.state.ctx, ws.state.actor, reference))
        dialog = SignOffDialog(ws.meeting, ws, warnings=found)
        dialog.signOffRequested.connect(lambda ack: self._sign_off(dialog, ack))
        dialog.finished.connect(lambda _r: setattr(self, "sign_off_dialog", None))
        self.sign_off_dialog = dialog
        dialog.open()
        return dialog

    def _sign_off(self, dialog: SignOffDialog, acknowledge: bool) -> None:
        ws = self.ws
        reference = ws.reference
        meeting = ws.run_service(
            lambda ctx, actor: minutes_calls.sign_off(ctx, actor, reference, acknowledge, dialog.reason()),
            error_sink=dialog.show_problem,
        )
        if meeting is None:
            return
        dialog.accept()
        # Signed-off minutes are never edited, so there is nothing left to undo.
        ws.undo_stack.clear()
        ws.statusBar().showMessage(ws.tr("{0} is signed off.").format(reference), 8000)

    # -- minutes -------------------------------------------------------------------------------------

    def generate(self, folder: Path | None = None, sign: bool | None = None) -> bool:
        """Ask for a folder (unless given), then render every copy in the worker. Signed-off
        minutes are signed with the chair's identity unless the copies page says otherwise.

        Signing needs the signer's identity: without one, that is said first and one offered,
        and once it is made the same generation goes on to the folder (issue 19: the folder was
        asked for, then the identity found missing, then nothing generated)."""
        ws = self.ws
        if ws.meeting is None or self.generating:
            return False
        ws.show_section("copies")  # where the copies will be listed, and the signing choice is
        if sign is None:
            sign = ws.sections["copies"].wants_signature()  # type: ignore[attr-defined]
        ws.flush_all()
        if sign and ws.meeting.status.is_locked and self._has_identity() is False:
            self._offer_identity_then(lambda: self.generate(folder, sign))
            return False
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(ws, ws.tr("Choose the folder for the minutes"))
            if not chosen:
                return False
            folder = Path(chosen)
        ctx, actor, reference = ws.state.ctx, ws.state.actor, ws.reference
        self.generating = True
        ws.generate_action.setEnabled(False)

        def done(copies: list[GeneratedCopy]) -> None:
            self.generating = False
            ws.generate_action.setEnabled(not ws.state.is_locked)
            ws.sections["copies"].show_generated(copies)  # type: ignore[attr-defined]
            ws.show_section("copies")
            ws.statusBar().showMessage(ws.tr("{0} copies written to {1}.").format(len(copies), folder), 8000)
            ws.minutesGenerated.emit(copies)

        def failed(exc: BaseException) -> None:
            self.generating = False
            ws.generate_action.setEnabled(not ws.state.is_locked)
            if isinstance(exc, NoSigningIdentity):  # removed meanwhile: offer, then the same folder
                self._offer_identity_then(lambda: self.generate(folder, sign))
            elif isinstance(exc, OwnKeyNotOpen):
                self._open_own_key_then(lambda: self.generate(folder, sign))
            else:
                ops.show_error(ws, exc)
            ws.minutesFailed.emit(str(exc))

        ops.run_op(ws, lambda: minutes_calls.generate_minutes(ctx, actor, reference, folder, sign),
                   done, progress=ws.tr("Generating the full record, each agency's copy and the family's\u2026"), on_error=failed)
        return True

    def _has_identity(self) -> bool | None:
        """Whether the signer has a signing identity; None when it cannot be told now (the
        generation then goes on, and the service says what is wrong)."""
        from strategy_meeting.services import identities

        ctx, actor = self.ws.state.ctx, self.ws.state.actor
        failed: list[BaseException] = []
        summary = ops.ServiceOp(self.ws, lambda: identities.active_summary(ctx, actor)).failure(
            failed.append).run_now()
        return None if failed else summary is not None

    def _offer_identity_then(self, then: Callable[[], object]) -> None:
        """Offer to make the signing identity (in the app, not the command line's instruction);
        once it is made, close its dialog and carry on with ``then``."""
        ws = self.ws
        dialog = offer_identity(ws.state, ws, then=ws.tr(
            "Once it is made, the minutes are generated: you choose their folder next."))
        message = ws.tr("Nothing was generated: signed copies need your signing identity.")
        if dialog is None:
            ws.statusBar().showMessage(message, 8000)
            ws.minutesFailed.emit(message)
            return
        self.identity_dialog = dialog

        def closed(_result: int) -> None:
            self.identity_dialog = None
            if dialog.current is None:  # closed without making one
                ws.statusBar().showMessage(message, 8000)
                ws.minutesFailed.emit(message)

        def ready(_summary: object) -> None:
            dialog.accept()
            ws.statusBar().showMessage(ws.tr(
                "Signing identity made. Give agencies its certificate from Tools → My signing identity."), 8000)
            QTimer.singleShot(0, then)  # once the dialog has gone, so the folder dialog is on top

        dialog.identityReady.connect(ready)
        dialog.finished.connect(closed)

    def _open_own_key_then(self, again: Callable[[], object]) -> None:
        """The signing key is sealed to its holder: a session that lacks their own key (an
        older remembered start) asks for their own passphrase, opens it in the worker, and
        goes on."""
        ws = self.ws
        secret, ok = QInputDialog.getText(
            ws, ws.tr("Your own passphrase"),
            ws.tr("Your signing key is sealed to you. Type your own passphrase to sign:"),
            QLineEdit.EchoMode.Password)
        if not ok or not secret:
            return
        ctx, actor = ws.state.ctx, ws.state.actor
        ops.run_op(ws, lambda: session.open_own_key(ctx, actor, secret), lambda _r: again(),
                   progress=ws.tr("Opening your signing key\u2026"))

    def stored_copies(self) -> list[GeneratedCopy]:
        """The copies made earlier, from the store; none when they cannot be read now (the
        store locking under us, or a role that does not make minutes)."""
        ws = self.ws
        if ws.state.is_locked or ws.reference is None:
            return []
        ctx, actor, reference = ws.state.ctx, ws.state.actor, ws.reference
        found = ops.ServiceOp(ws, lambda: minutes_calls.stored_copies(ctx, actor, reference)).failure(
            lambda _e: None).run_now()
        return found or []

    def preview_copy(self, copy: GeneratedCopy) -> PdfPreviewDialog:
        title = (self.ws.tr("Full record") if copy.recipient == "full"
                 else self.ws.tr("Family's copy") if copy.recipient == "family"
                 else self.ws.tr("{0} copy").format(copy.recipient))
        if self.preview is not None:
            self.preview.close()
        assert copy.path is not None  # only a copy on disk is offered for preview
        self.preview = PdfPreviewDialog(copy.path, title, self.ws)
        self.preview.finished.connect(lambda _r: setattr(self, "preview", None))
        self.preview.open()
        return self.preview

    def open_copy(self, copy: GeneratedCopy) -> None:
        if copy.path is None or not open_in_system_viewer(copy.path):
            self.ws.statusBar().showMessage(self.ws.tr("No PDF viewer is set up on this computer."), 8000)

    def close_record_views(self) -> None:
        """On lock: the sign-off list and a preview show the record and hold no typing."""
        for dialog in (self.sign_off_dialog, self.preview):
            if dialog is not None:
                dialog.reject()
