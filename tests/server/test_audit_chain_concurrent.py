# SPDX-License-Identifier: LicenseRef-Proprietary
"""The audit chain on the team server stays one chain while several logins write at once
(issue 17, part 5): each transaction appends under the one advisory lock, and a transaction
that appends twice (a save and its sharing-log entry) writes its second event on top of its
first without reading the head again."""

from __future__ import annotations

import threading

from strategy_meeting.domain.contribution import Contribution, Topic
from strategy_meeting.domain.meeting import MeetingStatus
from strategy_meeting.domain.roles import Role
from strategy_meeting.domain.sharing_terms import SharingTerms
from strategy_meeting.services import audit, meetings
from strategy_meeting.services.meetings import ItemKind

from builders import sample_meeting, with_basis

REF = "SD-2026-0830"
WRITES = 8


def test_concurrent_writers_leave_one_intact_chain(team) -> None:  # type: ignore[no-untyped-def]
    ctx_c, chair = team.session(team.add("chair", Role.CHAIR))
    meetings.create(ctx_c, chair, template=sample_meeting(REF))
    writers = [team.session(team.add(f"rep_{a.lower()}", Role.AGENCY_REP, a)) for a in ("POLICE", "HEALTH", "EDU")]
    failures: list[BaseException] = []
    start = threading.Barrier(len(writers))

    def write(ctx, actor) -> None:  # type: ignore[no-untyped-def]
        try:
            start.wait()
            for n in range(WRITES):
                item = Contribution("", actor.agency, Topic.OTHER, f"{actor.agency} note {n}",
                                    with_basis(SharingTerms.everyone()))
                meetings.put_item(ctx, actor, REF, ItemKind.CONTRIBUTION, item)
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    threads = [threading.Thread(target=write, args=w) for w in writers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not failures
    report = audit.verify(ctx_c, chair)
    assert report.ok
    puts = [e for e in audit.recent_events(ctx_c, chair, limit=1000) if e.action == "item.put"]
    assert len(puts) == len(writers) * WRITES
    assert len({e.seq for e in audit.recent_events(ctx_c, chair, limit=1000)}) == report.events
    stored = meetings.get(ctx_c, chair, REF)
    # Representatives' contributions to a draft are taken, and leave its status to the chair
    # (their logins may not change the details: this once refused them as "changed by the chair").
    assert stored.status is MeetingStatus.DRAFT
    assert sum(c.text.endswith(tuple(f"note {n}" for n in range(WRITES))) for c in stored.contributions) == \
        len(writers) * WRITES
