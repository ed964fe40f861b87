# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""``import``, ``export`` and ``demo``: thin calls into ``services.exchange``.

The service is imported inside each handler: registering the commands happens on every start
(the GUI too), and the JSON-schema machinery behind it costs a fifth of a second to import.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from strategy_meeting.domain.roles import User
    from strategy_meeting.services.context import ServiceContext


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("import", parents=[common], help="import a meeting from an interchange file; prints its reference")
    p.add_argument("file", metavar="FILE.json")
    p.set_defaults(handler=_import, needs_store=True)

    e = sub.add_parser("export", parents=[common], help="write a meeting's full record in the interchange format")
    e.add_argument("reference", metavar="REF")
    e.add_argument("-o", "--output", metavar="FILE.json", required=True)
    e.set_defaults(handler=_export, needs_store=True)

    d = sub.add_parser("demo", parents=[common], help="fill the store with fictional demonstration meetings")
    d.set_defaults(handler=_demo, needs_store=True)


def _import(args: argparse.Namespace, ctx: ServiceContext, actor: User) -> int:
    from strategy_meeting.services import exchange

    meeting = exchange.import_meeting(ctx, actor, args.file)
    print(meeting.reference)  # alone on stdout, so a script can capture it
    return 0


def _export(args: argparse.Namespace, ctx: ServiceContext, actor: User) -> int:
    from strategy_meeting.services import exchange

    path = exchange.export_meeting(ctx, actor, args.reference, args.output)
    print(f"Wrote {args.reference} to {path}")
    return 0


def _demo(args: argparse.Namespace, ctx: ServiceContext, actor: User) -> int:
    from strategy_meeting.services import demo

    added = demo.load_demo(ctx, actor)
    if added:
        print(f"Added {len(added)} fictional demonstration meetings: {', '.join(m.reference for m in added)}.")
    else:
        print("The fictional demonstration meetings are already in the store; nothing was added.")
    return 0
