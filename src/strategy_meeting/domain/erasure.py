# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""What stays of an erased meeting (issue 16, UK GDPR Article 17): a tombstone.

It holds no content: the reference, the dates, the retention class, who erased it, on which
ground and why, the hash of the content that was erased (so a signed copy met later can be
matched to it), and the backups made before the erasure, which still hold the content until
backup retention removes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class ErasureGround(StrEnum):
    RETENTION_ENDED = "retention_ended"
    LAWFUL_REQUEST = "lawful_request"

    @property
    def label(self) -> str:
        return {"retention_ended": "its retention period ended",
                "lawful_request": "a lawful request for erasure"}[self.value]


@dataclass(frozen=True)
class Tombstone:
    reference: str
    held_on: date | None
    created_at: datetime | None
    signed_off_at: datetime | None
    retention_class: str
    retain_until: date | None
    erased_at: datetime
    erased_by: str
    ground: ErasureGround
    reason: str
    content_hash: str
    signed_content_hash: str = ""
    backups_before: tuple[str, ...] = field(default=())  # backup file names made before the erasure
    audit_seq: int = 0
    id: int | None = None
