# SPDX-License-Identifier: LicenseRef-Proprietary
"""The database keeps each representative to their agency's copy (issue 17, part 3).

Meetings are generated, written through the chair's own connection, and for every agency a
representative's own login reads them back with raw SQL (never the app's queries): what they
can SELECT must be exactly what ``domain.sharing.copy_of`` gives their agency, the meetings
their agency takes part in and, in them, the contributions and actions ``may_see`` allows.
The control: the chair's login reads everything, so the comparison can fail.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategy_meeting.domain.action import Action
from strategy_meeting.domain.contribution import Contribution, Topic
from strategy_meeting.domain.roles import Role
from strategy_meeting.domain.sharing import Recipient, copy_of
from strategy_meeting.domain.sharing_terms import AudienceScope, SharingTerms

from builders import AGENCIES, sample_meeting

CODES = [a.code for a in AGENCIES] + ["PROBATION"]
_references = itertools.count(1)


def terms() -> st.SearchStrategy[SharingTerms]:
    return st.one_of(
        st.builds(SharingTerms.everyone, st.booleans()),
        st.just(SharingTerms.chair_only()),
        st.frozensets(st.sampled_from(CODES), min_size=1).map(
            lambda codes: SharingTerms(AudienceScope.AGENCIES, codes)),
    )


@st.composite
def meetings(draw):  # type: ignore[no-untyped-def]
    taking_part = draw(st.lists(st.sampled_from(AGENCIES), min_size=1, max_size=4, unique_by=lambda a: a.code))
    codes = [a.code for a in taking_part]
    contributions = [
        Contribution(f"k{n}", draw(st.sampled_from(codes)), Topic.HISTORY, f"contribution {n}", draw(terms()))
        for n in range(draw(st.integers(0, 6)))
    ]
    actions = [
        Action(f"a{n}", f"action {n}", draw(st.sampled_from(codes)), date(2026, 12, 1), draw(terms()))
        for n in range(draw(st.integers(0, 4)))
    ]
    base = sample_meeting(f"SD-RLS-{next(_references):05d}")
    return replace(base, agencies=taking_part, contributions=contributions, actions=actions,
                   participants=[p for p in base.participants if p.agency in codes], decisions=[])


def _visible(conn: psycopg.Connection, reference: str) -> tuple[bool, set[str], set[str]]:
    """What this login's own connection can SELECT of one meeting, by raw SQL."""
    meeting = conn.execute("SELECT id FROM meetings WHERE reference = %s", [reference]).fetchone()
    contributions = {r[0] for r in conn.execute(
        "SELECT c.item_id FROM contributions c WHERE c.meeting_id = "
        "(SELECT id FROM meetings WHERE reference = %s)", [reference])}
    actions = {r[0] for r in conn.execute(
        "SELECT a.item_id FROM actions a WHERE a.meeting_id = "
        "(SELECT id FROM meetings WHERE reference = %s)", [reference])}
    return meeting is not None, contributions, actions


@pytest.fixture
def logins(team):  # type: ignore[no-untyped-def]
    chair = team.add("chair", Role.CHAIR)
    reps = {code: team.add(f"rep_{code.lower()}", Role.AGENCY_REP, code) for code in CODES}
    connections = {code: psycopg.connect(team.raw_dsn(login), autocommit=True) for code, login in reps.items()}
    chair_conn = psycopg.connect(team.raw_dsn(chair), autocommit=True)
    ctx, _ = team.session(chair)
    yield ctx, chair_conn, connections
    for conn in [chair_conn, *connections.values()]:
        conn.close()


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(meeting=meetings())
def test_each_representative_selects_exactly_their_agencys_copy(logins, meeting) -> None:  # type: ignore[no-untyped-def]
    ctx, chair_conn, reps = logins
    with ctx.unit_of_work() as uow:  # written through the chair's own login
        uow.meetings.save(meeting)
        uow.commit()
    taking_part = {a.code for a in meeting.agencies}

    # Control: the chair's login sees the whole record.
    assert _visible(chair_conn, meeting.reference) == (
        True, {c.id for c in meeting.contributions}, {a.id for a in meeting.actions})

    for code, conn in reps.items():
        if code in taking_part:
            copy = copy_of(meeting, Recipient(code)).meeting
            expected = (True, {c.id for c in copy.contributions}, {a.id for a in copy.actions})
        else:
            expected = (False, set(), set())
        assert _visible(conn, meeting.reference) == expected, code
