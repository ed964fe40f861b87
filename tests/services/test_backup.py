# SPDX-License-Identifier: LicenseRef-Proprietary
"""Backups and restore through the service layer, on real encrypted stores and real files."""

from __future__ import annotations

import hashlib
import json
import re
import time
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest

from builders import representative, sample_meeting
from conftest import PASSPHRASE
from strategy_meeting.domain.backup_retention import RetentionPolicy
from strategy_meeting.domain.errors import (
    InvalidInput,
    NotFound,
    PermissionDenied,
    StoreCorrupted,
    StoreTooNew,
    UserError,
    WrongPassphrase,
)
from strategy_meeting.domain.roles import Role
from strategy_meeting.services import audit, backup, meetings, session, users
from strategy_meeting.store import FAST_TEST_KDF
from strategy_meeting.store import backup as backup_files
from strategy_meeting.store.engine import connect_raw
from strategy_meeting.store import work_files
from strategy_meeting.store.work_files import WORK_FOLDER

NAME = re.compile(r"^strategy-meeting-backup-\d{8}-\d{6}(-\d+)?\.smbk$")


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its SHA-256: equal fingerprints mean nothing changed."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def references(ctx, actor) -> set[str]:
    from strategy_meeting.domain.meeting import MeetingQuery

    ids = meetings.search(ctx, actor, MeetingQuery())
    return {s.reference for s in meetings.summaries(ctx, actor, ids)}


# ---- making backups -------------------------------------------------------------------------


def test_backup_is_one_encrypted_file_named_without_personal_data(ctx, chair):
    canary = "ZZLEAK-4f1b2c"
    meetings.create(ctx, chair, template=sample_meeting(child_name=canary))
    result = backup.create_backup(ctx, chair)
    assert result.path.parent == ctx.data_dir / "backups"
    assert NAME.match(result.path.name) and result.path.name == "strategy-meeting-backup-20261120-120000.smbk"
    assert [p.name for p in result.path.parent.iterdir()] == [result.path.name]  # no temp left
    with zipfile.ZipFile(result.path) as zf:
        assert sorted(zf.namelist()) == ["audit-head.json", "keys.json", "manifest.json", "store.db"]
        db = zf.read("store.db")
        manifest = json.loads(zf.read("manifest.json"))
    assert db[:16] != b"SQLite format 3\x00"
    raw = result.path.read_bytes()
    assert canary.encode() not in raw and canary.encode("utf-16-le") not in raw
    assert manifest["format"] == "strategy-meeting-backup/2"
    assert manifest["store_id"] == ctx.store.store_id
    assert set(manifest) == {"format", "created_at", "store_id", "schema", "app_version", "audit_head",
                             "files", "seal"}
    assert manifest["files"]["store.db"] == {"size": len(db), "sha256": hashlib.sha256(db).hexdigest()}
    assert manifest["audit_head"]["seq"] >= 1 and len(manifest["seal"]) == 64


def test_backup_copy_holds_the_same_rows_and_passes_both_checks(ctx, chair, tmp_path):
    meetings.create(ctx, chair, template=sample_meeting())
    result = backup.create_backup(ctx, chair)
    with zipfile.ZipFile(result.path) as zf:
        zf.extract("store.db", tmp_path)
    key = ctx.store.raw_key_for_backup()
    live, copy = connect_raw(ctx.store.db_path, key), connect_raw(tmp_path / "store.db", key)
    try:
        assert copy.execute("PRAGMA cipher_integrity_check").fetchall() == []
        assert copy.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        tables = [r[0] for r in live.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        assert "meetings" in tables and "audit_events" in tables
        for table in tables:
            q = f'SELECT count(*) FROM "{table}"'
            # The backup's own audit event is written after the copy, so the copy lacks it.
            later = 1 if table == "audit_events" else 0
            assert copy.execute(q).fetchone()[0] == live.execute(q).fetchone()[0] - later, table
        for pragma in ("user_version", "cipher_page_size"):
            assert copy.execute(f"PRAGMA {pragma}").fetchone() == live.execute(f"PRAGMA {pragma}").fetchone()
    finally:
        live.close()
        copy.close()


def test_backup_that_fails_its_check_is_not_kept_and_old_ones_survive(ctx, chair, clock, monkeypatch):
    first = backup.create_backup(ctx, chair)
    backup.update_settings(ctx, chair, backup.BackupSettings(None, RetentionPolicy(1, 0, 0)))
    real_verify = backup_files.verify_backup

    def corrupt_then_verify(store, path, written):
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0x01  # a real flipped bit in the written file
        path.write_bytes(bytes(data))
        return real_verify(store, path, written)

    monkeypatch.setattr(backup_files, "verify_backup", corrupt_then_verify)
    clock.now += timedelta(days=2)
    with pytest.raises(UserError):
        backup.create_backup(ctx, chair)
    assert [p.name for p in first.path.parent.iterdir()] == [first.path.name]


def test_backup_of_a_damaged_store_is_refused_and_keeps_the_good_backups(data_dir, clock):
    ctx, chair = session.open_session(data_dir, PASSPHRASE, clock=clock)
    for i in range(30):
        meetings.create(ctx, chair, template=sample_meeting(reference=f"SD-2026-{i:04d}"))
    good = backup.create_backup(ctx, chair)
    key = ctx.store.raw_key_for_backup()
    ctx.close()
    conn = connect_raw(data_dir / "store.db", key)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'contributions'").fetchone()[0]
    conn.close()
    db = data_dir / "store.db"
    data = bytearray(db.read_bytes())
    data[(root - 1) * 4096 + 200] ^= 0x40  # a page of record content, not read on opening
    db.write_bytes(bytes(data))
    ctx, chair = session.open_session(data_dir, PASSPHRASE, clock=clock)
    try:
        clock.now += timedelta(days=1)
        with pytest.raises(StoreCorrupted, match="damaged"):
            backup.create_backup(ctx, chair)
    finally:
        ctx.close()
    assert [p.name for p in good.path.parent.iterdir()] == [good.path.name]


def test_only_chairs_and_administrators_make_backups(ctx, chair, admin):
    rep = representative("teacher", "EDU")
    with pytest.raises(PermissionDenied):
        backup.create_backup(ctx, rep)
    assert backup.backup_if_due(ctx, rep) is None
    assert backup.create_backup(ctx, admin).path.exists()


def test_backup_is_audited(ctx, chair):
    result = backup.create_backup(ctx, chair)
    events = audit.recent_events(ctx, chair)
    assert events[-1].action == "backup.create"
    assert events[-1].details["file"] == result.path.name
    assert audit.verify(ctx, chair).ok


def test_to_folder_is_used_once_without_changing_the_setting(ctx, chair, tmp_path):
    other = tmp_path / "usb stick"
    result = backup.create_backup(ctx, chair, other)
    assert result.path.parent == other
    assert backup.backup_folder(ctx) == ctx.data_dir / "backups"


def test_configured_folder_and_policy_are_kept_in_settings(ctx, chair, tmp_path):
    settings = backup.BackupSettings(str(tmp_path / "share"), RetentionPolicy(3, 4, 5), auto_on_exit=False)
    backup.update_settings(ctx, chair, settings)
    assert backup.get_settings(ctx, chair) == settings
    assert backup.create_backup(ctx, chair).path.parent == tmp_path / "share"
    with pytest.raises(InvalidInput, match="full path"):
        backup.update_settings(ctx, chair, backup.BackupSettings("relative/folder"))


# ---- keeping and pruning ----------------------------------------------------------------------


@pytest.fixture
def london_time(monkeypatch):
    """Days and weeks are the user's: run in the UK's zone (GMT in winter)."""
    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_retention_keeps_last_daily_and_weekly_backups(ctx, chair, clock, london_time):
    backup.update_settings(ctx, chair, backup.BackupSettings(None, RetentionPolicy(3, 2, 3)))
    start = clock.now  # Friday 20 November 2026, 12:00
    for hours in range(0, 24 * 10, 12):  # two a day, up to Monday 30 November 00:00
        clock.now = start + timedelta(hours=hours)
        backup.create_backup(ctx, chair)
    names = sorted(p.name for p in (ctx.data_dir / "backups").iterdir())
    assert names == [
        "strategy-meeting-backup-20261122-120000.smbk",  # newest of ISO week 47 (weekly)
        "strategy-meeting-backup-20261129-000000.smbk",  # third newest (last 3)
        "strategy-meeting-backup-20261129-120000.smbk",  # newest of 29 Nov and of week 48
        "strategy-meeting-backup-20261130-000000.smbk",  # newest of all, of its day and week
    ]


def test_backups_of_another_store_in_the_same_folder_are_never_removed(ctx, chair, clock, tmp_path):
    shared = tmp_path / "shared"
    other_ctx, other_chair, _ = session.init_store(tmp_path / "other", "chair2", "another passphrase",
                                                   kdf=FAST_TEST_KDF, clock=clock)
    foreign = backup.create_backup(other_ctx, other_chair, shared)
    other_ctx.close()
    backup.update_settings(ctx, chair, backup.BackupSettings(str(shared), RetentionPolicy(1, 0, 0)))
    for _ in range(3):
        clock.now += timedelta(days=1)
        mine = backup.create_backup(ctx, chair)
    assert sorted(p.name for p in shared.iterdir()) == sorted([foreign.path.name, mine.path.name])


# ---- when a backup is due -----------------------------------------------------------------------


def test_backup_on_exit_runs_when_the_last_is_a_day_old(ctx, chair, clock):
    assert backup.is_due(ctx)
    first = backup.backup_if_due(ctx, chair)
    assert first is not None
    clock.now += timedelta(hours=23, minutes=59)
    assert backup.backup_if_due(ctx, chair) is None
    clock.now += timedelta(minutes=1)
    second = backup.backup_if_due(ctx, chair)
    assert second is not None and second.path != first.path
    assert backup.last_backup_time(ctx) == clock.now


def test_backup_on_exit_can_be_switched_off(ctx, chair):
    backup.update_settings(ctx, chair, backup.BackupSettings(None, auto_on_exit=False))
    assert backup.backup_if_due(ctx, chair) is None
    assert not (ctx.data_dir / "backups").exists()


# ---- restoring ------------------------------------------------------------------------------------


def test_restore_brings_back_the_backup_and_keeps_the_replaced_store(data_dir, clock):
    ctx, chair = session.open_session(data_dir, PASSPHRASE, clock=clock)
    meetings.create(ctx, chair, template=sample_meeting("SD-2026-0001"))
    made = backup.create_backup(ctx, chair)
    meetings.create(ctx, chair, template=sample_meeting("SD-2026-0002"))
    ctx.close()
    asked = []
    result = backup.restore(data_dir, made.path, passphrase=PASSPHRASE,
                            confirm=lambda info, replaces: asked.append((info.store_id, replaces)) or True)
    assert asked and asked[0][1] is True
    assert result.actor.name == "chair"
    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    try:
        assert references(ctx, chair) == {"SD-2026-0001"}
        events = audit.recent_events(ctx, chair)
        assert events[-1].action == "store.restore"
        assert events[-1].details["backup"] == made.path.name
        assert audit.verify(ctx, chair).ok
    finally:
        ctx.close()
    aside = result.replaced_store_kept_in
    assert aside is not None and aside.parent == data_dir and aside.name.startswith("store-replaced-")
    old_ctx, old_chair = session.open_session(aside, PASSPHRASE)  # the kept store still opens
    try:
        assert references(old_ctx, old_chair) == {"SD-2026-0001", "SD-2026-0002"}
    finally:
        old_ctx.close()
    assert not [p for p in data_dir.iterdir() if p.name.startswith(".") and p.name != WORK_FOLDER]
    assert list((data_dir / WORK_FOLDER).iterdir()) == []  # the work registry is empty


def test_restore_with_the_recovery_key_names_the_user(data_dir, recovery_key, clock):
    ctx, chair = session.open_session(data_dir, PASSPHRASE, clock=clock)
    made = backup.create_backup(ctx, chair)
    ctx.close()
    with pytest.raises(InvalidInput, match="--user"):
        backup.restore(data_dir, made.path, recovery_key=recovery_key)
    result = backup.restore(data_dir, made.path, recovery_key=recovery_key, user="admin")
    assert result.actor.role is Role.ADMINISTRATOR


def test_restore_onto_a_fresh_computer_needs_no_store(data_dir, clock, tmp_path):
    ctx, chair = session.open_session(data_dir, PASSPHRASE, clock=clock)
    meetings.create(ctx, chair, template=sample_meeting())
    made = backup.create_backup(ctx, chair, tmp_path / "stick")
    ctx.close()
    fresh = tmp_path / "new laptop" / "data"
    replaces = []
    result = backup.restore(fresh, made.path, passphrase=PASSPHRASE,
                            confirm=lambda info, r: replaces.append(r) or True)
    assert replaces == [False] and result.replaced_store_kept_in is None
    ctx, chair = session.open_session(fresh, PASSPHRASE)
    try:
        assert references(ctx, chair) == {"SD-2026-0100"}
    finally:
        ctx.close()


def _made_backup(data_dir, clock):
    ctx, chair = session.open_session(data_dir, PASSPHRASE, clock=clock)
    made = backup.create_backup(ctx, chair)
    ctx.close()
    return made.path


def test_wrong_passphrase_changes_nothing(data_dir, clock):
    path = _made_backup(data_dir, clock)
    before = fingerprint(data_dir)
    with pytest.raises(WrongPassphrase, match="nothing was changed"):
        backup.restore(data_dir, path, passphrase="not the passphrase")
    with pytest.raises(WrongPassphrase, match="recovery key"):
        backup.restore(data_dir, path, recovery_key="AAAA-BBBB", user="chair")
    assert fingerprint(data_dir) == before


def test_declining_the_question_changes_nothing(data_dir, clock):
    path = _made_backup(data_dir, clock)
    before = fingerprint(data_dir)
    with pytest.raises(UserError, match="cancelled"):
        backup.restore(data_dir, path, passphrase=PASSPHRASE, confirm=lambda info, replaces: False)
    assert fingerprint(data_dir) == before


def test_a_disabled_account_may_not_restore(data_dir, clock):
    """A local store holds no agency representative (issue 13); what stops a restore below
    the role check is an account that may no longer act."""
    ctx, chair = session.open_session(data_dir, PASSPHRASE, clock=clock)
    admin = users.resolve(ctx, "admin")
    users.add_user(ctx, admin, "deputy", Role.CHAIR, "deputy passphrase")
    users.set_active(ctx, admin, "deputy", False)
    made = backup.create_backup(ctx, chair)
    ctx.close()
    before = fingerprint(data_dir)
    with pytest.raises(PermissionDenied, match="disabled"):
        backup.restore(data_dir, made.path, passphrase="deputy passphrase", user="deputy")
    assert fingerprint(data_dir) == before


@pytest.mark.parametrize("damage, message", [
    ("flip", "is damaged: store.db"),
    ("truncate", "not a readable archive"),
    ("newer", "newer version"),
    ("not-a-backup", "not a Strategy Meeting backup"),
])
def test_damaged_or_foreign_backup_files_are_refused_before_anything_changes(data_dir, clock, damage, message):
    path = _made_backup(data_dir, clock)
    data = path.read_bytes()
    if damage == "flip":
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("store.db")
        spot = info.header_offset + 30 + len(info.filename) + 5000  # inside store.db's bytes
        data = data[:spot] + bytes([data[spot] ^ 1]) + data[spot + 1:]
        path.write_bytes(data)
    elif damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "newer":
        with zipfile.ZipFile(path) as zf:
            members = {n: zf.read(n) for n in zf.namelist()}
        manifest = json.loads(members["manifest.json"])
        manifest["format"] = "strategy-meeting-backup/3"
        members["manifest.json"] = json.dumps(manifest).encode()
        with zipfile.ZipFile(path, "w") as zf:
            for n, b in members.items():
                zf.writestr(n, b)
    else:
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("holiday.jpg", b"not a store")
    before = fingerprint(data_dir)
    with pytest.raises((InvalidInput, StoreTooNew), match=message):
        backup.restore(data_dir, path, passphrase=PASSPHRASE)
    assert fingerprint(data_dir) == before


def test_restore_of_a_missing_file_says_so(data_dir):
    with pytest.raises(NotFound, match="no backup file"):
        backup.restore(data_dir, data_dir / "nope.smbk", passphrase=PASSPHRASE)


def test_left_over_work_folders_are_cleared_whatever_their_age_unless_in_use(ctx, chair):
    import os

    old, young = ctx.data_dir / ".backup-work-old", ctx.data_dir / ".restore-young"
    for folder in (old, young):
        folder.mkdir()
        (folder / "store.db").write_bytes(b"encrypted copy")
    stamp = time.time() - 7200
    os.utime(old, (stamp, stamp))
    in_use = work_files.new_folder(ctx.data_dir, ".restore-", work_files.registry_for(ctx.data_dir))
    try:
        backup.create_backup(ctx, chair)
        assert not old.exists() and not young.exists()
        assert in_use.path.exists()  # registered by a live holder (this process): left alone
    finally:
        in_use.discard()


def test_a_chairs_passphrase_cannot_restore_as_someone_else(data_dir, clock):
    ctx, chair = session.open_session(data_dir, PASSPHRASE, clock=clock)
    made = backup.create_backup(ctx, chair)
    ctx.close()
    before = (data_dir / "store.db").read_bytes()
    # The slot is found by the name given: the chair's passphrase does not open admin's.
    with pytest.raises(WrongPassphrase, match="does not open"):
        backup.restore(data_dir, made.path, passphrase=PASSPHRASE, user="admin", confirm=lambda *_: True)
    assert (data_dir / "store.db").read_bytes() == before
