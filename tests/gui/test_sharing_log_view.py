# SPDX-License-Identifier: LicenseRef-Proprietary
"""The sharing log view (issue 14): a sortable table of the domain's log entries, the terms
before and after in ``seen_by``'s words, and a plain line when nothing is logged."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from builders import sample_meeting
from strategy_meeting.domain.sharing_log import SharingChangeKind, SharingItemKind, SharingLogEntry
from strategy_meeting.domain.sharing_terms import SharingTerms
from strategy_meeting.gui.widgets.sharing_log_view import EMPTY_TEXT, SharingLogView

REF = "SD-2026-0100"


def entries() -> list[SharingLogEntry]:
    return [
        SharingLogEntry(REF, SharingItemKind.CONTRIBUTION, "k2", SharingChangeKind.LOOSENED,
                        datetime(2026, 11, 20, 11, 0, tzinfo=UTC), "chair",
                        SharingTerms.only("CSC").to_json(), SharingTerms.everyone().to_json(),
                        reason="Health need the history for the medical."),
        SharingLogEntry(REF, SharingItemKind.CONTRIBUTION, "k2", SharingChangeKind.SET,
                        datetime(2026, 11, 20, 10, 0, tzinfo=UTC), "chair", None, SharingTerms.only("CSC").to_json()),
        SharingLogEntry(REF, SharingItemKind.DECISION, "d1", SharingChangeKind.WITHHELD,
                        datetime(2026, 11, 20, 12, 0, tzinfo=UTC), "chair", recipient="family"),
    ]


def test_an_empty_log_says_so(qtbot):
    view = SharingLogView()
    qtbot.addWidget(view)
    view.show()
    assert view.empty_label.isVisible() and view.empty_label.text() == EMPTY_TEXT
    assert not view.table.isVisible()


def test_entries_read_in_seen_by_words_and_sort(qtbot):
    view = SharingLogView()
    qtbot.addWidget(view)
    view.show()
    view.show_entries(entries(), sample_meeting())
    assert view.table.isVisible() and not view.empty_label.isVisible()
    table = view.proxy

    def row(n: int) -> list[str]:
        return [table.index(n, c).data() for c in range(table.columnCount())]

    # Sorted by when, oldest first.
    assert row(0)[3] == "Audience chosen" and row(0)[2] == "Contribution 2 \u00b7 POLICE"
    assert row(0)[4] == "(new item)\n\u2192 the chair's record, POLICE (who gave it) and CSC"
    assert row(1)[3] == "Restriction loosened"
    assert row(1)[4].endswith("\u2192 the chair's record, POLICE (who gave it), CSC, HEALTH and EDU")
    assert row(1)[6] == "Health need the history for the medical."
    assert row(2)[5] == "The family" and row(2)[2] == "Decision 1"
    view.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # by change
    assert [row(n)[3] for n in range(3)] == ["Audience chosen", "Restriction loosened", "Withheld"]
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert row(0)[3] == "Withheld"
