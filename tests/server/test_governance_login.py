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
