# SPDX-License-Identifier: LicenseRef-Proprietary
"""Erasure (issue 16, security test 32): a held meeting refuses it; once erased, its content is
in no page of the store (decrypted with the store key), a kept meeting's is, a tombstone
stays and the audit chain verifies."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from builders import sample_meeting
from strategy_meeting.domain.contribution import Contribution, Topic
from strategy_meeting.domain.erasure import ErasureGround
from strategy_meeting.domain.errors import InvalidInput, NotFound, PermissionDenied
from strategy_meeting.domain.legal_hold import RecordHeld
from strategy_meeting.domain.retention import CountedFrom

from strategy_meeting.domain.sharing_terms import SharingTerms
from strategy_meeting.services import audit, backup, meetings
from strategy_meeting.services.governance import erasure, holds, retention
from strategy_meeting.services.meetings import ItemKind

from .store_pages import database_pages, every_page, found_in


def canary() -> str:
    return f"ZZLEAK-{uuid.uuid4()}"


def _planted(ctx, chair, reference: str, secret: str) -> None:
    m = sample_meeting(reference, child_name=f"Child {secret}", restricted_text=f"Police {secret}",
                       chair_only_text=f"Chair {secret}")
    m.held_at = datetime(2019, 2, 1, 10, tzinfo=UTC)
    m.household[0].notes = f"Notes {secret}"
    meetings.create(ctx, chair, template=m)
    # Edits leave older images of the rows behind in freed pages and the log.
    for n in range(3):
        meetings.put_item(ctx, chair, reference, ItemKind.CONTRIBUTION, Contribution(
            f"k{10 + n}", "CSC", Topic.HISTORY, f"Edit {n} {secret} " + "x" * 3000, SharingTerms.everyone()))
    meetings.remove_item(ctx, chair, reference, ItemKind.CONTRIBUTION, "k10")


def test_erased_content_is_in_no_decrypted_page_and_the_kept_meetings_is(ctx, chair, admin):
    erased, kept = canary(), canary()
    _planted(ctx, chair, "SD-2019-0001", erased)
    _planted(ctx, chair, "SD-2019-0002", kept)
    retention.define_class(ctx, admin, "Two years", 24, CountedFrom.MEETING_DATE)
    retention.assign_class(ctx, admin, "SD-2019-0001", "Two years")
    made = backup.create_backup(ctx, admin)
    key = ctx.store.raw_key_for_backup()
    db = ctx.store.db_path
    before = every_page(db, key)
    # Control: the decryption is right (the page-1 header says 4096-byte pages) and finds both.
    first = next(database_pages(db, key))
    assert first[:2] == b"\x10\x00"
    assert found_in(before, erased) and found_in(before, kept)

    tombstone = erasure.erase(ctx, admin, "SD-2019-0001", "Retention period ended (two years)")

    after = every_page(db, key)
    assert not found_in(after, erased)
    assert found_in(after, kept)
    assert not db.with_name(db.name + "-wal").exists() or db.with_name(db.name + "-wal").stat().st_size == 0
    assert audit.verify(ctx, admin).ok
    with pytest.raises(NotFound):
        meetings.get(ctx, chair, "SD-2019-0001")
    with pytest.raises(NotFound, match="was erased on 2026-11-20; only its tombstone remains"):
        erasure.erase(ctx, admin, "SD-2019-0001", "Again")
    assert meetings.get(ctx, chair, "SD-2019-0002").children[0].name == f"Child {kept}"
    [stone] = erasure.tombstones(ctx, admin)
    assert stone == tombstone
    assert (stone.reference, stone.ground, stone.erased_by, stone.retention_class) == (
        "SD-2019-0001", ErasureGround.RETENTION_ENDED, "admin", "Two years")
    assert stone.held_on.isoformat() == "2019-02-01" and len(stone.content_hash) == 64
    assert stone.backups_before == (made.path.name,)
    events = audit.recent_events(ctx, admin)
    assert events[-1].action == "meeting.erase" and events[-1].seq == stone.audit_seq
    assert erased not in repr([e.details for e in events])


def test_a_held_meeting_refuses_erasure_until_the_hold_is_lifted(ctx, chair, admin):
    _planted(ctx, chair, "SD-2019-0003", canary())
    holds.place_on_meeting(ctx, admin, "SD-2019-0003", "Care proceedings")
    with pytest.raises(RecordHeld) as refused:
        erasure.erase(ctx, admin, "SD-2019-0003", "Parent's erasure request upheld", lawful_request=True)
    assert "\n" not in str(refused.value) and "legal hold" in str(refused.value)
    holds.lift(ctx, admin, "Proceedings concluded", reference="SD-2019-0003")
    stone = erasure.erase(ctx, admin, "SD-2019-0003", "Parent's erasure request upheld", lawful_request=True)
    assert stone.ground is ErasureGround.LAWFUL_REQUEST


def test_erasure_before_the_date_needs_a_lawful_request_and_only_an_administrator_erases(ctx, chair, admin):
    _planted(ctx, chair, "SD-2019-0004", canary())
    with pytest.raises(InvalidInput, match="kept until 2043-05-14 .Child protection.; erase it before then only"):
        erasure.erase(ctx, admin, "SD-2019-0004", "Tidy up")
    with pytest.raises(InvalidInput, match="reason"):
        erasure.erase(ctx, admin, "SD-2019-0004", " ", lawful_request=True)
    with pytest.raises(PermissionDenied):
        erasure.erase(ctx, chair, "SD-2019-0004", "Request", lawful_request=True)


def test_a_restore_from_an_older_backup_brings_an_erased_meeting_back_and_says_so(data_dir, clock):
    from conftest import ADMIN_PASSPHRASE, PASSPHRASE
    from strategy_meeting.services import session

    ctx, chair = session.open_session(data_dir, PASSPHRASE, clock=clock)
    admin = users_resolve(ctx)
    try:
        _planted(ctx, chair, "SD-2026-0001", canary())
        made = backup.create_backup(ctx, admin)
        erasure.erase(ctx, admin, "SD-2026-0001", "Erasure request upheld", lawful_request=True)
        assert erasure.restored_after_erasure(ctx, admin) == []
        assert meetings.next_reference(ctx) == "SD-2026-0002"  # an erased reference is not given again
    finally:
        ctx.close()
    backup.restore(data_dir, made.path, passphrase=ADMIN_PASSPHRASE, user="admin", confirm=lambda info, r: True)
    ctx, admin = session.open_session(data_dir, ADMIN_PASSPHRASE, "admin", clock=clock)
    try:
        [back] = erasure.restored_after_erasure(ctx, admin)
        assert (back.reference, back.erased_on) == ("SD-2026-0001", "2026-11-20")
        erasure.erase(ctx, admin, "SD-2026-0001", "Erased again after a restore", lawful_request=True)
        assert erasure.restored_after_erasure(ctx, admin) == []
    finally:
        ctx.close()


def users_resolve(ctx):
    from strategy_meeting.services import users

    return users.resolve(ctx, "admin")
