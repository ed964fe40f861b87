# SPDX-License-Identifier: LicenseRef-Proprietary
"""Retention dates (issue 16): months counted as the calendar has them, the youngest child
counts, unknown starting dates keep the record, oldest due first."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from strategy_meeting.domain.retention import (
    CountedFrom,
    RetentionClass,
    RetentionFacts,
    RetentionStatus,
    add_months,
    due,
    retain_until,
)


def test_a_month_after_the_31st_is_the_last_day_of_a_short_month():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2010, 5, 14), 25 * 12) == date(2035, 5, 14)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 1, 1)), st.integers(0, 1200))
def test_add_months_moves_by_whole_months_and_never_past_the_day(start, months):
    end = add_months(start, months)
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == months
    assert end.day <= start.day


def test_the_youngest_childs_birth_counts_and_an_unknown_start_keeps_the_record():
    cls = RetentionClass("CP", 300, CountedFrom.CHILD_DATE_OF_BIRTH)
    facts = RetentionFacts("SD-1", date(2026, 1, 1), (date(2015, 3, 1), date(2019, 6, 2)))
    assert retain_until(cls, facts) == date(2044, 6, 2)
    assert retain_until(cls, RetentionFacts("SD-2", date(2026, 1, 1))) is None
    closed = RetentionClass("Closure", 12, CountedFrom.CASE_CLOSURE)
    assert retain_until(closed, RetentionFacts("SD-3", date(2026, 1, 1))) is None
    assert retain_until(closed, RetentionFacts("SD-3", date(2026, 1, 1), case_closed_on=date(2026, 2, 1))) == date(
        2027, 2, 1)


@given(st.lists(st.tuples(st.text("ABC", min_size=1, max_size=4),
                          st.none() | st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 1, 1))),
                max_size=20), st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 1, 1)))
def test_due_lists_exactly_the_records_past_their_date_oldest_first(rows, today):
    statuses = [RetentionStatus(ref, None, "c", until) for ref, until in rows]
    listed = due(statuses, today)
    assert {id(s) for s in listed} == {id(s) for s in statuses if s.retain_until and s.retain_until <= today}
    dates = [s.retain_until for s in listed]
    assert dates == sorted(dates)
