# SPDX-License-Identifier: LicenseRef-Proprietary
"""The meetings list on the team server comes in part (issue 17's figures): the count and the
first ids, then the rest as the user scrolls. What arrives in parts must be exactly what one
search gives, in the same order, and a representative's parts hold only their agency's
meetings (row-level security, with no second filter in the app)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from strategy_meeting.domain.listing import MeetingQuery
from strategy_meeting.domain.roles import Role
from strategy_meeting.services import meetings

from builders import sample_meeting


@pytest.fixture
def listed(team, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(meetings, "SERVER_ID_CHUNK", 3)  # seven meetings make three parts
    chair = team.session(team.add("chair", Role.CHAIR))
    with chair[0].unit_of_work() as uow:
        for n in range(7):
            meeting = sample_meeting(f"SD-2026-{900 + n}")
            meeting.held_at = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(days=n)
            if n % 2:  # every other meeting without the police
                meeting.agencies = [a for a in meeting.agencies if a.code != "POLICE"]
                meeting.participants = [p for p in meeting.participants if p.agency != "POLICE"]
                meeting.contributions = [c for c in meeting.contributions if c.agency != "POLICE"]
            uow.meetings.save(meeting)
        uow.commit()
    return chair, team.session(team.add("rep_police", Role.AGENCY_REP, "POLICE"))


def _all_in_parts(ctx, actor, query: MeetingQuery) -> tuple[int, list[int]]:  # type: ignore[no-untyped-def]
    first = meetings.listing(ctx, actor, query)
    ids = list(first.ids)
    while len(ids) < first.total:
        more = meetings.more_ids(ctx, actor, query, len(ids), 3)
        assert more, "the count promised more ids than the parts hold"
        ids.extend(more)
    return first.total, ids


def test_the_parts_add_up_to_one_search_in_order(listed) -> None:  # type: ignore[no-untyped-def]
    (ctx, chair), _rep = listed
    first = meetings.listing(ctx, chair, MeetingQuery())
    assert first.total == 7 and len(first.ids) == 3 and not first.complete
    _total, ids = _all_in_parts(ctx, chair, MeetingQuery())
    assert ids == meetings.search(ctx, chair, MeetingQuery())
    held = [s.held_at for s in meetings.summaries(ctx, chair, ids)]
    assert held == sorted(held, reverse=True)  # newest first, across the parts' seams


def test_a_representatives_parts_hold_only_their_agencys_meetings(listed) -> None:  # type: ignore[no-untyped-def]
    _chair, (ctx, rep) = listed
    total, ids = _all_in_parts(ctx, rep, MeetingQuery())
    references = {s.reference for s in meetings.summaries(ctx, rep, ids)}
    assert total == 4 and references == {f"SD-2026-{900 + n}" for n in (0, 2, 4, 6)}


def test_a_short_list_comes_whole_without_a_count(listed) -> None:  # type: ignore[no-untyped-def]
    (ctx, chair), _rep = listed
    found = meetings.listing(ctx, chair, MeetingQuery(text="SD-2026-903"))
    assert found.complete and found.total == 1 and len(found.ids) == 1


def test_a_local_store_lists_every_id_at_once(ctx, chair) -> None:  # type: ignore[no-untyped-def]
    with ctx.unit_of_work() as uow:
        for n in range(3):
            uow.meetings.save(sample_meeting(f"SD-2026-{950 + n}"))
        uow.commit()
    found = meetings.listing(ctx, chair, MeetingQuery())
    assert found.complete and found.ids == meetings.search(ctx, chair, MeetingQuery())


def test_the_kept_counts_follow_every_change_and_match_what_each_login_reads(team) -> None:  # type: ignore[no-untyped-def]
    """The server keeps each list's count as meetings come, go and change their agencies; for
    every login it must equal a count of what that login can read."""
    from strategy_meeting.domain.agency import Agency, AgencyKind
    from strategy_meeting.services.meetings import ItemKind

    ctx_c, chair = team.session(team.add("chair", Role.CHAIR))
    reps = {code: team.session(team.add(f"rep_{code.lower()}", Role.AGENCY_REP, code))
            for code in ("POLICE", "HOUSING")}

    def check() -> None:
        for ctx, actor in ((ctx_c, chair), *reps.values()):
            with ctx.unit_of_work() as uow:
                from sqlalchemy import func, select

                from strategy_meeting.store.tables import MeetingRow

                readable = uow._session.execute(select(func.count(MeetingRow.id))).scalar_one()  # noqa: SLF001
            assert meetings.count(ctx, actor) == readable, actor.name

    for n in range(3):
        template = sample_meeting(f"SD-2026-{960 + n}")
        if n == 1:  # a draft opened by mistake (with its agencies), to be deleted below
            template.contributions, template.decisions, template.actions = [], [], []
        meetings.create(ctx_c, chair, template=template)
    check()
    housing = Agency("HOUSING", "Housing Options", AgencyKind.HOUSING, "h@example.org")
    meetings.put_item(ctx_c, chair, "SD-2026-960", ItemKind.AGENCY, housing)  # one agency more
    check()
    meetings.delete_draft(ctx_c, chair, "SD-2026-961")  # a meeting gone
    check()
    assert meetings.count(ctx_c, chair) == 2 and meetings.count(*reps["HOUSING"]) == 1
    meetings.remove_item(ctx_c, chair, "SD-2026-960", ItemKind.AGENCY, "HOUSING")  # and out again
    check()
    assert meetings.count(*reps["HOUSING"]) == 0 and meetings.count(*reps["POLICE"]) == 2
