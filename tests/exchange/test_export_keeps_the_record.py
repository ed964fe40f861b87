# SPDX-License-Identifier: LicenseRef-Proprietary
"""An export keeps what the record is (issue 15): status, sign-off (who, when, content hash,
acknowledged checks) and addenda travel; a signed-off export imported into a fresh store is
signed off and locked there with the same content hash, and ``minutes --sign`` there makes
copies that verify; a file changed after sign-off is refused in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builders import sample_meeting
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
