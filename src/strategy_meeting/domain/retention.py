# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Retention classes and the date a record may be erased (issue 16, UK GDPR Article 5(1)(e)).

A class keeps a record for a period counted from the meeting's date, the (youngest) subject
child's date of birth, or the case's closure. A record whose starting date is not known yet
(no date of birth recorded, a case still open) has no erasure date: it is kept, never "due".
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class CountedFrom(StrEnum):
    MEETING_DATE = "meeting_date"
    CHILD_DATE_OF_BIRTH = "child_date_of_birth"
    CASE_CLOSURE = "case_closure"

    @property
    def label(self) -> str:
        return {"meeting_date": "the meeting's date", "child_date_of_birth": "the youngest child's date of birth",
                "case_closure": "the case's closure"}[self.value]


# Seeded by the migration: UK local authorities commonly keep child protection records until the
# child's 25th birthday (the IRMS toolkit's retention for child protection files).
DEFAULT_CLASS_NAME = "Child protection"
DEFAULT_CLASS_MONTHS = 25 * 12
DEFAULT_CLASS_FROM = CountedFrom.CHILD_DATE_OF_BIRTH


@dataclass(frozen=True)
class RetentionClass:
    name: str
    period_months: int
    counted_from: CountedFrom
    is_default: bool = False
    id: int | None = None

    @property
    def period_label(self) -> str:
        years, months = divmod(self.period_months, 12)
        parts = ([f"{years} year{'s' if years != 1 else ''}"] if years else []) + (
            [f"{months} month{'s' if months != 1 else ''}"] if months else [])
        return " ".join(parts) or "0 months"


def add_months(start: date, months: int) -> date:
    """``start`` plus whole calendar months; a day the target month lacks becomes its last
    day (31 January + 1 month = 28 or 29 February), as the ICO counts a month for requests."""
    total = start.year * 12 + (start.month - 1) + months
    year, month = divmod(total, 12)
    month += 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class RetentionFacts:
    """What one meeting's erasure date depends on."""

    reference: str
    held_on: date | None
    child_births: tuple[date, ...] = ()  # dates of birth, or expected dates for unborn children
    case_closed_on: date | None = None
    class_name: str = ""


def basis_date(counted_from: CountedFrom, facts: RetentionFacts) -> date | None:
    if counted_from is CountedFrom.MEETING_DATE:
        return facts.held_on
    if counted_from is CountedFrom.CHILD_DATE_OF_BIRTH:
        # The youngest child's: the record is kept until the last of them reaches the age.
        return max(facts.child_births, default=None)
    return facts.case_closed_on


def retain_until(cls: RetentionClass, facts: RetentionFacts) -> date | None:
    start = basis_date(cls.counted_from, facts)
    return None if start is None else add_months(start, cls.period_months)


@dataclass(frozen=True)
class RetentionStatus:
    reference: str
    held_on: date | None
    class_name: str
    retain_until: date | None
    holds: tuple[str, ...] = field(default=())  # why the record is held, one line per active hold

    def is_due(self, today: date) -> bool:
        return self.retain_until is not None and self.retain_until <= today

    @property
    def held(self) -> bool:
        return bool(self.holds)


def due(statuses: list[RetentionStatus], today: date) -> list[RetentionStatus]:
    """Records past their date, the longest overdue first (then by reference)."""
    found = [s for s in statuses if s.is_due(today)]
    return sorted(found, key=lambda s: (s.retain_until or date.max, s.reference))
