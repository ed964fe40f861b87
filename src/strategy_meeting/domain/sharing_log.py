# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The sharing-decision log (issue 14): every choice to share or withhold an item, every change
of its terms and every loosening, with who, when and why.

An entry is a fact about the record, kept beside it (and in the audit chain); the terms are
kept in their interchange shape so an entry reads the same after any later change of the code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class SharingItemKind(StrEnum):
    CONTRIBUTION = "contribution"
    ACTION = "action"
    DECISION = "decision"
    ADDENDUM = "addendum"


class SharingChangeKind(StrEnum):
    SET = "set"  # the first audience chosen for an undecided item
    CHANGED = "changed"  # terms changed without letting anyone new see the item
    LOOSENED = "loosened"  # someone may now see the item who could not: a reason is required
    SHARED = "shared"  # the item went into this recipient's copy (at sign-off or distribution)
    WITHHELD = "withheld"  # the item was kept out of this recipient's copy


@dataclass(frozen=True)
class SharingLogEntry:
    meeting_reference: str
    item_kind: SharingItemKind
    item_id: str
    change: SharingChangeKind
    at: datetime
    by: str
    before: dict[str, object] | None = None  # SharingTerms.to_json(), None for a new item
    after: dict[str, object] | None = None
    recipient: str = ""  # SHARED/WITHHELD: "family" or the agency code
    reason: str = ""
