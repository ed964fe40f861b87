# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""``distribution ack``, ``distribution handed-over``, ``distribution log`` and
``distribution calendar-text`` (issue 14, item 6): distribution that proves itself.

A copy saved to a folder is "saved for hand delivery" until someone records when and how it
was handed over (or the agency's acknowledgement); only then does it count as out.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime

from strategy_meeting.domain.records import DistributionChannel, DistributionOutcome, DistributionRecord


def _when(text: str) -> date | datetime:
    """``2026-11-21`` or ``2026-11-21T09:30`` (UK time unless an offset is given)."""
    try:
        return date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date: use YYYY-MM-DD, or YYYY-MM-DDTHH:MM for a time too") from None


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    g = sub.add_parser("distribution", parents=[common],
                       help="the distribution log: acknowledgements, hand-overs, the calendar setting")
    gsub = g.add_subparsers(dest="distribution_command", metavar="COMMAND", required=True)

    a = gsub.add_parser("ack", parents=[common], help="record that an agency acknowledged its copy")
    a.add_argument("reference", metavar="REF")
    a.add_argument("agency", metavar="AGENCY")
    a.add_argument("--on", metavar="DATE", type=_when, help="when (YYYY-MM-DD or YYYY-MM-DDTHH:MM; default now)")
    a.add_argument("--how", metavar="TEXT", default="", help="how, e.g. 'reply e-mail from the duty inspector'")
    a.add_argument("--by", metavar="NAME", default="", help="who acknowledged it for the agency")
    a.set_defaults(handler=_ack, needs_store=True)

    h = gsub.add_parser("handed-over", parents=[common],
                        help="record when and how a copy saved for hand delivery was handed over")
    h.add_argument("reference", metavar="REF")
    h.add_argument("agency", metavar="AGENCY")
    h.add_argument("--on", metavar="DATE", type=_when, required=True,
                   help="when (YYYY-MM-DD or YYYY-MM-DDTHH:MM)")
    h.add_argument("--how", metavar="TEXT", required=True,
                   help="how, e.g. 'by hand to DS Patel at the strategy meeting'")
    h.set_defaults(handler=_handed_over, needs_store=True)

    lg = gsub.add_parser("log", parents=[common], help="print the distribution log of a meeting")
    lg.add_argument("reference", metavar="REF")
    lg.set_defaults(handler=_log, needs_store=True)

    c = gsub.add_parser("calendar-text", parents=[common],
                        help="whether calendar files carry the actions' text and owners (administrators)")
    c.add_argument("state", choices=["on", "off", "show"],
                   help="'off' (the default): reference, action number and due date only")
    c.set_defaults(handler=_calendar_text, needs_store=True)


def _ack(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    from strategy_meeting.services.distribution import service

    record, _ = service.record_acknowledgement(ctx, actor, args.reference, args.agency, args.by,
                                               on=args.on, how=args.how)
    print(f"Recorded: {args.agency} acknowledged version {record.version} of {args.reference} "
          f"on {_stamp(record.acknowledged_at)}" + (f" ({record.acknowledged_how})." if record.acknowledged_how else "."))
    return 0


def _handed_over(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    from strategy_meeting.services.distribution import service

    record, _ = service.record_hand_over(ctx, actor, args.reference, args.agency, on=args.on, how=args.how)
    print(f"Recorded: version {record.version} of {args.reference} handed over to {args.agency} "
          f"on {_stamp(record.handed_over_at)} ({record.handed_over_how}).")
    return 0


def _log(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    from strategy_meeting.services.distribution import service

    records = service.distribution_log(ctx, actor, args.reference)
    if not records:
        print(f"Nothing has been distributed for {args.reference} yet.")
        return 0
    for record in records:
        print(log_line(record))
    return 0


def log_line(r: DistributionRecord) -> str:
    """One line per copy and attempt: recipient, version, channel, outcome, when, and the
    hand-over or acknowledgement with how and when."""
    channel = "e-mail" if r.channel is DistributionChannel.EMAIL else "folder"
    if r.outcome is DistributionOutcome.FAILED:
        outcome = f"failed ({r.reason})" if r.reason else "failed"
    elif r.outcome is DistributionOutcome.SAVED:
        outcome = "saved for hand delivery" if r.awaiting_hand_over else "saved"
    else:
        outcome = "sent"
    parts = [f"{r.recipient}", f"v{r.version}", channel, outcome, _stamp(r.at)]
    if r.attempt > 1:
        parts.append(f"attempt {r.attempt}")
    if r.handed_over_at is not None:
        parts.append(f"handed over {_stamp(r.handed_over_at)} ({r.handed_over_how})")
    if r.acknowledged_at is not None:
        who = f" by {r.acknowledged_by}" if r.acknowledged_by else ""
        how = f" ({r.acknowledged_how})" if r.acknowledged_how else ""
        parts.append(f"acknowledged {_stamp(r.acknowledged_at)}{who}{how}")
    return "  ".join(parts)


def _stamp(value: datetime | None) -> str:
    return value.astimezone().strftime("%d/%m/%Y %H:%M") if value is not None else "-"


def _calendar_text(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    from strategy_meeting.services.distribution import mail_settings

    if args.state == "show":
        on = mail_settings.calendar_full_text(ctx)
    else:
        on = args.state == "on"
        mail_settings.set_calendar_full_text(ctx, actor, on)
    if on:
        print("Calendar files carry each action's text and owner (full text is on).")
    else:
        print("Calendar files carry the reference, the action number and the due date only (full text is off).")
    return 0
