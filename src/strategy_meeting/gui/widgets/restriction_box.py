# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Why an item is restricted (issue 14): the restriction categories, each with what it does,
and the police's recorded agreement to release a police-sensitive item.

The effects written here describe ``domain.sharing.may_see``; the editor's live "Seen by" line
is computed from that rule itself, so the words here can explain but never decide.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from strategy_meeting.domain.police_agreement import agreement_text, parse_agreement
from strategy_meeting.domain.sharing_terms import CATEGORY_LABELS, RestrictionCategory

from .date_edit import OptionalDateEdit

_COLUMNS = 3


def _tr(text: str) -> str:
    return QCoreApplication.translate("RestrictionBox", text)


CATEGORY_EFFECTS: dict[RestrictionCategory, str] = {
    RestrictionCategory.NOT_FOR_FAMILY: "never in the family's copy.",
    RestrictionCategory.POLICE_SENSITIVE: "in no other agency's copy until the police's agreement is recorded; "
                                          "never the family's.",
    RestrictionCategory.THIRD_PARTY: "e.g. the referrer's identity: never in the family's copy.",
    RestrictionCategory.HEALTH_CONFIDENTIAL: "only the agencies named in the audience (not \u201call\u201d); "
                                             "never the family's.",
    RestrictionCategory.CONFIDENTIAL_ADDRESS: "only the agencies named in the audience (not \u201call\u201d); "
                                              "never the family's.",
    RestrictionCategory.MAPPA_MARAC: "only the agencies named in the audience (not \u201call\u201d); "
                                     "never the family's.",
}

class RestrictionBox(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[RestrictionCategory, QCheckBox] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        for n, category in enumerate(RestrictionCategory):
            box = QCheckBox(_tr(CATEGORY_LABELS[category]), self)
            effect = _tr(CATEGORY_EFFECTS[category])
            box.setAccessibleName(_tr("Restriction: {0}").format(_tr(CATEGORY_LABELS[category])))
            box.setAccessibleDescription(effect)
            box.setToolTip(f"{_tr(CATEGORY_LABELS[category])}: {effect}")
            box.toggled.connect(self._toggled)
            self.boxes[category] = box
            grid.addWidget(box, n // _COLUMNS, n % _COLUMNS)
        self.effect_label = QLabel(self)
        self.effect_label.setWordWrap(True)
        self.effect_label.setObjectName("restrictionEffect")
        self.effect_label.setAccessibleName(_tr("What the restrictions do"))

        self.agreement_row = QWidget(self)
        self.agreed_by_edit = QLineEdit(self.agreement_row)
        self.agreed_by_edit.setAccessibleName(_tr("Police agreement: who agreed"))
        self.agreed_by_edit.setPlaceholderText(_tr("Who agreed for the police (name, rank)"))
        self.agreed_on_edit = OptionalDateEdit(self.agreement_row)
        self.agreed_on_edit.setAccessibleName(_tr("Police agreement: date"))
        agreed_label = QLabel(_tr("Police agreed:"), self.agreement_row)
        agreed_label.setBuddy(self.agreed_by_edit)
        on_label = QLabel(_tr("on"), self.agreement_row)
        on_label.setBuddy(self.agreed_on_edit)
        row = QHBoxLayout(self.agreement_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(agreed_label)
        row.addWidget(self.agreed_by_edit, 2)
        row.addWidget(on_label)
        row.addWidget(self.agreed_on_edit, 1)
        self.agreement_row.setToolTip(_tr(
            "Until the police's agreement is recorded, a police-sensitive item goes to no other agency."))
        self.agreed_by_edit.textChanged.connect(lambda _t: self.changed.emit())
        self.agreed_on_edit.valueChanged.connect(lambda _v: self.changed.emit())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(grid)
        layout.addWidget(self.effect_label)
        layout.addWidget(self.agreement_row)
        chain = [*self.boxes.values(), self.agreed_by_edit, self.agreed_on_edit]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self._toggled()

    def first_widget(self) -> QWidget:
        return next(iter(self.boxes.values()))

    def categories(self) -> frozenset[RestrictionCategory]:
        return frozenset(c for c, box in self.boxes.items() if box.isChecked())

    def police_agreement(self) -> str:
        if RestrictionCategory.POLICE_SENSITIVE not in self.categories():
            return ""
        return agreement_text(self.agreed_by_edit.text(), self.agreed_on_edit.value())  # type: ignore[arg-type]

    def problem(self) -> str:
        if RestrictionCategory.POLICE_SENSITIVE not in self.categories():
            return ""
        if self.agreed_on_edit.problem():
            return _tr("Police agreement date: {0}").format(self.agreed_on_edit.problem())
        named, dated = bool(self.agreed_by_edit.text().strip()), self.agreed_on_edit.value() is not None
        if dated and not named:
            return _tr("Say who agreed for the police, or clear the date.")
        if named and not dated:
            return _tr("Give the date the police agreed, or clear the name.")
        return ""

    def set_value(self, categories: frozenset[RestrictionCategory], agreement: str) -> None:
        for category, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(category in categories)
            box.blockSignals(False)
        who, when = parse_agreement(agreement)
        self.agreed_by_edit.blockSignals(True)
        self.agreed_by_edit.setText(who)
        self.agreed_by_edit.blockSignals(False)
        self.agreed_on_edit.blockSignals(True)
        self.agreed_on_edit.setValue(when)
        self.agreed_on_edit.blockSignals(False)
        self._toggled()

    def _toggled(self) -> None:
        chosen = self.categories()
        if chosen:
            self.effect_label.setText(" ".join(
                f"{_tr(CATEGORY_LABELS[c])}: {_tr(CATEGORY_EFFECTS[c])}" for c in RestrictionCategory if c in chosen))
        else:
            self.effect_label.setText(_tr("No restriction category: the audience alone decides."))
        self.agreement_row.setVisible(RestrictionCategory.POLICE_SENSITIVE in chosen)
        self.changed.emit()
