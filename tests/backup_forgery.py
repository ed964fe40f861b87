# SPDX-License-Identifier: LicenseRef-Proprietary
"""Alter real backup files the way an attacker would: unpack the archive, change a member,
re-encrypt with the store key through sqlcipher3, fix the manifest's checksums, and (for an
attacker who holds the store key) seal the manifest again with the app's own code."""

from __future__ import annotations

import hashlib
import json
import warnings
import zipfile
from pathlib import Path

from strategy_meeting.store.backup_manifest import BackupManifest
from strategy_meeting.store.engine import connect_raw

MANIFEST = "manifest.json"
DB = "store.db"
HEAD = "audit-head.json"
KEYS = "keys.json"


def read_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def write_members(path: Path, members: dict[str, bytes] | list[tuple[str, bytes]]) -> None:
    """Repack as the app does (stored, not compressed); a list may name a member twice."""
    items = members.items() if isinstance(members, dict) else members
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about a duplicate name: that is the point
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as zf:
            for name, data in items:
                zf.writestr(name, data)


def manifest_of(members: dict[str, bytes]) -> dict:
    return json.loads(members[MANIFEST])


def put_manifest(members: dict[str, bytes], manifest: dict) -> None:
    members[MANIFEST] = json.dumps(manifest, indent=1, sort_keys=True).encode()


def rehash(manifest: dict, name: str, data: bytes) -> None:
    """Make the manifest's size and checksum of ``name`` fit ``data`` (no key needed)."""
    manifest["files"][name] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def reseal(manifest: dict, key: bytes) -> dict:
    """Seal an edited manifest with a store key, through the app's own manifest code."""
    unsealed = json.dumps({**manifest, "seal": ""}).encode()
    return json.loads(BackupManifest.from_json(unsealed, "forged").sealed(key).to_json())


def _edit_db(db: bytes, key: bytes, work: Path, *statements: tuple[str, tuple]) -> bytes:
    work.mkdir(parents=True, exist_ok=True)
    path = work / DB
    path.write_bytes(db)
    conn = connect_raw(path, key)
    try:
        for sql, params in statements:
            conn.execute(sql, params)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return path.read_bytes()


def cut_audit_tail(db: bytes, key: bytes, count: int, work: Path) -> bytes:
    """The backup's database with its last ``count`` audit events deleted, encrypted again."""
    return _edit_db(db, key, work, (
        "DELETE FROM audit_events WHERE seq > (SELECT max(seq) FROM audit_events) - ?", (count,)))


def audit_event(db: bytes, key: bytes, seq: int, work: Path) -> dict:
    """Event ``seq`` of a backup's database as ``audit-head.json`` would name it."""
    work.mkdir(parents=True, exist_ok=True)
    path = work / "read.db"
    path.write_bytes(db)
    conn = connect_raw(path, key)
    try:
        row = conn.execute("SELECT seq, hash FROM audit_events WHERE seq = ?", (seq,)).fetchone()
    finally:
        conn.close()
    return {"seq": int(row[0]), "hash": str(row[1])}
