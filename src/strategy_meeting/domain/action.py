# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Actions: who does what by when. Overdue is derived from the date, never stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from .sharing_terms import SharingTerms


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


@dataclass
class Action:
    id: str
    description: str
    owner_agency: str
    due: date | None
    sharing: SharingTerms = field(default_factory=SharingTerms)
    owner_name: str = ""
    status: ActionStatus = ActionStatus.OPEN
    completion_note: str = ""

    def is_overdue(self, today: date) -> bool:
        return self.status is ActionStatus.OPEN and self.due is not None and self.due < today
