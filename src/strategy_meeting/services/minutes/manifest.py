# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""``manifest.json`` beside a rendered set of minutes (DESIGN.md section 6), and safe names.

The manifest is the set's outside anchor: each file's SHA-256, who signed it and when, so a
copy swapped or edited later is caught without opening the store. File names are built from the
meeting reference and the agency code only: never a child's or anyone's name.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone

from strategy_meeting.domain.agency import is_valid_agency_code

MANIFEST_NAME = "manifest.json"
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True)
class ManifestEntry:
    recipient: str  # "full" or an agency code
    file: str  # relative to the manifest's folder
    sha256: str
    signed_by: str | None  # certificate subject; None for an unsigned (draft) copy
    created_at: datetime


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _safe(part: str) -> str:
    cleaned = _UNSAFE.sub("-", part).strip("-")
    return cleaned[:64] or "x"


def copy_file_name(reference: str, recipient: str, *, draft: bool) -> str:
    """``SD-2026-0042_full-record.pdf``, ``SD-2026-0042_POLICE_DRAFT.pdf``: ASCII, no path parts."""
    # A valid code is already a safe name and is kept whole: cleaning it would strip a
    # trailing hyphen and give agencies A and A- one file, each overwriting the other's copy.
    if recipient == "full":
        who = "full-record"
    elif is_valid_agency_code(recipient):
        who = recipient
    else:
        who = _safe(recipient)
    if recipient != "full" and who.casefold() == "full-record":
        # An agency coded FULL-RECORD would share the full record's file on a case-insensitive
        # disk (Windows, macOS); codes never hold a dot, so this name is nobody else's.
        who += ".agency"
    suffix = "_DRAFT" if draft else ""
    return f"{_safe(reference)}_{who}{suffix}.pdf"


def _timestamp(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat(timespec="seconds")


def manifest(reference: str, entries: list[ManifestEntry]) -> dict[str, object]:
    return {
        "reference": reference,
        "copies": [
            {
                "recipient": e.recipient,
                "file": e.file,
                "sha256": e.sha256,
                "signed_by": e.signed_by,
                "created_at": _timestamp(e.created_at),
            }
            for e in entries
        ],
    }


def manifest_bytes(reference: str, entries: list[ManifestEntry]) -> bytes:
    return (json.dumps(manifest(reference, entries), indent=2, ensure_ascii=False) + "\n").encode(
        "utf-8"
    )
