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
from strategy_meeting.domain.sharing import FAMILY_KEY

MANIFEST_NAME = "manifest.json"
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True)
class ManifestEntry:
    recipient: str  # "full", "family" or an agency code
    file: str  # relative to the manifest's folder
    sha256: str
    signed_by: str | None  # certificate subject; None for an unsigned (draft) copy
    created_at: datetime


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _safe(part: str) -> str:
    cleaned = _UNSAFE.sub("-", part).strip("-")
    return cleaned[:64] or "x"


def copy_file_name(reference: str, recipient: str, *, draft: bool, version: int = 1) -> str:
    """``SD-2026-0042_full-record.pdf``, ``SD-2026-0042_POLICE_DRAFT.pdf``,
    ``SD-2026-0042_family.pdf``; a later version ``SD-2026-0042_v2_POLICE.pdf`` (issue 14: a
    recipient can tell which file supersedes which; version 1 keeps its name). ASCII, no path
    parts."""
    # A valid code is already a safe name and is kept whole: cleaning it would strip a
    # trailing hyphen and give agencies A and A- one file, each overwriting the other's copy.
    if recipient == "full":
        who = "full-record"
    elif recipient == FAMILY_KEY:
        who = "family"
    elif is_valid_agency_code(recipient):
        who = recipient
    else:
        who = _safe(recipient)
    if recipient not in ("full", FAMILY_KEY) and who.casefold() in ("full-record", "family"):
        # An agency coded FULL-RECORD (or FAMILY) would share the full record's (the family's)
        # file on a case-insensitive disk (Windows, macOS); codes never hold a dot, so this
        # name is nobody else's.
        who += ".agency"
    suffix = "_DRAFT" if draft else ""
    later = f"v{version}_" if version > 1 else ""
    return f"{_safe(reference)}_{later}{who}{suffix}.pdf"


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
