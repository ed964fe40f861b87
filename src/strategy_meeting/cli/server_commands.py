# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""``server init`` and ``server add-user``: set up a team server (issue 17), as the database's
owner. Every other command works on a server with the global ``--server DSN``."""

from __future__ import annotations

import argparse

from strategy_meeting.domain.roles import Role
from strategy_meeting.services import team_server

from .base import given_passphrase
from .user_commands import _new_passphrase

DSN_HELP = ("the database owner's address: postgresql://OWNER@HOST:PORT/DATABASE?sslrootcert=CA.pem "
            "(TLS with sslmode=verify-full is always used; the owner's password is --passphrase-file's, "
            "else libpq's own ~/.pgpass)")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    s = sub.add_parser("server", parents=[common], help="set up a team server on PostgreSQL (administrators)")
    ssub = s.add_subparsers(dest="server_command", metavar="SUBCOMMAND", required=True)
    init = ssub.add_parser("init", parents=[common],
                           help="create the schema, roles and row-level security policies on an empty database")
    init.add_argument("--dsn", required=True, metavar="OWNER_DSN", help=DSN_HELP)
    init.set_defaults(handler=_init, needs_store=False)
    add = ssub.add_parser("add-user", parents=[common],
                          help="create a person's login (SCRAM-SHA-256) with their role and agency")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", choices=[r.value for r in Role], required=True)
    add.add_argument("--agency", metavar="CODE", help="an agency representative's agency")
    add.add_argument("--display-name", default="", metavar="TEXT")
    add.add_argument("--new-passphrase-file", metavar="FILE", help="the new login's password")
    add.add_argument("--dsn", required=True, metavar="OWNER_DSN", help=DSN_HELP)
    add.set_defaults(handler=_add_user, needs_store=False)


def _init(args: argparse.Namespace) -> int:
    database = team_server.init_server(args.dsn, given_passphrase(args))
    print(f"Set up the team server's database {database}: schema, roles and row-level security. "
          "Add each person's login with 'strategy-meeting server add-user'.")
    return 0


def _add_user(args: argparse.Namespace) -> int:
    user = team_server.add_user(args.dsn, given_passphrase(args), args.name, Role(args.role), args.agency,
                                _new_passphrase(args), args.display_name)
    where = f" for {user.agency}" if user.agency else ""
    print(f"Added the login '{user.name}' ({user.role.label}{where}); they connect with their own password "
          "and the server's CA certificate.")
    return 0
