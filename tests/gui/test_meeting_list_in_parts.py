# SPDX-License-Identifier: LicenseRef-Proprietary
"""The meetings list model shows a listing that came in part (the team server): it counts
every row, asks for more ids only when the view reaches past those it holds, and never
fails a paint when the rest cannot be had."""

from __future__ import annotations

from datetime import UTC, datetime

from strategy_meeting.domain.listing import MeetingKind, MeetingListing, MeetingStatus, MeetingSummary
from strategy_meeting.gui.models.meeting_list import MeetingListModel
from strategy_meeting.gui.models.paging import PAGE_SIZE

ALL = list(range(1, 2501))


def _rows(ids: list[int]) -> list[MeetingSummary]:
    return [MeetingSummary(id=i, reference=f"SD-{i}", held_at=datetime(2026, 1, 1, tzinfo=UTC),
                           status=MeetingStatus.DRAFT, kind=MeetingKind.INITIAL, chair_name="",
                           child_names="", open_actions=0, overdue_actions=0) for i in ids]


def test_rows_past_the_first_part_are_fetched_when_reached(qtbot) -> None:  # type: ignore[no-untyped-def]
    asked: list[tuple[int, int]] = []

    def more(offset: int, limit: int) -> list[int]:
        asked.append((offset, limit))
        return ALL[offset:offset + limit]

    model = MeetingListModel(_rows)
    model.set_listing(MeetingListing(len(ALL), ALL[:1000]), more)
    assert model.rowCount() == 2500 and not asked
    assert model.summary(999).reference == "SD-1000" and not asked
    assert model.summary(1500).reference == "SD-1501"
    assert asked == [(1000, min(2500, (1500 // PAGE_SIZE + 1) * PAGE_SIZE + 10 * PAGE_SIZE) - 1000)]
    assert model.summary(2499).reference == "SD-2500"
    assert model.ids == ALL


def test_a_list_that_shrank_shows_blanks_not_an_error(qtbot) -> None:  # type: ignore[no-untyped-def]
    def gone(offset: int, limit: int) -> list[int]:
        return []

    def broken(offset: int, limit: int) -> list[int]:
        raise RuntimeError("locked")

    for fetch in (gone, broken):
        model = MeetingListModel(_rows)
        model.set_listing(MeetingListing(2500, ALL[:1000]), fetch)
        assert model.summary(2000) is None
        assert model.data(model.index(2000, 0)) == "…"


def test_a_complete_listing_never_asks_for_more(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = MeetingListModel(_rows)
    model.set_listing(MeetingListing(3, [1, 2, 3]), lambda o, n: (_ for _ in ()).throw(AssertionError))
    assert model.rowCount() == 3 and model.summary(3) is None
