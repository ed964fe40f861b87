# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The copies of a meeting's minutes made so far, as the store recorded them (issue 19: a
meeting's window listed only the copies made since it opened, and none after a restart).

Light on purpose: the workspace reads this when it shows a meeting, so nothing here loads
ReportLab or pyHanko.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from strategy_meeting.domain.roles import Permission, User

from ..context import ServiceContext
from ..users import require


@dataclass(frozen=True)
class CopyMade:
    recipient: str  # "full" or an agency code
    file_name: str
    path: Path | None  # where it was written; None when the store did not record the folder
    created_at: datetime
    draft: bool
    signed_by: str
    version: int


def latest_copies(ctx: ServiceContext, actor: User, reference: str) -> list[CopyMade]:
    """Each recipient's newest copy, the full record first, then in the order they were made.
    Whether the file is still there is the caller's to check (it may have been moved since)."""
    require(actor, Permission.RENDER_MINUTES)
    with ctx.unit_of_work() as uow:
        records = uow.copies.for_meeting(reference)  # oldest first
    newest: dict[str, CopyMade] = {}
    for r in records:
        newest.pop(r.recipient, None)  # re-inserted: the order is that of the newest copies
        newest[r.recipient] = CopyMade(r.recipient, r.file_name, Path(r.folder) / r.file_name if r.folder else None,
                                       r.created_at, r.draft, r.signed_by, r.version)
    return sorted(newest.values(), key=lambda c: c.recipient != "full")
