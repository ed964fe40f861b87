# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The reason every governance step asks for (a hold, its lifting, an erasure, an exemption, an
extension, a restriction): required, one line, bounded. Kept in the step's own row, never in
the audit event: a reason may name people, and the audit chain outlives every record."""

from __future__ import annotations

from strategy_meeting.domain.errors import InvalidInput

MAX_REASON = 2000


def reason_text(reason: str, what: str) -> str:
    text = " ".join(reason.split())
    if not text:
        raise InvalidInput(f"Give a reason for {what} (--reason TEXT): it is kept with the record of it.")
    if len(text) > MAX_REASON:
        raise InvalidInput(f"A reason is at most {MAX_REASON} characters.")
    return text
