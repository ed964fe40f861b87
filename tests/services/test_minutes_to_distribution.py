# SPDX-License-Identifier: LicenseRef-Proprietary
"""The whole path a chair and an administrator take: sign off, sign the minutes, distribute
the copies the store kept, over a real SMTP server on loopback."""

from __future__ import annotations

import hashlib
import io
from dataclasses import replace

import pytest
from pypdf import PdfReader

from builders import sample_meeting, sign_off
from smtp_test_server import SmtpServer
from strategy_meeting.domain.errors import MeetingLocked
from strategy_meeting.services import identities, meetings, signoff
from strategy_meeting.services.distribution import service as distribution_service
from strategy_meeting.services.minutes.service import render_minutes
from strategy_meeting.services.distribution.smtp import SmtpSecurity, SmtpSettings
from strategy_meeting.domain.sharing_terms import SharingTerms

REF = "SD-2026-0100"


def test_signed_copies_kept_in_the_store_are_what_each_agency_receives(ctx, chair, admin, tmp_path):
    meetings.create(ctx, chair, template=sample_meeting(REF))
    identities.new_self_signed(ctx, chair)
    sign_off(ctx, chair, REF)
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


def test_copies_signed_before_an_addendum_are_not_sent_until_the_minutes_are_signed_again(ctx, chair, admin, tmp_path):
    # An agency not yet sent must not receive minutes without the addendum the chair added:
    # distribution stops, naming the remedy, whether it takes the kept copies or the folder.
    meetings.create(ctx, chair, template=sample_meeting(REF))
    identities.new_self_signed(ctx, chair)
    sign_off(ctx, chair, REF)
    first = tmp_path / "v1"
    render_minutes(ctx, chair, REF, first, sign=True)
    signoff.add_addendum(ctx, chair, REF, "ZZADDENDUM the medical found no fracture.", sharing=SharingTerms.everyone())
    settings = SmtpSettings("127.0.0.1", "minutes@example.org", 0, SmtpSecurity.NONE)
    with SmtpServer() as server:
        settings = replace(settings, port=server.port)
        for folder in (None, first):
            with pytest.raises(MeetingLocked, match="addendum.*minutes .*--sign") as caught:
                distribution_service.distribute(ctx, admin, REF, smtp=settings, copies_dir=folder)
            assert "\n" not in str(caught.value)
        with pytest.raises(MeetingLocked, match="addendum"):
            distribution_service.distribute(ctx, admin, REF, folder=tmp_path / "by-hand")
        assert server.received == [] and not (tmp_path / "by-hand").exists()
        assert distribution_service.distribution_log(ctx, admin, REF) == []

        render_minutes(ctx, chair, REF, tmp_path / "v2", sign=True)
        result, _ = distribution_service.distribute(ctx, admin, REF, smtp=settings)
    assert result.failed == [] and len(server.received) == 4
    for message in server.received:
        pdf = next(p for p in message.message.walk() if p.get_content_type() == "application/pdf")
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.get_payload(decode=True))).pages)
        assert "ZZADDENDUM" in text
