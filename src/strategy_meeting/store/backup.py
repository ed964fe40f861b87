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
- ``manifest.json``: format, time, store id, schema revision, app version and the SHA-256 of
  each member; no record content and no counts.

Work folders (``.backup-work-*`` while a backup is made and checked, ``.restore-*`` while one is
unpacked) are private, registered in the data folder's work registry while in use, and removed
by the next start once their process is gone (``work_files``); the files in them are 0600.

Restoring extracts into a hidden folder inside the data folder, where the caller opens it with
a passphrase or the recovery key before anything is replaced; the replaced store's files are
then moved, together, into ``store-replaced-YYYYMMDD-HHMMSS/`` (itself a data folder that the
app can open with ``--data-dir``), and the restored files are moved in, ``store.db`` last.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

import sqlcipher3

from strategy_meeting.domain.errors import InvalidInput, StoreCorrupted, StoreTooNew, UserError

from . import work_files
from .database import AUDIT_HEAD_FILE, DB_FILE, Store, _private
from .engine import connect_raw, integrity_problems, raw_key_literal
from .key_slots import KEY_FILE_NAME, read_key_file

FORMAT = "strategy-meeting-backup/1"
FORMAT_PREFIX = "strategy-meeting-backup/"
SUFFIX = ".smbk"
NAME_PREFIX = "strategy-meeting-backup-"
MANIFEST = "manifest.json"
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


# ---- the manifest ----------------------------------------------------------------------


@dataclass(frozen=True)
class BackupManifest:
    created_at: datetime
    store_id: str
    schema: str
    app_version: str
    files: dict[str, str]  # member name -> SHA-256 hex

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "created_at": self.created_at.astimezone(UTC).isoformat(),
                "store_id": self.store_id,
                "schema": self.schema,
                "app_version": self.app_version,
                "files": self.files,
            },
            indent=1,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: bytes, name: str) -> BackupManifest:
        try:
            raw = json.loads(text)
            fmt = str(raw["format"])
        except (ValueError, KeyError, TypeError):
            raise InvalidInput(f"{name} is not a Strategy Meeting backup (its manifest is unreadable).") from None
        if fmt != FORMAT:
            if fmt.startswith(FORMAT_PREFIX):
                raise StoreTooNew(
                    f"{name} was made by a newer version of Strategy Meeting. Install the newer "
                    "version to restore it; nothing was changed."
                )
            raise InvalidInput(f"{name} is not a Strategy Meeting backup.")
        try:
            files = {str(k): str(v) for k, v in dict(raw["files"]).items()}
            return cls(
                datetime.fromisoformat(str(raw["created_at"])),
                str(raw["store_id"]),
                str(raw["schema"]),
                str(raw["app_version"]),
                files,
            )
        except (ValueError, KeyError, TypeError):
            raise InvalidInput(f"{name} is damaged: its manifest is incomplete. Use another backup.") from None


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
            name: _sha256_file(v) if isinstance(v, Path) else hashlib.sha256(v).hexdigest()
            for name, v in members.items()
        }
        manifest = BackupManifest(at, store.store_id, schema, app_version, files)
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as zf:
            zf.writestr(MANIFEST, manifest.to_json())
            for name, value in members.items():
                if isinstance(value, Path):
                    zf.write(value, name)
                else:
                    zf.writestr(name, value)
    return WrittenBackup(manifest, counts)


# ---- reading ---------------------------------------------------------------------------


def _open_zip(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError:
        raise InvalidInput(f"There is no file {path}.") from None
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InvalidInput(
            f"{path.name} is not a Strategy Meeting backup, or it is damaged (not a readable archive)."
        ) from None


def read_manifest(path: Path) -> BackupManifest:
    with _open_zip(path) as zf:
        try:
            text = zf.read(MANIFEST)
        except KeyError:
            raise InvalidInput(f"{path.name} is not a Strategy Meeting backup (it has no manifest).") from None
        except (zipfile.BadZipFile, OSError, ValueError):
            raise InvalidInput(f"{path.name} is damaged: its manifest cannot be read. Use another backup.") from None
    manifest = BackupManifest.from_json(text, path.name)
    if DB_FILE not in manifest.files or KEY_FILE_NAME not in manifest.files:
        raise InvalidInput(f"{path.name} is damaged: it does not hold a whole store. Use another backup.")
    return manifest


def _extract_checked(zf: zipfile.ZipFile, name: str, expected_sha: str, target: Path, label: str) -> None:
    digest = hashlib.sha256()
    try:
        with zf.open(name) as src, os.fdopen(_private_file(target), "wb") as dst:
            for block in iter(lambda: src.read(1 << 20), b""):
                digest.update(block)
                dst.write(block)
            dst.flush()
            os.fsync(dst.fileno())
    except KeyError:
        raise InvalidInput(f"{label} is damaged: {name} is missing from it. Use another backup.") from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        if isinstance(exc, OSError) and not isinstance(exc, zipfile.BadZipFile) and exc.errno is not None:
            raise UserError(f"{label} could not be unpacked ({exc.strerror}); nothing was changed.") from None
        raise InvalidInput(f"{label} is damaged: {name} cannot be read. Use another backup.") from None
    if digest.hexdigest() != expected_sha:
        raise InvalidInput(f"{label} is damaged: {name} does not match its checksum. Use another backup.")


def unpack(path: Path, target: Path, manifest: BackupManifest) -> None:
    """Extract the manifest's members into ``target``, each checked against its SHA-256.
    Only the names this format knows are ever written, so a crafted archive cannot place a
    file anywhere else."""
    with _open_zip(path) as zf:
        for name in (DB_FILE, KEY_FILE_NAME, AUDIT_HEAD_FILE):
            if name in manifest.files:
                _extract_checked(zf, name, manifest.files[name], target / name, path.name)
                _private(target / name)


def verify_backup(store: Store, path: Path, written: WrittenBackup) -> None:
    """Read a just-written backup file back from disk and prove it restorable: every member
    matches its checksum, and the database opens with the key, passes both integrity checks
    and holds the same number of rows in every table as the store did."""
    manifest = read_manifest(path)
    if manifest != written.manifest:
        raise StoreCorrupted("The backup file does not read back as it was written; it was not kept.")
    with _work_folder(store.data_dir, WORK_PREFIX) as work:
        unpack(path, work, manifest)
        check_copy(work / DB_FILE, store.raw_key_for_backup(), written.row_counts)


# ---- restoring -------------------------------------------------------------------------


def stage(data_dir: Path, path: Path) -> tuple[Path, BackupManifest]:
    """Unpack a backup into a hidden folder inside ``data_dir`` (same disk, so the final move
    is a rename). The caller opens it there, checks it, and then calls ``swap_in``."""
    manifest = read_manifest(path)
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    work_files.clean(data_dir)
    item = work_files.new_folder(data_dir, RESTORE_PREFIX, work_files.registry_for(data_dir))
    try:
        unpack(path, item.path, manifest)
    except BaseException:
        item.discard()
        raise
    _staged[item.path] = item
    return item.path, manifest


# Restore folders staged by this process, held (registered) until ``discard_stage``.
_staged: dict[Path, work_files.WorkItem] = {}


def discard_stage(folder: Path) -> None:
    item = _staged.pop(folder, None)
    if item is not None:
        item.discard()
    else:
        shutil.rmtree(folder, ignore_errors=True)


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
