# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""England and Wales bank holidays and local dates, for the working-day deadlines.

The ``holidays`` package is maintained against the official lists; ``domain.working_days``
takes the dates as data so it stays pure.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import holidays

LONDON = ZoneInfo("Europe/London")


def england_and_wales(years: range | list[int]) -> set[date]:
    return set(holidays.country_holidays("GB", subdiv="ENG", years=list(years)).keys())


# The nations of the United Kingdom, by their subdivision in the ``holidays`` package.
# England and Wales share one list.
NATION_SUBDIVISIONS = {"england": "ENG", "wales": "WLS", "scotland": "SCT", "northern_ireland": "NIR"}


def bank_holidays_around(day: date, nation: str = "england") -> set[date]:
    """The bank holidays of ``day``'s year and the next in ``nation`` (England when unknown):
    enough for a 15-working-day span."""
    subdiv = NATION_SUBDIVISIONS.get(nation, "ENG")
    return set(holidays.country_holidays("GB", subdiv=subdiv, years=[day.year, day.year + 1]).keys())


def local_date(moment: datetime) -> date:
    """The calendar date in England and Wales of an aware time (naive counts as UTC)."""
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(LONDON).date()
