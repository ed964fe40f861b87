# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Proving a backup while unpacking it, before anything is swapped in.

The order matters. The key file is unpacked first (small, capped) and opened with the secret
the caller gives; the manifest's seal is then checked with that key, so every size and
checksum the rest relies on is known to be the one the backup was made with. Only then is the
database unpacked, each member stopped at its sealed size. Last, the database's audit chain
must end exactly at the head the manifest names: events cut from the end, a head removed, or a
head wound back to an earlier event (the chain running on past it, which ``audit verify``'s
check of ``audit-head.json`` accepts, and which a restore used to overwrite unread) are each
refused.

The same proof reads back every backup just written, so a backup that would be refused on
restore is never kept.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from strategy_meeting.domain.audit_chain import AuditEvent, event_hash
from strategy_meeting.domain.errors import UserError

from .backup_manifest import AuditHead, BackupManifest, damaged, refusal
from .backup_members import (
    KEY_FILE_CAP,
    MANIFEST,
    MANIFEST_CAP,
    check_names,
    check_space,
    extract,
    open_zip,
    read_capped,
)
from .engine import connect_raw
from .key_slots import KEY_FILE_NAME, KeyFile, read_key_file
from .layout import AUDIT_HEAD_FILE, DB_FILE

# Given the backup's own key file, return its data key and the passphrase's user (None for the
# recovery key). Raises WrongPassphrase when the secret does not open it.
Unlock = Callable[[KeyFile], tuple[bytes, str | None]]


@dataclass(frozen=True)
class Proved:
    manifest: BackupManifest
    key: bytes
    key_file: KeyFile
    owner: str | None


def read_manifest(path: Path) -> BackupManifest:
    """What a backup says about itself, read without a key (not yet proved: see unpack_proved)."""
    with open_zip(path) as zf:
        manifest = BackupManifest.from_json(read_capped(zf, MANIFEST, MANIFEST_CAP, path.name), path.name)
    _require_whole_store(manifest, path.name)
    return manifest


def unpack_proved(path: Path, folder: Path, unlock: Unlock) -> Proved:
    """Unpack ``path`` into ``folder`` and prove it, or raise with nothing written outside
    ``folder`` (the caller removes it)."""
    label = path.name
    with open_zip(path) as zf:
        check_names(zf, label)
        manifest = BackupManifest.from_json(read_capped(zf, MANIFEST, MANIFEST_CAP, label), label)
        _require_whole_store(manifest, label)
        extract(zf, KEY_FILE_NAME, manifest.files[KEY_FILE_NAME], folder / KEY_FILE_NAME, label, cap=KEY_FILE_CAP)
        key_file = _read_key_file(folder, label)
        key, owner = unlock(key_file)
        manifest.check_seal(key, label)
        if key_file.store_id != manifest.store_id:
            raise refusal(label, "is not as it was made: its key file and its manifest name different stores")
        head = _listed_head(manifest, set(zf.namelist()), label)
        if set(zf.namelist()) - {MANIFEST} != set(manifest.files):
            raise refusal(label, "is not as it was made: the files in it are not those its manifest lists")
        rest = {n: f for n, f in manifest.files.items() if n != KEY_FILE_NAME}
        check_space(folder, rest, label)
        for name, entry in rest.items():
            extract(zf, name, entry, folder / name, label)
    if _head_file(folder / AUDIT_HEAD_FILE) != head:
        raise refusal(label, "is not as it was made: its audit head file and its manifest disagree")
    prove_audit_chain(folder / DB_FILE, key, head, label)
    return Proved(manifest, key, key_file, owner)


def prove_audit_chain(db: Path, key: bytes, head: AuditHead, label: str) -> None:
    """The chain's last event must be the recorded head: no event after it (a head wound
    back), none missing before it (events cut from the end), and the same event (its hash).
    Breaks inside the chain are ``audit verify``'s to report, after a restore as before it: a
    backup is proved to be the store as it was, not a better one."""
    try:
        conn = connect_raw(db, key)
    except UserError:
        raise damaged(label, "its database does not open with its key") from None
    try:
        row = conn.execute("SELECT seq, at, user, action, object, details, prev_hash, hash "
                           "FROM audit_events ORDER BY seq DESC LIMIT 1").fetchone()
        last = None if row is None else AuditEvent(
            int(row[0]), str(row[1]), str(row[2]), str(row[3]), str(row[4]), json.loads(row[5]), str(row[6]),
            str(row[7]))
    except (sqlcipher3.DatabaseError, ValueError, TypeError):
        raise damaged(label, "its audit log cannot be read") from None
    finally:
        conn.close()
    end = 0 if last is None else last.seq
    if last is None or end < head.seq:
        raise refusal(label, f"has lost audit events: its audit log ends at event {end} but the backup "
                             f"recorded event {head.seq}")
    if end > head.seq:
        raise refusal(label, f"has an out-of-date audit head: it names event {head.seq} but the audit log "
                             f"runs to event {end}, so the head was wound back")
    recomputed = event_hash(last.prev_hash, last.seq, last.at, last.user, last.action, last.object, last.details)
    if last.hash != head.hash or recomputed != last.hash:
        raise refusal(label, f"has a replaced audit event: event {end} is not the one its audit head names")


def _require_whole_store(manifest: BackupManifest, label: str) -> None:
    if DB_FILE not in manifest.files or KEY_FILE_NAME not in manifest.files:
        raise damaged(label, "it does not hold a whole store")


def _listed_head(manifest: BackupManifest, names: set[str], label: str) -> AuditHead:
    """Without its head a backup cannot show that events were cut from its end."""
    if manifest.audit_head is None or AUDIT_HEAD_FILE not in manifest.files or AUDIT_HEAD_FILE not in names:
        raise refusal(label, "has no audit head, so audit events cut from its end could not be seen")
    return manifest.audit_head


def _read_key_file(folder: Path, label: str) -> KeyFile:
    try:
        return read_key_file(folder / KEY_FILE_NAME)
    except UserError:
        raise damaged(label, "its key file cannot be read") from None


def _head_file(path: Path) -> AuditHead | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return AuditHead(int(data["seq"]), str(data["hash"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
