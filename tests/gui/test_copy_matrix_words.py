# SPDX-License-Identifier: LicenseRef-Proprietary
"""The copy grid (issue 14) says what each copy holds of a decision and an addendum exactly as
``copy_of`` builds the copies, and each row's tooltip is ``seen_by``'s sentence."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from builders import sample_meeting
from strategy_meeting.domain.decision import Decision, DecisionKind
from strategy_meeting.domain.meeting import Addendum
from strategy_meeting.domain.sharing import seen_by
from strategy_meeting.domain.sharing_terms import SharingTerms
from strategy_meeting.gui.models.copy_matrix import (
    INCLUDED,
    NO_RATIONALE,
    WIDER_RATIONALE,
    WITHHELD,
    CopyMatrixModel,
)


def test_decisions_and_addenda_read_as_the_copies_hold_them(qtbot):
    meeting = sample_meeting()
    meeting.decisions = [
        Decision("d1", DecisionKind.SECTION47_JOINT, "Joint enquiry", "Quotes the police history",
                 relied_on=["k2"], sharing=SharingTerms.everyone()),
        Decision("d2", DecisionKind.OTHER, "Medical", "Why", relied_on=["k2"], sharing=SharingTerms.everyone(),
                 wider_rationale="Shared reasons only"),
        Decision("d3", DecisionKind.OTHER, "Chair's note", "Why", sharing=SharingTerms.chair_only()),
    ]
    meeting.addenda = [Addendum(1, "Health only", datetime(2026, 11, 21, tzinfo=UTC), "Chair",
                                SharingTerms.only("HEALTH"))]
    model = CopyMatrixModel()
    model.set_meeting(meeting)
    column = {code: n for n, code in enumerate(model.codes, start=1)}
    first_decision = len(meeting.contributions) + len(meeting.actions)

    def cell(row: int, code: str) -> str:
        return model.index(row, column[code]).data()

    assert cell(first_decision, "CSC") == INCLUDED
    assert cell(first_decision, "HEALTH") == f"{NO_RATIONALE}; 1 relied-on withheld"
    assert cell(first_decision + 1, "HEALTH") == f"{WIDER_RATIONALE}; 1 relied-on withheld"
    assert cell(first_decision + 2, "CSC") == WITHHELD
    assert cell(first_decision + 3, "HEALTH") == INCLUDED and cell(first_decision + 3, "CSC") == WITHHELD
    tooltip = model.index(first_decision + 3, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.endswith(seen_by(None, SharingTerms.only("HEALTH"), meeting.agency_codes))
    health = next(line for line in model.summary if line.startswith("HEALTH"))
    assert "1 decision" in health and "2 decisions without their own rationale" in health
    csc = next(line for line in model.summary if line.startswith("CSC"))
    assert "1 decision and 1 addendum" in csc
