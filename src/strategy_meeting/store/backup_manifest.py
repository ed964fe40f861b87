# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""A backup's manifest, and the seal that proves it was made with the store's key.

The manifest names the store, the audit head (the newest audit event's number and hash, the
facts ``audit-head.json`` holds) and each member's size and SHA-256. Without a seal anyone
could edit it: point a foreign backup at this store's id, drop the audit head, or declare a
small member that unpacks to a gigabyte. So the manifest is sealed with HMAC-SHA256 under a
key derived from the store's data key by HKDF-SHA256 with a purpose label of its own (the data
key itself is never used for two jobs). The HMAC covers the canonical JSON (sorted keys, no
spaces, UTF-8) of every field but the seal, exactly as read from the file, so nothing in the
manifest can change unnoticed, not even a field this version does not read.

A seal made with the data key proves the backup to anyone who does not hold that key; an
account holder of the same store holds it too (see the trust model, DESIGN section 7).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from strategy_meeting.domain.audit_chain import canonical_json
from strategy_meeting.domain.errors import BackupRefused, InvalidInput, StoreTooNew

FORMAT = "strategy-meeting-backup/2"
# Version 1 (the unreleased 0.1.0 before backups were sealed) has no seal: refused, never
# trusted, as an attacker would simply strip a seal to be let through.
UNSEALED_FORMAT = "strategy-meeting-backup/1"
FORMAT_PREFIX = "strategy-meeting-backup/"
SEAL_LABEL = b"strategy-meeting/backup-manifest-seal/1"
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_FIELDS = {"format", "created_at", "store_id", "schema", "app_version", "audit_head", "files", "seal"}


def refusal(label: str, problem: str) -> BackupRefused:
    """One sentence for every refusal: which file, what is wrong, that nothing changed, and
    what to do. ``problem`` never quotes record content (only file and event numbers)."""
    return BackupRefused(f"{label} {problem}; nothing was changed. Use another backup.", problem)


def damaged(label: str, what: str) -> InvalidInput:
    """A backup spoilt in a way a failing disk or an interrupted copy could explain."""
    return InvalidInput(f"{label} is damaged: {what}; nothing was changed. Use another backup.")


@dataclass(frozen=True)
class MemberFile:
    size: int
    sha256: str


@dataclass(frozen=True)
class AuditHead:
    seq: int
    hash: str


@dataclass(frozen=True)
class BackupManifest:
    created_at: datetime
    store_id: str
    schema: str
    app_version: str
    audit_head: AuditHead | None
    files: dict[str, MemberFile]
    seal: str = ""
    # The exact bytes the seal covers: as read from a file, or as this version writes them.
    body: bytes = field(default=b"", repr=False, compare=False)

    def _fields(self) -> dict[str, object]:
        head = None if self.audit_head is None else {"seq": self.audit_head.seq, "hash": self.audit_head.hash}
        return {
            "format": FORMAT,
            "created_at": self.created_at.astimezone(UTC).isoformat(),
            "store_id": self.store_id,
            "schema": self.schema,
            "app_version": self.app_version,
            "audit_head": head,
            "files": {n: {"size": f.size, "sha256": f.sha256} for n, f in self.files.items()},
        }

    def sealed(self, data_key: bytes) -> BackupManifest:
        body = canonical_json(self._fields())
        return replace(self, seal=_mac(data_key, body).hex(), body=body)

    def to_json(self) -> str:
        return json.dumps({**self._fields(), "seal": self.seal}, indent=1, sort_keys=True)

    def check_seal(self, data_key: bytes, label: str) -> None:
        """Refuse a manifest whose seal was not made with this key over exactly these bytes:
        an edited field, a stripped or forged seal, or a key file from another store."""
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import hashes, hmac

        try:
            expected = bytes.fromhex(self.seal)
            check = hmac.HMAC(_seal_key(data_key), hashes.SHA256())
            check.update(self.body)
            check.verify(expected)
        except (ValueError, InvalidSignature):
            raise refusal(label, "is not as it was made: its manifest fails the check sealed with the "
                                 "store's key, so something in it was altered") from None

    @classmethod
    def from_json(cls, text: bytes, label: str) -> BackupManifest:
        try:
            raw = json.loads(text)
            fmt = str(raw["format"])
        except (ValueError, KeyError, TypeError):
            raise InvalidInput(f"{label} is not a Strategy Meeting backup (its manifest is unreadable).") from None
        if fmt == UNSEALED_FORMAT:
            raise BackupRefused(
                f"{label} was made by an early test version of Strategy Meeting that did not seal its "
                "backups, so it cannot be proved unaltered and is not restored; nothing was changed. "
                "Use a backup made by this version.", "is an unsealed backup from an early test version")
        if fmt != FORMAT:
            if fmt.startswith(FORMAT_PREFIX):
                raise StoreTooNew(
                    f"{label} was made by a newer version of Strategy Meeting. Install the newer "
                    "version to restore it; nothing was changed."
                )
            raise InvalidInput(f"{label} is not a Strategy Meeting backup.")
        try:
            if set(raw) != _FIELDS:
                raise ValueError("fields")
            head = raw["audit_head"]
            return cls(
                datetime.fromisoformat(_text(raw["created_at"])),
                _text(raw["store_id"]),
                _text(raw["schema"]),
                _text(raw["app_version"]),
                None if head is None else AuditHead(_event_number(head["seq"]), _digest(head["hash"])),
                {_text(n): MemberFile(_count(f["size"]), _digest(f["sha256"])) for n, f in dict(raw["files"]).items()},
                _text(raw["seal"]),
                canonical_json({k: v for k, v in raw.items() if k != "seal"}),
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            raise damaged(label, "its manifest is incomplete") from None


def _seal_key(data_key: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=SEAL_LABEL).derive(data_key)


def _mac(data_key: bytes, body: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes, hmac

    mac = hmac.HMAC(_seal_key(data_key), hashes.SHA256())
    mac.update(body)
    return mac.finalize()


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not text")
    return value


def _count(value: object) -> int:
    # bool is an int in Python; true is not a size.
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError("not a count")
    return value


def _event_number(value: object) -> int:
    number = _count(value)
    if number < 1:
        raise ValueError("audit events are numbered from 1")
    return number


def _digest(value: object) -> str:
    if not isinstance(value, str) or not _SHA256.match(value):
        raise ValueError("not a SHA-256")
    return value
