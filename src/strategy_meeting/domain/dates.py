# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Dates as people type them, and the range of dates that is plausible for each field.

Pure functions: the caller passes today's date. ``parse_date`` reads the common UK ways of
writing a date (day first), ``parse_date_time`` a date with an optional time; both return
``None`` for text they cannot read, never a guess in another century.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

MONTHS = {name: n for n, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), 1) for name in names}

_NUMERIC = re.compile(r"^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DIGITS = re.compile(r"^(\d{2})(\d{2})(\d{2}|\d{4})$")
_WORDS = re.compile(r"^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{2}|\d{4})$")
_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$")
_TIME_DIGITS = re.compile(r"^(\d{2})(\d{2})$")


@dataclass(frozen=True)
class DateRange:
    """How far before and after today a field's date may plausibly be, in days."""

    days_before: int
    days_after: int

    def bounds(self, today: date) -> tuple[date, date]:
        return today - timedelta(days=self.days_before), today + timedelta(days=self.days_after)

    def contains(self, value: date, today: date) -> bool:
        low, high = self.bounds(today)
        return low <= value <= high


YEAR = 366
#: The plausible range of each date field the forms offer (no referral in 1900, no birth next year).
DATE_RANGES: dict[str, DateRange] = {
    "held_at": DateRange(10 * YEAR, 2 * YEAR),
    "referral.received_at": DateRange(10 * YEAR, 1),
    "child.date_of_birth": DateRange(25 * YEAR, 1),
    "child.expected_date_of_birth": DateRange(YEAR, YEAR),
    "action.due": DateRange(2 * YEAR, 3 * YEAR),
    "next.icpc_by": DateRange(2 * YEAR, YEAR),
    "next.review_at": DateRange(2 * YEAR, 2 * YEAR),
    "parents.when": DateRange(10 * YEAR, 1),
    "subject_access.received": DateRange(2 * YEAR, 0),  # a request already received
}
ANY_DATE = DateRange(100 * YEAR, 10 * YEAR)


def _year(text: str, today: date) -> int:
    year = int(text)
    if len(text) == 2:  # the century nearest today
        year += 2000 if 2000 + year <= today.year + 20 else 1900
    return year


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str, today: date) -> date | None:
    """A date typed as 5/12/2026, 05.12.26, 5-12-2026, 5 12 2026, 05122026, 5 Dec 2026,
    Thursday 5th December 2026, 2026-12-05, or "today"; None if it is none of those."""
    s = " ".join(text.strip().lower().split())
    if not s:
        return None
    if s in ("today", "t"):
        return today
    if s in ("tomorrow",):
        return today + timedelta(days=1)
    if s in ("yesterday",):
        return today - timedelta(days=1)
    if m := _ISO.match(s):
        return _make(int(m[1]), int(m[2]), int(m[3]))
    if m := _NUMERIC.match(s):
        return _make(_year(m[3], today), int(m[2]), int(m[1]))
    if m := _DIGITS.match(s):
        return _make(_year(m[3], today), int(m[2]), int(m[1]))
    if (m := _WORDS.match(s)) and m[2] in MONTHS:
        return _make(_year(m[3], today), MONTHS[m[2]], int(m[1]))
    return None


def parse_time(text: str) -> time | None:
    """14:30, 14.30, 1430, 2:30pm, 2pm; None otherwise."""
    s = text.strip().lower().replace(" ", "")
    if m := _TIME_DIGITS.match(s):
        hour, minute, suffix = int(m[1]), int(m[2]), None
    elif m := _TIME.match(s):
        hour, minute, suffix = int(m[1]), int(m[2] or 0), m[3]
        if suffix is None and m[2] is None:
            return None  # a bare number is not a time
    else:
        return None
    if suffix:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def parse_date_time(text: str, today: date, default_time: time = time(9, 0)) -> datetime | None:
    """A date as ``parse_date`` reads it, optionally followed by a time (``parse_time``), with
    or without "at" or a comma between; a naive local datetime, or None."""
    s = " ".join(text.strip().split())
    if not s:
        return None
    whole = parse_date(s, today)
    if whole is not None:
        return datetime.combine(whole, default_time)
    parts = s.replace(",", " ").split()
    for cut in range(len(parts) - 1, 0, -1):
        date_text, time_text = " ".join(parts[:cut]), "".join(p for p in parts[cut:] if p.lower() != "at")
        if parts[cut - 1].lower() == "at":
            date_text = " ".join(parts[:cut - 1])
        day = parse_date(date_text, today)
        moment = parse_time(time_text)
        if day is not None and moment is not None:
            return datetime.combine(day, moment)
    return None
