# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The audit hash chain: each event's hash covers the previous hash and the event itself.

Pure functions over plain values so that the chain can be checked without a database and
pinned by test vectors. Canonical JSON (sorted keys, no spaces, UTF-8) makes the hash stable.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class AuditEvent:
    seq: int
    at: str  # ISO 8601 UTC, as stored
    user: str
    action: str
    object: str
    details: Mapping[str, object]
    prev_hash: str
    hash: str


def canonical_json(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def event_hash(
    prev_hash: str, seq: int, at: str, user: str, action: str, obj: str, details: Mapping[str, object]
) -> str:
    body = canonical_json(
        {"seq": seq, "at": at, "user": user, "action": action, "object": obj, "details": dict(details)}
    )
    return hashlib.sha256(prev_hash.encode("ascii") + b"\n" + body).hexdigest()


@dataclass(frozen=True)
class ChainBreak:
    """Where the chain first fails, and why, in words fit for an administrator."""

    seq: int
    reason: str


def verify_chain(events: Iterable[AuditEvent], expected_head: str | None = None) -> ChainBreak | None:
    """Return the first break, or None if the chain is whole.

    Sequence numbers must run 1, 2, 3 ... with no gap (catches removed or reordered events);
    each ``prev_hash`` must equal the previous event's hash; each hash must match its content
    (catches edits). ``expected_head`` is the last hash kept outside the table (a sidecar), the
    only way to see events cut off the end.
    """
    prev = GENESIS_HASH
    expected_seq = 1
    last_seq = 0
    for ev in events:
        if ev.seq != expected_seq:
            return ChainBreak(expected_seq, f"event {expected_seq} is missing or out of order (found {ev.seq})")
        if ev.prev_hash != prev:
            return ChainBreak(ev.seq, f"event {ev.seq} does not follow the event before it")
        if event_hash(ev.prev_hash, ev.seq, ev.at, ev.user, ev.action, ev.object, ev.details) != ev.hash:
            return ChainBreak(ev.seq, f"event {ev.seq} was changed after it was written")
        prev = ev.hash
        last_seq = ev.seq
        expected_seq += 1
    if expected_head is not None and expected_head != prev:
        return ChainBreak(last_seq + 1, "the latest events were removed (the chain ends before its recorded head)")
    return None
