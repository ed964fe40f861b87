"""One way to run a service call from the GUI (issue 18): ``ServiceOp`` runs it in the worker
or at once, always shows a failure the same way, and always announces what changed on the app
state's bus."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.errors import InvalidInput
from strategy_meeting.gui import ops
from strategy_meeting.gui.app_state import AppState

GUI = Path(__file__).resolve().parents[2] / "src" / "strategy_meeting" / "gui"


@pytest.fixture
def heard(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    state = AppState(tmp_path)
    seen: list[Changes] = []
    state.bus.changed.connect(seen.append)
    yield seen
    del state  # kept alive until the test is over: the bus is its child


@pytest.fixture
def warnings_shown(monkeypatch):  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(text))
    return shown


def test_at_once_the_value_comes_back_and_the_changes_are_announced(heard):
    changes = Changes(meeting_list=True)
    assert ops.ServiceOp(None, lambda: ("value", changes)).run_now() == "value"
    assert heard == [changes]


def test_in_the_worker_success_gets_the_value_after_the_announcement(qtbot, heard):
    changes = Changes(actions=True)
    got: list[object] = []
    ops.ServiceOp(None, lambda: (42, changes)).success(
        lambda value: got.append((value, list(heard)))).run_in_background()
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got == [(42, [changes])]


def test_a_refusal_is_shown_as_the_users_own_message_and_nothing_is_announced(heard, warnings_shown):
    def refused() -> object:
        raise InvalidInput("The due date is before the meeting.")

    assert ops.ServiceOp(None, refused).run_now() is None
    assert warnings_shown == ["The due date is before the meeting."] and heard == []


def test_an_unexpected_error_is_an_apology_without_its_text(warnings_shown):
    def broken() -> object:
        raise RuntimeError("Zoë's address")

    ops.ServiceOp(None, broken).run_now()
    assert len(warnings_shown) == 1 and "Zoë" not in warnings_shown[0]


def test_a_failure_callback_takes_the_error_instead(warnings_shown):
    taken: list[BaseException] = []

    def refused() -> object:
        raise InvalidInput("No.")

    ops.ServiceOp(None, refused).failure(taken.append).run_now()
    assert [str(e) for e in taken] == ["No."] and warnings_shown == []


def test_only_the_op_announces_changes():
    """No window emits on the bus itself: a call that changes something says so in what it
    returns, and the op announces it."""
    emitters = [str(p.relative_to(GUI)) for p in GUI.rglob("*.py")
                if "emit_changes(" in p.read_text(encoding="utf-8")
                and p.name not in ("ops.py", "change_bus.py")]
    assert emitters == []


def test_a_refused_privileged_attempt_is_in_the_audit_log(qtbot, tmp_path, opened, warnings_shown):
    """As from the command line (issue 13): the refusal is shown and recorded as "denied"."""
    from strategy_meeting.domain.roles import Permission
    from strategy_meeting.services import users

    ctx, chair = opened
    state = AppState(tmp_path)
    state.set_unlocked(ctx, chair)
    ops.ServiceOp(None, lambda: users.require(chair, Permission.MANAGE_USERS)).run_now()
    with ctx.unit_of_work() as uow:
        last = uow.audit.events()[-1]
    assert (last.user, last.action, last.object) == ("chair", "denied", "gui")
    assert warnings_shown and "may not manage users" in warnings_shown[0]
    del state
