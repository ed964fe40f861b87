# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Working-day arithmetic for the 1-day minutes and 15-day conference deadlines.

Bank holidays are passed in as data (services get them from the ``holidays`` library) so the
rule stays pure and testable.
"""

from __future__ import annotations

from collections.abc import Container
from datetime import date, datetime, timedelta


def is_working_day(day: date, bank_holidays: Container[date]) -> bool:
    return day.weekday() < 5 and day not in bank_holidays


def add_working_days(start: date, days: int, bank_holidays: Container[date]) -> date:
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if is_working_day(current, bank_holidays):
            remaining -= 1
    return current


def within_working_days(start: datetime, end: datetime, days: int, bank_holidays: Container[date]) -> bool:
    """True when ``end`` falls no later than the close of the ``days``-th working day after start."""
    deadline = add_working_days(start.date(), days, bank_holidays)
    return end.date() <= deadline
