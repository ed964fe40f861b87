# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Legal holds (issue 16): a record kept for a court, an inquiry or a review cannot be erased.

A hold is on one meeting (by reference) or on one child (by their folded name and date of
birth), which holds every meeting that child is a subject of, now or later. Lifted holds are
kept, with who lifted them and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from .errors import UserError
from .person_names import fold


class HoldTarget(StrEnum):
    MEETING = "meeting"
    CHILD = "child"


def child_key(name: str, born: date | None) -> str:
    return f"{fold(name)}|{born.isoformat() if born else ''}"


@dataclass(frozen=True)
class LegalHold:
    target: HoldTarget
    target_key: str  # a meeting reference, or child_key(name, born)
    label: str  # what the hold is on, as shown: the reference, or the child's name
    reason: str
    placed_at: datetime
    placed_by: str
    lifted_at: datetime | None = None
    lifted_by: str = ""
    lift_reason: str = ""
    id: int | None = None

    @property
    def active(self) -> bool:
        return self.lifted_at is None

    def covers(self, reference: str, child_keys: list[str]) -> bool:
        if self.target is HoldTarget.MEETING:
            return self.target_key == reference
        name, _, born = self.target_key.partition("|")
        return any(k == self.target_key or (not born and k.partition("|")[0] == name) for k in child_keys)

    def describe(self) -> str:
        """One line, without the hold's reason (which may name people)."""
        on = "this meeting" if self.target is HoldTarget.MEETING else "a subject child"
        return f"legal hold {self.id} on {on}, placed {self.placed_at.date().isoformat()} by {self.placed_by}"


class RecordHeld(UserError):
    """Erasure refused: a legal hold is in force on the record (or on one of its children)."""

    exit_code = 4
