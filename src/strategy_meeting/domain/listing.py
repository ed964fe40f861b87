# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The meetings list: what one row shows, what the list asks for, and whose list it is.

Apart from the meeting aggregate (domain/meeting.py re-exports these names) because the
list is the app's first screen: it is shown before the rest of the record model is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from .roles import Permission, User, allowed


class MeetingKind(StrEnum):
    INITIAL = "initial"
    RECONVENED = "reconvened"


class MeetingStatus(StrEnum):
    DRAFT = "draft"
    IN_PROGRESS = "in_progress"
    CONCLUDED = "concluded"
    SIGNED_OFF = "signed_off"
    DISTRIBUTED = "distributed"

    @property
    def label(self) -> str:
        # "Concluded" read as finished; it means the meeting was held and its minutes wait for
        # sign-off, which is what locks them (issue 19).
        if self is MeetingStatus.CONCLUDED:
            return "Awaiting sign-off"
        return self.value.replace("_", " ").capitalize()

    @property
    def is_locked(self) -> bool:
        """Signed-off minutes are never edited; later changes are addenda."""
        return self in (MeetingStatus.SIGNED_OFF, MeetingStatus.DISTRIBUTED)


@dataclass(frozen=True)
class MeetingSummary:
    """One row of the meetings list: enough to show and sort, without loading the record."""

    id: int
    reference: str
    held_at: datetime | None
    status: MeetingStatus
    kind: MeetingKind
    chair_name: str
    child_names: str
    open_actions: int = 0
    overdue_actions: int = 0


@dataclass(frozen=True)
class MeetingQuery:
    """What the meetings list asks for. ``text`` matches a reference prefix or any child's
    surname or full-name prefix, ignoring case and accents (domain.text_folding)."""

    text: str = ""
    statuses: tuple[MeetingStatus, ...] = ()
    created_by: str | None = None
    chair_name: str | None = None
    with_overdue_actions_on: date | None = None
    agency: str | None = None  # meetings whose agency list includes this code
    order_by: str = "held_at"  # held_at | reference | status | chair_name
    descending: bool = True


@dataclass(frozen=True)
class MeetingListing:
    """The answer to a list query: how many meetings match and the ids of the first of them
    in display order. ``complete`` when ``ids`` holds them all (a local store lists every id
    at once: a list of ints is small); on the team server only the first pages come, and
    the list asks for more as the user scrolls, so 100,000 meetings never cross the network
    for one screen (issue 17's figures)."""

    total: int
    ids: list[int]

    @property
    def complete(self) -> bool:
        return len(self.ids) >= self.total


def listed_agency(actor: User) -> str | None:
    """The agency whose meetings alone the actor's list holds; None for the whole list. An
    agency representative sees only the meetings their agency takes part in (one without an
    agency sees none: no code equals NUL)."""
    return None if allowed(actor.role, Permission.READ_FULL_RECORD) else (actor.agency or "\x00")
