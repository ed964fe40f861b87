# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Records governance (issue 16): ``retention``, ``hold``, ``erase``, ``restriction`` and ``sar``.

Who may run what is the services' decision (domain/roles.py); a refused command is audited by
the dispatch like any other.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from strategy_meeting.domain.errors import InvalidInput
from strategy_meeting.domain.retention import CountedFrom
from strategy_meeting.domain.subject_access import AmbiguousPerson, ExemptionGround
from strategy_meeting.services.governance import erasure, holds, restriction, retention
from strategy_meeting.services.governance import subject_access as sar


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date: use YYYY-MM-DD") from None


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    r = sub.add_parser("retention", parents=[common], help="retention classes and records past their date")
    rsub = r.add_subparsers(dest="retention_command", metavar="SUBCOMMAND", required=True)
    p = rsub.add_parser("due", parents=[common], help="records past their retention date, oldest first")
    p.set_defaults(handler=_due, needs_store=True)
    p = rsub.add_parser("classes", parents=[common], help="list the retention classes")
    p.set_defaults(handler=_classes, needs_store=True)
    p = rsub.add_parser("class", parents=[common], help="add or change a retention class (administrators)")
    p.add_argument("name")
    length = p.add_mutually_exclusive_group(required=True)
    length.add_argument("--years", type=int, metavar="N")
    length.add_argument("--months", type=int, metavar="N")
    p.add_argument("--from", dest="counted_from", required=True, choices=[c.value for c in CountedFrom],
                   help="what the period counts from")
    p.add_argument("--default", action="store_true", help="the class new meetings get")
    p.set_defaults(handler=_define_class, needs_store=True)
    p = rsub.add_parser("assign", parents=[common], help="give a meeting a retention class")
    p.add_argument("reference")
    p.add_argument("class_name", metavar="CLASS")
    p.set_defaults(handler=_assign, needs_store=True)
    p = rsub.add_parser("case-closed", parents=[common], help="record the date a meeting's case closed")
    p.add_argument("reference")
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument("--on", type=_date, metavar="YYYY-MM-DD")
    when.add_argument("--reopened", action="store_true", help="the case is open again")
    p.set_defaults(handler=_case_closed, needs_store=True)
    p = rsub.add_parser("status", parents=[common], help="one meeting's class, date and holds")
    p.add_argument("reference")
    p.set_defaults(handler=_status, needs_store=True)
    p = rsub.add_parser("erased", parents=[common], help="the tombstones of erased meetings")
    p.set_defaults(handler=_erased, needs_store=True)

    h = sub.add_parser("hold", parents=[common], help="legal holds: a held record cannot be erased")
    hsub = h.add_subparsers(dest="hold_command", metavar="SUBCOMMAND", required=True)
    p = hsub.add_parser("place", parents=[common], help="hold a meeting (REF) or every meeting of a child (--child)")
    p.add_argument("reference", nargs="?", metavar="REF")
    p.add_argument("--child", metavar="NAME", help="a subject child's name (accents and case ignored)")
    p.add_argument("--born", type=_date, metavar="YYYY-MM-DD", help="the child's date of birth, if names clash")
    p.add_argument("--reason", required=True, metavar="TEXT")
    p.set_defaults(handler=_hold_place, needs_store=True)
    p = hsub.add_parser("lift", parents=[common], help="lift the hold on a meeting (REF) or a hold by number (--id)")
    p.add_argument("reference", nargs="?", metavar="REF")
    p.add_argument("--id", type=int, metavar="N")
    p.add_argument("--reason", required=True, metavar="TEXT")
    p.set_defaults(handler=_hold_lift, needs_store=True)
    p = hsub.add_parser("list", parents=[common], help="holds in force (--all: lifted ones too)")
    p.add_argument("--all", action="store_true")
    p.set_defaults(handler=_hold_list, needs_store=True)

    e = sub.add_parser("erase", parents=[common], help="erase a meeting, leaving its tombstone (administrators)")
    e.add_argument("reference", metavar="REF")
    e.add_argument("--reason", required=True, metavar="TEXT")
    e.add_argument("--lawful-request", action="store_true",
                   help="erase before the retention date, on a lawful request (UK GDPR Article 17)")
    e.add_argument("--yes", action="store_true", help="erase without asking")
    e.set_defaults(handler=_erase, needs_store=True)

    x = sub.add_parser("restriction", parents=[common], help="restrict processing of a meeting (Article 18)")
    xsub = x.add_subparsers(dest="restriction_command", metavar="SUBCOMMAND", required=True)
    for name, helptext in (("place", "restrict the meeting"), ("lift", "lift the restriction")):
        p = xsub.add_parser(name, parents=[common], help=helptext)
        p.add_argument("reference", metavar="REF")
        p.add_argument("--reason", required=True, metavar="TEXT")
        p.set_defaults(handler=_restriction, needs_store=True, restrict=name == "place")

    s = sub.add_parser("sar", parents=[common], help="subject access requests (information governance)")
    ssub = s.add_subparsers(dest="sar_command", metavar="SUBCOMMAND", required=True)
    p = ssub.add_parser("export", parents=[common], help="write the PDF and JSON for one person")
    p.add_argument("--person", required=True, metavar="TEXT", help="the person's name (accents and case ignored)")
    p.add_argument("-o", "--out", required=True, type=Path, metavar="DIR")
    p.add_argument("--received", type=_date, metavar="YYYY-MM-DD", help="when the request arrived (default today)")
    p.set_defaults(handler=_sar_export, needs_store=True)
    p = ssub.add_parser("open", parents=[common], help="record a request")
    p.add_argument("--person", required=True, metavar="TEXT")
    p.add_argument("--received", type=_date, metavar="YYYY-MM-DD")
    p.set_defaults(handler=_sar_open, needs_store=True)
    p = ssub.add_parser("list", parents=[common], help="open requests and their due dates")
    p.add_argument("--all", action="store_true", help="closed ones too")
    p.set_defaults(handler=_sar_list, needs_store=True)
    p = ssub.add_parser("items", parents=[common], help="the keys of every item about the request's person")
    p.add_argument("request_id", type=int, metavar="ID")
    p.set_defaults(handler=_sar_items, needs_store=True)
    p = ssub.add_parser("exempt", parents=[common], help="withhold an item on a ground, with a reason")
    p.add_argument("request_id", type=int, metavar="ID")
    p.add_argument("item_key", metavar="ITEM")
    p.add_argument("--ground", required=True, choices=[g.value for g in ExemptionGround])
    p.add_argument("--reason", required=True, metavar="TEXT")
    p.set_defaults(handler=_sar_exempt, needs_store=True)
    p = ssub.add_parser("extend", parents=[common], help="extend by two months, with a reason")
    p.add_argument("request_id", type=int, metavar="ID")
    p.add_argument("--reason", required=True, metavar="TEXT")
    p.set_defaults(handler=_sar_extend, needs_store=True)
    p = ssub.add_parser("close", parents=[common], help="the request is answered")
    p.add_argument("request_id", type=int, metavar="ID")
    p.set_defaults(handler=_sar_close, needs_store=True)


# ---- retention ---------------------------------------------------------------------------


def _due(args, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    found = retention.records_due(ctx, actor)
    back = erasure.restored_after_erasure(ctx, actor)
    for r in back:
        print(f"{r.reference}  ERASED on {r.erased_on}, back from an older backup: erase it again")
    if not found:
        if not back:
            print("No record is past its retention date.")
        return 0
    for s in found:
        held = f"  HELD: {'; '.join(s.holds)}" if s.held else ""
        print(f"{s.reference}  due {s.retain_until}  {s.class_name}{held}")
    return 0


def _classes(args, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    for c in retention.list_classes(ctx, actor):
        print(f"{c.name}: {c.period_label} from {c.counted_from.label}{' (default)' if c.is_default else ''}")
    return 0


def _define_class(args, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    months = args.months if args.months is not None else args.years * 12
    c = retention.define_class(ctx, actor, args.name, months, CountedFrom(args.counted_from), args.default)
    print(f"Retention class '{c.name}': {c.period_label} from {c.counted_from.label}"
          f"{' (default for new meetings)' if c.is_default else ''}.")
    return 0


def _assign(args, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    retention.assign_class(ctx, actor, args.reference, args.class_name)
    s = retention.status_of(ctx, actor, args.reference)
    print(f"{s.reference} is kept under '{s.class_name}' until {s.retain_until or 'a date not yet known'}.")
    return 0


def _case_closed(args, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    retention.record_case_closure(ctx, actor, args.reference, None if args.reopened else args.on)
    print(f"{args.reference}: case {'reopened' if args.reopened else f'closed on {args.on}'}.")
    return 0


def _status(args, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    s = retention.status_of(ctx, actor, args.reference)
    print(f"{s.reference}: '{s.class_name}', kept until {s.retain_until or 'a date not yet known'}"
          f"{' (past its date)' if s.is_due(ctx.today()) else ''}.")
    for line in s.holds:
        print(f"  HELD: {line}")
    return 0


def _erased(args, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    for t in erasure.tombstones(ctx, actor):
        print(f"{t.reference}  erased {t.erased_at.date()} by {t.erased_by} ({t.ground.label})  "
              f"content sha256 {t.content_hash}  backups made before: {len(t.backups_before)}")
    return 0


# ---- holds, erasure, restriction --------------------------------------------------------


def _hold_place(args, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    if (args.reference is None) == (args.child is None):
        raise InvalidInput("Name either a meeting (REF) or a child (--child NAME) to hold.")
    if args.child is not None:
        hold = holds.place_on_child(ctx, actor, args.child, args.reason, args.born)
        print(f"Legal hold {hold.id} placed on every meeting of a subject child.")
    else:
        hold = holds.place_on_meeting(ctx, actor, args.reference, args.reason)
        print(f"Legal hold {hold.id} placed on {args.reference}.")
    return 0


def _hold_lift(args, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    if (args.reference is None) == (args.id is None):
        raise InvalidInput("Name either a meeting (REF) or a hold (--id N) to lift.")
    lifted = holds.lift(ctx, actor, args.reason, reference=args.reference, hold_id=args.id)
    print(f"Lifted legal hold{'s' if len(lifted) > 1 else ''} {', '.join(str(h.id) for h in lifted)}.")
    return 0


def _hold_list(args, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    found = holds.list_holds(ctx, actor, include_lifted=args.all)
    if not found:
        print("No legal hold is in force.")
    for h in found:
        state = f"lifted {h.lifted_at.date()} by {h.lifted_by}" if h.lifted_at else "in force"
        print(f"{h.id}  {h.target.value} {h.label}  placed {h.placed_at.date()} by {h.placed_by}  {state}")
    return 0


def _erase(args, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    if not args.yes:
        if sys.stdin is None or not sys.stdin.isatty():
            raise InvalidInput(f"Nothing was erased: run again with --yes to erase {args.reference} without asking.")
        answer = input(f"Erase {args.reference}? Its content cannot be brought back (only from older backups). [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing was erased.")
            return 1
    t = erasure.erase(ctx, actor, args.reference, args.reason, lawful_request=args.lawful_request)
    print(f"Erased {t.reference} ({t.ground.label}); its tombstone keeps content sha256 {t.content_hash}.")
    if t.backups_before:
        print(f"{len(t.backups_before)} backup(s) made before this still hold it until backup retention removes them:")
        for name in t.backups_before:
            print(f"  {name}")
    return 0


def _restriction(args, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    if args.restrict:
        restriction.restrict(ctx, actor, args.reference, args.reason)
        print(f"{args.reference} is restricted: only a chair or information governance may open it, and it goes "
              "into no new copy or export until the restriction is lifted.")
    else:
        restriction.lift(ctx, actor, args.reference, args.reason)
        print(f"{args.reference} is no longer restricted.")
    return 0


# ---- subject access ---------------------------------------------------------------------


def _with_candidates(call):  # type: ignore[no-untyped-def]
    try:
        return call()
    except AmbiguousPerson as exc:
        print(f"strategy-meeting: error: {exc}", file=sys.stderr)
        for candidate in exc.candidates:
            print(f"  {candidate}", file=sys.stderr)
        return None


def _sar_export(args, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    result = _with_candidates(lambda: sar.export(ctx, actor, args.person, args.out, args.received))
    if result is None:
        return AmbiguousPerson.exit_code
    print(f"Request {result.request.id} (due {result.request.due_on}): {result.disclosed} item(s) disclosed, "
          f"{result.withheld} withheld, {result.redacted} with third parties redacted.")
    print(f"  {result.pdf_path}\n  {result.json_path}")
    if result.not_included_restricted:
        print(f"Not included while restricted (Article 18): {', '.join(result.not_included_restricted)}.")
    return 0


def _sar_open(args, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    request = _with_candidates(lambda: sar.open_request(ctx, actor, args.person, args.received))
    if request is None:
        return AmbiguousPerson.exit_code
    print(f"Request {request.id} received {request.received_on}, due {request.due_on}.")
    return 0


def _sar_list(args, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    today = ctx.today()
    found = sar.list_requests(ctx, actor, open_only=not args.all)
    if not found:
        print("No subject access request is open.")
    for r in found:
        state = "closed" if r.closed_at else ("OVERDUE" if r.is_overdue(today) else "open")
        print(f"{r.id}  received {r.received_on}  due {r.due_on}{' (extended)' if r.extended else ''}  {state}")
    return 0


def _sar_items(args, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    for item in sar.items_about(ctx, actor, args.request_id):
        print(item.key)
    return 0


def _sar_exempt(args, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    e = sar.mark_exemption(ctx, actor, args.request_id, args.item_key, ExemptionGround(args.ground), args.reason)
    print(f"{e.item_key} will be withheld ({e.ground.label}).")
    return 0


def _sar_extend(args, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    r = sar.extend(ctx, actor, args.request_id, args.reason)
    print(f"Request {r.id} is now due {r.due_on}.")
    return 0


def _sar_close(args, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    sar.close(ctx, actor, args.request_id)
    print(f"Request {args.request_id} closed.")
    return 0
