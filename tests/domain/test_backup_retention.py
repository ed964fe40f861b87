# SPDX-License-Identifier: LicenseRef-Proprietary
"""The keeping rule for backups, for every list of backup times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strategy_meeting.domain.backup_retention import RetentionPolicy, backups_to_keep
from strategy_meeting.domain.errors import InvalidInput

START = datetime(2026, 1, 1, tzinfo=UTC)
stamps = st.lists(st.integers(0, 400 * 24 * 60).map(lambda m: START + timedelta(minutes=m)), max_size=60)
policies = st.builds(RetentionPolicy, st.integers(1, 10), st.integers(0, 15), st.integers(0, 10))


@given(stamps, policies)
def test_newest_is_always_kept_and_nothing_is_invented(times, policy):
    kept = backups_to_keep(times, policy)
    assert kept <= set(times)
    if times:
        assert max(times) in kept


@given(stamps, policies)
def test_keeps_no_more_than_the_policy_allows(times, policy):
    assert len(backups_to_keep(times, policy)) <= policy.keep_last + policy.keep_daily + policy.keep_weekly


@given(stamps, policies)
def test_a_second_clean_up_removes_nothing_more(times, policy):
    kept = backups_to_keep(times, policy)
    assert backups_to_keep(kept, policy) == kept


@given(stamps, policies)
def test_each_recent_day_and_week_keeps_its_newest_backup(times, policy):
    kept = backups_to_keep(times, policy)
    days = sorted({t.date() for t in times}, reverse=True)[: policy.keep_daily]
    for day in days:
        assert max(t for t in times if t.date() == day) in kept
    weeks = sorted({t.isocalendar()[:2] for t in times}, reverse=True)[: policy.keep_weekly]
    for week in weeks:
        assert max(t for t in times if t.isocalendar()[:2] == week) in kept


def test_a_month_of_hourly_backups_shrinks_to_last_daily_and_weekly():
    times = [START + timedelta(hours=h) for h in range(24 * 30)]
    kept = backups_to_keep(times, RetentionPolicy(keep_last=3, keep_daily=7, keep_weekly=4))
    newest = max(times)  # Friday 30 January, 23:00
    last_three = {newest - timedelta(hours=i) for i in range(3)}
    daily = {datetime(2026, 1, d, 23, tzinfo=UTC) for d in range(24, 30)}  # with the 30th: 7 days
    weekly = {datetime(2026, 1, 18, 23, tzinfo=UTC), datetime(2026, 1, 11, 23, tzinfo=UTC)}  # 25th is daily
    assert kept == last_three | daily | weekly


@pytest.mark.parametrize("last, daily, weekly", [(0, 1, 1), (1, -1, 0), (1, 0, -2)])
def test_nonsense_policies_are_refused(last, daily, weekly):
    with pytest.raises(InvalidInput):
        RetentionPolicy(last, daily, weekly)
