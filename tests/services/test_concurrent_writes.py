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
