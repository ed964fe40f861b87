# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""``backup [--to DIR]`` and ``restore FILE [--yes] [--recovery-key-file FILE]``.

``restore`` does not open the current store: on a fresh or broken computer there may be no
store to open. It opens the backup instead, with the passphrase from the global options or
the recovery key from a file, and asks before it replaces an existing store.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from strategy_meeting.domain.backup_retention import RetentionPolicy
from strategy_meeting.domain.errors import InvalidInput
from strategy_meeting.services import backup

from .base import read_passphrase, resolve_data_dir


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    b = sub.add_parser("backup", parents=[common],
                       help="write an encrypted, checked backup of the store (chairs and administrators)")
    b.add_argument("--to", metavar="DIR", type=Path,
                   help="folder for this backup (default: the configured folder, else <data-dir>/backups)")
    settings = b.add_argument_group("settings (change them instead of making a backup)")
    settings.add_argument("--show-settings", action="store_true",
                          help="print the backup folder, the keeping rules and when the last backup was made")
    settings.add_argument("--set-folder", metavar="DIR",
                          help="where backups go from now on (a full path, or 'default' for <data-dir>/backups)")
    settings.add_argument("--keep-last", metavar="N", type=int, help="keep the N newest backups (at least 1)")
    settings.add_argument("--keep-daily", metavar="N", type=int, help="and the newest of each of the last N days")
    settings.add_argument("--keep-weekly", metavar="N", type=int, help="and the newest of each of the last N weeks")
    settings.add_argument("--on-exit", choices=["on", "off"],
                          help="back up when the desktop app closes and the last backup is a day old")
    b.set_defaults(handler=_backup, needs_store=True)

    r = sub.add_parser("restore", parents=[common],
                       help="replace the store by a backup; the replaced store is kept aside")
    r.add_argument("file", metavar="FILE", type=Path, help="a .smbk backup file")
    r.add_argument("--yes", action="store_true", help="replace the current store without asking")
    r.add_argument("--recovery-key-file", metavar="FILE", type=Path,
                   help="open the backup with the recovery key in FILE instead of a passphrase")
    r.set_defaults(handler=_restore, needs_store=False)


def _backup(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    changes = {k: getattr(args, k) for k in ("set_folder", "keep_last", "keep_daily", "keep_weekly", "on_exit")}
    if any(v is not None for v in changes.values()) or args.show_settings:
        return _settings(ctx, actor, changes)
    result = backup.create_backup(ctx, actor, args.to)
    print(f"Backup written and checked: {result.path} ({_size(result.size)}).")
    if result.removed:
        print(f"Removed {len(result.removed)} older backup(s) under the keeping rules.")
    return 0


def _settings(ctx, actor, changes: dict) -> int:  # type: ignore[no-untyped-def, type-arg]
    current = backup.get_settings(ctx, actor)
    if any(v is not None for v in changes.values()):
        folder = current.folder
        if changes["set_folder"] is not None:
            folder = None if changes["set_folder"] == "default" else str(Path(changes["set_folder"]).expanduser())
        policy = RetentionPolicy(
            current.policy.keep_last if changes["keep_last"] is None else changes["keep_last"],
            current.policy.keep_daily if changes["keep_daily"] is None else changes["keep_daily"],
            current.policy.keep_weekly if changes["keep_weekly"] is None else changes["keep_weekly"],
        )
        auto = current.auto_on_exit if changes["on_exit"] is None else changes["on_exit"] == "on"
        current, _ = backup.update_settings(ctx, actor, backup.BackupSettings(folder, policy, auto))
        print("Backup settings changed.")
    last = backup.last_backup_time(ctx)
    print(f"Folder:        {current.folder or backup.default_folder(ctx.data_dir)}"
          f"{'' if current.folder else ' (default)'}")
    print(f"Keep:          the {current.policy.keep_last} newest, the newest of each of the last "
          f"{current.policy.keep_daily} days and of the last {current.policy.keep_weekly} weeks")
    print(f"On exit:       {'on' if current.auto_on_exit else 'off'} (when the last backup is a day old)")
    print(f"Last backup:   {f'{last:%Y-%m-%d %H:%M} UTC' if last else 'none in this folder'}")
    return 0


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{max(1, round(n / 1024))} KB"


def _read_recovery_key(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise InvalidInput(f"The recovery key file {path} does not exist.") from None
    except (OSError, UnicodeDecodeError):
        raise InvalidInput(f"The recovery key file {path} cannot be read as text.") from None


def _restore(args: argparse.Namespace) -> int:
    directory = resolve_data_dir(args)
    if args.recovery_key_file:
        secrets = {"recovery_key": _read_recovery_key(args.recovery_key_file)}
    else:
        secrets = {"passphrase": read_passphrase(args, "Passphrase that opens the backup: ")}

    def confirm(info: backup.BackupInfo, replaces: bool) -> bool:
        if not replaces:
            return True
        current = backup.current_store_id(directory)
        other = " It is a backup of a DIFFERENT store." if current and current != info.store_id else ""
        if args.yes:
            if other:  # confirmed in advance, but a script's log should still say what happened
                print(f"Note: the backup is of a different store from the one in {directory}; "
                      "that store is kept aside.", file=sys.stderr)
            return True
        question = (f"Replace the store in {directory} by the backup made "
                    f"{info.created_at:%Y-%m-%d %H:%M} UTC?{other} The current store is kept aside. [y/N] ")
        if sys.stdin is None or not sys.stdin.isatty():
            raise InvalidInput(f"restore would replace the store in {directory}:{other} add --yes to confirm.")
        return input(question).strip().lower() in ("y", "yes")

    result = backup.restore(directory, args.file, user=getattr(args, "user", None), confirm=confirm, **secrets)
    print(f"Restored the backup made {result.backup_created_at:%Y-%m-%d %H:%M} UTC into {directory}.")
    if result.replaced_store_kept_in is not None:
        print(f"The replaced store is kept in {result.replaced_store_kept_in}.")
    return 0
