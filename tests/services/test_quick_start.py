# SPDX-License-Identifier: LicenseRef-Proprietary
"""A remembered store opens list first: the start-up preview (sqlcipher3 alone) shows exactly
what the full list shows for the same actor, and the key is handed over, then forgotten."""

from __future__ import annotations

import json

import pytest

from strategy_meeting.domain.errors import PermissionDenied, StoreCorrupted
from strategy_meeting.domain.meeting import MeetingQuery
from strategy_meeting.domain.roles import Role
from strategy_meeting.services import demo, meetings, quick_start, session, users
from strategy_meeting.services.governance import restriction
from strategy_meeting.store import Store
from strategy_meeting.store import keyring_slot
from strategy_meeting.store.engine import connect_raw
from strategy_meeting.store.list_reader import ListReader

from conftest import PASSPHRASE

PAGE = 100


@pytest.fixture
def demo_store(data_dir, clock):
    ctx, chair = session.open_session(data_dir, PASSPHRASE, clock=clock)
    demo.load_demo(ctx, chair)
    admin = users.resolve(ctx, "admin")
    # A local store keeps no agency representative's account (issue 13): a second chair.
    users.add_user(ctx, admin, "deputy", Role.CHAIR, PASSPHRASE + " deputy")
    # Issue 16: one restricted meeting, whose child names the administrator's rows hide.
    newest = meetings.summaries(ctx, chair, meetings.search(ctx, chair, MeetingQuery())[:1])[0].reference
    restriction.restrict(ctx, admin, newest, "Accuracy contested")
    key = ctx.store.raw_key_for_backup()
    ctx.close()
    return data_dir, key


def remember(monkeypatch, key: bytes, user: str) -> None:
    # Fake of the OS keyring (none runs here): it hands back the entry "remember" would keep.
    entry = json.dumps({"key": key.hex(), "user": user})
    monkeypatch.setattr(keyring_slot, "load_secret", lambda store_id, slot: entry)


@pytest.mark.parametrize("user", ["chair", "admin", "deputy"])
def test_the_preview_is_the_first_page_of_the_full_list_for_that_user(demo_store, clock, monkeypatch, user):
    data_dir, key = demo_store
    remember(monkeypatch, key, user)
    start = quick_start.find(data_dir, clock)
    preview = start.preview(PAGE)
    assert preview is not None and preview.actor.name == user

    ctx, actor = start.open_session()
    try:
        ids = meetings.search(ctx, actor, MeetingQuery())
        assert preview.total == len(ids)
        assert preview.rows == meetings.summaries(ctx, actor, ids[:PAGE])
        masked = [r for r in preview.rows if r.child_names == restriction.RESTRICTED_NAMES]
        assert len(masked) == (1 if user == "admin" else 0)
    finally:
        ctx.close()


def test_the_key_is_forgotten_once_the_store_has_it(demo_store, clock, monkeypatch):
    data_dir, key = demo_store
    remember(monkeypatch, key, "chair")
    start = quick_start.find(data_dir, clock)
    ctx, actor = start.open_session()
    ctx.close()
    assert not any(start._remembered._key)  # zeroed
    assert start.preview(PAGE) is None and start.open_session() is None


def test_a_stale_entry_gives_no_preview_and_no_session(demo_store, clock, monkeypatch):
    data_dir, _key = demo_store
    remember(monkeypatch, bytes(32), "chair")  # a key for some other store
    start = quick_start.find(data_dir, clock)
    assert start.preview(PAGE) is None
    assert start.open_session() is None  # so the app asks for the passphrase


def test_a_disabled_account_gets_no_preview_and_the_full_open_refuses_it(demo_store, clock, monkeypatch):
    data_dir, key = demo_store
    ctx, _chair = session.open_session(data_dir, PASSPHRASE, clock=clock)
    users.set_active(ctx, users.resolve(ctx, "admin"), "deputy", False)
    ctx.close()
    remember(monkeypatch, key, "deputy")
    start = quick_start.find(data_dir, clock)
    assert start.preview(PAGE) is None
    with pytest.raises(PermissionDenied):
        start.open_session()


def test_the_reader_refuses_a_schema_other_than_this_versions(demo_store):
    data_dir, key = demo_store
    conn = connect_raw(data_dir / "store.db", key)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.close()
    assert ListReader.open(data_dir / "store.db", key) is None


def test_the_reader_never_writes(demo_store):
    import sqlcipher3

    data_dir, key = demo_store
    reader = ListReader.open(data_dir / "store.db", key)
    with pytest.raises(sqlcipher3.OperationalError):
        reader._conn.execute("DELETE FROM meetings")
    reader.close()
    store, _user = Store.open(data_dir, PASSPHRASE)
    store.close()


def _damage_page_of(data_dir, key: bytes, table: str) -> None:
    """Flip one byte inside the root page of ``table``: its HMAC no longer checks out."""
    conn = connect_raw(data_dir / "store.db", key)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    conn.close()
    with open(data_dir / "store.db", "r+b") as fh:
        fh.seek((root - 1) * 4096 + 100)
        byte = fh.read(1)
        fh.seek(-1, 1)
        fh.write(bytes([byte[0] ^ 0xFF]))


def test_a_damaged_list_gives_no_preview_and_the_full_open_decides(demo_store, clock, monkeypatch):
    # The preview is optional: a damaged page it reads must not end the remembered start with
    # a raw SQLite error (and the key left in memory); the full open then says what is wrong,
    # or opens the store read only, exactly as an open by passphrase would.
    data_dir, key = demo_store
    _damage_page_of(data_dir, key, "meetings")
    remember(monkeypatch, key, "chair")
    start = quick_start.find(data_dir, clock)
    assert start.preview(PAGE) is None
    try:
        opened = start.open_session()
    except StoreCorrupted:
        opened = None
    if opened is not None:
        opened[0].close()
    assert not any(start._remembered._key)  # zeroed either way


def test_a_failed_preview_forgets_the_key(demo_store, clock, monkeypatch):
    # When the preview fails for any other reason the start-up is abandoned (the app asks for
    # the passphrase), so the key read from the keyring must not stay in memory.
    data_dir, key = demo_store
    remember(monkeypatch, key, "chair")
    start = quick_start.find(data_dir, clock)

    def broken(self, name):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(ListReader, "user", broken)
    with pytest.raises(RuntimeError):
        start.preview(PAGE)
    assert not any(start._remembered._key)


# ---- the "remembered here" hint and the early start ------------------------------------


def test_finding_the_store_remembered_leaves_a_hint_and_a_stale_entry_removes_it(demo_store, clock, monkeypatch):
    # The hint decides only how soon start-up asks the keyring: it follows what the keyring
    # said last time, and holds nothing (an empty file, no key, no name).
    data_dir, key = demo_store
    assert not quick_start.likely_remembered(data_dir)
    remember(monkeypatch, key, "chair")
    start = quick_start.find(data_dir, clock)
    assert start is not None and quick_start.likely_remembered(data_dir)
    start.discard()
    assert (data_dir / "remembered.hint").read_bytes() == b""
    monkeypatch.setattr(keyring_slot, "load_secret", lambda store_id, slot: None)  # the entry is gone
    assert quick_start.find(data_dir, clock) is None
    assert not quick_start.likely_remembered(data_dir)


def test_remembering_and_forgetting_on_this_computer_set_and_clear_the_hint(data_dir, monkeypatch):
    saved: dict[str, str] = {}
    # Fake of the OS keyring (none runs here): it keeps what it is given.
    monkeypatch.setattr(keyring_slot, "save_secret", lambda store_id, slot, secret: saved.update({slot: secret}))
    store, user = Store.open(data_dir, PASSPHRASE)
    try:
        store.remember_on_this_computer(user)
        assert saved and quick_start.likely_remembered(data_dir)
        store.forget_on_this_computer()
        assert not quick_start.likely_remembered(data_dir)
    finally:
        store.close()


def test_the_early_start_hands_over_what_the_lookup_found(demo_store, clock, monkeypatch):
    data_dir, key = demo_store
    remember(monkeypatch, key, "chair")
    found = quick_start.EarlyStart(data_dir, clock, PAGE).result()
    assert found is not None
    start, preview = found
    assert preview is not None and preview.actor.name == "chair" and preview.total > 0
    ctx, actor = start.open_session()
    try:
        ids = meetings.search(ctx, actor, MeetingQuery())
        assert preview.rows == meetings.summaries(ctx, actor, ids[:PAGE])
    finally:
        ctx.close()


def test_the_early_start_raises_what_the_lookup_raised(tmp_path, clock):
    # No store in the folder: the same error the lookup gives, raised where the result is
    # asked for (in the worker), not lost in the early thread.
    from strategy_meeting.domain.errors import StoreMissing

    with pytest.raises(StoreMissing):
        quick_start.EarlyStart(tmp_path, clock, PAGE).result()


def test_a_folder_whose_hint_cannot_be_looked_at_starts_the_slower_way(tmp_path, clock):
    # The hint is looked at before the app has its error dialog (gui/app.py): a folder that
    # cannot even be examined (here a name too long for the system) is no hint, not a crash.
    folder = tmp_path / ("x" * 300)
    assert not quick_start.likely_remembered(folder)
    assert quick_start.begin_if_remembered(folder, clock, PAGE) is None
