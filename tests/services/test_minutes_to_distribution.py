# SPDX-License-Identifier: LicenseRef-Proprietary
"""The whole path a chair and an administrator take: sign off, sign the minutes, distribute
the copies the store kept, over a real SMTP server on loopback."""

from __future__ import annotations

import hashlib

from builders import sample_meeting
from smtp_test_server import SmtpServer
from strategy_meeting.services import distribution_service, identities, meetings, signoff
from strategy_meeting.services.minutes.service import render_minutes
from strategy_meeting.services.smtp_transport import SmtpSecurity, SmtpSettings

REF = "SD-2026-0100"


def test_signed_copies_kept_in_the_store_are_what_each_agency_receives(ctx, chair, admin, tmp_path):
    meetings.create(ctx, chair, template=sample_meeting(REF))
    identities.new_self_signed(ctx, chair)
    signoff.sign_off(ctx, chair, REF, acknowledge_warnings=True)
    export = render_minutes(ctx, chair, REF, tmp_path / "out", sign=True)
    on_disk = {c.recipient: c.sha256 for c in export.copies}
    with SmtpServer() as server:
        result, _ = distribution_service.distribute(
            ctx, admin, REF, smtp=SmtpSettings("127.0.0.1", "minutes@example.org", server.port, SmtpSecurity.NONE)
        )
    assert result.failed == []
    received = {}
    for message in server.received:
        parsed = message.message
        pdfs = [p for p in parsed.walk() if p.get_content_type() == "application/pdf"]
        assert len(pdfs) == 1
        received[message.recipients[0]] = hashlib.sha256(pdfs[0].get_payload(decode=True)).hexdigest()
    expected = {a.email: on_disk[a.code] for a in sample_meeting().agencies}
    assert received == expected
    log = {r.recipient: r.sha256 for r in distribution_service.distribution_log(ctx, admin, REF)}
    assert log == {code: on_disk[code] for code in ("CSC", "POLICE", "HEALTH", "EDU")}
