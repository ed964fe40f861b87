# SPDX-License-Identifier: LicenseRef-Proprietary
"""Live news of colleagues' saves keeps to what each login may read (issue 17, part 3): any
login can LISTEN on any channel, so the notification itself carries no meeting and no part,
and a representative's listener hears only of meetings their agency takes part in."""

from __future__ import annotations

import json
import queue
import time
from dataclasses import replace

import psycopg

from strategy_meeting.domain.agency import Agency, AgencyKind
from strategy_meeting.domain.roles import Role
from strategy_meeting.services import meetings, team_server
from strategy_meeting.services.meetings import ItemKind
from strategy_meeting.store.server.listener import CHANNEL

from builders import sample_meeting


def _save(ctx, reference: str, *, with_housing: bool = False) -> None:  # type: ignore[no-untyped-def]
    with ctx.unit_of_work() as uow:
        meeting = sample_meeting(reference)
        if with_housing:  # the one agency whose representative listens below
            meeting.agencies.append(Agency("HOUSING", "Housing Options", AgencyKind.HOUSING, "h@example.org"))
        meeting.note_recording_started()
        uow.meetings.save(meeting)
        uow.commit()


def _edit_action(ctx, actor, reference: str, note: str) -> int:  # type: ignore[no-untyped-def]
    current = meetings.get(ctx, actor, reference)
    meetings.put_item(ctx, actor, reference, ItemKind.ACTION, replace(current.actions[0], completion_note=note))
    return current.id or 0


def _drain(news: queue.Queue, seconds: float) -> set[int]:  # type: ignore[type-arg]
    seen: set[int] = set()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            seen.add(news.get(timeout=0.1)[0])
        except queue.Empty:
            pass
    return seen


def test_a_representative_hears_only_of_their_agencys_meetings(team) -> None:  # type: ignore[no-untyped-def]
    ctx_c, chair = team.session(team.add("chair", Role.CHAIR))
    _save(ctx_c, "SD-2026-0800", with_housing=True)
    _save(ctx_c, "SD-2026-0801")
    ctx_p, _housing = team.session(team.add("rep_housing", Role.AGENCY_REP, "HOUSING"))
    housing_news: queue.Queue = queue.Queue()  # type: ignore[type-arg]
    chair_news: queue.Queue = queue.Queue()  # type: ignore[type-arg]
    stops = [team_server.watch(ctx_p, lambda ch: housing_news.put(sorted(ch.meetings))),
             team_server.watch(ctx_c, lambda ch: chair_news.put(sorted(ch.meetings)))]
    try:
        theirs = _edit_action(ctx_c, chair, "SD-2026-0800", "visited")
        not_theirs = _edit_action(ctx_c, chair, "SD-2026-0801", "visited")
        heard_by_housing, heard_by_chair = _drain(housing_news, 3), _drain(chair_news, 0.5)
    finally:
        for stop in stops:
            stop()
    assert heard_by_chair == {theirs, not_theirs}  # the control: staff hear of both
    assert heard_by_housing == {theirs}


def test_the_notification_itself_names_no_meeting(team) -> None:  # type: ignore[no-untyped-def]
    ctx_c, chair = team.session(team.add("chair", Role.CHAIR))
    _save(ctx_c, "SD-2026-0810")
    login = team.add("rep_housing2", Role.AGENCY_REP, "HOUSING")
    with psycopg.connect(team.raw_dsn(login), autocommit=True) as raw:
        raw.execute(f"LISTEN {CHANNEL}")
        meeting_id = _edit_action(ctx_c, chair, "SD-2026-0810", "seen at home")
        payloads = [n.payload for n in raw.notifies(timeout=3, stop_after=1)]
    assert payloads, "a save made no notification at all"
    for payload in payloads:
        value = json.loads(payload)
        assert isinstance(value, int)  # a bare sequence number: no meeting id, no part name
        assert "meeting" not in payload and "actions" not in payload
    assert meeting_id  # the save that was made is one the representative cannot see
