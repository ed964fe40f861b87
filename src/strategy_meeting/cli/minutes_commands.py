# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""``identity``, ``sign-off``, ``minutes`` and ``verify`` (DESIGN.md section 6).

``verify`` needs no store and no passphrase: an agency checks a copy with only the chair's
exported certificate.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from strategy_meeting.domain.errors import InvalidInput, SignOffWarnings

# The services below pull in ReportLab and pyHanko (about a second to import); they are imported
# inside the handlers so that every other command starts quickly.

P12_PASSWORD_ENV = "STRATEGY_MEETING_P12_PASSWORD"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    ident = sub.add_parser("identity", parents=[common], help="the acting user's signing identity")
    isub = ident.add_subparsers(dest="identity_command", metavar="SUBCOMMAND", required=True)
    new = isub.add_parser("new", parents=[common], help="create a signing key and certificate")
    new.add_argument("--self-signed", action="store_true", required=True,
                     help="a self-signed certificate (agencies trust it by its exported certificate)")
    new.add_argument("--organisation", default="", metavar="NAME", help="organisation named in the certificate")
    new.set_defaults(handler=_identity_new, needs_store=True)
    imp = isub.add_parser("import", parents=[common], help="import an organisation's PKCS#12 (.p12/.pfx)")
    imp.add_argument("file", metavar="FILE.p12", type=Path)
    imp.add_argument("--password-file", metavar="FILE", type=Path,
                     help=f"read the PKCS#12 password from FILE (or set ${P12_PASSWORD_ENV})")
    imp.add_argument("--for", dest="for_user", metavar="USER", help="must be your own user name: a signing key is sealed under its holder's own passphrase")
    imp.set_defaults(handler=_identity_import, needs_store=True)
    exp = isub.add_parser("export-cert", parents=[common], help="write the public certificate for agencies")
    exp.add_argument("-o", "--output", metavar="FILE.pem", type=Path, required=True)
    exp.set_defaults(handler=_identity_export, needs_store=True)
    p12 = isub.add_parser("export-p12", parents=[common],
                          help="write your own identity, key included, as a password-protected PKCS#12")
    p12.add_argument("-o", "--output", metavar="FILE.p12", type=Path, required=True)
    p12.add_argument("--password-file", metavar="FILE", type=Path,
                     help=f"read the new file's password from FILE (or set ${P12_PASSWORD_ENV})")
    p12.set_defaults(handler=_identity_export_p12, needs_store=True)

    so = sub.add_parser("sign-off", parents=[common], help="sign off a meeting's minutes, which locks them")
    so.add_argument("reference", metavar="REF")
    so.add_argument("--acknowledge-warnings", action="store_true",
                    help="sign off even though the listed warnings remain")
    so.add_argument("--reason", action="append", default=[], metavar="KIND=TEXT",
                    help="why a warning is acknowledged (KIND as sign-off lists it, or * for all); repeatable")
    so.add_argument("--signer-reason", default="", metavar="TEXT",
                    help="why someone other than the recorded chair signs off (printed on the minutes)")
    so.set_defaults(handler=_sign_off, needs_store=True)

    ad = sub.add_parser("addendum", parents=[common],
                        help="add a numbered, dated addendum to signed-off minutes (the next version)")
    ad.add_argument("reference", metavar="REF")
    ad.add_argument("--text", required=True, help="what the addendum says")
    ad.set_defaults(handler=_addendum, needs_store=True)

    mi = sub.add_parser("minutes", parents=[common],
                        help="render the full record, the agency copies and the family's copy as PDF")
    mi.add_argument("reference", metavar="REF")
    mi.add_argument("--out", metavar="DIR", type=Path, required=True)
    mi.add_argument("--agency", metavar="CODE", action="append", help="only this agency's copy (repeatable)")
    mi.add_argument("--sign", action="store_true", help="sign each copy (only after sign-off)")
    mi.set_defaults(handler=_minutes, needs_store=True)

    ve = sub.add_parser("verify", parents=[common], help="check a signed copy; exit 0 only if intact and valid")
    ve.add_argument("file", metavar="FILE.pdf", type=Path)
    ve.add_argument("--trust", metavar="CERT", type=Path, help="the signer's certificate (PEM or DER) to trust")
    ve.set_defaults(handler=_verify, needs_store=False)


def _addendum(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    from strategy_meeting.domain.minutes_version import current_version
    from strategy_meeting.services import signoff

    meeting, _ = signoff.add_addendum(ctx, actor, args.reference, args.text)
    version = current_version(meeting)
    print(f"Added addendum {len(meeting.addenda)} to {args.reference}: its minutes are now version {version}. "
          f"Sign them again ('minutes {args.reference} --out DIR --sign') before distributing.")
    return 0


def _identity_new(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    from strategy_meeting.services import identities

    summary, _ = identities.new_self_signed(ctx, actor, organisation=args.organisation)
    print(f"Created a self-signed signing certificate for {summary.subject}.")
    print(f"SHA-256 fingerprint: {_grouped(summary.fingerprint_sha256)}")
    print(f"Valid until {summary.not_after:%d %B %Y}. Give agencies the certificate from "
          "'identity export-cert -o FILE.pem' and read them the fingerprint to check.")
    return 0


def _p12_password(args: argparse.Namespace) -> str | None:
    if args.password_file is not None:
        try:
            return args.password_file.read_text(encoding="utf-8").rstrip("\r\n")
        except OSError:
            raise InvalidInput(f"Cannot read the password file {args.password_file}.") from None
    if os.environ.get(P12_PASSWORD_ENV) is not None:
        return os.environ[P12_PASSWORD_ENV]
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass("PKCS#12 password: ")
    return None  # an unprotected file; a protected one then fails with a clear message


def _identity_import(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    from strategy_meeting.services import identities

    summary, _ = identities.import_pkcs12_file(ctx, actor, args.file, _p12_password(args), for_user=args.for_user)
    print(f"Imported the signing certificate of {summary.subject}, issued by {summary.issuer}.")
    print(f"SHA-256 fingerprint: {_grouped(summary.fingerprint_sha256)}")
    return 0


def _identity_export_p12(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    from strategy_meeting.services import identities

    password = _p12_password(args)
    if not password:
        raise InvalidInput(f"Give the new file's password with --password-file FILE or ${P12_PASSWORD_ENV}.")
    identities.export_pkcs12(ctx, actor, args.output.resolve(), password)
    print(f"Wrote your signing identity, key included, to {args.output} (password-protected).")
    return 0


def _identity_export(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    from strategy_meeting.services import identities

    identities.export_certificate(ctx, actor, args.output.resolve())
    print(f"Wrote the public certificate to {args.output}.")
    return 0


def _sign_off(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    from strategy_meeting.services import signoff

    try:
        meeting, _ = signoff.sign_off(ctx, actor, args.reference, acknowledge_warnings=args.acknowledge_warnings,
                                      reasons=_reasons(args.reason), signer_reason=args.signer_reason)
    except SignOffWarnings as exc:
        print(f"Not signed off: {exc.message}", file=sys.stderr)
        for warning in exc.warnings:
            print(f"  - {warning}", file=sys.stderr)
        return exc.exit_code
    assert meeting.sign_off is not None
    print(f"Signed off {meeting.reference} (version {meeting.sign_off.version}); the record is now locked.")
    print(f"Content fingerprint (SHA-256): {meeting.sign_off.content_hash}")
    for check in meeting.sign_off.acknowledged:
        print(f"Acknowledged [{check.kind}]: {check.reason or 'no reason given'}")
    return 0


def _reasons(values: list[str]) -> dict[str, str]:
    reasons: dict[str, str] = {}
    for value in values:
        kind, sep, text = value.partition("=")
        if not sep or not kind.strip() or not text.strip():
            raise InvalidInput("Give each reason as --reason KIND=TEXT (KIND as sign-off lists it, or *).")
        reasons[kind.strip()] = text.strip()
    return reasons


def _minutes(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    from strategy_meeting.services.minutes.service import render_minutes

    # The command line runs alone, so copies may render in parallel processes.
    workers = max(1, min(4, os.cpu_count() or 1))
    result = render_minutes(ctx, actor, args.reference, args.out, agencies=args.agency,
                            sign=args.sign, workers=workers)
    for copy in result.copies:
        state = "DRAFT" if copy.draft else ("signed" if copy.signed_by else "not signed")
        if copy.recipient == "family":
            # Its own words: "withheld" is not a count to show next to the family's copy.
            print(f"{copy.path.name}: the family's copy, {copy.pages} pages, {state}; give or send it "
                  "to the family yourself (the app never e-mails it)")
            continue
        who = "full record" if copy.recipient == "full" else copy.recipient
        print(f"{copy.path.name}: {who}, {copy.pages} pages, {state}, {copy.withheld} item(s) withheld")
    if result.signature_level:
        print(f"Signature: {result.signature_level}, certification (no changes allowed).")
    print(f"Manifest: {result.manifest}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    from strategy_meeting.services.minutes.service import verify_file

    report = verify_file(args.file, args.trust)
    for line in report.lines():
        print(line)
    return 0 if report.ok else 1


def _grouped(hex_digest: str) -> str:
    return ":".join(hex_digest[i : i + 2] for i in range(0, len(hex_digest), 2)).upper()
