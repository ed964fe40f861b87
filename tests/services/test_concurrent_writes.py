# SPDX-License-Identifier: LicenseRef-Proprietary
"""Two writers at once never fork the audit chain (BEGIN IMMEDIATE serialises them)."""

from __future__ import annotations

import threading

from builders import sample_meeting
from strategy_meeting.services import audit, meetings


def test_two_threads_of_writes_keep_one_chain(ctx, chair):
    meetings.create(ctx, chair, template=sample_meeting("SD-A"))
    meetings.create(ctx, chair, template=sample_meeting("SD-B"))
    errors: list[BaseException] = []

    def writer(ref: str) -> None:
        try:
            for i in range(40):
                meetings.update_details(ctx, chair, ref, location=f"Room {i}")
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(ref,)) for ref in ("SD-A", "SD-B")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    report = audit.verify(ctx, chair)
    assert report.ok
    with ctx.unit_of_work() as uow:
        events = uow.audit.events()
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert sum(1 for e in events if e.action == "meeting.update") == 80


def test_two_threads_of_five_hundred_appends_never_fork_the_chain(ctx, chair):
    """SECURITY-TESTS 31 at the catalogue's size: each append is its own unit of work (its own
    BEGIN IMMEDIATE), so the two threads interleave commit by commit. Control: they did
    interleave, so the serialisation was really tested."""
    errors: list[BaseException] = []

    def writer(name: str) -> None:
        try:
            for i in range(500):
                with ctx.unit_of_work() as uow:
                    uow.audit.append("chair", "test.append", f"{name}:{i}", {})
                    uow.commit()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(name,)) for name in ("A", "B")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert audit.verify(ctx, chair).ok
    with ctx.unit_of_work() as uow:
        events = uow.audit.events()
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert all(later.prev_hash == earlier.hash for earlier, later in zip(events, events[1:]))
    ours = [e.object[0] for e in events if e.action == "test.append"]
    assert len(ours) == 1000
    assert sum(1 for a, b in zip(ours, ours[1:]) if a != b) > 1  # the threads interleaved
