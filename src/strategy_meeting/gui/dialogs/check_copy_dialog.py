# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Check a signed copy of the minutes: is it intact, unchanged, and who signed it?

An administrator handed a copy back (by an agency, a court, a complaint) needs to know whether
it is the file this record signed. The verdict is the service's (services/minutes/verify.py);
this dialog words it so that "intact, but the signer is not trusted" never reads like
"tampered", nor like "valid". It needs no store: it works while the record is locked, and
when unlocked it can also trust the record's own signing identities.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from strategy_meeting.gui import ops
from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.style import apply_style

if TYPE_CHECKING:
    from strategy_meeting.services.minutes.verify import VerificationReport

# The verdict's tone, a property the style sheet colours (ui/app.qss): green, amber, red.
GOOD, WARN, BAD = "good", "warn", "bad"


def _browse_row(field: QLineEdit, button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(field, 1)
    row.addWidget(button)
    return row


class CheckCopyDialog(QDialog):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        apply_style(self)
        self.state = state
        self.setWindowTitle(self.tr("Check a signed copy"))
        self.setAccessibleName(self.tr("Check a signed copy"))
        intro = QLabel(self.tr(
            "Choose a copy of the minutes to see whether it is exactly the file that was signed, "
            "and by whom. Give the signer's certificate (as the chair exports it) to check who signed."))
        intro.setWordWrap(True)

        self.file_edit = QLineEdit()
        self.file_edit.setAccessibleName(self.tr("Signed copy to check"))
        self.file_edit.setPlaceholderText(self.tr("A PDF copy of the minutes"))
        file_button = QPushButton(self.tr("&Browse…"))
        file_button.setAccessibleName(self.tr("Choose the copy to check"))
        self.trust_edit = QLineEdit()
        self.trust_edit.setAccessibleName(self.tr("Certificate to trust"))
        self.trust_edit.setPlaceholderText(self.tr("Optional: the signer's certificate (.pem, .crt, .cer)"))
        trust_button = QPushButton(self.tr("Ch&oose certificate…"))
        trust_button.setAccessibleName(self.tr("Choose a certificate to trust"))
        self.own_identities = QCheckBox(self.tr("Also trust this record's own &signing identities"))
        self.own_identities.setAccessibleName(self.tr("Also trust this record's own signing identities"))
        self.own_identities.setChecked(not state.is_locked)
        self.own_identities.setEnabled(not state.is_locked)

        form = QFormLayout()
        file_label = QLabel(self.tr("Signed &copy:"))
        file_label.setBuddy(self.file_edit)
        form.addRow(file_label, _browse_row(self.file_edit, file_button))
        trust_label = QLabel(self.tr("&Trust:"))
        trust_label.setBuddy(self.trust_edit)
        form.addRow(trust_label, _browse_row(self.trust_edit, trust_button))
        form.addRow("", self.own_identities)

        self.headline = QLabel()
        self.headline.setObjectName("verdict")
        self.headline.setWordWrap(True)
        self.headline.setAccessibleName(self.tr("Verdict"))
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setAccessibleName(self.tr("Signature details"))
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.check_button = QPushButton(self.tr("C&heck"))
        self.check_button.setAccessibleName(self.tr("Check the copy"))
        self.check_button.setDefault(True)
        buttons.addButton(self.check_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.headline)
        layout.addWidget(self.details)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setTabOrder(self.file_edit, file_button)
        self.setTabOrder(file_button, self.trust_edit)
        self.setTabOrder(self.trust_edit, trust_button)
        self.setTabOrder(trust_button, self.own_identities)
        self.setTabOrder(self.own_identities, self.check_button)

        file_button.clicked.connect(self._choose_file)
        trust_button.clicked.connect(self._choose_trust)
        self.check_button.clicked.connect(self.check)
        self.file_edit.textChanged.connect(self._edited)
        self.trust_edit.textChanged.connect(self._edited)
        self.own_identities.toggled.connect(self._edited)
        self._edited()
        self.resize(640, 360)

    # ---- choosing files -------------------------------------------------------------

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the signed copy"), "",
                                              self.tr("PDF files (*.pdf);;All files (*)"))
        if path:
            self.file_edit.setText(path)

    def _choose_trust(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a certificate to trust"), "",
                                              self.tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"))
        if path:
            self.trust_edit.setText(path)

    def _edited(self) -> None:
        self.check_button.setEnabled(bool(self.file_edit.text().strip()))
        self._show("", "", "")  # a verdict belongs to the files it was given

    # ---- checking -------------------------------------------------------------------

    def check(self) -> None:
        from strategy_meeting.services.minutes.service import verify_file

        pdf = Path(self.file_edit.text().strip())
        trust_text = self.trust_edit.text().strip()
        trust = Path(trust_text) if trust_text else None
        own = self.own_identities.isChecked() and not self.state.is_locked
        ctx, actor = (self.state.ctx, self.state.actor) if own else (None, None)

        def check_in_worker() -> VerificationReport:
            also: list[bytes] = []
            if ctx is not None and actor is not None:
                from strategy_meeting.services import identities

                also = identities.record_certificates(ctx, actor)
            return verify_file(pdf, trust, also_trust=also)

        self.check_button.setEnabled(False)
        ops.run_op(self, check_in_worker, self._checked,
                   progress=self.tr("Checking the signature…"), on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        ops.show_error(self, exc)

    def _checked(self, report: VerificationReport) -> None:
        self.check_button.setEnabled(True)
        title, tone = self._verdict_words(report)
        self._show(title, tone, "<br>".join(escape(line) for line in self._detail_lines(report)))

    def _detail_lines(self, report: VerificationReport) -> list[str]:
        from strategy_meeting.services.minutes.verify import Verdict

        lines = []
        if report.signer:
            lines.append(self.tr("Signed by: {0}").format(report.signer))
        if report.signed_at is not None:
            when = report.signed_at.astimezone().strftime("%d %B %Y, %H:%M")
            lines.append(self.tr("Signed at: {0} (by the {1})").format(when, report.time_source))
        if report.verdict not in (Verdict.UNSIGNED, Verdict.DAMAGED):
            yes, no = self.tr("yes"), self.tr("no")
            lines.append(self.tr("Intact: {0}").format(yes if report.intact else no))
            lines.append(self.tr("Signature valid: {0}").format(yes if report.valid else no))
            if report.trusted:
                trusted = yes
            elif not (report.intact and report.valid):
                trusted = self.tr("not checked (the signature does not hold for this file)")
            else:
                trusted = no
            lines.append(self.tr("Signer trusted: {0}").format(trusted))
            if report.level:
                lines.append(self.tr("Signature: {0}").format(report.level))
        lines.extend(self.tr("Problem: {0}").format(problem) for problem in report.problems)
        return lines

    def _verdict_words(self, report: VerificationReport) -> tuple[str, str]:
        from strategy_meeting.services.minutes.verify import Verdict

        verdict = report.verdict
        if verdict is Verdict.VALID and report.trusted:
            return self.tr("Valid: this is exactly the file that was signed, and you trust its signer."), GOOD
        if verdict is Verdict.VALID:
            return self.tr(
                "Intact, signer not trusted: this is exactly the file that was signed, but no certificate "
                "you trust vouches for the signer. Give the signer's certificate to check who signed it."), WARN
        return {
            Verdict.TAMPERED: self.tr(
                "Tampered: the signed content was altered. This is not the file that was signed."),
            Verdict.CHANGED: self.tr(
                "Changed after signing: something was added to the file after it was signed, and the "
                "signer forbade any change."),
            Verdict.INVALID: self.tr(
                "Signature invalid: the signature does not belong to this content or its certificate."),
            Verdict.UNSIGNED: self.tr("Not signed: this file carries no signature."),
            Verdict.DAMAGED: self.tr("Damaged: the file could not be read as a signed PDF."),
        }[verdict], BAD

    def _show(self, title: str, tone: str, details_html: str) -> None:
        self.headline.setProperty("tone", tone)
        self.headline.style().unpolish(self.headline)
        self.headline.style().polish(self.headline)
        self.headline.setText(title)
        self.headline.setVisible(bool(title))
        self.details.setText(details_html)

    @property
    def verdict_tone(self) -> str:
        """GOOD, WARN or BAD once checked; empty before."""
        return str(self.headline.property("tone") or "")
