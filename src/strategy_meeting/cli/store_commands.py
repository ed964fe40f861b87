# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""``init``, ``audit verify`` and ``audit export``."""

from __future__ import annotations

import argparse
from pathlib import Path

from strategy_meeting.domain.errors import InvalidInput
from strategy_meeting.domain.roles import Role
from strategy_meeting.services import audit, session

from .base import read_passphrase, resolve_data_dir


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("init", parents=[common], help="create the encrypted store and its first user")
    p.add_argument("--role", choices=[r.value for r in Role], default=Role.CHAIR.value)
    p.add_argument("--agency", metavar="CODE", help="the agency of an agency representative")
    p.add_argument("--display-name", default="", metavar="TEXT")
    p.set_defaults(handler=_init, needs_store=False)

    a = sub.add_parser("audit", parents=[common], help="the audit log")
    asub = a.add_subparsers(dest="audit_command", metavar="SUBCOMMAND", required=True)
    v = asub.add_parser("verify", parents=[common], help="check the audit chain; exit 0 only if unbroken")
    v.set_defaults(handler=_audit_verify, needs_store=True)
    x = asub.add_parser("export", parents=[common], help="write the audit log as JSON lines, with the chain's hashes")
    x.add_argument("-o", "--output", metavar="FILE", type=Path, required=True)
    x.set_defaults(handler=_audit_export, needs_store=True)


def _init(args: argparse.Namespace) -> int:
    if not getattr(args, "user", None):
        raise InvalidInput("init needs --user NAME: the first user's name (then the default --user).")
    directory = resolve_data_dir(args)
    passphrase = read_passphrase(args, "New passphrase: ")
    ctx, actor, recovery = session.init_store(
        directory, args.user, passphrase, Role(args.role), args.agency, args.display_name
    )
    ctx.close()
    print(f"Created an encrypted store in {directory} with user '{actor.name}' ({actor.role.label}).")
    print("Recovery key (shown once: write it down and keep it somewhere safe, away from this computer):")
    print(f"  {recovery}")
    return 0


def _audit_export(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    path, count = audit.export_events(ctx, actor, args.output)
    print(f"Wrote {count} audit events to {path} (JSON lines, with each event's hash and the one before).")
    return 0


def _audit_verify(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    report = audit.verify(ctx, actor)
    if report.ok:
        print(f"Audit log intact: {report.events} events, chain unbroken.")
        return 0
    print(report.problem)
    return 1
