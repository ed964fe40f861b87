# SPDX-License-Identifier: LicenseRef-Proprietary
"""An information governance lead on the team server "reads everything, edits nothing" (issue
16's role) in the database too: their login keeps the governance records (holds, restriction)
through the app, and raw SQL cannot change the record itself or the audit trail."""

from __future__ import annotations

from dataclasses import replace

import psycopg
import pytest

from strategy_meeting.domain.errors import PermissionDenied
from strategy_meeting.domain.roles import Role
from strategy_meeting.services import meetings
from strategy_meeting.services.governance import holds, restriction
from strategy_meeting.services.meetings import ItemKind

from builders import sample_meeting

REF = "SD-2026-0820"


@pytest.fixture
def governance(team):  # type: ignore[no-untyped-def]
    ctx_c, _chair = team.session(team.add("chair", Role.CHAIR))
    with ctx_c.unit_of_work() as uow:
        meeting = sample_meeting(REF)
        meeting.note_recording_started()
        uow.meetings.save(meeting)
        uow.commit()
    login = team.add("ig_lead", Role.INFORMATION_GOVERNANCE)
    return team, login, team.session(login)


def test_the_lead_reads_the_whole_record_and_keeps_governance(governance) -> None:  # type: ignore[no-untyped-def]
    _team, _login, (ctx, lead) = governance
    seen = meetings.get(ctx, lead, REF)
    assert {c.agency for c in seen.contributions} == {"EDU", "POLICE", "CSC"}  # the full record
    hold = holds.place_on_meeting(ctx, lead, REF, "Complaint received: keep as it is")
    assert [h.id for h in holds.list_holds(ctx, lead)] == [hold.id]
    restriction.restrict(ctx, lead, REF, "Accuracy contested by the mother")
    with ctx.unit_of_work() as uow:
        assert restriction.is_restricted(uow, REF)


def test_the_app_and_the_database_both_refuse_the_lead_an_edit(governance) -> None:  # type: ignore[no-untyped-def]
    team, login, (ctx, lead) = governance
    current = meetings.get(ctx, lead, REF)
    with pytest.raises(PermissionDenied):
        meetings.put_item(ctx, lead, REF, ItemKind.ACTION, replace(current.actions[0], completion_note="x"))
    with psycopg.connect(team.raw_dsn(login), autocommit=True) as raw:
        for sql in ("UPDATE contributions SET text = 'changed'",
                    "DELETE FROM actions",
                    "UPDATE meetings SET status = 'signed_off'",
                    "DELETE FROM audit_events"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                raw.execute(sql)
        assert raw.execute("SELECT count(*) FROM contributions WHERE text = 'changed'").fetchone()[0] == 0


def test_only_a_chairs_login_signs_a_meeting_off_even_in_raw_sql(team) -> None:  # type: ignore[no-untyped-def]
    """A minute-taker's login may edit the record (its role does), but signing off is the
    chair's: the database refuses the sign-off columns to it, whatever client it uses."""
    ctx_c, _chair = team.session(team.add("chair2", Role.CHAIR))
    with ctx_c.unit_of_work() as uow:
        meeting = sample_meeting("SD-2026-0821")
        meeting.note_recording_started()
        uow.meetings.save(meeting)
        uow.commit()
    taker = team.add("minute_taker", Role.MINUTE_TAKER)
    with psycopg.connect(team.raw_dsn(taker), autocommit=True) as raw:
        for sql in ("UPDATE meetings SET status = 'signed_off' WHERE reference = 'SD-2026-0821'",
                    "UPDATE meetings SET sign_off = '{}' WHERE reference = 'SD-2026-0821'"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="only a chair signs"):
                raw.execute(sql)
        raw.execute("UPDATE meetings SET location = 'Room 2' WHERE reference = 'SD-2026-0821'")  # editing is theirs
        assert raw.execute("SELECT status FROM meetings WHERE reference = 'SD-2026-0821'").fetchone()[0] == "in_progress"


def test_an_administrator_still_marks_a_signed_meeting_distributed(team) -> None:  # type: ignore[no-untyped-def]
    """The sign-off guard stops signing, not what follows it: an administrator's save of a
    signed-off meeting (its status moved to distributed) rewrites the details unchanged."""
    from builders import sign_off

    from strategy_meeting.domain.meeting import MeetingStatus

    ctx_c, chair = team.session(team.add("chair3", Role.CHAIR))
    meetings.create(ctx_c, chair, template=sample_meeting("SD-2026-0822"))
    sign_off(ctx_c, chair, "SD-2026-0822")
    ctx_a, _admin = team.session(team.add("admin", Role.ADMINISTRATOR))
    with ctx_a.unit_of_work() as uow:
        meeting = uow.meetings.get("SD-2026-0822")
        meeting.mark_distributed()
        uow.meetings.save(meeting)
        uow.commit()
    stored = meetings.get(ctx_c, chair, "SD-2026-0822")
    assert stored.status is MeetingStatus.DISTRIBUTED and stored.sign_off is not None
