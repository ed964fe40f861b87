# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Which version of the minutes a meeting's copies are, and what each later one replaces.

Version 1 is what the chair signed off; each addendum makes the next version (issue 14, item 6).
One rule, used by the copies' first page, their file names and the e-mail subject, so that a
recipient can always tell which copy supersedes which.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .meeting import Meeting


def current_version(meeting: Meeting) -> int:
    """The version copies made now carry: 1 before or at sign-off, one more per addendum."""
    base = meeting.sign_off.version if meeting.sign_off is not None else 1
    return base + len(meeting.addenda)


def version_made_at(meeting: Meeting, version: int) -> datetime | None:
    """When ``version`` came to be: the sign-off for the first, its addendum for a later one
    (None when the meeting has no such version)."""
    if meeting.sign_off is None:
        return None
    base = meeting.sign_off.version
    if version == base:
        return meeting.sign_off.signed_off_at
    addenda = sorted(meeting.addenda, key=lambda a: a.number)
    index = version - base - 1
    return addenda[index].created_at if 0 <= index < len(addenda) else None


@dataclass(frozen=True)
class Supersedes:
    """A later version and the one it replaces, with when that one was made."""

    version: int
    replaces: int
    replaces_made_at: datetime


def supersedes(meeting: Meeting) -> Supersedes | None:
    """What the current version replaces; None for a first version (or a draft)."""
    version = current_version(meeting)
    if meeting.sign_off is None or version <= meeting.sign_off.version:
        return None
    made_at = version_made_at(meeting, version - 1)
    if made_at is None:
        return None
    return Supersedes(version, version - 1, made_at)
