# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Global options, the passphrase, and opening the store for a command."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import NoReturn

from strategy_meeting import __version__
from strategy_meeting.domain.errors import InvalidInput, PermissionDenied, UserError
from strategy_meeting.paths import data_dir
from strategy_meeting.services import audit, session, team_server

PASSPHRASE_ENV = "STRATEGY_MEETING_PASSPHRASE"
SERVER_ENV = team_server.SERVER_ENV


class _Parser(argparse.ArgumentParser):
    """argparse prints its usage block before an error; the contract is one line on stderr."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help').\n")


def global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """The same options before or after the command name (``suppress`` keeps a command's
    parser from overwriting what was given before it)."""
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--data-dir", metavar="DIR", default=default,
                        help="data folder (default: $STRATEGY_MEETING_HOME or the platform's user data folder)")
    parser.add_argument("--passphrase-file", metavar="FILE", default=default,
                        help=f"read the passphrase from FILE (or set ${PASSPHRASE_ENV}); for scripts")
    parser.add_argument("--user", metavar="NAME", default=default,
                        help="your user name, whose own passphrase is given (default: the store's "
                             "first account)")
    parser.add_argument("--server", metavar="DSN", default=default,
                        help=f"work on a team server instead of the local store (or set ${SERVER_ENV}): "
                             "postgresql://LOGIN@HOST/DATABASE?sslrootcert=CA.pem; the password is "
                             "--passphrase-file's; TLS with the certificate checked is always used")
    parser.add_argument("--debug", action="store_true",
                        default=argparse.SUPPRESS if suppress else False,
                        help="show library warnings and unexpected errors in full on the terminal "
                             "(or set STRATEGY_MEETING_DEBUG=1); otherwise they go to the log in "
                             "the data folder")


def build_parser(groups: list[ModuleType]) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="strategy-meeting",
        description="Strategy Meeting: with no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"strategy-meeting {__version__}")
    parser.add_argument("--demo-data", action="store_true",
                        help="(desktop app) offer the fictional demonstration meetings on an empty data folder")
    global_options(parser, suppress=False)
    common = _Parser(add_help=False)
    global_options(common, suppress=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in groups:
        group.register(sub, common)
    return parser


def server_address(args: argparse.Namespace) -> str | None:
    """The team server to work on (``--server`` or ``$STRATEGY_MEETING_SERVER``), or None for
    the local store, which stays the default."""
    return team_server.address_from(getattr(args, "server", None))


def resolve_data_dir(args: argparse.Namespace) -> Path:
    return data_dir(getattr(args, "data_dir", None))


def read_passphrase(args: argparse.Namespace, prompt: str = "Passphrase: ") -> str:
    found = given_passphrase(args)
    if found is not None:
        return found
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise InvalidInput(
        f"No passphrase given: use --passphrase-file FILE or set {PASSPHRASE_ENV}."
    )


def given_passphrase(args: argparse.Namespace) -> str | None:
    """The passphrase from ``--passphrase-file`` or the environment, never asked for; None
    when neither gives one (``server init`` then lets libpq find the owner's password)."""
    path = getattr(args, "passphrase_file", None)
    if path:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InvalidInput(f"The passphrase file {path} does not exist.") from None
        except (OSError, UnicodeDecodeError):
            raise InvalidInput(f"The passphrase file {path} cannot be read as text.") from None
        # A trailing newline from `echo` or an editor is not part of the passphrase.
        return text.rstrip("\r\n")
    return os.environ.get(PASSPHRASE_ENV) or None


def dispatch(args: argparse.Namespace) -> int:
    handler = args.handler
    if not getattr(args, "needs_store", True):
        return int(handler(args) or 0)
    directory = resolve_data_dir(args)
    server = server_address(args)
    if server:
        ctx, actor = team_server.open_session(server, read_passphrase(args, "Password: "), directory,
                                              login=getattr(args, "user", None))
    else:
        ctx, actor = session.open_session(directory, read_passphrase(args), getattr(args, "user", None))
    try:
        return int(handler(args, ctx, actor) or 0)
    except PermissionDenied as exc:  # every refused privileged attempt is in the audit log
        audit.record_denied(ctx, actor.name, f"command:{args.command}", {"refusal": str(exc)})
        raise
    finally:
        ctx.close()


def fail(message: str) -> UserError:
    return UserError(message)
