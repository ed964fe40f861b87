# SPDX-License-Identifier: LicenseRef-Proprietary
"""An export keeps what the record is (issue 15): status, sign-off (who, when, content hash,
acknowledged checks) and addenda travel; a signed-off export imported into a fresh store is
signed off and locked there with the same content hash, and ``minutes --sign`` there makes
copies that verify; a file changed after sign-off is refused in one line."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from builders import sample_meeting, sign_off
from conftest import FAST_TEST_KDF, Clock
from strategy_meeting.domain.errors import ImportRejected, MeetingLocked
from strategy_meeting.domain.meeting import MeetingStatus
from strategy_meeting.domain.roles import Role
from strategy_meeting.services import identities, meetings, session, signoff
from strategy_meeting.services.exchange.service import export_meeting, import_meeting
from strategy_meeting.services.meetings import ItemKind
from strategy_meeting.services.minutes.service import render_minutes, verify_file
from strategy_meeting.services.signoff import content_hash


@pytest.fixture
def signed_export(ctx, chair, tmp_path) -> Path:
    m = sample_meeting()
    m.participants[1].decision_authority = False  # one warning, acknowledged with its reason
    made, _ = meetings.create(ctx, chair, template=m)
    signoff.sign_off(ctx, chair, made.reference, acknowledge_warnings=True,
                     reasons={"decision_maker_missing": "The DI agreed the plan by phone."},
                     signer_reason="The recorded chair was called away; the deputy signs.")
    signoff.add_addendum(ctx, chair, made.reference, "The ICPC room has changed.")
    return export_meeting(ctx, chair, made.reference, tmp_path / "export.json")


@pytest.fixture
def fresh(tmp_path):
    ctx, actor, _ = session.init_store(tmp_path / "fresh", "deputy", "fresh store passphrase 1", Role.CHAIR,
                                       kdf=FAST_TEST_KDF, clock=Clock())
    yield ctx, actor
    ctx.close()


def test_the_export_carries_status_sign_off_and_addenda(signed_export):
    document = json.loads(signed_export.read_text(encoding="utf-8"))
    assert document["format"] == "strategy-meeting/3"
    m = document["meeting"]
    assert m["status"] == "signed_off"
    so = m["sign_off"]
    assert set(so) == {"version", "signed_off_by", "signed_off_at", "content_hash", "checks_met", "acknowledged",
                       "signer_reason"}
    assert so["acknowledged"] == [{"kind": "decision_maker_missing", "message": so["acknowledged"][0]["message"],
                                   "reason": "The DI agreed the plan by phone."}]
    assert [a["text"] for a in m["addenda"]] == ["The ICPC room has changed."]


def test_a_signed_off_export_is_signed_off_and_locked_in_a_fresh_store_and_its_copies_verify(
        ctx, chair, signed_export, fresh, tmp_path):
    original = meetings.get(ctx, chair, "SD-2026-0100")
    other, deputy = fresh
    imported = import_meeting(other, deputy, signed_export)
    assert imported.status is MeetingStatus.SIGNED_OFF and imported.sign_off == original.sign_off
    assert [a.text for a in imported.addenda] == ["The ICPC room has changed."]
    there = meetings.get(other, deputy, "SD-2026-0100")
    assert there.sign_off is not None and content_hash(there) == there.sign_off.content_hash == \
        original.sign_off.content_hash
    with pytest.raises(MeetingLocked):
        meetings.update_details(other, deputy, "SD-2026-0100", location="Elsewhere")
    with pytest.raises(MeetingLocked):
        meetings.remove_item(other, deputy, "SD-2026-0100", ItemKind.CONTRIBUTION, "k1")

    identities.new_self_signed(other, deputy, organisation="Othertown Council")
    result = render_minutes(other, deputy, "SD-2026-0100", tmp_path / "minutes", sign=True)
    cert = tmp_path / "deputy.pem"
    cert.write_bytes(identities.active_certificate(other, deputy))
    assert result.copies
    for copy in result.copies:
        report = verify_file(copy.path, cert)
        assert report.ok and report.trusted, report.lines()


def test_a_file_changed_after_sign_off_is_refused_in_one_line(signed_export, fresh):
    document = json.loads(signed_export.read_text(encoding="utf-8"))
    document["meeting"]["contributions"][0]["text"] = "Bruising seen at 10:10."
    changed = signed_export.with_name("changed.json")
    changed.write_text(json.dumps(document), encoding="utf-8")
    other, deputy = fresh
    with pytest.raises(ImportRejected) as caught:
        import_meeting(other, deputy, changed)
    assert "is not what was signed off" in caught.value.message and "\n" not in caught.value.message
    with other.unit_of_work() as uow:
        assert not uow.meetings.exists("SD-2026-0100")


@pytest.mark.parametrize("change, words", [
    (lambda m: m.pop("sign_off"), "signed off exactly when it has its sign-off"),
    (lambda m: m.update(status="draft"), "signed off exactly when it has its sign-off"),
    (lambda m: m["addenda"][0].update(number=2), "numbered 1, 2, 3"),
])
def test_a_record_state_that_cannot_be_is_refused(signed_export, fresh, change, words):
    document = json.loads(signed_export.read_text(encoding="utf-8"))
    change(document["meeting"])
    path = signed_export.with_name("odd.json")
    path.write_text(json.dumps(document), encoding="utf-8")
    other, deputy = fresh
    with pytest.raises(ImportRejected, match=words):
        import_meeting(other, deputy, path)


def test_the_distribution_log_travels_and_is_restored_in_the_fresh_store(ctx, chair, admin, fresh, tmp_path):
    """Issue 15: the evidence of who had a copy moves with the record. A failed e-mail run (with
    the server's reason), a folder run with passwords, and an acknowledgement are exported,
    and importing the file into a fresh store gives that store the same log, entry for entry."""
    import socket

    from strategy_meeting.services.distribution import service as distribution_service
    from strategy_meeting.services.distribution.smtp import SmtpSecurity, SmtpSettings

    m = sample_meeting()
    m.agencies[3] = replace(m.agencies[3], email="")  # EDU has no address: its e-mail fails with none
    made, _ = meetings.create(ctx, chair, template=m)
    reference = made.reference
    identities.new_self_signed(ctx, chair)
    sign_off(ctx, chair, reference)
    render_minutes(ctx, chair, reference, tmp_path / "signed", sign=True)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens there: every e-mail fails
    distribution_service.distribute(ctx, admin, reference, smtp=SmtpSettings(
        "127.0.0.1", "minutes@council.example.org", port, SmtpSecurity.NONE))
    passwords = {code: f"long password for {code} 42" for code in ("CSC", "POLICE", "HEALTH", "EDU")}
    distribution_service.distribute(ctx, admin, reference, folder=tmp_path / "outbox", passwords=passwords)
    distribution_service.record_acknowledgement(ctx, admin, reference, "POLICE", "DS Riley Test")
    log = distribution_service.distribution_log(ctx, admin, reference)
    assert {r.outcome.value for r in log} == {"failed", "saved"} and any(r.acknowledged_at for r in log)

    exported = export_meeting(ctx, chair, reference, tmp_path / "distributed.json")
    entries = json.loads(exported.read_text(encoding="utf-8"))["meeting"]["distributions"]
    assert len(entries) == len(log) == 8
    assert {e["protection"] for e in entries if e["outcome"] == "saved"} == {"password"}
    assert all(e["reason"] for e in entries if e["outcome"] == "failed")
    assert [e["address"] for e in entries if e["recipient"] == "EDU" and e["channel"] == "email"] == [""]
    assert [e["acknowledged_by"] for e in entries if "acknowledged_by" in e] == ["DS Riley Test"]
    assert all("id" not in e and "meeting_reference" not in e for e in entries)

    other, deputy = fresh
    imported = import_meeting(other, deputy, exported)
    # Copies only saved to a folder have not gone out until handed over (issue 14): the record
    # arrives as it left, signed off and not yet distributed.
    assert imported.status is MeetingStatus.SIGNED_OFF
    there = distribution_service.distribution_log(other, deputy, reference)
    assert [replace(r, id=None) for r in there] == [replace(r, id=None) for r in log]
    # And the next export from there carries the same log: nothing is lost on a second move.
    again = export_meeting(other, deputy, reference, tmp_path / "again.json")
    assert json.loads(again.read_text(encoding="utf-8"))["meeting"]["distributions"] == entries


def test_a_distribution_log_without_a_sign_off_or_naming_an_unlisted_agency_is_refused(
        ctx, chair, fresh, tmp_path):
    made, _ = meetings.create(ctx, chair, template=sample_meeting())
    draft = json.loads(export_meeting(ctx, chair, made.reference, tmp_path / "draft.json").read_text("utf-8"))
    assert "distributions" not in draft["meeting"]  # none yet: the key is left out
    entry = {"recipient": "EDU", "channel": "folder", "address": "/srv/outbox", "sha256": "ab" * 32,
             "at": "2026-11-21T09:00:00+00:00", "outcome": "saved"}
    other, deputy = fresh
    for entries, said in (([entry], "only a signed-off record has a distribution log"),
                          ([{**entry, "recipient": "HOUSING"}], "'HOUSING' is not one of the listed agencies")):
        draft["meeting"]["distributions"] = entries
        path = tmp_path / "with-log.json"
        path.write_text(json.dumps(draft), encoding="utf-8")
        with pytest.raises(ImportRejected) as caught:
            import_meeting(other, deputy, path)
        assert any(p.startswith("meeting.distributions") and said in p for p in caught.value.problems)
    with other.unit_of_work() as uow:
        assert uow.distributions.all() == [] and not uow.meetings.exists(made.reference)


def test_every_field_of_a_log_entry_is_in_the_schema_and_survives_the_trip() -> None:
    """A field added to ``DistributionRecord`` later must be listed in the schema (every object
    there is closed) or the export of it would be refused; "not encrypted" and "not recorded"
    stay distinct."""
    from dataclasses import fields
    from datetime import UTC, datetime

    from strategy_meeting.domain.records import DistributionChannel, DistributionOutcome, DistributionRecord
    from strategy_meeting.services.exchange.distribution_log import (
        distribution_from_json,
        distribution_to_json,
        required_fields,
    )
    from strategy_meeting.services.exchange.validation import published_schema

    schema = published_schema()["$defs"]["distribution"]
    written = {f.name for f in fields(DistributionRecord)} - {"id", "meeting_reference"}
    assert set(schema["properties"]) == written
    assert set(schema["required"]) == set(required_fields())
    at = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)
    for protection in ("", None, "password", "certificate"):
        record = DistributionRecord("SD-2026-0100", "EDU", DistributionChannel.EMAIL, "dsl@example.org", "ab" * 32,
                                    at, DistributionOutcome.SENT, acknowledged_at=at, acknowledged_by="DSL",
                                    attempt=2, protection=protection)
        entry = distribution_to_json(record)
        assert entry.get("protection") == {"": "none", None: None}.get(protection, protection)
        assert distribution_from_json("SD-2026-0100", entry) == record
