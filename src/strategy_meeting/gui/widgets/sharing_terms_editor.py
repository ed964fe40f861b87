# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Choose who may see a contribution or an action, and see at once which copies will hold it.

The choice is the domain's ``SharingTerms``; which copies then include the item is asked of the
one sharing rule (``domain.sharing.may_see``), so the preview can never disagree with the
minutes.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from strategy_meeting.domain.agency import Agency
from strategy_meeting.domain.sharing import Recipient, may_see
from strategy_meeting.domain.sharing_terms import AudienceScope, SharingTerms

from .sharing_badge import SharingBadges

_AGENCY_COLUMNS = 3


class SharingTermsEditor(QWidget):
    """Audience (all agencies / named agencies / chair only), family yes or no, and a live
    badge plus the list of copies that will include or withhold the item."""

    termsChanged = Signal(object)  # SharingTerms | None (None while the choice is incomplete)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._agencies: list[Agency] = []
        self._owner = ""
        self._boxes: dict[str, QCheckBox] = {}
        self._picked: set[str] = set()  # the agencies the user named
        # The terms as loaded: their categories, caveat, lawful basis and agreement are kept
        # when only the audience is edited here (issue 14).
        self._loaded = SharingTerms()
        self._rendering = False

        self.all_radio = QRadioButton(self.tr("&All agencies"), self)
        self.named_radio = QRadioButton(self.tr("&Named agencies only"), self)
        self.chair_radio = QRadioButton(self.tr("C&hair's record only"), self)
        for radio, name in (
            (self.all_radio, self.tr("Audience: all agencies")),
            (self.named_radio, self.tr("Audience: named agencies only")),
            (self.chair_radio, self.tr("Audience: chair's record only")),
        ):
            radio.setAccessibleName(name)
        self.scope_group = QButtonGroup(self)
        for n, radio in enumerate((self.all_radio, self.named_radio, self.chair_radio)):
            self.scope_group.addButton(radio, n)
        self.all_radio.setChecked(True)

        self.agency_box = QWidget(self)
        self.agency_grid = QGridLayout(self.agency_box)
        self.agency_grid.setContentsMargins(24, 0, 0, 0)

        self.family_check = QCheckBox(self.tr("May be shared with the &family (parents or carers)"), self)
        self.family_check.setAccessibleName(self.tr("May be shared with the family"))

        self.badges = SharingBadges(self)
        self.reach_label = QLabel(self)
        self.reach_label.setWordWrap(True)
        self.reach_label.setAccessibleName(self.tr("Which copies include this item"))
        self.problem_label = QLabel(self)
        self.problem_label.setStyleSheet("color: #b3261e;")
        self.problem_label.setAccessibleName(self.tr("Sharing terms problem"))
        self.problem_label.hide()

        scope_row = QHBoxLayout()
        scope_row.setContentsMargins(0, 0, 0, 0)
        scope_row.addWidget(self.all_radio)
        scope_row.addWidget(self.named_radio)
        scope_row.addWidget(self.chair_radio)
        scope_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(scope_row)
        layout.addWidget(self.agency_box)
        layout.addWidget(self.family_check)
        layout.addWidget(self.badges)
        layout.addWidget(self.reach_label)
        layout.addWidget(self.problem_label)

        self.scope_group.idToggled.connect(lambda _id, on: on and self._changed())
        self.family_check.toggled.connect(self._changed)
        self._changed()

    # -- configuration -------------------------------------------------------------------------

    def setAgencies(self, agencies: list[Agency]) -> None:  # noqa: N802 - Qt naming
        """The meeting's agencies: the ones that could be named, and whose copies we preview."""
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

    def setOwnerAgency(self, code: str) -> None:  # noqa: N802
        """The agency that gave or owns the item: it always sees its own item."""
        self._owner = code
        self._changed()

    # -- value -------------------------------------------------------------------------------------

    def setTerms(self, terms: SharingTerms) -> None:  # noqa: N802
        widgets = (self.scope_group, self.family_check, *self._boxes.values())
        for w in widgets:
            w.blockSignals(True)
        self._loaded = terms
        if terms.scope is AudienceScope.UNDECIDED:  # deny by default: no audience until chosen
            self.scope_group.setExclusive(False)
            for radio in (self.all_radio, self.named_radio, self.chair_radio):
                radio.setChecked(False)
            self.scope_group.setExclusive(True)
        else:
            {
                AudienceScope.ALL: self.all_radio,
                AudienceScope.AGENCIES: self.named_radio,
                AudienceScope.CHAIR: self.chair_radio,
            }[terms.scope].setChecked(True)
        self._picked = set(terms.agencies)
        self.family_check.setChecked(terms.family)
        for w in widgets:
            w.blockSignals(False)
        self._changed()

    def terms(self) -> SharingTerms | None:
        """The chosen terms, or None while no audience is chosen or "named agencies" has none
        ticked. The loaded item's handling details are kept."""
        family = self.family_check.isChecked()
        if self.chair_radio.isChecked():
            chosen = SharingTerms(AudienceScope.CHAIR, frozenset(), family)
        elif self.named_radio.isChecked():
            if not self._picked:
                return None
            chosen = SharingTerms(AudienceScope.AGENCIES, frozenset(self._picked), family)
        elif self.all_radio.isChecked():
            chosen = SharingTerms(AudienceScope.ALL, frozenset(), family)
        else:
            return None
        return self._loaded.with_audience_of(chosen)

    def problem(self) -> str:
        if self.terms() is not None:
            return ""
        if self.scope_group.checkedButton() is None:
            return self.tr("Choose who may see this item: no audience is chosen yet.")
        if self._owner:
            return self.tr("Tick at least one other agency to share with, or choose another audience.")
        return self.tr("Tick at least one agency to share with, or choose another audience.")

    # -- internals ---------------------------------------------------------------------------------

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
        chain = [self.all_radio, self.named_radio, self.chair_radio, *self._boxes.values(), self.family_check]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _changed(self) -> None:
        self._render_boxes()
        self.agency_box.setEnabled(self.named_radio.isChecked())
        terms = self.terms()
        problem = self.problem()
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        if terms is None:
            self.reach_label.setText("")
        else:
            self.badges.show_terms(terms)
            self.reach_label.setText(self._reach_text(terms))
        self.termsChanged.emit(terms)

    def _reach_text(self, terms: SharingTerms) -> str:
        if not self._agencies:
            return ""
        included, withheld = [], []
        for agency in self._agencies:
            if may_see(self._owner, terms, Recipient(agency.code)):
                included.append(agency.code)
            else:
                withheld.append(agency.code)
        reach = ", ".join(included) if included else self.tr("none but the full record")
        if withheld:
            return self.tr("Copies that include it: {0}. Withheld from: {1}.").format(reach, ", ".join(withheld))
        return self.tr("Copies that include it: {0}.").format(reach)
