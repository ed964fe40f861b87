# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""When and how a copy reached its agency (issue 14, item 6): a hand-over of a copy saved for
hand delivery, or the agency's acknowledgement. Only such proof makes a saved copy count as
out within one working day, so the dialog asks for when and how, not just "done"."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from strategy_meeting.gui.widgets.date_edit import DateField


class DeliveryProofDialog(QDialog):
    """``acknowledgement`` False: a hand-over (how is required); True: an acknowledgement
    (who, and how, e.g. "reply e-mail")."""

    def __init__(self, agency: str, *, acknowledgement: bool, today: datetime,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.acknowledgement = acknowledgement
        title = (self.tr("Record the acknowledgement of {0}") if acknowledgement
                 else self.tr("Record the hand-over to {0}")).format(agency)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "A copy saved to a folder counts as out only once its hand-over or the agency's "
            "acknowledgement is recorded here.") if not acknowledgement else self.tr(
            "Who at {0} confirmed receipt, when and how.").format(agency))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.when = DateField(self, with_time=True)
        self.when.setValue(today)
        self.when.setAccessibleName(self.tr("When"))
        when_label = QLabel(self.tr("&When:"))
        when_label.setBuddy(self.when.editor)
        form.addRow(when_label, self.when)
        self.who = QLineEdit(self)
        self.who.setAccessibleName(self.tr("Who confirmed receipt"))
        if acknowledgement:
            who_label = QLabel(self.tr("W&ho:"))
            who_label.setBuddy(self.who)
            form.addRow(who_label, self.who)
        else:
            self.who.hide()
        self.how = QLineEdit(self)
        self.how.setAccessibleName(self.tr("How"))
        self.how.setPlaceholderText(self.tr("e.g. reply e-mail from the duty inspector") if acknowledgement
                                    else self.tr("e.g. by hand to DS Patel at the station"))
        how_label = QLabel(self.tr("H&ow:"))
        how_label.setBuddy(self.how)
        form.addRow(how_label, self.how)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Record"))
        self.ok.setAccessibleName(self.tr("Record"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.how.textChanged.connect(lambda _t: self._sync())
        self.when.valueChanged.connect(lambda _v: self._sync())
        self._sync()

    def _sync(self) -> None:
        # A hand-over without how proves little; the service refuses it too.
        self.ok.setEnabled(self.when.value() is not None and (self.acknowledgement or bool(self.how.text().strip())))

    def on(self) -> date | datetime | None:
        return self.when.value()
