# SPDX-License-Identifier: LicenseRef-Proprietary
"""Dates as UK users type them, and each field's plausible range (issue 19)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from strategy_meeting.domain.dates import DATE_RANGES, parse_date, parse_date_time

TODAY = date(2026, 12, 6)


@pytest.mark.parametrize("text", [
    "5/12/2026", "05/12/2026", "5.12.2026", "05.12.26", "5-12-2026", "5 12 2026", "05122026",
    "051226", "5 Dec 2026", "5 December 2026", "Sat 5th December 2026", "2026-12-05", " 5/12/26 "])
def test_common_uk_forms_are_read_day_first(text: str) -> None:
    assert parse_date(text, TODAY) == date(2026, 12, 5)


@pytest.mark.parametrize("text", ["Not set5122026", "31/02/2026", "5122026", "12/31/2026", "x", ""])
def test_what_is_not_a_date_is_none_not_a_guess(text: str) -> None:
    assert parse_date(text, TODAY) is None


def test_times_follow_the_date_or_take_the_default() -> None:
    assert parse_date_time("5/12/2026 14:30", TODAY) == datetime(2026, 12, 5, 14, 30)
    assert parse_date_time("5 Dec 2026 at 2pm", TODAY) == datetime(2026, 12, 5, 14, 0)
    assert parse_date_time("5/12/2026, 14.30", TODAY) == datetime(2026, 12, 5, 14, 30)
    assert parse_date_time("5/12/2026", TODAY) == datetime(2026, 12, 5, 9, 0)
    assert parse_date_time("5/12/2026 25:00", TODAY) is None


def test_no_referral_in_1900_and_no_birth_next_year() -> None:
    assert not DATE_RANGES["referral.received_at"].contains(date(1900, 1, 5), TODAY)
    assert DATE_RANGES["referral.received_at"].contains(date(2026, 12, 1), TODAY)
    assert not DATE_RANGES["child.date_of_birth"].contains(date(2027, 6, 1), TODAY)
    assert DATE_RANGES["child.expected_date_of_birth"].contains(date(2027, 6, 1), TODAY)
    assert not DATE_RANGES["action.due"].contains(date(1900, 1, 2), TODAY)


def test_the_status_words_agree_with_sign_off() -> None:
    """Issue 19: "Concluded" read as finished; the meeting is held and awaits sign-off."""
    from strategy_meeting.domain.listing import MeetingStatus

    assert MeetingStatus.CONCLUDED.label == "Awaiting sign-off"
    assert not MeetingStatus.CONCLUDED.is_locked and MeetingStatus.SIGNED_OFF.label == "Signed off"
