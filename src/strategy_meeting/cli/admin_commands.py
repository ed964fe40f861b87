# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""``agency set`` (and ``agency list``) and ``passphrase reset``: what an administrator meets at
the command line (issue 15). Each calls one service; the rules are there."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from strategy_meeting.domain.agency import Agency, AgencyKind
from strategy_meeting.domain.errors import InvalidInput
from strategy_meeting.services import agencies, passphrase, session, signoff
from strategy_meeting.services.distribution import certificates

from .base import read_passphrase, resolve_data_dir

MAX_KEY_FILE = 4096


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    ag = sub.add_parser("agency", parents=[common], help="the directory of agencies (administrators)")
    agsub = ag.add_subparsers(dest="agency_command", metavar="SUBCOMMAND", required=True)
    s = agsub.add_parser("set", parents=[common], help="add an agency or set its name, kind, e-mail or certificate")
    s.add_argument("code", metavar="CODE")
    s.add_argument("--name", metavar="TEXT", help="its name (needed when the agency is new)")
    s.add_argument("--kind", choices=[k.value for k in AgencyKind])
    s.add_argument("--email", metavar="ADDRESS", help="where its signed copies are sent ('' to clear)")
    s.add_argument("--certificate", metavar="FILE", type=Path,
                   help="its encryption certificate (PEM or DER), checked before it is kept")
    s.set_defaults(handler=_agency_set, needs_store=True)
    ls = agsub.add_parser("list", parents=[common], help="the agencies, their e-mail and certificate")
    ls.set_defaults(handler=_agency_list, needs_store=True)

    ck = sub.add_parser("checks", parents=[common], help="the local-practice checks before sign-off")
    cksub = ck.add_subparsers(dest="checks_command", metavar="SUBCOMMAND", required=True)
    cs = cksub.add_parser("set", parents=[common],
                          help="switch a local check on (a number) or off ('off'); administrators")
    cs.add_argument("--sign-off-within-working-days", metavar="N|off", required=True)
    cs.add_argument("--review-within-days", metavar="N|off", required=True)
    cs.set_defaults(handler=_checks_set, needs_store=True)
    show = cksub.add_parser("show", parents=[common], help="the local checks in force")
    show.set_defaults(handler=_checks_show, needs_store=True)

    # ``audit export`` is beside ``audit verify`` in store_commands.

    pp = sub.add_parser("passphrase", parents=[common], help="passphrases")
    ppsub = pp.add_subparsers(dest="passphrase_command", metavar="SUBCOMMAND", required=True)
    r = ppsub.add_parser("reset", parents=[common],
                         help="set a new passphrase for --user NAME with the store's recovery key")
    r.add_argument("--recovery-key-file", metavar="FILE", type=Path, required=True,
                   help="the file holding the recovery key printed at set-up")
    r.set_defaults(handler=_passphrase_reset, needs_store=False)


def _agency_set(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    code = args.code.strip().upper()
    known = {a.code: a for a in agencies.list_agencies(ctx, actor)}
    current = known.get(code)
    if current is None and not args.name:
        raise InvalidInput(f"Agency {code} is not in the directory: give its --name to add it.")
    if args.name is not None or args.kind is not None or args.email is not None or current is None:
        base = current or Agency(code, args.name or "")
        agency = replace(
            base,
            name=args.name if args.name is not None else base.name,
            kind=AgencyKind(args.kind) if args.kind is not None else base.kind,
            email=args.email if args.email is not None else base.email,
        )
        saved, _ = agencies.save_agency(ctx, actor, agency)
        print(f"Agency {saved.code}: {saved.name}; e-mail {saved.email or 'none'}.")
    if args.certificate is not None:
        try:
            data = args.certificate.read_bytes()
        except OSError:
            raise InvalidInput(f"The certificate file {args.certificate} cannot be read.") from None
        info, _ = certificates.set_agency_certificate(ctx, actor, code, data)
        print(f"Agency {code}'s certificate kept: {info.subject}, valid until {info.not_after:%d %B %Y}, "
              f"SHA-256 {info.sha256}.")
    return 0


def _agency_list(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    for a in agencies.list_agencies(ctx, actor):
        print(f"{a.code}\t{a.name}\t{a.email or '-'}\t{'certificate' if a.certificate else 'no certificate'}")
    return 0


def _days(text: str) -> int | None:
    if text.strip().lower() == "off":
        return None
    try:
        return int(text)
    except ValueError:
        raise InvalidInput(f"'{text[:20]}' is not a number of days or 'off'.") from None


def _checks_set(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    signoff.set_check_settings(ctx, actor, sign_off_within_working_days=_days(args.sign_off_within_working_days),
                               review_within_days=_days(args.review_within_days))
    return _checks_show(args, ctx, actor)


def _checks_show(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    settings = signoff.current_check_settings(ctx)
    within = settings.sign_off_within_working_days
    review = settings.review_within_days
    print("Sign-off within " + (f"{within} working day(s) of the meeting" if within is not None else "any time (off)"))
    print("Review discussion within " + (f"{review} days of the meeting" if review is not None else "any time (off)"))
    return 0


def _passphrase_reset(args: argparse.Namespace) -> int:
    user = getattr(args, "user", None)
    if not user:
        raise InvalidInput("passphrase reset needs --user NAME: whose passphrase to set.")
    try:
        raw = args.recovery_key_file.read_bytes()[: MAX_KEY_FILE + 1]
    except OSError:
        raise InvalidInput(f"The recovery key file {args.recovery_key_file} cannot be read.") from None
    if len(raw) > MAX_KEY_FILE:
        raise InvalidInput("The recovery key file is too large to hold a recovery key.")
    try:
        recovery_key = raw.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise InvalidInput("The recovery key file is not text.") from None
    new = read_passphrase(args, "New passphrase: ")
    verdict = passphrase.assess(new, [user])
    if not verdict.acceptable:
        raise InvalidInput(f"The new passphrase is too easy to guess: {verdict.advice}")
    ctx, actor = session.open_with_recovery_key(resolve_data_dir(args), recovery_key, user, new)
    ctx.close()
    print(f"Set a new passphrase for '{actor.name}'. Their signing key stays sealed under the old one: "
          "they make or import a new signing identity (identity new / identity import).")
    return 0

