# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""``show``, ``sharing set`` and ``sharing log`` (issue 14): who receives each item, in the one
wording of ``domain.sharing.seen_by``; an item's terms set by its id; the sharing-decision log.

Nothing here prints an item's text (it would stay in the terminal's scrollback): items are
named by id, kind, agency and topic.
"""

from __future__ import annotations

import argparse

from strategy_meeting.domain.contribution import TOPIC_LABELS
from strategy_meeting.domain.decision import DECISION_KIND_LABELS
from strategy_meeting.domain.errors import InvalidInput
from strategy_meeting.domain.lawful_basis import CONDITIONS, LawfulBasis, Regime
from strategy_meeting.domain.sharing import describe_log_change, seen_by
from strategy_meeting.domain.sharing_terms import (
    CATEGORY_LABELS,
    AudienceScope,
    RestrictionCategory,
    SharingTerms,
)
from strategy_meeting.services import meetings, sharing, sharing_log


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    show = sub.add_parser("show", parents=[common],
                          help="each item of a meeting by id, with who receives it ('Seen by: ...')")
    show.add_argument("reference")
    show.set_defaults(handler=_show, needs_store=True)

    group = sub.add_parser("sharing", parents=[common], help="an item's sharing terms, and the sharing log")
    gsub = group.add_subparsers(dest="sharing_command", required=True, metavar="{set,log}")
    s = gsub.add_parser("set", parents=[common], help="set the sharing terms of one item (by its id)")
    s.add_argument("reference")
    s.add_argument("item_id", metavar="ITEM_ID", help="as 'show' lists it: k1, d1, a1, addendum-1")
    s.add_argument("--audience", required=True, metavar="all|CODE,CODE|chair",
                   help="every agency, the named agencies, or the chair's record (and the agency that gave it)")
    s.add_argument("--family", action=argparse.BooleanOptionalAction, default=False,
                   help="whether the family may be told (default: no)")
    s.add_argument("--category", action="append", default=[], metavar="C",
                   choices=[c.value for c in RestrictionCategory],
                   help="a restriction category; may be given more than once: "
                        + ", ".join(c.value for c in RestrictionCategory))
    s.add_argument("--caveat", default="", metavar="T", help="a handling caveat printed beside the item")
    s.add_argument("--lawful-basis-regime", choices=[r.value for r in Regime], metavar="R",
                   help="uk_gdpr, dpa2018_part3 or unspecified")
    s.add_argument("--lawful-basis-condition", type=int, metavar="N",
                   help="the number of a condition of the regime (1, 2, ...; 0 or none for other)")
    s.add_argument("--lawful-basis-note", default="", metavar="T", help="the basis in words")
    s.add_argument("--police-agreement", default="", metavar="T",
                   help="who agreed, for the police, to release a police-sensitive item, and when")
    s.add_argument("--reason", default="", metavar="T",
                   help="why: required when the change lets someone see the item who could not")
    s.set_defaults(handler=_set, needs_store=True)
    log = gsub.add_parser("log", parents=[common], help="the meeting's sharing-decision log, one line per entry")
    log.add_argument("reference")
    log.set_defaults(handler=_log, needs_store=True)


def _audience(text: str) -> tuple[AudienceScope, frozenset[str]]:
    value = text.strip()
    if value.lower() == "all":
        return AudienceScope.ALL, frozenset()
    if value.lower() == "chair":
        return AudienceScope.CHAIR, frozenset()
    codes = frozenset(c.strip().upper() for c in value.split(",") if c.strip())
    if not codes:
        raise InvalidInput("--audience needs 'all', 'chair' or agency codes separated by commas.")
    return AudienceScope.AGENCIES, codes


def _basis(args: argparse.Namespace) -> LawfulBasis | None:
    if args.lawful_basis_regime is None:
        if args.lawful_basis_condition or args.lawful_basis_note:
            raise InvalidInput("Give --lawful-basis-regime with the condition or note.")
        return None
    regime = Regime(args.lawful_basis_regime)
    conditions = CONDITIONS[regime]
    n = args.lawful_basis_condition or 0
    if not 0 <= n <= len(conditions):
        raise InvalidInput(f"--lawful-basis-condition for {regime.value} is 1 to {len(conditions)} (0 for other): "
                           + "; ".join(f"{i}. {c}" for i, c in enumerate(conditions, start=1)))
    return LawfulBasis(regime, conditions[n - 1] if n else "", args.lawful_basis_note.strip())


def _set(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    scope, codes = _audience(args.audience)
    terms = SharingTerms(scope, codes, args.family,
                         categories=frozenset(RestrictionCategory(c) for c in args.category),
                         caveat=args.caveat.strip(), lawful_basis=_basis(args),
                         police_agreement=args.police_agreement.strip())
    meeting, _ = sharing.set_terms(ctx, actor, args.reference, args.item_id, terms, sharing_reason=args.reason)
    kind, item = sharing.find_item(meeting, args.item_id)
    owner = getattr(item, "owner_agency", None) if kind is not None else None
    print(f"{args.item_id}: {seen_by(owner, item.sharing, meeting.agency_codes)}")
    return 0


def _show(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    m = meetings.get(ctx, actor, args.reference)
    codes = m.agency_codes

    def line(item_id: str, what: str, owner: str | None, terms: SharingTerms) -> str:
        extra = ""
        if terms.categories:
            extra += " [" + "; ".join(CATEGORY_LABELS[c] for c in RestrictionCategory if c in terms.categories) + "]"
        if terms.caveat:
            extra += " (caveat)"
        return f"{item_id}\t{what}\t{seen_by(owner, terms, codes)}{extra}"

    print(f"{m.reference}\t{m.status.value}")
    for c in m.contributions:
        print(line(c.id, f"contribution from {c.agency}, {TOPIC_LABELS[c.topic]}", c.agency, c.sharing))
    for d in m.decisions:
        print(line(d.id, f"decision, {DECISION_KIND_LABELS[d.kind]}", None, d.sharing))
    for a in m.actions:
        print(line(a.id, f"action of {a.owner_agency}", a.owner_agency, a.sharing))
    for ad in m.addenda:
        print(line(sharing_log.addendum_id(ad.number), f"addendum {ad.number}", None, ad.sharing))
    return 0


def _log(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    meetings.get(ctx, actor, args.reference)  # refuses a reference that is not there, or not theirs
    for e in sharing_log.entries(ctx, args.reference, actor=actor):
        reason = f"\t{e.reason}" if e.reason else ""
        print(f"{e.at.isoformat(timespec='seconds')}\t{e.by}\t{e.item_kind.value} {e.item_id}\t"
              f"{describe_log_change(e)}{reason}")
    return 0
