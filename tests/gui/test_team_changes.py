# SPDX-License-Identifier: LicenseRef-Proprietary
"""A colleague's save on the team server reaches this window's change bus as it commits
(issue 17: the chair sees contributions arrive live), through LISTEN/NOTIFY and a queued
signal onto the GUI thread."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QThread

from strategy_meeting.domain.roles import Role
from strategy_meeting.gui.change_bus import ChangeBus
from strategy_meeting.gui.team_changes import TeamChangeRelay
from strategy_meeting.services import meetings
from strategy_meeting.services.meetings import ItemKind

from builders import sample_meeting


def test_a_colleagues_save_arrives_on_the_bus(qtbot, team) -> None:  # type: ignore[no-untyped-def]
    (ctx_a, _a), (ctx_b, b) = team.session(team.add("chair_a", Role.CHAIR)), team.session(team.add("chair_b", Role.CHAIR))
    with ctx_b.unit_of_work() as uow:
        meeting = sample_meeting("SD-2026-0700")
        meeting.note_recording_started()  # so the save below changes the actions alone
        uow.meetings.save(meeting)
        uow.commit()
    bus = ChangeBus()
    relay = TeamChangeRelay(bus)
    relay.start(ctx_a)
    seen_on: list[object] = []
    bus.changed.connect(lambda _changes: seen_on.append(QThread.currentThread()))
    try:
        with qtbot.waitSignal(bus.changed, timeout=10_000) as arrived:
            current = meetings.get(ctx_b, b, "SD-2026-0700")
            meetings.put_item(ctx_b, b, "SD-2026-0700", ItemKind.ACTION,
                              replace(current.actions[0], completion_note="booked"))
        changes = arrived.args[0]
        assert changes.meetings == frozenset({meeting.id}) and changes.actions
        assert seen_on and seen_on[0] is qtbot_thread(qtbot)
    finally:
        relay.stop()


def qtbot_thread(qtbot) -> object:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    return QApplication.instance().thread()


def test_on_a_local_store_nothing_is_watched(ctx) -> None:  # type: ignore[no-untyped-def]
    relay = TeamChangeRelay(ChangeBus())
    relay.start(ctx)
    assert relay._stop is None
    relay.stop()
