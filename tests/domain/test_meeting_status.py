"""The status machine is consulted on every change of status (issue 18): only Meeting's own
methods move it, and a move the machine does not allow is refused."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builders import sample_meeting
from strategy_meeting.domain.errors import InvalidInput
from strategy_meeting.domain.meeting import STATUS_TRANSITIONS, MeetingStatus, SignOff, can_move

SRC = Path(__file__).resolve().parents[2] / "src" / "strategy_meeting"
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def _at(status: MeetingStatus):  # type: ignore[no-untyped-def]
    meeting = sample_meeting()
    meeting.status = status  # a record as the store hands it back
    return meeting


@given(st.sampled_from(list(MeetingStatus)), st.sampled_from(list(MeetingStatus)))
def test_a_move_happens_exactly_when_the_machine_allows_it(start, target):
    meeting = _at(start)
    if can_move(start, target):
        meeting.move_to(target)
        assert meeting.status is target
    else:
        with pytest.raises(InvalidInput, match="cannot be moved"):
            meeting.move_to(target)
        assert meeting.status is start


@pytest.mark.parametrize("start", [MeetingStatus.DRAFT, MeetingStatus.IN_PROGRESS, MeetingStatus.CONCLUDED])
def test_signing_off_concludes_first_then_locks(start):
    meeting = _at(start)
    meeting.sign(SignOff(1, "Chair", NOW, "0" * 64))
    assert meeting.status is MeetingStatus.SIGNED_OFF and meeting.sign_off is not None


@pytest.mark.parametrize("start", [MeetingStatus.SIGNED_OFF, MeetingStatus.DISTRIBUTED])
def test_a_signed_off_meeting_is_never_signed_again(start):
    meeting = _at(start)
    with pytest.raises(InvalidInput):
        meeting.sign(SignOff(2, "Chair", NOW, "0" * 64))
    assert meeting.status is start


def test_recording_takes_a_draft_into_progress_and_nothing_else():
    draft, concluded = _at(MeetingStatus.DRAFT), _at(MeetingStatus.CONCLUDED)
    draft.note_recording_started()
    concluded.note_recording_started()
    assert draft.status is MeetingStatus.IN_PROGRESS and concluded.status is MeetingStatus.CONCLUDED


def test_only_a_signed_off_meeting_is_marked_distributed():
    with pytest.raises(InvalidInput):
        _at(MeetingStatus.CONCLUDED).mark_distributed()
    done = _at(MeetingStatus.SIGNED_OFF)
    done.mark_distributed()
    assert done.status is MeetingStatus.DISTRIBUTED
    assert STATUS_TRANSITIONS[MeetingStatus.DISTRIBUTED] == frozenset()


def test_no_service_sets_a_meetings_status_directly():
    """The store maps rows and the demo builds records; every other change goes through the
    methods above."""
    assignment = re.compile(r"\bmeeting\.status\s*=(?!=)|\bm\.status\s*=(?!=)")
    offenders = [str(path.relative_to(SRC)) for path in (SRC / "services").rglob("*.py")
                 if assignment.search(path.read_text(encoding="utf-8"))]
    assert offenders == []
