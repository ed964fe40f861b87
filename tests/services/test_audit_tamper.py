# SPDX-License-Identifier: LicenseRef-Proprietary
"""`audit verify` on a real store finds edits, removals and reordering made behind its back."""

from __future__ import annotations

from strategy_meeting.services import audit, meetings
from strategy_meeting.services.meetings import ItemKind
from strategy_meeting.store.engine import connect_raw

from builders import sample_meeting


def _fill(ctx, chair, n: int) -> None:
    meetings.create(ctx, chair, template=sample_meeting())
    for i in range(n):
        meetings.update_details(ctx, chair, "SD-2026-0100", location=f"Room {i}")


def _raw(ctx):
    return connect_raw(ctx.store.db_path, ctx.store.raw_key_for_backup())


def test_intact_log_verifies(ctx, chair):
    _fill(ctx, chair, 30)
    report = audit.verify(ctx, chair)
    assert report.ok and report.events >= 32


def test_edited_payload_is_named_by_its_index(ctx, chair):
    _fill(ctx, chair, 30)
    conn = _raw(ctx)
    conn.execute("UPDATE audit_events SET details = '{\"fields\":[\"held_at\"]}' WHERE seq = 17")
    conn.close()
    report = audit.verify(ctx, chair)
    assert not report.ok and report.first_broken_seq == 17
    assert "event 17" in report.problem


def test_deleted_middle_event_is_found(ctx, chair):
    _fill(ctx, chair, 10)
    conn = _raw(ctx)
    conn.execute("DELETE FROM audit_events WHERE seq = 5")
    conn.close()
    assert not audit.verify(ctx, chair).ok


def test_deleted_last_events_are_found_through_the_kept_head(ctx, chair):
    _fill(ctx, chair, 10)
    conn = _raw(ctx)
    last = conn.execute("SELECT max(seq) FROM audit_events").fetchone()[0]
    conn.execute("DELETE FROM audit_events WHERE seq > ?", (last - 5,))
    conn.close()
    report = audit.verify(ctx, chair)
    assert not report.ok and "removed" in report.problem


def test_swapped_events_are_found(ctx, chair):
    _fill(ctx, chair, 10)
    conn = _raw(ctx)
    conn.execute("UPDATE audit_events SET seq = -1 WHERE seq = 4")
    conn.execute("UPDATE audit_events SET seq = 4 WHERE seq = 5")
    conn.execute("UPDATE audit_events SET seq = 5 WHERE seq = -1")
    conn.close()
    assert not audit.verify(ctx, chair).ok


def test_denied_reads_and_item_edits_are_audited(ctx, chair):
    meetings.create(ctx, chair, template=sample_meeting())
    meetings.remove_item(ctx, chair, "SD-2026-0100", ItemKind.ACTION, "a1")
    with ctx.unit_of_work() as uow:
        last = uow.audit.events()[-1]
    assert (last.action, last.object, last.details) == ("item.remove", "meeting:SD-2026-0100", {"kind": "actions"})


def test_a_thousand_events_verify_and_one_edited_payload_is_named_exactly(ctx, chair):
    """SECURITY-TESTS 29: at the catalogue's size, the verifier still names the first broken
    event, not a neighbour. Control: the same log verifies before the edit."""
    with ctx.unit_of_work() as uow:
        for i in range(1000):
            uow.audit.append("chair", "test.event", f"object:{i}", {"i": i})
        uow.commit()
    report = audit.verify(ctx, chair)
    assert report.ok and report.events >= 1000
    conn = _raw(ctx)
    target = conn.execute("SELECT seq FROM audit_events WHERE object = 'object:637'").fetchone()[0]
    conn.execute("UPDATE audit_events SET details = '{\"i\":638}' WHERE seq = ?", (target,))
    conn.close()
    report = audit.verify(ctx, chair)
    assert not report.ok and report.first_broken_seq == target and f"event {target}" in report.problem
