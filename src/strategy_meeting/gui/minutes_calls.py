# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The one place the workspace calls the sign-off and minutes services.

Kept apart so the dialogs depend on two plain functions, whatever shape the services take.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    path: Path


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


def add_addendum(ctx: ServiceContext, actor: User, reference: str, text: str,
                 sharing: SharingTerms | None = None, sharing_reason: str = "") -> tuple[Meeting, Changes]:
    """A numbered, dated addendum to signed-off minutes, with who may see it (the service
    refuses empty text)."""
    return signoff.add_addendum(ctx, actor, reference, text, sharing=sharing, sharing_reason=sharing_reason)
