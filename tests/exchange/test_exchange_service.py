# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Import, export and the demonstration set on a real encrypted store."""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from meeting_strategies import meetings, mutated_documents

from strategy_meeting.domain.contribution import ReceivedVia
from strategy_meeting.domain.errors import ImportRejected, InvalidInput, NotFound, PermissionDenied
from strategy_meeting.domain.meeting import Meeting, MeetingStatus
from strategy_meeting.domain.roles import Role, User
from strategy_meeting.services import audit, demo, exchange
from strategy_meeting.services import meetings as meeting_service
from strategy_meeting.services.context import ServiceContext
from strategy_meeting.services.demo import demo_meetings
from strategy_meeting.services.exchange_validation import find_problems, read_interchange_file
from strategy_meeting.services.interchange import meeting_from_json, meeting_to_json
from strategy_meeting.services.staged_file import TEMP_PREFIX

EXAMPLE = Path(__file__).parents[1] / "data" / "sd-example.json"
REP = User("rep", Role.AGENCY_REP, "POLICE")


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """A folder of its own for exports (``tmp_path`` also holds the store)."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def record(meeting: Meeting) -> Meeting:
    """The record without the store's bookkeeping, for comparing with a file."""
    return dataclasses.replace(meeting, id=None, created_by="", created_at=None, updated_at=None)


def state(ctx: ServiceContext) -> tuple[list[str], tuple[int, str]]:
    with ctx.unit_of_work() as uow:
        return sorted(uow.meetings.references()), uow.audit.head()


def events(ctx: ServiceContext, action: str) -> list:
    with ctx.unit_of_work() as uow:
        return [e for e in uow.audit.events() if e.action == action]


def test_import_then_export_gives_the_same_record(ctx: ServiceContext, chair: User, out_dir: Path) -> None:
    imported = exchange.import_meeting(ctx, chair, EXAMPLE)
    assert imported.reference == "SD-2026-0001" and imported.created_by == chair.name
    from_file = meeting_from_json(read_interchange_file(EXAMPLE))
    with ctx.unit_of_work() as uow:
        stored = uow.meetings.get("SD-2026-0001")
    assert stored is not None and record(stored) == from_file
    assert stored.contributions[2].received_via is ReceivedVia.CONTRIBUTION_FORM  # kept from the file

    out = exchange.export_meeting(ctx, chair, "SD-2026-0001", out_dir / "out.json")
    assert out == out_dir / "out.json"
    assert meeting_from_json(read_interchange_file(out)) == from_file
    assert [p.name for p in out_dir.iterdir()] == ["out.json"]  # no temporary file left behind


def test_import_and_export_are_audit_events(ctx: ServiceContext, chair: User, out_dir: Path) -> None:
    exchange.import_meeting(ctx, chair, EXAMPLE)
    out = exchange.export_meeting(ctx, chair, "SD-2026-0001", out_dir / "out.json")
    (imported,) = events(ctx, "meeting.import")
    (exported,) = events(ctx, "meeting.export")
    assert imported.object == exported.object == "meeting:SD-2026-0001"
    assert imported.details["file_sha256"] == hashlib.sha256(EXAMPLE.read_bytes()).hexdigest()
    assert exported.details["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert exported.details["path"] == str(out)
    assert exported.details["contributions"] == 4
    assert "Robin" not in json.dumps(imported.details) + json.dumps(exported.details)
    assert audit.verify(ctx, chair).ok


def test_an_existing_reference_is_refused_and_nothing_changes(ctx: ServiceContext, chair: User) -> None:
    exchange.import_meeting(ctx, chair, EXAMPLE)
    before = state(ctx)
    with pytest.raises(ImportRejected, match="'SD-2026-0001' is already in the store, so nothing was imported"):
        exchange.import_meeting(ctx, chair, EXAMPLE)
    assert state(ctx) == before


def test_an_agency_representative_may_neither_import_nor_export(ctx: ServiceContext, chair: User,
                                                                 out_dir: Path) -> None:
    exchange.import_meeting(ctx, chair, EXAMPLE)
    before = state(ctx)
    with pytest.raises(PermissionDenied):
        exchange.import_meeting(ctx, REP, EXAMPLE)
    with pytest.raises(PermissionDenied):
        exchange.export_meeting(ctx, REP, "SD-2026-0001", out_dir / "out.json")
    with pytest.raises(PermissionDenied):
        demo.load_demo(ctx, REP)
    assert state(ctx) == before and not (out_dir / "out.json").exists()


def test_an_administrator_may_import_and_export(ctx: ServiceContext, admin: User, out_dir: Path) -> None:
    exchange.import_meeting(ctx, admin, EXAMPLE)
    assert exchange.export_meeting(ctx, admin, "SD-2026-0001", out_dir / "a.json").exists()


def test_export_names_what_a_draft_still_lacks_and_writes_nothing(ctx: ServiceContext, chair: User,
                                                                  out_dir: Path) -> None:
    meeting_service.create(ctx, chair, reference="SD-2026-0500")
    before = state(ctx)
    with pytest.raises(InvalidInput) as caught:
        exchange.export_meeting(ctx, chair, "SD-2026-0500", out_dir / "draft.json")
    assert str(caught.value).startswith(
        "Meeting SD-2026-0500 cannot be exported yet: meeting: the required field 'held_at' is missing"
    )
    assert list(out_dir.iterdir()) == [] and state(ctx) == before
    with pytest.raises(NotFound):
        exchange.export_meeting(ctx, chair, "SD-1999-0001", out_dir / "none.json")


def test_export_into_a_missing_folder_or_onto_a_folder_is_refused(ctx: ServiceContext, chair: User,
                                                                   out_dir: Path) -> None:
    exchange.import_meeting(ctx, chair, EXAMPLE)
    before = state(ctx)
    with pytest.raises(InvalidInput, match="does not exist"):
        exchange.export_meeting(ctx, chair, "SD-2026-0001", out_dir / "no" / "out.json")
    with pytest.raises(InvalidInput, match="is a folder"):
        exchange.export_meeting(ctx, chair, "SD-2026-0001", out_dir)
    assert state(ctx) == before


def test_a_failed_write_leaves_the_old_file_and_no_event(ctx: ServiceContext, chair: User, out_dir: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    exchange.import_meeting(ctx, chair, EXAMPLE)
    target = out_dir / "out.json"
    target.write_bytes(b"previous export")
    before = state(ctx)

    real_fsync = os.fsync

    def full_disk(fd: int) -> None:  # fault injection: the disk fills up while the export is written
        if Path(os.readlink(f"/proc/self/fd/{fd}")).name.startswith(TEMP_PREFIX):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr("strategy_meeting.services.staged_file.os.fsync", full_disk)
    with pytest.raises(InvalidInput, match=r"Could not write 'out.json' .*\(no space left on device\)"):
        exchange.export_meeting(ctx, chair, "SD-2026-0001", target)
    assert target.read_bytes() == b"previous export"
    assert [p.name for p in out_dir.iterdir()] == ["out.json"]
    assert state(ctx) == before


def test_a_failed_rename_leaves_the_old_file_and_the_event_of_the_staged_bytes(
    ctx: ServiceContext, chair: User, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exchange.import_meeting(ctx, chair, EXAMPLE)
    target = out_dir / "out.json"
    target.write_bytes(b"previous export")

    real_replace = os.replace

    def refused(src: str, dst: str) -> None:  # fault injection: the export's rename is refused
        if Path(src).name.startswith(TEMP_PREFIX):
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr("strategy_meeting.services.staged_file.os.replace", refused)
    with pytest.raises(InvalidInput, match="input/output error"):
        exchange.export_meeting(ctx, chair, "SD-2026-0001", target)
    assert target.read_bytes() == b"previous export"
    assert [p.name for p in out_dir.iterdir()] == ["out.json"]
    assert len(events(ctx, "meeting.export")) == 1  # bytes left the store: the event stands
    assert audit.verify(ctx, chair).ok


def test_the_demo_set_loads_once_and_reads_back_whole(ctx: ServiceContext, chair: User) -> None:
    added = demo.load_demo(ctx, chair)
    expected = demo_meetings(ctx.today())
    assert [m.reference for m in added] == [m.reference for m in expected]
    with ctx.unit_of_work() as uow:
        stored = [uow.meetings.get(m.reference) for m in expected]
    for got, want in zip(stored, expected, strict=True):
        assert got is not None and record(got) == want  # status and reconvenes included
    assert {m.status for m in stored if m} >= {MeetingStatus.DRAFT, MeetingStatus.CONCLUDED}
    assert len(events(ctx, "meeting.demo")) == len(expected)
    assert demo.load_demo(ctx, chair) == []
    assert len(events(ctx, "meeting.demo")) == len(expected)


def test_the_demo_skips_only_the_references_already_present(ctx: ServiceContext, chair: User,
                                                             out_dir: Path) -> None:
    first = demo_meetings(ctx.today())[0]
    path = out_dir / "one.json"
    path.write_text(json.dumps(meeting_to_json(first)), encoding="utf-8")
    exchange.import_meeting(ctx, chair, path)
    added = demo.load_demo(ctx, chair)
    assert first.reference not in [m.reference for m in added]
    assert len(added) == len(demo_meetings(ctx.today())) - 1


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(meeting=meetings(max_items=2))
def test_generated_meetings_survive_the_store_between_import_and_export(
    ctx: ServiceContext, chair: User, out_dir: Path, meeting: Meeting
) -> None:
    with ctx.unit_of_work() as uow:
        assume(not uow.meetings.exists(meeting.reference))
    source = out_dir / "in.json"
    source.write_text(json.dumps(meeting_to_json(meeting), ensure_ascii=False), encoding="utf-8")
    exchange.import_meeting(ctx, chair, source)
    out = exchange.export_meeting(ctx, chair, meeting.reference, out_dir / "out.json")
    assert find_problems(read_interchange_file(out)) == []
    assert meeting_from_json(read_interchange_file(out)) == meeting


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.one_of(mutated_documents(), st.binary(max_size=64)))
def test_a_hostile_import_is_refused_whole_or_accepted_whole(ctx: ServiceContext, chair: User,
                                                             out_dir: Path, data: bytes) -> None:
    source = out_dir / "hostile.json"
    source.write_bytes(data)
    before = state(ctx)
    try:
        meeting = exchange.import_meeting(ctx, chair, source)
    except ImportRejected as error:
        assert "\n" not in str(error)
        assert state(ctx) == before  # nothing written: no meeting, no audit event
        return
    references, (seq, _) = state(ctx)
    assert references == sorted(before[0] + [meeting.reference]) and seq == before[1][0] + 1
