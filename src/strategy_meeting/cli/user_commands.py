# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""``user add`` and ``user list``: accounts from a script.

Without these a store made from the command line had one user and one role, so a step that
needs another role (an administrator distributes what a chair signed) could not be reached
without the desktop app. Each new user gets a passphrase of their own; the administrator who
adds them never acts in their name.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from strategy_meeting.domain.errors import InvalidInput
from strategy_meeting.domain.roles import Role
from strategy_meeting.services import users

NEW_PASSPHRASE_ENV = "STRATEGY_MEETING_NEW_PASSPHRASE"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    u = sub.add_parser("user", parents=[common], help="user accounts")
    usub = u.add_subparsers(dest="user_command", metavar="SUBCOMMAND", required=True)
    add = usub.add_parser(
        "add", parents=[common], help="add a user with a passphrase of their own",
        description="Administrators add users. While a store has no administrator (its first "
                    "user was a chair), a chair may add one.",
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", choices=[r.value for r in Role], required=True)
    add.add_argument("--agency", metavar="CODE", help="the agency of an agency representative")
    add.add_argument("--display-name", default="", metavar="TEXT")
    add.add_argument("--new-passphrase-file", metavar="FILE",
                     help=f"the new user's passphrase (or set ${NEW_PASSPHRASE_ENV}); for scripts")
    add.set_defaults(handler=_add, needs_store=True)
    ls = usub.add_parser("list", parents=[common], help="list the users and their roles")
    ls.set_defaults(handler=_list, needs_store=True)


def _new_passphrase(args: argparse.Namespace) -> str:
    if args.new_passphrase_file:
        try:
            return Path(args.new_passphrase_file).read_text(encoding="utf-8").rstrip("\r\n")
        except FileNotFoundError:
            raise InvalidInput(f"The passphrase file {args.new_passphrase_file} does not exist.") from None
        except (OSError, UnicodeDecodeError):
            raise InvalidInput(f"The passphrase file {args.new_passphrase_file} cannot be read as text.") from None
    if os.environ.get(NEW_PASSPHRASE_ENV):
        return os.environ[NEW_PASSPHRASE_ENV]
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(f"Passphrase for {args.name}: ")
        if getpass.getpass("The same again: ") != first:
            raise InvalidInput("The two passphrases differ; nothing was changed.")
        return first
    raise InvalidInput(
        f"No passphrase for the new user: use --new-passphrase-file FILE or set {NEW_PASSPHRASE_ENV}."
    )


def _add(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    user, _ = users.add_user(ctx, actor, args.name, Role(args.role), _new_passphrase(args),
                             agency=args.agency, display_name=args.display_name)
    where = f" for {user.agency}" if user.agency else ""
    print(f"Added user '{user.name}' ({user.role.label}{where}), who unlocks with their own passphrase.")
    return 0


def _list(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    for user in users.list_users(ctx, actor):
        state = "" if user.active else ", disabled"
        where = f", {user.agency}" if user.agency else ""
        print(f"{user.name}: {user.role.label}{where}{state}")
    return 0
