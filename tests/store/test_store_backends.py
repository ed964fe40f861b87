# SPDX-License-Identifier: LicenseRef-Proprietary
"""The repositories and the unit of work behave the same on both stores (issue 17, part 1):
the local SQLCipher file and the team server on PostgreSQL, through one parametrised fixture.
The tests beside this file that are about the file itself (encryption at rest, key slots,
damaged files, crash safety) have no server counterpart and stay local."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from strategy_meeting.domain.agency import Agency, AgencyKind
from strategy_meeting.domain.audit_chain import verify_chain
from strategy_meeting.domain.listing import MeetingQuery
from strategy_meeting.domain.records import CopyRecord
from strategy_meeting.services.context import ServiceContext

from builders import sample_meeting


@pytest.fixture(params=["sqlcipher", "postgresql"])
def store_ctx(request) -> ServiceContext:  # type: ignore[no-untyped-def]
    """A chair's context on a local store, then on the team server."""
    if request.param == "sqlcipher":
        return request.getfixturevalue("ctx")
    return request.getfixturevalue("team_chair")[0]


def _save(ctx: ServiceContext, *meetings) -> None:  # type: ignore[no-untyped-def]
    with ctx.unit_of_work() as uow:
        for meeting in meetings:
            uow.meetings.save(meeting)
        uow.commit()


def test_a_meeting_round_trips_whole(store_ctx: ServiceContext) -> None:
    meeting = sample_meeting("SD-2026-0200", child_name="Zoë Ångström")
    _save(store_ctx, meeting)
    with store_ctx.unit_of_work() as uow:
        loaded = uow.meetings.get("SD-2026-0200")
    assert loaded is not None
    assert loaded.contributions == meeting.contributions
    assert loaded.actions == meeting.actions
    assert loaded.decisions == meeting.decisions
    assert loaded.children == meeting.children
    assert loaded.participants == meeting.participants
    assert loaded.held_at == meeting.held_at


def test_saving_again_replaces_the_parts(store_ctx: ServiceContext) -> None:
    _save(store_ctx, sample_meeting("SD-2026-0201"))
    with store_ctx.unit_of_work() as uow:
        meeting = uow.meetings.get("SD-2026-0201")
        assert meeting is not None
        meeting.contributions = meeting.contributions[:1]
        uow.meetings.save(meeting)
        uow.commit()
    with store_ctx.unit_of_work() as uow:
        again = uow.meetings.get("SD-2026-0201")
    assert again is not None and [c.id for c in again.contributions] == ["k1"]


def test_leaving_without_commit_rolls_back(store_ctx: ServiceContext) -> None:
    with store_ctx.unit_of_work() as uow:
        uow.meetings.save(sample_meeting("SD-2026-0202"))
        uow.audit.append("chair", "meeting.create", "meeting:SD-2026-0202")
    with store_ctx.unit_of_work() as uow:
        assert not uow.meetings.exists("SD-2026-0202")
        assert all(e.object != "meeting:SD-2026-0202" for e in uow.audit.events())


def test_search_list_and_summaries(store_ctx: ServiceContext) -> None:
    _save(store_ctx, sample_meeting("SD-2026-0301", child_name="Sam Zoë-Ångström"),
          replace(sample_meeting("SD-2026-0302", child_name="Kim Other"),
                  held_at=datetime(2026, 11, 21, 10, 0, tzinfo=UTC)))
    with store_ctx.unit_of_work() as uow:
        found = uow.meetings.ids(MeetingQuery(text="zoe-ang"))
        assert len(found) == 1
        assert uow.meetings.count(MeetingQuery(text="sd-2026-03")) == 2
        newest_first = uow.meetings.ids(MeetingQuery(text="SD-2026-03"))
        rows = uow.meetings.summaries(newest_first, date(2026, 11, 22))
        by_agency = uow.meetings.ids(MeetingQuery(agency="POLICE"))
        overdue = uow.meetings.ids(MeetingQuery(with_overdue_actions_on=date(2026, 11, 22)))
    assert [r.reference for r in rows] == ["SD-2026-0302", "SD-2026-0301"]
    assert rows[0].open_actions == 2 and rows[0].overdue_actions == 1  # a1 due 21st, a2 due 22nd
    assert set(newest_first) <= set(by_agency)
    assert set(newest_first) <= set(overdue)


def test_audit_chain_appends_and_verifies(store_ctx: ServiceContext) -> None:
    with store_ctx.unit_of_work() as uow:
        before, _ = uow.audit.head()
        for n in range(5):
            uow.audit.append("chair", "test.event", f"object:{n}", {"n": n, "text": "naïve"})
        uow.commit()
    with store_ctx.unit_of_work() as uow:
        events = list(uow.audit.iter_events())
        seq, digest = uow.audit.head()
    assert seq == before + 5 and events[-1].hash == digest
    assert verify_chain(events) is None


def test_settings_agencies_and_copies(store_ctx: ServiceContext) -> None:
    _save(store_ctx, sample_meeting("SD-2026-0400"))
    now = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    with store_ctx.unit_of_work() as uow:
        uow.settings.set("test.value", {"a": [1, 2]})
        uow.settings.set("test.value", {"a": [3]})
        uow.agencies.upsert(Agency("PROBATION", "Probation Service", AgencyKind.OTHER, "p@example.org"))
        uow.copies.add(CopyRecord("SD-2026-0400", "POLICE", "police.pdf", "ab" * 32, now, "Chair", False, ["HEALTH"]),
                       b"%PDF-signed")
        uow.commit()
    with store_ctx.unit_of_work() as uow:
        assert uow.settings.get("test.value") == {"a": [3]}
        assert uow.agencies.get("PROBATION") is not None
        latest = uow.copies.latest_signed("SD-2026-0400")
    assert [(c.recipient, content) for c, content in latest] == [("POLICE", b"%PDF-signed")]


def test_a_save_from_an_older_reading_of_a_part_is_refused(store_ctx: ServiceContext) -> None:
    from strategy_meeting.domain.errors import MeetingChanged

    _save(store_ctx, sample_meeting("SD-2026-0500"))
    with store_ctx.unit_of_work() as uow:
        older = uow.meetings.get("SD-2026-0500")
    with store_ctx.unit_of_work() as uow:
        newer = uow.meetings.get("SD-2026-0500")
        assert newer is not None
        newer.contributions[0].text = "first change"
        uow.meetings.save(newer)
        uow.commit()
    assert older is not None and newer.versions["contributions"] == older.versions["contributions"] + 1
    older.contributions[0].text = "second change, from the older reading"
    with store_ctx.unit_of_work() as uow, pytest.raises(MeetingChanged, match="contributions"):
        uow.meetings.save(older)
    # A part the newer save did not touch may still be saved from the older reading.
    older.contributions[0].text = "first change"
    older.actions[0].description = "changed from the older reading"
    with store_ctx.unit_of_work() as uow:
        uow.meetings.save(older)
        uow.commit()
    with store_ctx.unit_of_work() as uow:
        final = uow.meetings.get("SD-2026-0500")
    assert final is not None
    assert (final.contributions[0].text, final.actions[0].description) == (
        "first change", "changed from the older reading")
