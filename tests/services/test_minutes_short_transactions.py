"""render_minutes holds no transaction while it renders and signs (issue 18): a second writer
is not kept waiting, and a meeting that changed meanwhile is not recorded with stale copies."""

from __future__ import annotations

import threading
import time


from builders import sample_meeting, sign_off
from conftest import PASSPHRASE
from strategy_meeting.domain.errors import MeetingChanged
from strategy_meeting.services import identities, meetings, session
from strategy_meeting.services.minutes import service as minutes_service


def _signed_off(ctx, chair, reference: str):  # type: ignore[no-untyped-def]
    meetings.create(ctx, chair, template=sample_meeting(reference))
    sign_off(ctx, chair, reference)


def _slow_render(monkeypatch, started: threading.Event, hold: float):  # type: ignore[no-untyped-def]
    """The real render, made to last ``hold`` seconds longer, saying when it has begun."""
    real = minutes_service.render_set

    def render(*args, **kwargs):  # type: ignore[no-untyped-def]
        started.set()
        time.sleep(hold)
        return real(*args, **kwargs)

    monkeypatch.setattr(minutes_service, "render_set", render)


def test_a_second_writer_is_not_kept_waiting_during_a_render(data_dir, ctx, chair, tmp_path, monkeypatch, clock):
    identities.new_self_signed(ctx, chair)
    _signed_off(ctx, chair, "SD-2026-0100")
    meetings.create(ctx, chair, template=sample_meeting("SD-2026-0200"))
    started = threading.Event()
    # The render is held in its slow middle step for 3 s (the time signing and a timestamp
    # authority can take), with the interpreter free, so what the writer meets is the store's
    # write lock and nothing else (a real render would also hold the GIL in this process).
    _slow_render(monkeypatch, started, hold=3.0)
    errors: list[BaseException] = []
    other, other_chair = session.open_session(data_dir, PASSPHRASE, clock=clock)  # a second connection

    def render() -> None:
        try:
            minutes_service.render_minutes(ctx, chair, "SD-2026-0100", tmp_path / "out", sign=True)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    thread = threading.Thread(target=render)
    thread.start()
    assert started.wait(30)
    try:
        began = time.perf_counter()
        meetings.update_details(other, other_chair, "SD-2026-0200", location="Room 2")
        waited = time.perf_counter() - began
    finally:
        other.close()
    thread.join(60)
    assert errors == []
    assert waited < 0.1, f"the writer waited {waited * 1000:.0f} ms"
    assert (tmp_path / "out" / "manifest.json").exists()


def test_a_meeting_changed_during_the_render_is_refused_and_nothing_is_kept(
        data_dir, ctx, chair, tmp_path, monkeypatch, clock):
    meetings.create(ctx, chair, template=sample_meeting("SD-2026-0100"))  # a draft: editable
    started = threading.Event()
    _slow_render(monkeypatch, started, hold=1.0)
    errors: list[BaseException] = []

    def render() -> None:
        try:
            minutes_service.render_minutes(ctx, chair, "SD-2026-0100", tmp_path / "out")
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    thread = threading.Thread(target=render)
    thread.start()
    assert started.wait(30)
    other, other_chair = session.open_session(data_dir, PASSPHRASE, clock=clock)
    try:
        meetings.update_details(other, other_chair, "SD-2026-0100", location="Moved to Room 9")
    finally:
        other.close()
    thread.join(60)
    assert len(errors) == 1 and isinstance(errors[0], MeetingChanged), errors
    assert "make them again" in str(errors[0])
    assert list((tmp_path / "out").iterdir()) == []  # no stale copy, no manifest
    with ctx.unit_of_work() as uow:
        assert uow.copies.for_meeting("SD-2026-0100") == []


def test_the_control_an_unchanged_meeting_renders_and_is_recorded(ctx, chair, tmp_path):
    meetings.create(ctx, chair, template=sample_meeting("SD-2026-0100"))
    result = minutes_service.render_minutes(ctx, chair, "SD-2026-0100", tmp_path / "out")
    with ctx.unit_of_work() as uow:
        recorded = uow.copies.for_meeting("SD-2026-0100")
    assert {r.file_name for r in recorded} == {c.path.name for c in result.copies}


