# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The handle every service call takes: the unlocked store and a clock. Passed in, never global."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the store layer loads when a store is opened, not with the services
    from strategy_meeting.store import Store, UnitOfWork


def local_day(now: datetime) -> date:
    """The local calendar day: what "due today" and "overdue" mean to a chair."""
    return now.astimezone().date()


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class ServiceContext:
    store: Store
    clock: Callable[[], datetime] = field(default=_utc_now)

    @property
    def data_dir(self) -> Path:
        return self.store.data_dir

    @property
    def is_server(self) -> bool:
        """A session on the team server (issue 17), not a local store."""
        return bool(getattr(self.store, "is_server", False))

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return local_day(self.now())

    def unit_of_work(self) -> UnitOfWork:
        return self.store.unit_of_work(self.now())

    def close(self) -> None:
        self.store.close()
