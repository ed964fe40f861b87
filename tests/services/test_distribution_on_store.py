# SPDX-License-Identifier: LicenseRef-Proprietary
"""Distribution through the services on a real encrypted store and a loopback SMTP server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from builders import representative, sample_meeting
from signed_copy_fixtures import write_signed_set
from smtp_test_server import SmtpServer
from strategy_meeting.domain.errors import MeetingLocked, PermissionDenied, VerificationFailed
from strategy_meeting.domain.meeting import MeetingStatus
from strategy_meeting.domain.records import CopyRecord, DistributionOutcome
from strategy_meeting.services import audit, meetings
from strategy_meeting.services.distribution import service as distribution_service
from strategy_meeting.services.distribution.smtp import SmtpSecurity, SmtpSettings

REF = "SD-2026-0100"
SENDER = "minutes@council.example.org"
CODES = ["CSC", "POLICE", "HEALTH", "EDU"]


@pytest.fixture
def signed_off(ctx, chair, tmp_path: Path) -> Path:
    m = sample_meeting(REF)
    m.status = MeetingStatus.SIGNED_OFF
    meetings.create(ctx, chair, template=m)
    folder = tmp_path / "minutes"
    write_signed_set(folder, REF, ["full", *CODES])
    return folder


def smtp(port: int) -> SmtpSettings:
    return SmtpSettings("127.0.0.1", SENDER, port, SmtpSecurity.NONE)


def test_distribute_logs_each_delivery_and_marks_the_meeting_distributed(ctx, chair, admin, signed_off, clock) -> None:
    clock.now = datetime(2026, 11, 20, 16, 0, tzinfo=UTC)
    with SmtpServer() as server:
        server.handler.refuse["police@example.org"] = "452 4.2.2 Mailbox full"
        result, _ = distribution_service.distribute(ctx, admin, REF, copies_dir=signed_off, smtp=smtp(server.port))
        assert [r.recipient for r in result.failed] == ["POLICE"]
        assert not result.meeting_distributed
        server.handler.refuse.clear()
        clock.now += timedelta(hours=1)
        again, _ = distribution_service.distribute(ctx, admin, REF, copies_dir=signed_off, smtp=smtp(server.port))
    assert sorted(again.already_delivered) == ["CSC", "EDU", "HEALTH"]
    assert [(r.recipient, r.outcome, r.attempt) for r in again.records] == [("POLICE", DistributionOutcome.SENT, 2)]
    assert again.meeting_distributed
    assert sorted(x.recipients[0] for x in server.received) == sorted(
        ["csc@example.org", "police@example.org", "health@example.org", "dsl@example.org"])
    log = distribution_service.distribution_log(ctx, admin, REF)
    assert [(r.recipient, r.outcome.value) for r in log] == [
        ("CSC", "sent"), ("POLICE", "failed"), ("HEALTH", "sent"), ("EDU", "sent"), ("POLICE", "sent")]
    assert log[1].reason == "452 4.2.2 Mailbox full"
    assert meetings.get(ctx, chair, REF).status is MeetingStatus.DISTRIBUTED
    assert again.timeliness is not None and again.timeliness.all_on_time  # Fri 20 Nov: due by Mon 23rd
    assert audit.verify(ctx, admin).ok
    with ctx.unit_of_work() as uow:
        actions = [e.action for e in uow.audit.events()]
    assert actions.count("distribution.sent") == 4 and actions.count("distribution.failed") == 1
    assert actions[-1] == "meeting.distributed"


def test_acknowledgement_is_kept(ctx, admin, signed_off, tmp_path) -> None:
    distribution_service.distribute(ctx, admin, REF, copies_dir=signed_off, folder=tmp_path / "out")
    record, _ = distribution_service.record_acknowledgement(ctx, admin, REF, "HEALTH", "Morgan Demo")
    log = distribution_service.distribution_log(ctx, admin, REF)
    stored = next(r for r in log if r.id == record.id)
    assert stored.acknowledged_by == "Morgan Demo" and stored.acknowledged_at is not None


def test_only_signed_off_meetings_by_a_chair_or_administrator(ctx, chair, admin, tmp_path) -> None:
    meetings.create(ctx, chair, template=sample_meeting("SD-2026-0300"))
    folder = tmp_path / "c"
    write_signed_set(folder, "SD-2026-0300", CODES)
    with pytest.raises(MeetingLocked, match="not signed off yet"):
        distribution_service.distribute(ctx, admin, "SD-2026-0300", copies_dir=folder, folder=tmp_path / "o")
    rep = representative("teacher", "EDU")
    with pytest.raises(PermissionDenied):
        distribution_service.distribute(ctx, rep, "SD-2026-0300", copies_dir=folder, folder=tmp_path / "o")
    assert not (tmp_path / "o").exists()


def test_copies_the_store_did_not_sign_are_refused(ctx, admin, signed_off, tmp_path) -> None:
    with ctx.unit_of_work() as uow:
        for code in CODES:
            uow.copies.add(CopyRecord(REF, code, f"{REF}_{code}.pdf", "0" * 64, datetime.now(UTC), "Chair"))
        uow.commit()
    with pytest.raises(VerificationFailed, match="not one this store signed"):
        distribution_service.distribute(ctx, admin, REF, copies_dir=signed_off, folder=tmp_path / "o")
    assert distribution_service.distribution_log(ctx, admin, REF) == []


def test_smtp_settings_are_saved_without_the_password(ctx, admin) -> None:
    saved = SmtpSettings("mail.example.org", SENDER, 587, SmtpSecurity.STARTTLS, "svc-minutes", "s3cret-pass")
    distribution_service.save_smtp_settings(ctx, admin, saved)
    loaded = distribution_service.smtp_settings(ctx, admin, port=2525)
    assert (loaded.host, loaded.port, loaded.username, loaded.password) == ("mail.example.org", 2525, "svc-minutes", "")
    with ctx.unit_of_work() as uow:
        assert all(uow.settings.get(f"smtp.{k}") != "s3cret-pass" for k in distribution_service.SMTP_SETTING_KEYS)
