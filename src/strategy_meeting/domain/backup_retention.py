# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Which backups to keep: the newest few, plus one a day and one a week further back.

A pure rule, so it can be checked for every input: the newest backup is never removed (the
one just written must survive its own clean-up), and applying the rule twice removes nothing
more than applying it once (a second clean-up never eats into what the first one kept).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime

from .errors import InvalidInput


@dataclass(frozen=True)
class RetentionPolicy:
    """``keep_last`` newest backups, the newest of each of the last ``keep_daily`` days that
    have one, and the newest of each of the last ``keep_weekly`` ISO weeks that have one."""

    keep_last: int = 7
    keep_daily: int = 14
    keep_weekly: int = 8

    def __post_init__(self) -> None:
        if self.keep_last < 1:
            raise InvalidInput("Keep at least the newest backup: 'keep last' must be 1 or more.")
        if self.keep_daily < 0 or self.keep_weekly < 0:
            raise InvalidInput("The numbers of daily and weekly backups to keep cannot be negative.")


def _newest_per_period(
    newest_first: list[datetime], count: int, period: Callable[[datetime], Hashable]
) -> set[datetime]:
    kept: set[datetime] = set()
    seen: set[Hashable] = set()
    for stamp in newest_first:
        if len(seen) >= count:
            break
        key = period(stamp)
        if key not in seen:
            seen.add(key)
            kept.add(stamp)
    return kept


def backups_to_keep(stamps: Iterable[datetime], policy: RetentionPolicy) -> set[datetime]:
    """The times of the backups to keep; everything else may be removed.

    Days and weeks are those of the datetimes as given: pass local times for the user's
    calendar.
    """
    newest_first = sorted(set(stamps), reverse=True)
    kept = set(newest_first[: policy.keep_last])
    kept |= _newest_per_period(newest_first, policy.keep_daily, lambda t: t.date())
    kept |= _newest_per_period(newest_first, policy.keep_weekly, lambda t: t.isocalendar()[:2])
    return kept
