# SPDX-License-Identifier: LicenseRef-Proprietary
"""Damaged and foreign files (security tests 36, 37): each says what is wrong in its own
words, and none is changed by the attempt to open it."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
import sqlcipher3

from builders import sample_meeting
from conftest import PASSPHRASE
from damage import flip_a_bit_in_table
from strategy_meeting.domain.errors import StoreCorrupted, StoreReadOnly, UserError
from strategy_meeting.services import backup, meetings, session, users
from strategy_meeting.store.engine import connect_raw


def fingerprint(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def store_key(data_dir: Path) -> bytes:
    ctx, _ = session.open_session(data_dir, PASSPHRASE)
    try:
        return ctx.store.raw_key_for_backup()
    finally:
        ctx.close()


def make_zero_length(data_dir: Path, key: bytes) -> None:
    (data_dir / "store.db").write_bytes(b"")


def make_random(data_dir: Path, key: bytes) -> None:
    (data_dir / "store.db").write_bytes(os.urandom(3 * 4096))


def make_truncated(data_dir: Path, key: bytes) -> None:
    db = data_dir / "store.db"
    db.write_bytes(db.read_bytes()[: 5 * 4096 + 1234])  # an interrupted copy


def make_plaintext(data_dir: Path, key: bytes) -> None:
    import sqlite3

    (data_dir / "store.db").unlink()
    conn = sqlite3.connect(data_dir / "store.db")
    conn.execute("CREATE TABLE meetings (reference TEXT)")
    conn.commit()
    conn.close()


def make_sqlcipher3(data_dir: Path, key: bytes) -> None:
    (data_dir / "store.db").unlink()
    conn = sqlcipher3.connect(str(data_dir / "store.db"))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA cipher_compatibility = 3")
    conn.execute("CREATE TABLE meetings (reference TEXT)")
    conn.commit()
    conn.close()


def make_first_page_flipped(data_dir: Path, key: bytes) -> None:
    db = data_dir / "store.db"
    data = bytearray(db.read_bytes())
    data[100] ^= 0x01
    db.write_bytes(bytes(data))


def make_newer_schema(data_dir: Path, key: bytes) -> None:
    conn = connect_raw(data_dir / "store.db", key)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def make_key_file_missing(data_dir: Path, key: bytes) -> None:
    (data_dir / "keys.json").unlink()


def make_key_file_garbage(data_dir: Path, key: bytes) -> None:
    (data_dir / "keys.json").write_bytes(b"\x00\xffnot json")


CASES = {
    "zero-length": (make_zero_length, "is empty"),
    "random": (make_random, "cannot be read with the key"),
    "truncated": (make_truncated, "cut short"),
    "plaintext SQLite": (make_plaintext, "unencrypted SQLite"),
    "SQLCipher 3 settings": (make_sqlcipher3, "SQLCipher 3"),
    "first page bit-flipped": (make_first_page_flipped, "cannot be read with the key"),
    "newer schema": (make_newer_schema, "newer version"),
    "key file missing": (make_key_file_missing, "key file keys.json is missing"),
    "key file damaged": (make_key_file_garbage, "key file keys.json is damaged"),
}


@pytest.fixture(scope="module")
def messages() -> dict[str, str]:
    return {}


@pytest.mark.parametrize("case", list(CASES))
def test_each_bad_file_has_its_own_clear_message_and_stays_unchanged(data_dir, case, messages):
    make, expected = CASES[case]
    make(data_dir, store_key(data_dir))
    before = fingerprint(data_dir)
    with pytest.raises(UserError) as caught:
        session.open_session(data_dir, PASSPHRASE)
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message and "Traceback" not in message
    assert caught.value.exit_code != 0
    assert fingerprint(data_dir) == before
    messages[case] = message


def test_the_messages_are_all_different(messages):
    if len(messages) < len(CASES):
        pytest.skip("run together with the cases above")
    # Random bytes and a flipped first page cannot be told apart (neither authenticates).
    assert len(set(messages.values())) == len(CASES) - 1


def test_a_flipped_bit_deep_inside_is_named_by_page_and_a_backup_restores_it(data_dir, tmp_path):
    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    meetings.create(ctx, chair, template=sample_meeting())
    good = backup.create_backup(ctx, chair, tmp_path / "backups")
    key = ctx.store.raw_key_for_backup()
    ctx.close()
    page, damaged_bytes = flip_a_bit_in_table(data_dir, key)
    db = data_dir / "store.db"

    ctx, chair = session.open_session(data_dir, PASSPHRASE)  # the damage is not on the way in
    try:
        problems = ctx.store.integrity_problems()
        assert f"page {page}" in problems[0] and "HMAC" in problems[0]
        with pytest.raises(StoreCorrupted, match="The store is damaged .* restore it from a backup"):
            meetings.get(ctx, chair, "SD-2026-0100")  # no traceback, a message
    finally:
        ctx.close()
    assert db.read_bytes() == damaged_bytes  # looking at the damage did not change it

    result = backup.restore(data_dir, good.path, passphrase=PASSPHRASE)
    assert (result.replaced_store_kept_in / "store.db").read_bytes() == damaged_bytes  # kept aside
    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    try:
        assert ctx.store.integrity_problems() == []
        assert meetings.get(ctx, chair, "SD-2026-0100").children
    finally:
        ctx.close()


def test_a_store_found_damaged_in_use_goes_read_only_and_keeps_its_bytes(data_dir):
    """Security test 36: the first damaged page met turns the open store read only; every
    later write is refused with a message that points at restoring, and the file is left as it
    was, so the damage can be examined or the store restored."""
    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    meetings.create(ctx, chair, template=sample_meeting())
    key = ctx.store.raw_key_for_backup()
    ctx.close()
    page, damaged_bytes = flip_a_bit_in_table(data_dir, key)
    db = data_dir / "store.db"

    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    try:
        assert session.damage_found(ctx) is None  # nothing met yet: the store writes as usual
        with pytest.raises(StoreCorrupted):
            meetings.get(ctx, chair, "SD-2026-0100")
        assert "damaged" in session.damage_found(ctx)
        with pytest.raises(StoreReadOnly, match="read only.*Restore it from a backup"):
            meetings.create(ctx, chair, template=sample_meeting("SD-2026-0101"))
        assert [u.name for u in users.list_users(ctx, users.resolve(ctx, "admin"))]  # undamaged pages still read
    finally:
        ctx.close()
    assert db.read_bytes() == damaged_bytes


def _open_damaged_in_use(data_dir: Path):  # type: ignore[no-untyped-def]
    """A store whose children page fails its check, opened and already found damaged."""
    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    meetings.create(ctx, chair, template=sample_meeting())
    key = ctx.store.raw_key_for_backup()
    ctx.close()
    flip_a_bit_in_table(data_dir, key)
    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    with pytest.raises(StoreCorrupted):
        meetings.get(ctx, chair, "SD-2026-0100")
    assert session.damage_found(ctx)
    return ctx, chair


def test_a_read_only_store_refuses_a_passphrase_change_and_keeps_the_old_one(data_dir):
    """Told "nothing was saved", the user must be right to go on with the old passphrase: the
    key file is not rewritten behind a refused audit event."""
    ctx, chair = _open_damaged_in_use(data_dir)
    key_file = (data_dir / "keys.json").read_bytes()
    try:
        with pytest.raises(StoreReadOnly, match="read only"):
            users.change_passphrase(ctx, chair, "a brand new passphrase for the chair")
        with pytest.raises(StoreReadOnly, match="read only"):
            ctx.store.remove_passphrase("admin")
    finally:
        ctx.close()
    assert (data_dir / "keys.json").read_bytes() == key_file
    session.open_session(data_dir, PASSPHRASE)[0].close()


def test_a_store_found_damaged_in_use_makes_no_backup(data_dir, tmp_path):
    """A damaged store's backup would push good ones out of the rotation: refused, and the
    backup folder gets nothing."""
    ctx, chair = _open_damaged_in_use(data_dir)
    try:
        with pytest.raises(StoreCorrupted, match="damaged"):
            backup.create_backup(ctx, chair, tmp_path / "backups")
    finally:
        ctx.close()
    assert not (tmp_path / "backups").exists() or not any((tmp_path / "backups").iterdir())


def test_a_unit_of_work_begun_before_the_damage_was_found_cannot_write_after_it(data_dir):
    """Another thread's unit of work may already hold its session when the damage is met: its
    write must be refused too, not go to the damaged file through the engine left behind."""
    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    meetings.create(ctx, chair, template=sample_meeting())
    key = ctx.store.raw_key_for_backup()
    ctx.close()
    page, damaged_bytes = flip_a_bit_in_table(data_dir, key)
    db = data_dir / "store.db"

    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    try:
        early = ctx.unit_of_work()  # its session made before the damage is met
        with pytest.raises(StoreCorrupted):
            meetings.get(ctx, chair, "SD-2026-0100")
        with pytest.raises(StoreReadOnly, match="read only"):
            with early:
                early.settings.set("late.write", "1")
                early.audit.append("chair", "settings.change", "setting:late.write", {})
                early.commit()
    finally:
        ctx.close()
    assert db.read_bytes() == damaged_bytes


def test_a_unit_of_work_waiting_for_the_write_lock_when_damage_is_found_cannot_commit(data_dir):
    """The worker's unit of work waits in BEGIN IMMEDIATE while the GUI thread's one meets the
    damage: once it gets the lock it must not write to the damaged file."""
    import threading
    import time

    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    meetings.create(ctx, chair, template=sample_meeting())
    key = ctx.store.raw_key_for_backup()
    ctx.close()
    page, damaged_bytes = flip_a_bit_in_table(data_dir, key)
    db = data_dir / "store.db"

    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    outcome: list[BaseException | None] = []

    def waiting_writer() -> None:
        try:
            with ctx.unit_of_work() as uow:
                uow.users.get("chair")  # blocks in BEGIN IMMEDIATE until the reader below ends
                uow.settings.set("late.write", "1")
                uow.audit.append("chair", "settings.change", "setting:late.write", {})
                uow.commit()
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - the test looks at what it was
            outcome.append(exc)

    try:
        writer = None
        with pytest.raises(StoreCorrupted):
            with ctx.unit_of_work() as reader:
                reader.users.get("chair")  # holds the write lock from here
                writer = threading.Thread(target=waiting_writer)
                writer.start()
                time.sleep(0.5)  # the writer is now waiting for the lock
                reader.meetings.get("SD-2026-0100")
        writer.join(30)
        assert len(outcome) == 1 and isinstance(outcome[0], StoreReadOnly), outcome
    finally:
        ctx.close()
    assert db.read_bytes() == damaged_bytes
