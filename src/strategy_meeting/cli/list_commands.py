# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""``list [--search TEXT] [--status S]``: the meetings the acting user may see, one a line.

Each line is ``REFERENCE<TAB>DATE<TAB>STATUS`` (the date held, local, as YYYY-MM-DD, or ``-``;
the status as the interchange format spells it), newest first, so a script can cut it. The
search is the meetings list's own: a reference prefix or a child's name, ignoring case and
accents ("Zoe" finds Zoë). An agency representative's list holds only their agency's meetings.
"""

from __future__ import annotations

import argparse

from strategy_meeting.domain.errors import InvalidInput
from strategy_meeting.domain.listing import MeetingQuery, MeetingStatus
from strategy_meeting.services import meetings

PAGE = 500


def _status(text: str) -> MeetingStatus:
    value = text.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return MeetingStatus(value)
    except ValueError:
        choices = ", ".join(s.value for s in MeetingStatus)
        raise argparse.ArgumentTypeError(f"'{text}' is not a status: use one of {choices}") from None


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("list", parents=[common], help="list the meetings, one a line (reference, date, status)")
    p.add_argument("--search", default="", metavar="TEXT",
                   help="a reference prefix or a child's name (case and accents ignored)")
    p.add_argument("--status", type=_status, action="append", default=[], metavar="S",
                   help="only meetings with this status (draft, in_progress, concluded, signed_off, "
                        "distributed); may be given more than once")
    p.set_defaults(handler=_list, needs_store=True)


def _list(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    if len(args.search) > 200:
        raise InvalidInput("The search text is longer than 200 characters.")
    query = MeetingQuery(text=args.search, statuses=tuple(args.status))
    ids = meetings.search(ctx, actor, query)
    for start in range(0, len(ids), PAGE):
        for row in meetings.summaries(ctx, actor, ids[start:start + PAGE]):
            held = row.held_at.astimezone().date().isoformat() if row.held_at else "-"
            print(f"{row.reference}\t{held}\t{row.status.value}")
    return 0
