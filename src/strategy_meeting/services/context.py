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


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class ServiceContext:
    store: Store
    clock: Callable[[], datetime] = field(default=_utc_now)

    @property
    def data_dir(self) -> Path:
        return self.store.data_dir

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        # The local calendar day is what "due today" and "overdue" mean to a chair.
        return self.now().astimezone().date()

    def unit_of_work(self) -> UnitOfWork:
        return self.store.unit_of_work(self.now())

    def close(self) -> None:
        self.store.close()
