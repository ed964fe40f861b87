# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Choose who may see an item and why it is restricted, and see at once who will receive it.

Deny by default (issue 14): a new item starts with no audience chosen, and the dialog around
the editor cannot save until one is. The choice is the domain's ``SharingTerms``; the live
"Seen by: ..." line is ``domain.sharing.seen_by``, the one wording the badges, the minutes and
the form share, so the editor can never disagree with what the copies will hold.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from strategy_meeting.domain.agency import Agency
from strategy_meeting.domain.sharing import Recipient, may_see, seen_by
from strategy_meeting.domain.sharing_terms import AudienceScope, SharingTerms

from .lawful_basis_edit import LawfulBasisEdit
from .restriction_box import RestrictionBox

_AGENCY_COLUMNS = 4


class SharingTermsEditor(QWidget):
    """Audience, family, restriction categories, handling caveat and lawful basis, with the
    live "Seen by" line under them."""

    termsChanged = Signal(object)  # SharingTerms | None (None while the choice is incomplete)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._agencies: list[Agency] = []
        self._owner: str | None = None
        self._boxes: dict[str, QCheckBox] = {}
        self._picked: set[str] = set()  # the agencies the user named
        self._rendering = False

        self.all_radio = QRadioButton(self.tr("A&ll agencies"), self)
        self.named_radio = QRadioButton(self.tr("&Named agencies only"), self)
        self.chair_radio = QRadioButton(self)
        self.scope_group = QButtonGroup(self)
        for n, radio in enumerate((self.all_radio, self.named_radio, self.chair_radio)):
            self.scope_group.addButton(radio, n)
        self.all_radio.setAccessibleName(self.tr("Audience: all agencies"))
        self.named_radio.setAccessibleName(self.tr("Audience: named agencies only"))

        self.agency_box = QWidget(self)
        self.agency_grid = QGridLayout(self.agency_box)
        self.agency_grid.setContentsMargins(24, 0, 0, 0)
        self.agency_grid.setVerticalSpacing(0)

        self.family_check = QCheckBox(self.tr("May be shared with the famil&y (parents or carers)"), self)
        self.family_check.setAccessibleName(self.tr("May be shared with the family"))

        self.restrictions = RestrictionBox(self)
        self.caveat_edit = QLineEdit(self)
        self.caveat_edit.setAccessibleName(self.tr("Handling caveat"))
        self.caveat_edit.setPlaceholderText(self.tr("Optional, e.g. \u201cdo not discuss with the mother\u201d"))
        self.lawful_basis = LawfulBasisEdit(self)

        self.seen_by_label = QLabel(self)
        self.seen_by_label.setObjectName("seenBy")
        self.seen_by_label.setWordWrap(True)
        self.seen_by_label.setStyleSheet("font-weight: 600;")
        self.seen_by_label.setAccessibleName(self.tr("Who will receive this item"))
        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b3261e;")
        self.problem_label.setAccessibleName(self.tr("Sharing terms problem"))
        self.problem_label.hide()

        scope_row = QHBoxLayout()
        scope_row.setContentsMargins(0, 0, 0, 0)
        for radio in (self.all_radio, self.named_radio, self.chair_radio):
            scope_row.addWidget(radio)
        scope_row.addStretch(1)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setVerticalSpacing(4)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        audience_label = QLabel(self.tr("Audience:"), self)
        layout.addRow(audience_label, scope_row)
        layout.addRow("", self.agency_box)
        layout.addRow("", self.family_check)
        restrictions_label = QLabel(self.tr("Restrictions:"), self)
        restrictions_label.setBuddy(self.restrictions.first_widget())
        layout.addRow(restrictions_label, self.restrictions)
        caveat_label = QLabel(self.tr("Handling:"), self)
        caveat_label.setBuddy(self.caveat_edit)
        layout.addRow(caveat_label, self.caveat_edit)
        basis_label = QLabel(self.tr("Lawful &basis:"), self)
        basis_label.setBuddy(self.lawful_basis.regime_combo)
        layout.addRow(basis_label, self.lawful_basis)
        layout.addRow(self.seen_by_label)
        layout.addRow(self.problem_label)

        self.scope_group.idToggled.connect(lambda _id, on: on and self._changed())
        self.family_check.toggled.connect(self._changed)
        self.restrictions.changed.connect(self._changed)
        self.caveat_edit.textChanged.connect(self._changed)
        self.lawful_basis.changed.connect(self._changed)
        self._name_chair_radio()
        self._fix_tab_order()
        self.setTerms(SharingTerms.undecided())

    # -- configuration -------------------------------------------------------------------------

    def setAgencies(self, agencies: list[Agency]) -> None:  # noqa: N802 - Qt naming
        """The meeting's agencies: the ones that could be named, and who "Seen by" lists."""
        for box in self._boxes.values():
            self.agency_grid.removeWidget(box)
            box.deleteLater()
        self._boxes = {}
        self._agencies = list(agencies)
        for n, agency in enumerate(self._agencies):
            box = QCheckBox(agency.code, self.agency_box)
            box.setToolTip(agency.name)
            box.setAccessibleName(self.tr("Share with {0} ({1})").format(agency.name, agency.code))
            box.toggled.connect(lambda on, code=agency.code: self._box_toggled(code, on))
            self._boxes[agency.code] = box
            self.agency_grid.addWidget(box, n // _AGENCY_COLUMNS, n % _AGENCY_COLUMNS)
        self._fix_tab_order()
        self._changed()

    def setOwnerAgency(self, code: str | None) -> None:  # noqa: N802
        """The agency that gave or owns the item (it sees its own item once an audience is
        chosen); None or "" for the chair's own items, decisions and addenda."""
        self._owner = code or None
        self._name_chair_radio()
        self._changed()

    # -- value -------------------------------------------------------------------------------------

    def setTerms(self, terms: SharingTerms) -> None:  # noqa: N802
        widgets = (self.scope_group, self.family_check, self.caveat_edit, self.lawful_basis, self.restrictions,
                   *self._boxes.values())
        for w in widgets:
            w.blockSignals(True)
        self.scope_group.setExclusive(False)  # an undecided item has no radio checked
        for radio in self.scope_group.buttons():
            radio.setChecked(False)
        self.scope_group.setExclusive(True)
        radio = {AudienceScope.ALL: self.all_radio, AudienceScope.AGENCIES: self.named_radio,
                 AudienceScope.CHAIR: self.chair_radio}.get(terms.scope)
        if radio is not None:
            radio.setChecked(True)
        self._picked = set(terms.agencies)
        self.family_check.setChecked(terms.family)
        self.caveat_edit.setText(terms.caveat)
        self.lawful_basis.setValue(terms.lawful_basis)
        self.restrictions.set_value(terms.categories, terms.police_agreement)
        for w in widgets:
            w.blockSignals(False)
        self._changed()

    def scope(self) -> AudienceScope:
        if self.all_radio.isChecked():
            return AudienceScope.ALL
        if self.named_radio.isChecked():
            return AudienceScope.AGENCIES
        if self.chair_radio.isChecked():
            return AudienceScope.CHAIR
        return AudienceScope.UNDECIDED

    def terms(self) -> SharingTerms | None:
        """The terms as chosen (undecided while no audience is), or None while "named
        agencies" has none ticked or the police agreement is half given."""
        scope = self.scope()
        if scope is AudienceScope.AGENCIES and not self._picked:
            return None
        if self.restrictions.problem():
            return None
        return SharingTerms(scope, frozenset(self._picked) if scope is AudienceScope.AGENCIES else frozenset(),
                            self.family_check.isChecked(), categories=self.restrictions.categories(),
                            caveat=self.caveat_edit.text().strip(), lawful_basis=self.lawful_basis.value(),
                            police_agreement=self.restrictions.police_agreement())

    def problem(self) -> str:
        """Why the terms cannot be saved yet ("" when they can)."""
        scope = self.scope()
        if scope is AudienceScope.UNDECIDED:
            return self.tr("Choose who may see it (All agencies, Named agencies only or the chair's record) "
                           "before saving.")
        if scope is AudienceScope.AGENCIES and not self._picked:
            if self._owner:
                return self.tr("Tick at least one other agency to share with, or choose another audience.")
            return self.tr("Tick at least one agency to share with, or choose another audience.")
        return self.restrictions.problem()

    # -- internals ---------------------------------------------------------------------------------

    def _name_chair_radio(self) -> None:
        if self._owner:
            self.chair_radio.setText(self.tr("C&hair's record and {0}").format(self._owner))
            self.chair_radio.setAccessibleName(self.tr("Audience: the chair's record and {0}, who gave it").format(
                self._owner))
        else:
            self.chair_radio.setText(self.tr("C&hair's record only"))
            self.chair_radio.setAccessibleName(self.tr("Audience: the chair's record only"))

    def _box_toggled(self, code: str, on: bool) -> None:
        if self._rendering or code == self._owner:
            return
        if on:
            self._picked.add(code)
        else:
            self._picked.discard(code)
        self._changed()

    def _render_boxes(self) -> None:
        """Tick the named agencies; the owning agency's box is ticked and fixed, because the
        rule always gives an agency its own item."""
        self._rendering = True
        try:
            for code, box in self._boxes.items():
                own = code == self._owner
                box.setChecked(own or code in self._picked)
                box.setEnabled(not own)
                box.setToolTip(self.tr("{0} always sees its own item.").format(code) if own else (
                    next((a.name for a in self._agencies if a.code == code), code)))
        finally:
            self._rendering = False

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = [self.all_radio, self.named_radio, self.chair_radio, *self._boxes.values(),
                                self.family_check, *self.restrictions.boxes.values(),
                                self.restrictions.agreed_by_edit, self.restrictions.agreed_on_edit,
                                self.caveat_edit, self.lawful_basis.regime_combo,
                                self.lawful_basis.condition_combo, self.lawful_basis.note_edit]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def last_in_tab_order(self) -> QWidget:
        return self.lawful_basis.note_edit

    def _changed(self) -> None:
        self._render_boxes()
        self.agency_box.setEnabled(self.named_radio.isChecked())
        problem = self.problem()
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem) and self.scope() is not AudienceScope.UNDECIDED)
        terms = self.terms()
        if terms is None:
            self.seen_by_label.setText(self.tr("Seen by: not yet clear (see below)"))
        else:
            self.seen_by_label.setText(self._seen_by_line(terms))
        self.seen_by_label.setAccessibleDescription(self.seen_by_label.text())
        self.termsChanged.emit(terms)

    def _seen_by_line(self, terms: SharingTerms) -> str:
        codes = [a.code for a in self._agencies]
        line = seen_by(self._owner, terms, codes)
        withheld = [c for c in codes if not may_see(self._owner, terms, Recipient(c))]
        if terms.is_decided and withheld:
            line += self.tr(". Not in the copies for {0}.").format(", ".join(withheld))
        elif terms.is_decided:
            line += "."
        return line
