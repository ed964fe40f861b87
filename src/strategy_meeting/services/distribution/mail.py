# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The e-mail that carries one agency's signed copy.

Subject and body hold the meeting reference and instructions only: mail headers and bodies
pass through servers, archives and phone notifications that the record's protection does not
reach. Everything about the child is inside the attached, signed (and optionally encrypted)
copy, which holds exactly what the agency may see.
"""

from __future__ import annotations

import email.policy
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr

from strategy_meeting.domain.agency import Agency

from ..minutes.manifest import copy_file_name as minutes_copy_file_name


@dataclass(frozen=True)
class Attachment:
    file_name: str
    data: bytes
    maintype: str
    subtype: str


# Every subject begins with the marking (issue 14): mail clients, archives and notifications
# show the subject before anyone opens the message.
SUBJECT_MARKING = "OFFICIAL-SENSITIVE: "


def copy_file_name(reference: str, agency_code: str, version: int = 1) -> str:
    """``SD-2026-0042_EDU.pdf`` (``SD-2026-0042_v2_EDU.pdf`` for version 2): the name the minutes
    gave the signed copy, so the file an agency receives is the file the chair generated
    (reference, version and code only, ASCII)."""
    return minutes_copy_file_name(reference, agency_code, draft=False, version=version)


def calendar_file_name(reference: str, agency_code: str, version: int = 1) -> str:
    return copy_file_name(reference, agency_code, version)[: -len(".pdf")] + "-actions.ics"


def message_subject(reference: str, agency_code: str, replaces: str = "") -> str:
    """``OFFICIAL-SENSITIVE: Strategy discussion REF: signed minutes for CODE``, and for a later
    version ``...: Version 2, replaces version 1 of 21 November 2026``."""
    subject = f"{SUBJECT_MARKING}Strategy discussion {reference}: signed minutes for {agency_code}"
    return f"{subject}: {replaces}" if replaces else subject


def message_body(reference: str, agency: Agency, *, encrypted: bool | str, has_calendar: bool,
                 replaces: str = "") -> str:
    """``encrypted``: '' (or False) for none, 'password' (or True), or 'certificate'."""
    lines = [
        "Hello,",
        "",
        f"Attached are the signed minutes of strategy discussion {reference} for "
        f"{agency.name} ({agency.code}).",
    ]
    if replaces:
        lines += ["", f"{replaces}: please replace the earlier copy with this one."]
    lines += [
        "",
        "The file carries the chair's digital signature. Please check the signature in your "
        "PDF reader before relying on the minutes, and store them under your agency's "
        "safeguarding records procedure.",
    ]
    if encrypted == "certificate":
        lines += ["", "The file is encrypted to your agency's certificate: open it on a computer "
                  "that holds the certificate's private key. The signed minutes are attached inside it."]
    elif encrypted:
        lines += ["", "The file is protected with a password that we give you separately "
                  "(never in this e-mail). The signed minutes are attached inside it."]
    if has_calendar:
        lines += ["", "The calendar file lists your agency's actions with their due dates; open "
                  "it to add them to your calendar."]
    lines += [
        "",
        "Please reply to confirm that you have received the minutes.",
        "",
        "If this e-mail reached you by mistake, delete it and its attachments without opening "
        "them, and tell the sender.",
        "",
        "This message was sent by Strategy Meeting.",
    ]
    return "\n".join(lines) + "\n"


def build_message(*, reference: str, agency: Agency, sender: str, attachments: list[Attachment],
                  encrypted: bool | str, sent_at: datetime, replaces: str = "") -> EmailMessage:
    """One message to ``agency.email`` with exactly the given attachments. ``replaces`` is the
    later version's line ("Version 2, replaces version 1 of 21 November 2026"), or ""."""
    # Folding at 78 characters put a long subject on its own continuation line ("Subject:" then
    # " OFFICIAL-SENSITIVE: ..."), which a reader unfolds with a leading space: a gateway rule
    # matching subjects that begin with the marking would miss it. RFC 5322 allows 998.
    message = EmailMessage(policy=email.policy.default.clone(max_line_length=998))
    message["Subject"] = message_subject(reference, agency.code, replaces)
    message["From"] = sender
    message["To"] = Address(addr_spec=agency.email)
    message["Date"] = format_datetime(sent_at)
    domain = parseaddr(sender)[1].rpartition("@")[2]
    message["Message-ID"] = make_msgid(domain=domain or "strategy-meeting.invalid")
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(message_body(
        reference, agency, encrypted=encrypted,
        has_calendar=any(a.subtype == "calendar" for a in attachments), replaces=replaces,
    ))
    for item in attachments:
        message.add_attachment(item.data, maintype=item.maintype, subtype=item.subtype,
                               filename=item.file_name)
    return message


def address_problem(address: str) -> str:
    """Why ``address`` cannot be sent to, or '' when it can."""
    if not address.strip():
        return "no e-mail address is recorded for this agency"
    try:
        parsed = Address(addr_spec=address.strip())
    except Exception:  # noqa: BLE001 - the parser raises several unrelated types
        return "the recorded e-mail address is not valid"
    if not parsed.domain or not parsed.username:
        return "the recorded e-mail address is not valid"
    return ""
