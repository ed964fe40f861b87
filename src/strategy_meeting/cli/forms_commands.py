# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""``request-form``, ``import-form`` and ``distribute`` (DESIGN.md section 6)."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from typing import TYPE_CHECKING

from strategy_meeting.domain.contribution import TOPIC_LABELS
from strategy_meeting.domain.errors import InvalidInput
from strategy_meeting.domain.records import DistributionOutcome
from strategy_meeting.services.distribution.smtp import SmtpSecurity

if TYPE_CHECKING:
    from strategy_meeting.services.distribution import service as distribution_service

# The services behind these commands pull in ReportLab, pypdf and pyHanko; they are imported
# in the handlers so that starting the app (which builds this parser) does not pay for them.

SMTP_PASSWORD_ENV = "STRATEGY_MEETING_SMTP_PASSWORD"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    r = sub.add_parser("request-form", parents=[common],
                       help="a fillable contribution form (PDF) for one agency of a meeting")
    r.add_argument("reference", metavar="REF")
    r.add_argument("--agency", metavar="CODE", required=True, help="the agency the form is for")
    r.add_argument("-o", "--output", metavar="FILE.pdf", required=True, help="where to write the form")
    r.set_defaults(handler=_request_form, needs_store=True)

    i = sub.add_parser("import-form", parents=[common],
                       help="add the contributions of a filled contribution form")
    i.add_argument("file", metavar="FILE.pdf")
    i.add_argument("--yes", action="store_true", help="confirm without asking")
    i.set_defaults(handler=_import_form, needs_store=True)

    d = sub.add_parser(
        "distribute", parents=[common],
        help="send each agency its signed copy by e-mail, or save the copies to a folder",
        description="Sends each agency of a signed-off meeting its signed copy (with a calendar "
                    "file of its actions) and logs each attempt. Agencies that already received "
                    "their copy are skipped, so running it again retries only the failures. The "
                    f"SMTP password, if the server needs one, is read from ${SMTP_PASSWORD_ENV}, else from "
                    "the OS keyring where the app saved it.",
    )
    d.add_argument("reference", metavar="REF")
    d.add_argument("--copies", metavar="DIR",
                   help="send the copies in this folder (written by 'minutes REF --out DIR --sign', "
                        "with manifest.json) instead of the signed copies kept in the store")
    d.add_argument("--smtp-host", metavar="H", help="SMTP server (default: the saved setting)")
    d.add_argument("--smtp-port", metavar="P", type=int,
                   help="SMTP port (default: the saved setting, else 587 for starttls, 465 for tls)")
    d.add_argument("--smtp-security", choices=[s.value for s in SmtpSecurity],
                   help="starttls (default) or tls (implicit TLS) verify the server's certificate; "
                        "'none' sends unencrypted and is accepted only for a test server on this "
                        "computer (localhost / 127.0.0.1)")
    d.add_argument("--smtp-sender", metavar="ADDRESS", help="the From address (default: the saved setting)")
    d.add_argument("--smtp-user", metavar="NAME", help="SMTP account name (default: the saved setting)")
    d.add_argument("--smtp-ca-file", metavar="FILE",
                   help="extra trusted CA certificates (PEM) for an internal mail server")
    d.add_argument("--to-folder", metavar="DIR",
                   help="save each copy to DIR for sending by hand, instead of e-mail (each is then "
                        "'saved for hand delivery' until 'distribution handed-over' records it)")
    d.add_argument("--agency", metavar="CODE", action="append", dest="agencies",
                   help="only this agency (may be given more than once); the family's copy is "
                        "never distributed by the app: the chair gives or sends it")
    d.add_argument("--passwords-file", metavar="FILE",
                   help='JSON {"CODE": "password"}: encrypt those agencies\' copies (AES-256); '
                        "give each password to the agency by another channel")
    d.add_argument("--encrypt", choices=["password", "certificate"],
                   help="protect each copy (AES-256): 'password' with the passwords in --passwords-file, "
                        "'certificate' to each agency's certificate kept in the agency directory (every "
                        "agency still to be sent must have one; nothing is sent otherwise)")
    d.set_defaults(handler=_distribute, needs_store=True)


def _request_form(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    from strategy_meeting.services.forms import service as contribution_forms

    target = Path(args.output)
    contribution_forms.request_form(ctx, actor, args.reference, args.agency, target)
    print(f"Wrote the contribution form for {args.agency} of {args.reference} to {target}.")
    print("Send it to the agency by secure e-mail; it can be returned and imported once.")
    return 0


def _import_form(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    from strategy_meeting.services.forms import service as contribution_forms

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    from strategy_meeting.domain.sharing import seen_by
    from strategy_meeting.services import meetings
    from strategy_meeting.services.forms.reading import read_form_file

    data = read_form_file(Path(args.file))
    preview = contribution_forms.preview_form_import(ctx, actor, data)
    # Topics and sizes only: the text itself stays out of the terminal's scrollback.
    print(f"Form from {preview.agency} for meeting {preview.reference}, by {preview.author}:")
    for c in preview.contributions:
        print(f"  - {TOPIC_LABELS[c.topic]} ({len(c.text):,} characters)")
    codes = meetings.get(ctx, actor, preview.reference).agency_codes
    print(f"  {seen_by(preview.agency, preview.sharing, codes)}")
    print(f"  Lawful basis: {preview.contributions[0].lawful_basis_text}")
    for note in preview.notes:
        print(f"  Note: {note}")
    if not args.yes:
        if not (sys.stdin and sys.stdin.isatty()):
            raise InvalidInput("Nothing was added: run again with --yes to confirm without asking.")
        answer = input(f"Add these {len(preview.contributions)} contribution(s) to {preview.reference}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing was added.")
            return 1
    result, _ = contribution_forms.import_form(ctx, actor, data)
    print(f"Added {len(result.contributions)} contribution(s) from {result.agency} to {result.reference}.")
    return 0


def _passwords(path: str | None) -> dict[str, str]:
    if not path:
        return {}
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InvalidInput(f"The passwords file {path} does not exist.") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise InvalidInput(f"The passwords file {path} is not JSON.") from None
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise InvalidInput('The passwords file must be a JSON object: {"CODE": "password", ...}.')
    return data


def _distribute(args: argparse.Namespace, ctx, actor) -> int:  # type: ignore[no-untyped-def]
    from strategy_meeting.services.distribution import service as distribution_service

    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)
    logging.getLogger("pyhanko_certvalidator").setLevel(logging.CRITICAL)
    passwords = _passwords(args.passwords_file)
    if args.encrypt == "password" and not passwords:
        raise InvalidInput("--encrypt password needs --passwords-file with a password for each agency.")
    if args.encrypt == "certificate" and passwords:
        raise InvalidInput("--encrypt certificate takes no --passwords-file: choose one kind of protection.")
    smtp = None
    folder = Path(args.to_folder) if args.to_folder else None
    if folder is None:
        smtp = distribution_service.smtp_settings(
            ctx, actor, password=os.environ.get(SMTP_PASSWORD_ENV, ""), host=args.smtp_host,
            port=args.smtp_port, security=args.smtp_security, sender=args.smtp_sender,
            username=args.smtp_user, ca_file=args.smtp_ca_file,
        )
    result, _ = distribution_service.distribute(
        ctx, actor, args.reference, copies_dir=Path(args.copies) if args.copies else None, smtp=smtp, folder=folder,
        passwords=passwords, require_passwords=args.encrypt == "password",
        encrypt_to_certificates=args.encrypt == "certificate", recipients=args.agencies,
    )
    for code in result.already_delivered:
        print(f"  {code}: already received this copy; not sent again")
    for record in result.records:
        if record.outcome is DistributionOutcome.FAILED:
            print(f"  {record.recipient}: FAILED ({record.reason})")
        elif record.outcome is DistributionOutcome.SAVED:
            print(f"  {record.recipient}: saved for hand delivery to {record.address}")
        else:
            print(f"  {record.recipient}: {record.outcome.value} to {record.address}")
    _print_timeliness(result)
    if result.failed:
        print(f"{len(result.failed)} delivery(ies) failed; run the same command again to retry them.",
              file=sys.stderr)
        return 6
    return 0


def _print_timeliness(result: "distribution_service.DistributionResult") -> None:
    t = result.timeliness
    if t is None or t.deadline is None:
        return
    late, saved, waiting = t.late, t.saved_for_hand_delivery, t.not_sent
    when = f"{t.deadline.day} {t.deadline:%B %Y}"
    if not late and not waiting and not saved:
        print(f"Every agency's copy went out within one working day of the meeting (by {when}).")
    if late:
        print(f"Went out later than one working day after the meeting (by {when}) for: {', '.join(late)}.")
    if waiting:
        print(f"Not yet sent (due within one working day of the meeting, by {when}) for: {', '.join(waiting)}.")
    if saved:
        print(f"Saved for hand delivery, not yet out (record each hand-over with 'distribution handed-over "
              f"{result.reference} CODE --on DATE --how TEXT'; due by {when}) for: {', '.join(saved)}.")



