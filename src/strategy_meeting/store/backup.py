# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Backup files: an encrypted copy of the store in one file, checked, and restored safely.

A backup is one file, ``strategy-meeting-backup-YYYYMMDD-HHMMSS.smbk`` (UTC time; the name
holds no personal data), so a chair can copy it to a stick or a share like any document. It is
an uncompressed ZIP archive (the encrypted database does not compress) holding:

- ``store.db``: a fresh SQLCipher database made by ``sqlcipher_export`` under the same data
  key. Being rebuilt through SQL it carries no free pages, so deleted records' old pages are
  not copied; it is written in one read transaction, so it is a consistent snapshot.
- ``keys.json``: the key slots at that moment, so the same passphrases and the recovery key
  open the backup. Slots are sealed; they name no one.
- ``audit-head.json``: the audit chain's last event in the snapshot, so truncation of the
  chain stays detectable after a restore.
- ``manifest.json``: format, time, store id, schema revision, app version, the audit head and
  each member's size and SHA-256, sealed with a key derived from the data key (see
  ``backup_manifest``); no record content and no counts.

Work folders (``.backup-work-*`` while a backup is made and checked, ``.restore-*`` while one is
unpacked) are private, registered in the data folder's work registry while in use, and removed
by the next start once their process is gone (``work_files``); the files in them are 0600.

Restoring extracts into a hidden folder inside the data folder, proving the backup on the way
(``backup_proof``: the seal, each member's size and checksum, the audit chain ending at its
head); the caller then opens it there before anything is replaced. The replaced store's files
are moved, together, into ``store-replaced-YYYYMMDD-HHMMSS/`` (itself a data folder that the
app can open with ``--data-dir``), and the restored files are moved in, ``store.db`` last.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

import sqlcipher3

from strategy_meeting.domain.errors import BackupRefused, StoreCorrupted, UserError

from . import key_slots, work_files
from .backup_manifest import AuditHead, BackupManifest, MemberFile
from .backup_members import MANIFEST
from .backup_proof import Proved, unpack_proved
from .backup_proof import read_manifest as read_manifest  # the services read it from here
from .database import AUDIT_HEAD_FILE, DB_FILE, Store, _private
from .engine import connect_raw, integrity_problems, raw_key_literal
from .key_slots import KEY_FILE_NAME, KeyFile, read_key_file

SUFFIX = ".smbk"
NAME_PREFIX = "strategy-meeting-backup-"
WORK_PREFIX = ".backup-work-"
RESTORE_PREFIX = ".restore-"
ASIDE_PREFIX = "store-replaced-"
_NAME = re.compile(r"^strategy-meeting-backup-(\d{8}-\d{6})(?:-(\d{1,3}))?\.smbk$")
# Every file that makes up a store in its data folder, moved together on a restore. The WAL
# must never be separated from its database: replayed onto another file it would corrupt it.
STORE_FILES = (DB_FILE, DB_FILE + "-wal", DB_FILE + "-shm", KEY_FILE_NAME, AUDIT_HEAD_FILE)


# ---- names -----------------------------------------------------------------------------


def backup_file_name(at: datetime, serial: int = 0) -> str:
    stamp = at.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    return f"{NAME_PREFIX}{stamp}{f'-{serial}' if serial else ''}{SUFFIX}"


def backup_time(name: str) -> datetime | None:
    """The UTC time in a backup's file name; None for any other name."""
    match = _NAME.match(name)
    if match is None:
        return None
    try:
        return datetime.strptime(match.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def aside_folder_name(at: datetime) -> str:
    return ASIDE_PREFIX + at.astimezone(UTC).strftime("%Y%m%d-%H%M%S")


@dataclass(frozen=True)
class WrittenBackup:
    """What was written, kept in memory only: the row counts are checked against the copy
    and never stored in the file, where they would say how busy a team is."""

    manifest: BackupManifest
    row_counts: dict[str, int]


# ---- writing ---------------------------------------------------------------------------


@contextmanager
def _work_folder(data_dir: Path, prefix: str) -> Iterator[Path]:
    item = work_files.new_folder(data_dir, prefix, work_files.registry_for(data_dir))
    try:
        yield item.path
    finally:
        item.discard()


def _private_file(path: Path) -> int:
    """Create ``path`` empty and owner-only, for a file a library would otherwise create with
    the umask's permissions (SQLite gives its journal the database file's own mode)."""
    return os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)


def _tables(conn: sqlcipher3.Connection, schema: str = "main") -> list[str]:
    rows = conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    return [str(r[0]) for r in rows]


def _row_counts(conn: sqlcipher3.Connection, schema: str = "main") -> dict[str, int]:
    return {t: int(conn.execute(f'SELECT count(*) FROM {schema}."{t}"').fetchone()[0]) for t in _tables(conn, schema)}


def _export(db_path: Path, key: bytes, target: Path) -> tuple[dict[str, int], str, tuple[int, str] | None]:
    """Copy the store into ``target`` under the same key, in one read transaction so the
    counts, the schema revision and the audit head all describe the same snapshot."""
    conn = connect_raw(db_path, key)
    try:
        # The key is bound as a parameter, never spliced into the statement text.
        conn.execute("ATTACH DATABASE ? AS backup KEY ?", (str(target), raw_key_literal(key)))
        try:
            conn.execute("BEGIN")
            counts = _row_counts(conn)
            schema = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            head = conn.execute("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1").fetchone()
            conn.execute("SELECT sqlcipher_export('backup')").fetchall()
            # sqlcipher_export copies tables, not the header's user_version: copy it by hand.
            user_version = int(conn.execute("PRAGMA main.user_version").fetchone()[0])
            conn.execute(f"PRAGMA backup.user_version = {user_version}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        finally:
            conn.execute("DETACH DATABASE backup")
    finally:
        conn.close()
    return counts, str(schema[0]) if schema else "", (int(head[0]), str(head[1])) if head else None


def check_copy(db_path: Path, key: bytes, expected_counts: dict[str, int]) -> None:
    """Open a copy with the key and prove it whole: both integrity checks and equal counts."""
    problems = integrity_problems(db_path, key)
    if problems:
        raise StoreCorrupted(f"The backup copy failed its check ({problems[0]}); it was not kept.")
    conn = connect_raw(db_path, key)
    try:
        counts = _row_counts(conn)
    finally:
        conn.close()
    if counts != expected_counts:
        raise StoreCorrupted("The backup copy does not hold the same records as the store; it was not kept.")


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_backup(store: Store, out: BinaryIO, at: datetime, app_version: str) -> WrittenBackup:
    """Write a checked backup of ``store`` as a ZIP archive into ``out`` (the caller makes it
    atomic). Raises StoreCorrupted if the store or the copy is damaged: a damaged store must
    never produce a backup that would push good ones out of the rotation."""
    key = store.raw_key_for_backup()
    work_files.clean(store.data_dir)
    with _work_folder(store.data_dir, WORK_PREFIX) as work:
        copy = work / DB_FILE
        os.close(_private_file(copy))  # an empty file is an empty database to ATTACH
        try:
            counts, schema, head = _export(store.db_path, key, copy)
        except sqlcipher3.DatabaseError as exc:
            raise StoreCorrupted(
                f"The store could not be read for the backup ({exc}): it may be damaged. The "
                "existing backups were left as they are; restore the newest one."
            ) from None
        check_copy(copy, key, counts)
        members: dict[str, bytes | Path] = {DB_FILE: copy, KEY_FILE_NAME: store.key_path.read_bytes()}
        if head is not None:
            members[AUDIT_HEAD_FILE] = json.dumps({"seq": head[0], "hash": head[1]}).encode()
        files = {
            name: MemberFile(v.stat().st_size, _sha256_file(v)) if isinstance(v, Path)
            else MemberFile(len(v), hashlib.sha256(v).hexdigest())
            for name, v in members.items()
        }
        audit_head = AuditHead(*head) if head is not None else None
        manifest = BackupManifest(at, store.store_id, schema, app_version, audit_head, files).sealed(key)
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as zf:
            zf.writestr(MANIFEST, manifest.to_json())
            for name, value in members.items():
                if isinstance(value, Path):
                    zf.write(value, name)
                else:
                    zf.writestr(name, value)
    return WrittenBackup(manifest, counts)


# ---- reading back and restoring ---------------------------------------------------


def verify_backup(store: Store, path: Path, written: WrittenBackup) -> None:
    """Read a just-written backup file back from disk and prove it restorable: the same proof
    a restore makes (sealed manifest, member sizes and checksums, audit chain ending at its
    head), then the database passes both integrity checks and holds the same number of rows in
    every table as the store did."""
    key = store.raw_key_for_backup()
    with _work_folder(store.data_dir, WORK_PREFIX) as work:
        try:
            proved = unpack_proved(path, work, lambda _kf: (key, None))
        except BackupRefused as exc:
            raise StoreCorrupted(f"The backup file failed its check when read back ({exc.problem}); "
                                 "it was not kept.") from None
        if proved.manifest != written.manifest or proved.key_file.store_id != store.store_id:
            raise StoreCorrupted("The backup file does not read back as it was written; it was not kept.")
        check_copy(work / DB_FILE, key, written.row_counts)


class StagedBackup:
    """A backup unpacked and proved beside the store, with the key that opened it. The
    services open it, check who restores, and swap it in or discard it; the raw key stays
    here, in the store layer, and is zeroed on discard."""

    def __init__(self, item: work_files.WorkItem, proved: Proved) -> None:
        self._item = item  # registered as ours while it exists (work_files)
        self.folder = item.path
        self.manifest = proved.manifest
        self.owner = proved.owner  # the passphrase's user; None when opened with the recovery key
        self._key = bytearray(proved.key)
        self._key_file = proved.key_file

    def open(self) -> Store:
        return Store.opened_with_key(self.folder, bytes(self._key), self._key_file)

    def discard(self) -> None:
        """Zero the key and remove the folder (emptied already if it was swapped in)."""
        for i in range(len(self._key)):
            self._key[i] = 0
        self._item.discard()


def stage(data_dir: Path, path: Path, *, passphrase: str | None = None,
          recovery_key: str | None = None, user: str | None = None) -> StagedBackup:
    """Unpack and prove a backup in a hidden folder inside ``data_dir`` (same disk, so the
    final move is a rename), opening its key file with ``user``'s own passphrase (the first
    account's when no name is given) or the recovery key.
    Raises WrongPassphrase, or a refusal, with the folder already removed; the store's own
    files are never touched here."""

    def unlock(kf: KeyFile) -> tuple[bytes, str | None]:
        if recovery_key:
            return key_slots.unlock_with_recovery_key(kf, recovery_key), None
        unlocked = key_slots.unlock_user(kf, passphrase or "", user)  # the named user's own slot
        return unlocked.key, unlocked.user

    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    work_files.clean(data_dir)
    item = work_files.new_folder(data_dir, RESTORE_PREFIX, work_files.registry_for(data_dir))
    try:
        return StagedBackup(item, unpack_proved(path, item.path, unlock))
    except BaseException:
        item.discard()
        raise


def current_store_id(data_dir: Path) -> str | None:
    """The id in the key file of the store now in ``data_dir``; None if absent or unreadable."""
    try:
        return read_key_file(data_dir / KEY_FILE_NAME).store_id
    except UserError:
        return None


def has_store_files(data_dir: Path) -> bool:
    return any((data_dir / name).exists() for name in STORE_FILES)


def swap_in(data_dir: Path, staged: Path, aside_name: str) -> Path | None:
    """Move the current store's files aside together, then the staged store in, store.db
    last: until that final rename the folder never holds a database without its key file.
    Returns the folder holding the replaced store, or None if there was none."""
    aside: Path | None = None
    if has_store_files(data_dir):
        aside = data_dir / aside_name
        serial = 1
        while aside.exists():
            serial += 1
            aside = data_dir / f"{aside_name}-{serial}"
        aside.mkdir(mode=0o700)
        for name in STORE_FILES:
            if (data_dir / name).exists():
                os.replace(data_dir / name, aside / name)
    incoming = [n for n in STORE_FILES if n != DB_FILE and (staged / n).exists()]
    for name in incoming + [DB_FILE]:
        os.replace(staged / name, data_dir / name)
        _private(data_dir / name)
    return aside
