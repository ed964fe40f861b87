# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Distribute one signed-off meeting's copies from the app: by e-mail or to a folder, with the
distribution log, acknowledgements and whether the minutes went out within one working day.

Sending runs in the worker (``ops.run_op``) because an SMTP server can be slow or unreachable;
the log is read again afterwards, so what the table shows is what the store recorded. Sending
again retries only the agencies without a delivered copy (the service decides that).

Each copy may be sent as it is, encrypted with a password per agency (typed or generated in
``CopyPasswordsBox``, used for that run only and wiped when the dialog closes), or encrypted to
each agency's certificate from the directory.
"""

from __future__ import annotations

from datetime import date

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex,
                            QPersistentModelIndex, Qt, Signal)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QRadioButton,
                               QTableView, QVBoxLayout, QWidget)

from strategy_meeting.domain.errors import InvalidInput
from strategy_meeting.domain.records import DistributionOutcome, DistributionRecord
from strategy_meeting.gui import ops
from strategy_meeting.gui.dialogs.delivery_proof_dialog import DeliveryProofDialog
from strategy_meeting.gui.widgets.copy_passwords_box import CopyPasswordsBox
from strategy_meeting.services.distribution import service as distribution_service
from strategy_meeting.services.distribution.rules import Timeliness

_Index = QModelIndex | QPersistentModelIndex
HEADERS = (QT_TRANSLATE_NOOP("DistributionLogModel", "Agency"), QT_TRANSLATE_NOOP("DistributionLogModel", "Channel"),
           QT_TRANSLATE_NOOP("DistributionLogModel", "Address"), QT_TRANSLATE_NOOP("DistributionLogModel", "Time"),
           QT_TRANSLATE_NOOP("DistributionLogModel", "Outcome"),
           QT_TRANSLATE_NOOP("DistributionLogModel", "Acknowledged"),
           QT_TRANSLATE_NOOP("DistributionLogModel", "Protection"),
           QT_TRANSLATE_NOOP("DistributionLogModel", "Version"))
PROTECTION_WORDS = {"": QT_TRANSLATE_NOOP("DistributionLogModel", "Not encrypted"),
                    "password": QT_TRANSLATE_NOOP("DistributionLogModel", "Encrypted (password)"),
                    "certificate": QT_TRANSLATE_NOOP("DistributionLogModel", "Encrypted (certificate)")}


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def _when(value: Any) -> str:
    return value.astimezone().strftime("%d/%m/%Y %H:%M") if value is not None else ""


class DistributionLogModel(QAbstractTableModel):
    """One row per attempt; failed rows tinted, the server's reason in the outcome."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records: list[DistributionRecord] = []

    def set_records(self, records: list[DistributionRecord]) -> None:
        self.beginResetModel()
        self.records = sorted(records, key=lambda r: (r.at, r.recipient))
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr("DistributionLogModel", HEADERS[section])
        return None

    def text(self, row: int, column: int) -> str:
        r = self.records[row]
        if column == 4:
            if r.outcome is DistributionOutcome.SAVED:
                # Issue 14: saved is not out; only a recorded hand-over makes it so.
                if r.awaiting_hand_over:
                    return _tr("DistributionLogModel", "saved for hand delivery")
                if r.handed_over_at is None:  # out by the agency's acknowledgement alone
                    return _tr("DistributionLogModel", "saved; receipt acknowledged")
                return _tr("DistributionLogModel", "saved; handed over {0} ({1})").format(
                    _when(r.handed_over_at), r.handed_over_how)
            return f"{r.outcome.value}: {r.reason}" if r.reason else r.outcome.value
        if column == 7:
            return _tr("DistributionLogModel", "Version {0}").format(r.version)
        if column == 6:
            if r.protection is None:
                return _tr("DistributionLogModel", "Not recorded")
            return _tr("DistributionLogModel", PROTECTION_WORDS.get(r.protection, r.protection))
        if column == 5:
            if not r.acknowledged_at:
                return _tr("DistributionLogModel", "no")
            text = _tr("DistributionLogModel", "{0} by {1}").format(_when(r.acknowledged_at), r.acknowledged_by) \
                if r.acknowledged_by else _when(r.acknowledged_at)
            return f"{text} ({r.acknowledged_how})" if r.acknowledged_how else text
        return (r.recipient, r.channel.value, r.address, _when(r.at))[column]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.records[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.ToolTipRole and record.reason:
            return record.reason
        failed = record.outcome is DistributionOutcome.FAILED
        if role == Qt.ItemDataRole.BackgroundRole and failed:
            return QBrush(QColor("#f8d7da"))
        if role == Qt.ItemDataRole.ForegroundRole and failed:
            return QBrush(QColor("#58151c"))
        return None


def describe_timeliness(t: Timeliness, today: date) -> str:
    """One line on the one-working-day rule: copies sent late, copies still to go (due, or
    overdue once the deadline has passed), or all on time."""
    context = "DistributionDialog"
    if t.deadline is None:
        return _tr(context, "The meeting has no date, so timeliness cannot be judged.")
    deadline = t.deadline.strftime("%d/%m/%Y")
    if not t.agencies:
        return _tr(context, "Nothing distributed yet; copies are due by the end of {0}.").format(deadline)
    late, saved, waiting = t.late, t.saved_for_hand_delivery, t.not_sent
    if not late and not waiting and not saved:
        return _tr(context, "All copies went out within one working day (by the end of {0}).").format(deadline)
    parts = []
    if late:
        parts.append(_tr(context, "Sent later than one working day (due by the end of {0}): {1}.")
                     .format(deadline, ", ".join(late)))
    if waiting and t.overdue(today):
        parts.append(_tr(context, "Not sent, overdue since the end of {0}: {1}.").format(deadline, ", ".join(waiting)))
    elif waiting:
        parts.append(_tr(context, "Still to go, due by the end of {0}: {1}.").format(deadline, ", ".join(waiting)))
    if saved:
        parts.append(_tr(context, "Saved for hand delivery, not out until the hand-over is recorded "
                                  "(due by the end of {0}): {1}.").format(deadline, ", ".join(saved)))
    return " ".join(parts)


class DistributionDialog(QDialog):
    distributed = Signal(object)  # DistributionResult
    logLoaded = Signal()

    def __init__(self, state: Any, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state, self.reference = state, reference
        self.folder: Path | None = None
        self.setWindowTitle(self.tr("Distribute the minutes of {0}").format(reference))
        self.setAccessibleName(self.tr("Distribute the minutes of {0}").format(reference))
        layout = QVBoxLayout(self)
        self.email_radio = QRadioButton(self.tr("Send by &e-mail (server from settings)"))
        self.email_radio.setAccessibleName(self.tr("Send by e-mail using the server in settings"))
        self.folder_radio = QRadioButton(self.tr("Save to a &folder\u2026"))
        self.folder_radio.setAccessibleName(self.tr("Save each copy to a folder for sending by hand"))
        self.channel = QButtonGroup(self)
        for b in (self.email_radio, self.folder_radio):
            self.channel.addButton(b)
            layout.addWidget(b)
        self.email_radio.setChecked(True)
        self._protection_remembered = False
        self.folder_label = QLabel("")
        self.folder_label.setAccessibleName(self.tr("Chosen folder"))
        layout.addWidget(self.folder_label)
        self.folder_radio.toggled.connect(lambda on: on and self.choose_folder())
        protection_row = QHBoxLayout()
        protection_label = QLabel(self.tr("&Protect each copy:"))
        self.protection = QComboBox()
        self.protection.setAccessibleName(self.tr("How each copy is protected"))
        self.protection.addItem(self.tr("Not encrypted (the signed copy as it is)"), "")
        self.protection.addItem(self.tr("Encrypted with a password per agency (AES-256)"), "password")
        self.protection.addItem(self.tr("Encrypted to each agency's certificate (AES-256)"), "certificate")
        self.protection.setToolTip(self.tr(
            "A password per agency: typed or generated below, given to the agency by phone. "
            "Certificates are kept in Settings > Agencies. A missing password or certificate "
            "stops the sending before anything goes out."))
        protection_label.setBuddy(self.protection)
        protection_row.addWidget(protection_label)
        protection_row.addWidget(self.protection, 1)
        layout.addLayout(protection_row)
        self.passwords_box = CopyPasswordsBox(self)
        self.passwords_box.setVisible(False)
        layout.addWidget(self.passwords_box, 1)
        self.protection.currentIndexChanged.connect(self._protection_changed)
        self.table_model = DistributionLogModel(self)
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.setAccessibleName(self.tr("Distribution log"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.timeliness_label = QLabel("")
        self.timeliness_label.setAccessibleName(self.tr("Timeliness"))
        self.timeliness_label.setWordWrap(True)
        layout.addWidget(self.timeliness_label)
        row = QHBoxLayout()
        self.send_button = QPushButton(self.tr("&Send"))
        self.send_button.setAccessibleName(self.tr("Send the copies not yet delivered"))
        self.send_button.clicked.connect(self.send)
        # Said as what it does: sending by e-mail, or saving to a folder.
        self.folder_radio.toggled.connect(lambda _on: self._name_send_button())
        self.ack_button = QPushButton(self.tr("Record &acknowledgement\u2026"))
        self.ack_button.setAccessibleName(self.tr("Record that the selected agency confirmed receipt"))
        self.ack_button.clicked.connect(lambda: self.acknowledge())
        self.hand_over_button = QPushButton(self.tr("Record &hand-over…"))
        self.hand_over_button.setAccessibleName(
            self.tr("Record when and how the selected copy saved for hand delivery was handed over"))
        self.hand_over_button.clicked.connect(lambda: self.hand_over())
        self.family_note = QLabel(self.tr(
            "The family's copy is not sent from here: it is saved with the other copies for you to give or send."))
        self.family_note.setWordWrap(True)
        self.family_note.setAccessibleName(self.tr("About the family's copy"))
        row.addWidget(self.send_button)
        row.addWidget(self.ack_button)
        row.addWidget(self.hand_over_button)
        # Acknowledging is of one delivery: off until a row of the log is selected.
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_ack())
        self.table_model.modelReset.connect(self._update_ack)
        self._update_ack()
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.family_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(780, 460)
        self.refresh()

    def _name_send_button(self) -> None:
        if self.folder_radio.isChecked():
            self.send_button.setText(self.tr("&Save to the folder"))
            self.send_button.setAccessibleName(self.tr("Save the copies not yet delivered to the folder"))
        else:
            self.send_button.setText(self.tr("&Send"))
            self.send_button.setAccessibleName(self.tr("Send the copies not yet delivered"))

    def _remember_protection(self, records: list[DistributionRecord]) -> None:
        """Reopened, the dialog protects copies as the last ones of this meeting were (the log
        records it), so a retry or a late agency is not sent unencrypted by mistake."""
        if self._protection_remembered:
            return
        self._protection_remembered = True
        known = [r for r in sorted(records, key=lambda r: r.at) if r.protection is not None]
        if known:
            index = self.protection.findData(known[-1].protection)
            if index >= 0:
                self.protection.setCurrentIndex(index)

    def _update_ack(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.ack_button.setEnabled(bool(rows))
        record = self.table_model.records[rows[0].row()] if rows else None
        self.hand_over_button.setEnabled(record is not None and record.outcome is DistributionOutcome.SAVED)

    def choose_folder(self) -> bool:
        name = QFileDialog.getExistingDirectory(self, self.tr("Save the copies to a folder"), str(Path.home()))
        if not name:
            if self.folder is None:
                self.email_radio.setChecked(True)
            return False
        self.folder = Path(name)
        self.folder_label.setText(self.tr("Folder: {0}").format(self.folder))
        return True

    def refresh(self) -> None:
        ctx, actor, ref = self.state.ctx, self.state.actor, self.reference
        try:
            records = distribution_service.distribution_log(ctx, actor, ref)
            timeliness = distribution_service.log_timeliness(ctx, actor, ref)
        except Exception as exc:  # noqa: BLE001 - shown without a traceback
            ops.show_error(self, exc)
            return
        self.table_model.set_records(records)
        self._remember_protection(records)
        self.timeliness_label.setText(describe_timeliness(timeliness, self.state.ctx.today()))
        if self.protection.currentData() == "password":
            self._load_password_rows()
        self.logLoaded.emit()

    def _protection_changed(self) -> None:
        by_password = self.protection.currentData() == "password"
        self.passwords_box.setVisible(by_password)
        if by_password:
            self._load_password_rows()
            self.resize(self.width(), max(self.height(), 640))  # room for the table and the log

    def _load_password_rows(self) -> None:
        try:
            pending = distribution_service.agencies_to_send(self.state.ctx, self.state.actor, self.reference)
        except Exception as exc:  # noqa: BLE001 - shown without a traceback
            ops.show_error(self, exc)
            return
        self.passwords_box.set_agencies(pending)

    def done(self, result: int) -> None:
        """Closing (or locking) wipes the passwords: they are for this sitting only."""
        self.passwords_box.forget()
        super().done(result)

    def send(self) -> bool:
        ctx, actor, ref = self.state.ctx, self.state.actor, self.reference
        to_certificates = self.protection.currentData() == "certificate"
        by_password = self.protection.currentData() == "password"
        passwords = self.passwords_box.passwords() if by_password else None
        if self.folder_radio.isChecked():
            if self.folder is None and not self.choose_folder():
                return False
            folder = self.folder

            def call() -> Any:
                return distribution_service.distribute(ctx, actor, ref, folder=folder, passwords=passwords,
                                                       require_passwords=by_password,
                                                       encrypt_to_certificates=to_certificates)
        else:
            smtp = self.mail_settings()
            if smtp is None:
                return False

            def call() -> Any:
                return distribution_service.distribute(ctx, actor, ref, smtp=smtp, passwords=passwords,
                                                       require_passwords=by_password,
                                                       encrypt_to_certificates=to_certificates)
        self.send_button.setEnabled(False)

        def done(result: Any) -> None:
            self.send_button.setEnabled(True)
            self.refresh()
            self.distributed.emit(result)

        def failed(exc: BaseException) -> None:
            self.send_button.setEnabled(True)
            ops.show_error(self, exc)
            self.refresh()

        ops.run_op(self, call, done, progress=self.tr("Distributing the minutes\u2026"), on_error=failed)
        return True

    def mail_settings(self) -> Any:
        """The saved mail settings, with the account's password: from the OS keyring, or
        asked for here (used for this run only) where this computer keeps none."""
        try:
            smtp = distribution_service.smtp_settings(self.state.ctx, self.state.actor)
        except Exception as exc:  # noqa: BLE001 - shown without a traceback
            ops.show_error(self, exc)
            return None
        if not smtp.host:
            # Said here in the app's words: the service's message names the command line's option.
            QMessageBox.information(self, self.tr("No mail server"), self.tr(
                "No mail server is set up yet. An administrator sets it in Settings and administration "
                "→ Mail server; meanwhile you can save the copies to a folder."))
            return None
        if smtp.username and not smtp.password:
            password, ok = QInputDialog.getText(
                self, self.tr("Mail server password"),
                self.tr("Password of the account {0} on {1}\n(used for this sending only, not saved):").format(
                    smtp.username, smtp.host),
                QLineEdit.EchoMode.Password)
            if not ok:
                return None
            smtp = replace(smtp, password=password)
        return smtp

    def _selected(self) -> DistributionRecord | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            ops.show_error(self, InvalidInput(self.tr("Select a row of the distribution log first.")))
            return None
        return self.table_model.records[rows[0].row()]

    def acknowledge(self, by: str | None = None, on: Any = None, how: str = "") -> bool:
        """``by`` given (tests, scripts): recorded as said, now unless ``on``; otherwise the
        dialog asks who, when and how."""
        record = self._selected()
        if record is None:
            return False
        if by is None:
            dialog = DeliveryProofDialog(record.recipient, acknowledgement=True, today=self.state.ctx.now(),
                                         parent=self)
            self.proof_dialog = dialog
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            by, on, how = dialog.who.text(), dialog.on(), dialog.how.text()
        ctx, actor, ref = self.state.ctx, self.state.actor, self.reference
        result = ops.run_now(self, lambda: distribution_service.record_acknowledgement(
            ctx, actor, ref, record.recipient, by or "", on=on, how=how))
        self.refresh()
        return result is not None

    def hand_over(self, on: Any = None, how: str | None = None) -> bool:
        """When and how the selected saved copy was handed over (asked unless given)."""
        record = self._selected()
        if record is None:
            return False
        if how is None:
            dialog = DeliveryProofDialog(record.recipient, acknowledgement=False, today=self.state.ctx.now(),
                                         parent=self)
            self.proof_dialog = dialog
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            on, how = dialog.on(), dialog.how.text()
        ctx, actor, ref = self.state.ctx, self.state.actor, self.reference
        result = ops.run_now(self, lambda: distribution_service.record_hand_over(
            ctx, actor, ref, record.recipient, on=on if on is not None else ctx.now(), how=how or ""))
        self.refresh()
        return result is not None

