# SPDX-License-Identifier: LicenseRef-Proprietary
"""Distribution through a real SMTP server on loopback, to a folder, and its log."""

from __future__ import annotations

import hashlib
import io
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from itertools import count
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from pypdf import PdfReader

from strategy_meeting.domain.errors import InvalidInput, NotFound, VerificationFailed
from strategy_meeting.domain.records import DistributionChannel, DistributionOutcome, DistributionRecord
from strategy_meeting.services.bank_holidays import bank_holidays_around, local_date
from strategy_meeting.services.distribution.encryption import open_encrypted_copy
from strategy_meeting.services.distribution.rules import (
    acknowledge,
    deliver_by_email,
    deliver_to_folder,
    plan_distribution,
    timeliness,
)
from strategy_meeting.services.distribution.signed_copies import check_signature_intact, load_signed_copies
from strategy_meeting.services.distribution.smtp import SmtpSecurity, SmtpSettings, SmtpTransport

from forms_meeting_factory import example_meeting
from signed_copy_fixtures import write_signed_set
from smtp_test_server import SmtpServer, free_port, make_server_tls

REF = "SD-2026-0042"
SENDER = "minutes@council.example.org"
EMAIL_AGENCIES = {"csc@example.org": "CSC", "cait@example.org": "POLICE", "health@example.org": "HEALTH"}


class Log:
    """The distribution log as the store would keep it: records get ids as they are added."""

    def __init__(self) -> None:
        self.records: list[DistributionRecord] = []
        self._ids = count(1)

    def add(self, record: DistributionRecord) -> DistributionRecord:
        saved = replace(record, id=next(self._ids))
        self.records.append(saved)
        return saved


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture(scope="module")
def copies_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("signed")
    write_signed_set(folder, REF, ["full", "CSC", "POLICE", "HEALTH", "EDU"])
    return folder


@pytest.fixture
def setup(copies_dir: Path):
    meeting, canaries = example_meeting(REF)
    return meeting, canaries, load_signed_copies(copies_dir, REF), Log(), Clock(datetime(2026, 11, 20, 15, 0, tzinfo=UTC))


def plain(port: int) -> SmtpSettings:
    return SmtpSettings(host="127.0.0.1", port=port, security=SmtpSecurity.NONE, sender=SENDER)


def attachments(message) -> dict[str, bytes]:
    return {part.get_filename(): part.get_content() for part in message.iter_attachments()}


def visible_text(message) -> str:
    body = message.get_body(preferencelist=("plain",)).get_content()
    return " ".join(f"{k}: {v}" for k, v in message.items()) + "\n" + body


def run_email(meeting, copies, log, clock, settings, passwords=None):
    plan = plan_distribution(meeting, copies, log.records, passwords)
    return plan, deliver_by_email(meeting, plan, SmtpTransport(settings), SENDER, clock, log.add)


def test_each_agency_gets_exactly_its_own_signed_copy_once(setup) -> None:
    meeting, canaries, copies, log, clock = setup
    with SmtpServer() as server:
        run_email(meeting, copies, log, clock, plain(server.port))
    by_recipient = {}
    for item in server.received:
        assert len(item.recipients) == 1
        by_recipient.setdefault(item.recipients[0], []).append(item.message)
    assert sorted(by_recipient) == sorted(EMAIL_AGENCIES)
    for address, messages in by_recipient.items():
        code = EMAIL_AGENCIES[address]
        assert len(messages) == 1
        files = attachments(messages[0])
        pdfs = {name: data for name, data in files.items() if name.endswith(".pdf")}
        assert list(pdfs) == [f"{REF}_{code}.pdf"]
        data = pdfs[f"{REF}_{code}.pdf"]
        assert data == copies[code].data
        assert f"copy for {code}" in PdfReader(io.BytesIO(data)).pages[0].extract_text()
        check_signature_intact(data, code)
        record = next(r for r in log.records if r.recipient == code)
        assert record.outcome is DistributionOutcome.SENT and record.channel is DistributionChannel.EMAIL
        assert record.sha256 == hashlib.sha256(data).hexdigest() and record.address == address
    edu = next(r for r in log.records if r.recipient == "EDU")
    assert edu.outcome is DistributionOutcome.FAILED and "no e-mail address" in edu.reason


def test_subject_and_body_hold_no_personal_data(setup) -> None:
    meeting, canaries, copies, log, clock = setup
    with SmtpServer() as server:
        run_email(meeting, copies, log, clock, plain(server.port))
    assert server.received
    for item in server.received:
        text = visible_text(item.message)
        assert REF in text  # control: the reference is there
        for name, planted in canaries.items():
            assert planted not in text, name
        for person in ("Robin", "Jordan", "Alex Example", "Riley", "Morgan"):
            assert person not in text


def test_calendar_holds_only_the_agency_s_own_open_actions(setup) -> None:
    meeting, canaries, copies, log, clock = setup
    with SmtpServer() as server:
        run_email(meeting, copies, log, clock, plain(server.port))
    found = {}
    for item in server.received:
        code = EMAIL_AGENCIES[item.recipients[0]]
        ics = [d for n, d in attachments(item.message).items() if n.endswith(".ics")]
        if ics:
            events = Calendar.from_ical(ics[0]).walk("VEVENT")
            found[code] = sorted((str(e["uid"]), e.decoded("dtstart")) for e in events)
    assert found["POLICE"] == [(f"{REF}-a2@strategy-meeting.invalid", date(2026, 11, 21))]
    assert found["HEALTH"] == [(f"{REF}-a1@strategy-meeting.invalid", date(2026, 11, 20))]
    assert [uid for uid, _ in found["CSC"]] == [f"{REF}-a3@strategy-meeting.invalid",
                                                 f"{REF}-a4@strategy-meeting.invalid"]


def test_refused_recipient_is_logged_with_the_server_s_reason_and_retried_once(setup) -> None:
    meeting, _, copies, log, clock = setup
    with SmtpServer() as server:
        server.handler.refuse["cait@example.org"] = "550 5.1.1 Mailbox unavailable"
        run_email(meeting, copies, log, clock, plain(server.port))
        police = [r for r in log.records if r.recipient == "POLICE"]
        assert [(r.outcome, r.attempt) for r in police] == [(DistributionOutcome.FAILED, 1)]
        assert police[0].reason == "550 5.1.1 Mailbox unavailable"
        assert sorted(x.recipients[0] for x in server.received) == ["csc@example.org", "health@example.org"]

        server.handler.refuse.clear()
        plan, _ = run_email(meeting, copies, log, clock, plain(server.port))
        assert sorted(plan.already_delivered) == ["CSC", "HEALTH"]
        assert [d.agency.code for d in plan.deliveries] == ["POLICE", "EDU"]
    counts = {a: sum(1 for x in server.received if x.recipients == [a]) for a in EMAIL_AGENCIES}
    assert counts == dict.fromkeys(EMAIL_AGENCIES, 1)
    retried = [r for r in log.records if r.recipient == "POLICE"][-1]
    assert (retried.outcome, retried.attempt) == (DistributionOutcome.SENT, 2)


def test_unreachable_server_is_logged_as_failed_then_retry_sends_each_once(setup) -> None:
    meeting, _, copies, log, clock = setup
    port = free_port()  # nothing listens here yet
    run_email(meeting, copies, log, clock, plain(port))
    assert {r.recipient: r.outcome for r in log.records} == dict.fromkeys(
        ["CSC", "POLICE", "HEALTH", "EDU"], DistributionOutcome.FAILED)
    assert "connection refused" in next(r for r in log.records if r.recipient == "CSC").reason
    with SmtpServer() as server:
        run_email(meeting, copies, log, clock, plain(server.port))
        run_email(meeting, copies, log, clock, plain(server.port))  # a third run sends nothing
    assert sorted(x.recipients[0] for x in server.received) == sorted(EMAIL_AGENCIES)


@pytest.mark.parametrize("implicit", [False, True], ids=["starttls", "implicit-tls"])
def test_sends_over_verified_tls(setup, tmp_path: Path, implicit: bool) -> None:
    meeting, _, copies, log, clock = setup
    context, ca_file = make_server_tls(tmp_path)
    security = SmtpSecurity.TLS if implicit else SmtpSecurity.STARTTLS
    with SmtpServer(tls=context, implicit_tls=implicit) as server:
        settings = SmtpSettings("127.0.0.1", SENDER, server.port, security, ca_file=str(ca_file))
        run_email(meeting, copies, log, clock, settings)
        assert len(server.received) == 3
        # Without the CA the server is not trusted and nothing is sent.
        untrusted = Log()
        run_email(meeting, copies, untrusted, clock, replace(settings, ca_file=""))
    assert len(server.received) == 3
    assert all("certificate" in r.reason for r in untrusted.records if r.recipient != "EDU")


def test_unencrypted_smtp_is_for_loopback_only() -> None:
    with pytest.raises(InvalidInput, match="only for a test server on this computer"):
        SmtpTransport(SmtpSettings("mail.example.org", SENDER, 25, SmtpSecurity.NONE))
    with pytest.raises(InvalidInput, match="never sent over an unencrypted"):
        SmtpTransport(SmtpSettings("127.0.0.1", SENDER, 25, SmtpSecurity.NONE, "u", "p"))
    assert "hunter2-secret" not in repr(SmtpSettings("h", SENDER, password="hunter2-secret"))


def test_encrypted_copy_opens_with_its_password_and_its_signature_still_verifies(setup) -> None:
    meeting, _, copies, log, clock = setup
    password = "correct horse battery staple"
    with SmtpServer() as server:
        run_email(meeting, copies, log, clock, plain(server.port), {"HEALTH": password})
    message = next(x.message for x in server.received if x.recipients == ["health@example.org"])
    wrapper = attachments(message)[f"{REF}_HEALTH.pdf"]
    assert wrapper != copies["HEALTH"].data and b"copy for HEALTH" not in wrapper
    inner = open_encrypted_copy(wrapper, password)
    assert inner == copies["HEALTH"].data
    record = next(r for r in log.records if r.recipient == "HEALTH")
    assert hashlib.sha256(inner).hexdigest() == record.sha256
    check_signature_intact(inner, "HEALTH")
    assert "password that we give you separately" in visible_text(message)
    assert password not in visible_text(message)
    with pytest.raises(VerificationFailed):
        open_encrypted_copy(wrapper, "not the password at all")
    with pytest.raises(InvalidInput, match="shorter than 12"):
        plan_distribution(meeting, copies, [], {"HEALTH": "short"})


def test_a_protected_copy_travels_alone_with_no_plaintext_calendar_beside_it(setup, tmp_path: Path) -> None:
    # HEALTH owns an open, dated action: unprotected, its calendar goes along (control); with a
    # password the action's description and owner must not ride beside the encrypted copy in
    # clear, by e-mail or in the folder.
    meeting, _, copies, log, clock = setup
    description = next(a.description for a in meeting.actions if a.owner_agency == "HEALTH")
    with SmtpServer() as server:
        run_email(meeting, copies, log, clock, plain(server.port), {"HEALTH": "correct horse battery staple"})
    by_address = {x.recipients[0]: x.message for x in server.received}
    assert any(n.endswith(".ics") for n in attachments(by_address["csc@example.org"]))  # control
    health = by_address["health@example.org"]
    assert list(attachments(health)) == [f"{REF}_HEALTH.pdf"]
    assert description.encode() not in health.as_bytes() and b"Morgan Demo" not in health.as_bytes()
    assert "calendar" not in visible_text(health)
    out = tmp_path / "by-hand"
    plan = plan_distribution(meeting, copies, [], {"HEALTH": "correct horse battery staple"})
    deliver_to_folder(meeting, plan, out, clock, log.add)
    assert sorted(p.name for p in out.iterdir() if "HEALTH" in p.name) == [f"{REF}_HEALTH.pdf"]
    assert (out / f"{REF}_CSC-actions.ics").exists()


def test_folder_delivery_saves_each_copy_and_email_then_skips_them(setup, tmp_path: Path) -> None:
    meeting, _, copies, log, clock = setup
    out = tmp_path / "to-send"
    plan = plan_distribution(meeting, copies, log.records)
    deliver_to_folder(meeting, plan, out, clock, log.add)
    for code in ("CSC", "POLICE", "HEALTH", "EDU"):
        assert (out / f"{REF}_{code}.pdf").read_bytes() == copies[code].data
    assert (out / f"{REF}_POLICE-actions.ics").exists() and not (out / f"{REF}_EDU-actions.ics").exists()
    assert not list(out.glob(".partial-*"))
    assert {r.outcome for r in log.records} == {DistributionOutcome.SAVED}
    assert all(r.address == str(out) and r.channel is DistributionChannel.FOLDER for r in log.records)
    with SmtpServer() as server:
        plan, _ = run_email(meeting, copies, log, clock, plain(server.port))
    assert plan.deliveries == [] and server.received == []


def test_changed_or_missing_copy_stops_distribution_before_anything_is_sent(setup, tmp_path: Path) -> None:
    meeting, _, _, _, _ = setup
    folder = tmp_path / "set"
    write_signed_set(folder, REF, ["CSC", "POLICE", "HEALTH", "EDU"])
    data = bytearray((folder / f"{REF}_POLICE.pdf").read_bytes())
    data[400] ^= 0x01
    (folder / f"{REF}_POLICE.pdf").write_bytes(bytes(data))
    with pytest.raises(VerificationFailed, match="does not match the manifest"):
        load_signed_copies(folder, REF)
    partial = tmp_path / "partial"
    copies = write_signed_set(partial, REF, ["CSC", "POLICE"])
    assert copies
    with pytest.raises(NotFound, match="no signed copy for HEALTH, EDU"):
        plan_distribution(meeting, load_signed_copies(partial, REF), [])
    with pytest.raises(InvalidInput, match="not SD-2026-0001"):
        load_signed_copies(partial, "SD-2026-0001")


def test_address_that_would_inject_headers_is_refused(setup) -> None:
    meeting, _, copies, log, clock = setup
    meeting.agencies[1].email = "cait@example.org\r\nBcc: someone@elsewhere.example"
    with SmtpServer() as server:
        run_email(meeting, copies, log, clock, plain(server.port))
    police = next(r for r in log.records if r.recipient == "POLICE")
    assert police.outcome is DistributionOutcome.FAILED and "not valid" in police.reason
    assert all("elsewhere" not in rcpt for x in server.received for rcpt in x.recipients)


def test_acknowledgement_is_recorded_on_the_delivered_copy(setup, tmp_path: Path) -> None:
    meeting, _, copies, log, clock = setup
    deliver_to_folder(meeting, plan_distribution(meeting, copies, []), tmp_path, clock, log.add)
    at = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)
    acked = acknowledge(log.records, "POLICE", "DS Riley Test", at)
    assert (acked.recipient, acked.acknowledged_at, acked.acknowledged_by) == ("POLICE", at, "DS Riley Test")
    assert acked.id is not None
    with pytest.raises(NotFound):
        acknowledge([], "POLICE", "x", at)


def _sent(code: str, at: datetime) -> DistributionRecord:
    return DistributionRecord(REF, code, DistributionChannel.EMAIL, "x@example.org", "00", at,
                              DistributionOutcome.SENT)


def test_timeliness_counts_weekends_and_england_and_wales_bank_holidays() -> None:
    meeting, _ = example_meeting(REF)
    # Thursday 24 December 2026: Christmas (Fri), the weekend and Boxing Day observed (Mon 28)
    # do not count, so the first working day after the meeting is Tuesday 29 December.
    meeting.held_at = datetime(2026, 12, 24, 10, 0, tzinfo=UTC)
    holidays = bank_holidays_around(date(2026, 12, 24))
    assert date(2026, 12, 28) in holidays
    on_time = datetime(2026, 12, 29, 17, 0, tzinfo=UTC)
    log = [_sent(c, on_time) for c in ("CSC", "POLICE", "HEALTH")]
    result = timeliness(meeting, log + [_sent("EDU", on_time + timedelta(days=1))], holidays, local_date)
    assert result.deadline == date(2026, 12, 29)
    assert {a.agency: a.on_time for a in result.agencies} == {
        "CSC": True, "POLICE": True, "HEALTH": True, "EDU": False}
    assert not result.all_on_time
    assert timeliness(meeting, log + [_sent("EDU", on_time)], holidays, local_date).all_on_time


def test_local_date_is_the_date_in_england() -> None:
    # 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
    assert local_date(datetime(2026, 6, 30, 23, 30, tzinfo=UTC)) == date(2026, 7, 1)


outcomes = st.lists(
    st.tuples(st.sampled_from(["CSC", "POLICE", "HEALTH", "EDU"]),
              st.sampled_from(list(DistributionOutcome)), st.booleans()),
    max_size=12,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=outcomes)
def test_plan_never_resends_a_delivered_copy_and_always_retries_the_rest(setup, history) -> None:
    meeting, _, copies, _, _ = setup
    log = [
        DistributionRecord(REF, code, DistributionChannel.EMAIL, "x@example.org",
                           copies[code].sha256 if current else "old-version-hash",
                           datetime(2026, 11, 20, tzinfo=UTC), outcome)
        for code, outcome, current in history
    ]
    plan = plan_distribution(meeting, copies, log)
    delivered = {code for code, outcome, current in history
                 if current and outcome is not DistributionOutcome.FAILED}
    assert {d.agency.code for d in plan.deliveries} == {"CSC", "POLICE", "HEALTH", "EDU"} - delivered
    assert set(plan.already_delivered) == delivered
    for d in plan.deliveries:
        assert d.attempt == 1 + sum(1 for code, _, current in history if code == d.agency.code and current)


def test_a_copy_changed_after_signing_is_refused_even_with_a_matching_manifest(tmp_path: Path) -> None:
    import json

    folder = tmp_path / "set"
    write_signed_set(folder, REF, ["CSC"])
    path = folder / f"{REF}_CSC.pdf"
    data = path.read_bytes()
    at = data.index(b"ReportLab")  # in the signed revision's document information
    path.write_bytes(data[:at] + b"ReportLaX" + data[at + 9:])
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["copies"][0]["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(VerificationFailed, match="broken signature or was changed after signing"):
        load_signed_copies(folder, REF)

    from signed_copy_fixtures import unsigned_pdf

    path.write_bytes(unsigned_pdf(REF, "CSC"))
    manifest["copies"][0]["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(VerificationFailed, match="carries no signature"):
        load_signed_copies(folder, REF)
