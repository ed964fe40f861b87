# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Reading a backup archive's members without trusting the archive.

A ZIP archive says how big each member is, and can lie: a 1 MB file can inflate to a
gigabyte. So nothing is read or written past a limit set by something we trust: a fixed cap
for the two members read before the key is known (the manifest and the key file, a few
kilobytes each), and the sealed manifest's own size, plus a margin, for the rest. The limit is
checked on the archive's header and again while streaming, since only the bytes actually
written are what fills a disk. Only the four names this format knows are accepted, each once,
so a crafted archive cannot place a file anywhere else.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import zipfile
from pathlib import Path
from typing import IO, Protocol

from strategy_meeting.domain.errors import BackupRefused, InvalidInput, UserError

from .backup_manifest import MemberFile, damaged, refusal
from .key_slots import KEY_FILE_NAME
from .layout import AUDIT_HEAD_FILE, DB_FILE

MANIFEST = "manifest.json"
MEMBERS = frozenset({MANIFEST, DB_FILE, KEY_FILE_NAME, AUDIT_HEAD_FILE})
# Read before the seal is checked, so bounded by a constant rather than a declared size.
MANIFEST_CAP = 64 * 1024
KEY_FILE_CAP = 1024 * 1024
MIB = 1024 * 1024
_BLOCK = MIB


def margin(size: int) -> int:
    """Slack over a declared size before unpacking stops: 1 MiB or 1 %, whichever is larger.
    The sizes are exact (a later checksum proves it); the margin only bounds what a lying
    member can write before it is caught."""
    return max(MIB, size // 100)


def open_zip(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError:
        raise InvalidInput(f"There is no file {path}.") from None
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InvalidInput(
            f"{path.name} is not a Strategy Meeting backup, or it is damaged (not a readable archive)."
        ) from None


def check_names(zf: zipfile.ZipFile, label: str) -> None:
    """Exactly the names this format writes, each at most once: no ``../`` or absolute path,
    no second ``store.db`` hiding behind the first."""
    names = zf.namelist()
    if len(names) != len(set(names)) or not set(names) <= MEMBERS:
        raise refusal(label, "holds files a backup does not (or one file twice), so it is not a backup "
                             "this version made")


def read_capped(zf: zipfile.ZipFile, name: str, cap: int, label: str) -> bytes:
    """A small member, read into memory, never more than ``cap`` bytes whatever it claims."""
    try:
        info = zf.getinfo(name)
        if info.file_size > cap:
            raise _too_big(label, name)
        with zf.open(info) as src:
            data = src.read(cap + 1)
    except KeyError:
        raise InvalidInput(f"{label} is not a Strategy Meeting backup (it has no {name}).") from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise damaged(label, f"its {name} cannot be read") from None
    if len(data) > cap:
        raise _too_big(label, name)
    return data


def check_space(folder: Path, files: dict[str, MemberFile], label: str) -> None:
    """Refuse at once when the disk cannot hold what the manifest declares, rather than fill it."""
    needed = sum(f.size + margin(f.size) for f in files.values())
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return
    if free < needed:
        raise UserError(
            f"There is not enough free space beside the store to unpack {label} (it needs "
            f"{needed / MIB:.0f} MB); nothing was changed. Free some space and try again."
        )


def extract(zf: zipfile.ZipFile, name: str, entry: MemberFile, target: Path, label: str,
            cap: int | None = None) -> None:
    """Stream one member to ``target`` (created owner-only), stopping before it writes more
    than its declared size and margin (or ``cap``), then prove its size and SHA-256."""
    limit = entry.size + margin(entry.size)
    if cap is not None:
        limit = min(limit, cap)
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise damaged(label, f"{name} is missing from it") from None
    if info.file_size > limit:
        raise _too_big(label, name)
    digest = hashlib.sha256()
    written = 0
    try:
        with zf.open(info) as src, _private_file(target) as dst:
            written = copy_limited(src, dst, limit, digest)
            if written < 0:
                raise _too_big(label, name)
            dst.flush()
            os.fsync(dst.fileno())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        if isinstance(exc, OSError) and not isinstance(exc, zipfile.BadZipFile) and exc.errno is not None:
            raise UserError(f"{label} could not be unpacked ({exc.strerror}); nothing was changed.") from None
        raise damaged(label, f"{name} cannot be read") from None
    if written != entry.size or digest.hexdigest() != entry.sha256:
        raise damaged(label, f"{name} does not match its checksum")


class _Digest(Protocol):
    def update(self, data: bytes, /) -> None: ...


def copy_limited(src: IO[bytes], dst: IO[bytes], limit: int, digest: _Digest) -> int:
    """Copy ``src`` to ``dst`` and return the bytes written, or -1 as soon as the source runs
    past ``limit``: the block that would cross it is read but never written, so at most
    ``limit`` bytes reach the disk."""
    written = 0
    while True:
        block = src.read(min(_BLOCK, limit + 1 - written))
        if not block:
            return written
        if written + len(block) > limit:
            return -1
        digest.update(block)
        dst.write(block)
        written += len(block)


def _private_file(path: Path) -> IO[bytes]:
    # Owner-only from the first byte, not chmod-ed afterwards: a copy of the store's files
    # must never be readable by others, even for a moment.
    return os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600), "wb")


def _too_big(label: str, name: str) -> BackupRefused:
    return refusal(label, f"is not as it was made: {name} unpacks to more than its manifest declares, "
                          "so unpacking was stopped")
