# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Backups and restore as use cases: who may, where to, how many to keep, and when one is due.

The file format and the safe swap live in ``store.backup``; this module decides policy.
A chair must never lose a record to a dead laptop, so the desktop app calls
``backup_if_due`` on exit, and ``restore`` works on a fresh computer with no store at all.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from strategy_meeting import __version__
from strategy_meeting.domain.backup_retention import RetentionPolicy, backups_to_keep
from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.errors import (
    InvalidInput,
    NotFound,
    PermissionDenied,
    StoreCorrupted,
    UserError,
    WrongPassphrase,
)
from strategy_meeting.domain.roles import Permission, User, allowed

if TYPE_CHECKING:
    from types import ModuleType

    from strategy_meeting.store.backup import StagedBackup

from . import users
from .files import atomic_writer
from .context import ServiceContext
from .users import require


def _files() -> ModuleType:
    """The store's backup files module, loaded on first use with the rest of the store layer."""
    from strategy_meeting.store import backup

    return backup

BACKUP_FOLDER_NAME = "backups"
DUE_AFTER = timedelta(days=1)

# Settings keys (stored encrypted in the store, so they travel with its backups).
FOLDER = "backup.folder"
KEEP_LAST = "backup.keep_last"
KEEP_DAILY = "backup.keep_daily"
KEEP_WEEKLY = "backup.keep_weekly"
AUTO_ON_EXIT = "backup.auto_on_exit"


@dataclass(frozen=True)
class BackupSettings:
    folder: str | None  # None: <data folder>/backups
    policy: RetentionPolicy = field(default_factory=RetentionPolicy)
    auto_on_exit: bool = True


@dataclass(frozen=True)
class BackupResult:
    path: Path
    created_at: datetime
    size: int
    removed: list[Path]


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file says about itself, readable without any key."""

    path: Path
    created_at: datetime
    store_id: str
    app_version: str


@dataclass(frozen=True)
class RestoreResult:
    actor: User
    backup_created_at: datetime
    replaced_store_kept_in: Path | None


# ---- settings ---------------------------------------------------------------------------


def _read_settings(ctx: ServiceContext) -> BackupSettings:
    with ctx.unit_of_work() as uow:
        folder = uow.settings.get(FOLDER)
        defaults = RetentionPolicy()
        policy = RetentionPolicy(
            int(uow.settings.get(KEEP_LAST, defaults.keep_last)),
            int(uow.settings.get(KEEP_DAILY, defaults.keep_daily)),
            int(uow.settings.get(KEEP_WEEKLY, defaults.keep_weekly)),
        )
        auto = bool(uow.settings.get(AUTO_ON_EXIT, True))
    return BackupSettings(str(folder) if folder else None, policy, auto)


def get_settings(ctx: ServiceContext, actor: User) -> BackupSettings:
    require(actor, Permission.BACKUP)
    return _read_settings(ctx)


def update_settings(ctx: ServiceContext, actor: User, new: BackupSettings) -> tuple[BackupSettings, Changes]:
    """Change where backups go and how many are kept. The policy is checked by constructing
    it (RetentionPolicy refuses nonsense), so a bad value never reaches the store."""
    require(actor, Permission.BACKUP)
    if new.folder is not None and not Path(new.folder).expanduser().is_absolute():
        raise InvalidInput("Give the backup folder as a full path, e.g. /media/backup or D:\\Backups.")
    with ctx.unit_of_work() as uow:
        uow.settings.set(FOLDER, new.folder)
        uow.settings.set(KEEP_LAST, new.policy.keep_last)
        uow.settings.set(KEEP_DAILY, new.policy.keep_daily)
        uow.settings.set(KEEP_WEEKLY, new.policy.keep_weekly)
        uow.settings.set(AUTO_ON_EXIT, new.auto_on_exit)
        uow.audit.append(actor.name, "backup.settings", "settings", {
            "custom_folder": new.folder is not None, "keep_last": new.policy.keep_last,
            "keep_daily": new.policy.keep_daily, "keep_weekly": new.policy.keep_weekly,
            "auto_on_exit": new.auto_on_exit,
        })
        uow.commit()
    return new, Changes()


def default_folder(data_dir: Path) -> Path:
    return data_dir / BACKUP_FOLDER_NAME


def backup_folder(ctx: ServiceContext) -> Path:
    configured = _read_settings(ctx).folder
    return Path(configured).expanduser() if configured else default_folder(ctx.data_dir)


# ---- finding backups --------------------------------------------------------------------


def _this_stores_backups(folder: Path, store_id: str) -> dict[Path, datetime]:
    """Backups of this store in ``folder``, by the time in their names. A folder may hold
    another store's backups (two chairs sharing a stick): those are never counted or removed."""
    found: dict[Path, datetime] = {}
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return found
    for entry in entries:
        stamp = _files().backup_time(entry.name)
        if stamp is None or not entry.is_file():
            continue
        try:
            if _files().read_manifest(entry).store_id != store_id:
                continue
        except UserError:
            continue
        found[entry] = stamp
    return found


def last_backup_time(ctx: ServiceContext) -> datetime | None:
    """When the newest backup of this store in the backup folder was made (UTC)."""
    stamps = _this_stores_backups(backup_folder(ctx), ctx.store.store_id).values()
    return max(stamps, default=None)


def is_due(ctx: ServiceContext) -> bool:
    last = last_backup_time(ctx)
    return last is None or ctx.now() - last >= DUE_AFTER


def _unique_path(folder: Path, at: datetime) -> Path:
    for serial in range(1000):
        candidate = folder / _files().backup_file_name(at, serial)
        if not candidate.exists():
            return candidate
    raise UserError(f"Too many backups were made in the same second in {folder}; wait a moment and try again.")


def _apply_retention(folder: Path, store_id: str, policy: RetentionPolicy, newest: Path) -> list[Path]:
    found = _this_stores_backups(folder, store_id)
    # Days and weeks as the user's calendar has them.
    keep_local = backups_to_keep((t.astimezone() for t in found.values()), policy)
    removed = []
    for path, stamp in found.items():
        if path == newest or stamp.astimezone() in keep_local:
            continue
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            continue  # read-only share: keep it, the next run tries again
    return removed


# ---- making a backup --------------------------------------------------------------------


def create_backup(ctx: ServiceContext, actor: User, to: Path | None = None) -> BackupResult:
    """Write an encrypted backup, read it back and check it, then prune old ones.

    ``to`` is a one-off folder (the CLI's ``--to``); else the configured folder, else
    ``<data folder>/backups``. Nothing is pruned unless the new backup checked out."""
    require(actor, Permission.BACKUP)
    settings = _read_settings(ctx)
    folder = Path(to).expanduser() if to else backup_folder(ctx)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise UserError(f"The backup folder {folder} cannot be made ({exc.strerror or exc}); no backup was written.") from None
    if not os.access(folder, os.W_OK):
        raise UserError(f"Strategy Meeting may not write in {folder}; no backup was written. Choose another folder.")
    at = ctx.now()
    target = _unique_path(folder, at)
    with atomic_writer(target) as handle:
        written = _files().write_backup(ctx.store, handle, at, __version__)
        handle.flush()
        os.fsync(handle.fileno())
        _files().verify_backup(ctx.store, Path(handle.name), written)
    size = target.stat().st_size
    removed = _apply_retention(folder, ctx.store.store_id, settings.policy, target)
    with ctx.unit_of_work() as uow:
        uow.audit.append(actor.name, "backup.create", "store", {
            "file": target.name, "bytes": size, "removed": len(removed),
            "folder": "chosen" if to else ("configured" if settings.folder else "default"),
        })
        uow.commit()
    return BackupResult(target, at, size, removed)


def backup_if_due(ctx: ServiceContext, actor: User) -> BackupResult | None:
    """The desktop app calls this on exit: a backup when the newest is a day old or there is
    none, if automatic backups are on and the user may make backups. Returns None when
    nothing was needed. Errors are the caller's to show: a failed exit backup must be seen."""
    if not actor.active or not allowed(actor.role, Permission.BACKUP):
        return None
    if ctx.is_server:
        return None  # the team server is backed up on the server (pg_dump, PITR), not from here
    if not _read_settings(ctx).auto_on_exit or not is_due(ctx):
        return None
    return create_backup(ctx, actor)


# ---- restoring --------------------------------------------------------------------------


def describe_backup(path: Path) -> BackupInfo:
    """Read what a backup says about itself (no key needed), for a confirmation question."""
    path = Path(path)
    if not path.is_file():
        raise NotFound(f"There is no backup file {path}.")
    manifest = _files().read_manifest(path)
    return BackupInfo(path, manifest.created_at, manifest.store_id, manifest.app_version)


def current_store_id(data_dir: Path) -> str | None:
    """The id of the store now in ``data_dir`` (from its key file), or None."""
    return _files().current_store_id(data_dir)


Confirm = Callable[[BackupInfo, bool], bool]


def restore(
    data_dir: Path,
    backup_file: Path,
    *,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    user: str | None = None,
    confirm: Confirm | None = None,
    clock: Callable[[], datetime] | None = None,
) -> RestoreResult:
    """Replace the store in ``data_dir`` by a backup, after proving the backup.

    The backup is unpacked beside the store and proved there (``store.backup.stage``): its key
    file opens with ``user``'s own ``passphrase`` (the first account's when no name is given) or
    with ``recovery_key`` (then ``user`` is required), its manifest's seal holds under that
    key, every member has its sealed size and checksum, and its audit chain ends at the head
    it recorded; anything else is refused with the store in use untouched. The acting user must
    be a chair or an administrator in the backup, and the backup must pass both integrity
    checks. Then ``confirm(info, replaces_a_store)`` is asked, with what the sealed manifest
    says (so its store id, which decides the "different store" note, is the proved one); only
    after a yes is the current store moved aside (kept, never deleted) and the backup moved in.
    The restore is recorded in the restored store's audit log. Any store session on
    ``data_dir`` must be closed first.
    """
    if not passphrase and not recovery_key:
        raise InvalidInput("To restore, give the passphrase or the recovery key that opens the backup.")
    path = describe_backup(Path(backup_file)).path
    staged = _stage(data_dir, path, passphrase, recovery_key, None if recovery_key else user)
    try:
        proved = staged.manifest
        info = BackupInfo(path, proved.created_at, proved.store_id, proved.app_version)
        store = staged.open()
        ctx = ServiceContext(store, clock) if clock else ServiceContext(store)
        try:
            actor = _restoring_user(ctx, store_user=staged.owner, requested=user)
            problems = store.integrity_problems()
            if problems:
                raise StoreCorrupted(f"{info.path.name} is damaged ({problems[0]}); nothing was changed. Use another backup.")
            replaces = _files().has_store_files(data_dir)
            if confirm is not None and not confirm(info, replaces):
                raise UserError("Restore cancelled; nothing was changed.")
            aside_name = _files().aside_folder_name(ctx.now())
            with ctx.unit_of_work() as uow:
                uow.audit.append(actor.name, "store.restore", "store", {
                    "backup": info.path.name,
                    "backup_created_at": info.created_at.isoformat(),
                    "replaced_store_kept_in": aside_name if replaces else None,
                })
                uow.commit()
        finally:
            ctx.close()
        aside = _files().swap_in(data_dir, staged.folder, aside_name)
    finally:
        staged.discard()
    return RestoreResult(actor, info.created_at, aside)


def _stage(data_dir: Path, path: Path, passphrase: str | None, recovery_key: str | None,
           user: str | None) -> StagedBackup:
    """Unpack and prove the backup; a wrong secret is named for what it failed to open."""
    try:
        return _files().stage(data_dir, path, passphrase=passphrase, recovery_key=recovery_key,
                              user=user)
    except WrongPassphrase:
        what = "recovery key" if recovery_key else "passphrase"
        raise WrongPassphrase(
            f"That {what} does not open {path.name}; nothing was changed. A backup opens with "
            "the passphrases in use when it was made, or with the store's recovery key."
        ) from None


def _restoring_user(ctx: ServiceContext, store_user: str | None, requested: str | None) -> User:
    name = requested or store_user
    if not name:
        raise InvalidInput("With the recovery key, name the user who restores (--user NAME, a chair or an administrator).")
    try:
        actor = users.resolve(ctx, name)
    except NotFound:
        raise NotFound(f"There is no user called '{name}' in the backup; nothing was changed.") from None
    if not allowed(actor.role, Permission.BACKUP):
        raise PermissionDenied(
            f"A {actor.role.label.lower()} may not restore backups; nothing was changed. Ask a chair or an administrator."
        )
    # The same rule as unlocking: a passphrase acts for its owner and nobody else (the slot was
    # found by the requested name, so a mismatch means a slot from before names).
    if store_user and name != store_user:
        raise PermissionDenied(
            f"This passphrase is not {name}'s; nothing was changed. Use {name}'s own passphrase.")
    return actor
