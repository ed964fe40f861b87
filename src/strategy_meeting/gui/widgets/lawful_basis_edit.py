# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The lawful basis for sharing an item (issue 14): a regime, a condition from the domain's list
for it (or "Other"), and free text beside them.

The lists are ``domain.lawful_basis.CONDITIONS``; this widget only offers them, so the words a
chair picks are the words the minutes print.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLineEdit, QWidget

from strategy_meeting.domain.lawful_basis import CONDITIONS, REGIME_LABELS, LawfulBasis, Regime

_REGIMES = (Regime.UNSPECIFIED, Regime.UK_GDPR, Regime.LAW_ENFORCEMENT)


class LawfulBasisEdit(QWidget):
    """Regime combo, condition combo and a note; ``value()`` is None while nothing is given."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.regime_combo = QComboBox(self)
        self.regime_combo.setAccessibleName(self.tr("Lawful basis: regime"))
        for regime in _REGIMES:
            label = self.tr("Regime not chosen") if regime is Regime.UNSPECIFIED else REGIME_LABELS[regime]
            self.regime_combo.addItem(label, regime.value)
        self.condition_combo = QComboBox(self)
        self.condition_combo.setAccessibleName(self.tr("Lawful basis: condition"))
        # The conditions are long sentences: the combo keeps a modest width, its list shows all.
        for combo in (self.regime_combo, self.condition_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.regime_combo.setMinimumContentsLength(16)
        self.condition_combo.setMinimumContentsLength(24)
        self.note_edit = QLineEdit(self)
        self.note_edit.setAccessibleName(self.tr("Lawful basis: note"))
        self.note_edit.setPlaceholderText(self.tr("Note: more detail, or the basis itself if it is not listed"))
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # One to a row: a condition is a long sentence, and cut short it loses what it says.
        layout.setVerticalSpacing(2)
        layout.addWidget(self.regime_combo, 0, 0)
        layout.addWidget(self.condition_combo, 1, 0, 1, 2)
        layout.addWidget(self.note_edit, 2, 0, 1, 2)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)
        QWidget.setTabOrder(self.regime_combo, self.condition_combo)
        QWidget.setTabOrder(self.condition_combo, self.note_edit)
        self.regime_combo.currentIndexChanged.connect(self._regime_changed)
        self.condition_combo.currentIndexChanged.connect(self._condition_changed)
        self.note_edit.textChanged.connect(lambda _t: self.changed.emit())
        self._regime_changed()

    def regime(self) -> Regime:
        return Regime(self.regime_combo.currentData())

    def _fill_conditions(self, regime: Regime, current: str = "") -> None:
        combo = self.condition_combo
        combo.blockSignals(True)
        combo.clear()
        if regime is Regime.UNSPECIFIED:
            combo.addItem(self.tr("Choose a regime first"), "")
        else:
            for condition in CONDITIONS[regime]:
                combo.addItem(condition, condition)
                combo.setItemData(combo.count() - 1, condition, Qt.ItemDataRole.ToolTipRole)
            combo.addItem(self.tr("Other (say it in the note)"), "")
        if current and combo.findData(current) < 0:
            combo.insertItem(0, current, current)  # a condition no longer listed is kept
        index = combo.findData(current)
        combo.setCurrentIndex(index if index >= 0 else 0)
        combo.setEnabled(regime is not Regime.UNSPECIFIED)
        combo.setToolTip(combo.currentText())
        combo.blockSignals(False)

    def _regime_changed(self) -> None:
        self._fill_conditions(self.regime())
        self.changed.emit()

    def _condition_changed(self) -> None:
        self.condition_combo.setToolTip(self.condition_combo.currentText())
        self.changed.emit()

    def setValue(self, basis: LawfulBasis | None) -> None:  # noqa: N802 - Qt naming
        basis = basis or LawfulBasis(Regime.UNSPECIFIED)
        self.blockSignals(True)
        self.regime_combo.blockSignals(True)
        self.regime_combo.setCurrentIndex(max(0, self.regime_combo.findData(basis.regime.value)))
        self.regime_combo.blockSignals(False)
        self._fill_conditions(basis.regime, basis.condition)
        self.note_edit.setText(basis.note)
        self.blockSignals(False)
        self.changed.emit()

    def value(self) -> LawfulBasis | None:
        regime = self.regime()
        condition = str(self.condition_combo.currentData() or "") if regime is not Regime.UNSPECIFIED else ""
        note = self.note_edit.text().strip()
        if regime is Regime.UNSPECIFIED and not note:
            return None
        return LawfulBasis(regime, condition, note)
