# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The one place the workspace calls the sign-off and minutes services.

Kept apart so the dialogs depend on two plain functions, whatever shape the services take.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.domain.roles import User
from strategy_meeting.domain.sharing_terms import SharingTerms
from strategy_meeting.services import signoff
from strategy_meeting.services.context import ServiceContext


@dataclass(frozen=True)
class GeneratedCopy:
    recipient: str  # "full" or an agency code
    path: Path | None  # None: made before the store kept the folder (its file name only)
    file_name: str = ""
    made_at: datetime | None = None  # set for copies listed from the store

    @property
    def name(self) -> str:
        return self.path.name if self.path is not None else self.file_name

    def on_disk(self) -> bool:
        """Still where it was written (a copy listed from the store may have been moved)."""
        return self.path is not None and self.path.is_file()


def sign_off(ctx: ServiceContext, actor: User, reference: str, acknowledge_warnings: bool,
             reason: str = "") -> tuple[Meeting, Changes]:
    """The one reason typed in the dialog covers every acknowledged warning and, when someone
    other than the recorded chair signs, says why (printed on the minutes)."""
    return signoff.sign_off(ctx, actor, reference, acknowledge_warnings=acknowledge_warnings,
                            reasons={"*": reason} if reason else None, signer_reason=reason)


def generate_minutes(ctx: ServiceContext, actor: User, reference: str, folder: Path,
                     sign: bool = False) -> tuple[list[GeneratedCopy], Changes]:
    """Render the full record and every agency's copy into ``folder`` (DRAFT before sign-off;
    signed with the actor's identity when ``sign``). Runs in the worker thread."""
    # Imported here: ReportLab and pyHanko load in the worker, not while the window opens.
    from strategy_meeting.services.minutes.service import render_minutes

    export = render_minutes(ctx, actor, reference, folder, sign=sign)
    copies = [GeneratedCopy(c.recipient, c.path) for c in export.copies]
    return copies, Changes(distributions=True)


def stored_copies(ctx: ServiceContext, actor: User, reference: str) -> list[GeneratedCopy]:
    """The copies made earlier (each recipient's newest), as the store recorded them."""
    from strategy_meeting.services.minutes.copies_made import latest_copies

    return [GeneratedCopy(c.recipient, c.path, c.file_name, c.created_at)
            for c in latest_copies(ctx, actor, reference)]


def add_addendum(ctx: ServiceContext, actor: User, reference: str, text: str,
                 sharing: SharingTerms | None = None, sharing_reason: str = "") -> tuple[Meeting, Changes]:
    """A numbered, dated addendum to signed-off minutes, with who may see it (the service
    refuses empty text)."""
    return signoff.add_addendum(ctx, actor, reference, text, sharing=sharing, sharing_reason=sharing_reason)
