# SPDX-License-Identifier: LicenseRef-Proprietary
"""SIGKILL in the middle of writes (security tests 12, 33, 34), and a full disk (35).

Children come from a fork server, so each starts in a few milliseconds from a clean,
single-threaded process with the app already imported: hundreds of kills fit in half a
minute. The default run is bounded by time; a longer soak run:

    STRATEGY_MEETING_CRASH_SECONDS=600 STRATEGY_MEETING_CRASH_KILLS=5000 \
        .venv/bin/python -m pytest tests/store/test_crash_safety.py -s
"""

from __future__ import annotations

import hashlib
import multiprocessing
import multiprocessing.forkserver as forkserver_module
import os
import random
import sys
import time
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

import crash_children
from builders import sample_meeting
from conftest import PASSPHRASE
from strategy_meeting.domain.errors import StoreWriteFailed, WrongPassphrase
from strategy_meeting.services import audit, meetings, session
from strategy_meeting.services.atomic_files import is_temp_name, remove_stray_temps
from strategy_meeting.store import FAST_TEST_KDF, Store, work_files
from strategy_meeting.store.engine import as_damage, as_write_failure
from strategy_meeting.store.engine import connect_raw

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and a fork server are POSIX")

SECONDS = float(os.environ.get("STRATEGY_MEETING_CRASH_SECONDS", "45"))
MAX_KILLS = int(os.environ.get("STRATEGY_MEETING_CRASH_KILLS", "300"))


@pytest.fixture(scope="module")
def forkserver():
    mp = multiprocessing.get_context("forkserver")
    # The store layer proper (SQLAlchemy) loads on first open, not with the services, so it is
    # named here: every forked writer then starts with it imported.
    mp.set_forkserver_preload(["crash_children", "builders", "strategy_meeting.services.meetings",
                               "strategy_meeting.services.session", "strategy_meeting.services.atomic_files",
                               "strategy_meeting.store.database", "strategy_meeting.store.key_slots",
                               "strategy_meeting.services.backup", "strategy_meeting.store.backup"])
    # The fork server imports its preload list with the sys.path of a fresh interpreter
    # (Python 3.11 ignores the sys_path it is sent), so hand it pytest's path through the
    # environment; otherwise every child would import the app again (about 1.5 s each).
    saved = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    try:
        forkserver_module.ensure_running()
    finally:
        if saved is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = saved
    return mp


def run_and_kill(mp, target, args, delay: float, after_ready: bool = False) -> list[int]:
    """Start ``target`` in a child, SIGKILL it after ``delay`` seconds (counted from its READY
    message if ``after_ready``), return its acknowledgements."""
    reader, writer = mp.Pipe(duplex=False)
    child = mp.Process(target=target, args=(*args, writer), daemon=True)
    child.start()
    writer.close()
    if after_ready:
        assert reader.poll(30), "the child did not open the store"
        assert crash_children.ACK.unpack(reader.recv_bytes())[0] == crash_children.READY
    time.sleep(delay)
    child.kill()  # SIGKILL: no clean-up, no flush, no atexit
    child.join()
    acks = []
    while True:
        try:
            if not reader.poll(0.5):
                break
            n = crash_children.ACK.unpack(reader.recv_bytes())[0]
            if n != crash_children.READY:
                acks.append(n)
        except (EOFError, OSError):
            break
    reader.close()
    assert child.exitcode == -9, f"the child ended by itself (exit {child.exitcode}) instead of being killed"
    return acks


def kill_writers_repeatedly(mp, data_dir: Path, seconds: float, max_kills: int) -> tuple[int, int, int]:
    """The loop of security test 33; returns (kills, kills after at least one commit, acks)."""
    rng = random.Random(20261120)
    acked: set[int] = set()
    kills = mid_stream = 0
    deadline = time.monotonic() + seconds
    while kills < max_kills and time.monotonic() < deadline:
        # One kill in four lands while the child opens the store (and recovers the WAL the last
        # one left behind); the others land among its commits, whatever the machine's speed.
        while_opening = rng.random() < 0.25
        delay = rng.uniform(0, 0.15) if while_opening else rng.uniform(0.02, 0.3)
        acks = run_and_kill(mp, crash_children.write_meetings, (str(data_dir), PASSPHRASE, kills), delay,
                            after_ready=not while_opening)
        kills += 1
        mid_stream += bool(acks)
        acked.update(acks)

        ctx, chair = session.open_session(data_dir, PASSPHRASE)  # opens: recovers the WAL itself
        try:
            assert ctx.store.integrity_problems() == [], f"after kill {kills}"
            conn = connect_raw(ctx.store.db_path, ctx.store.raw_key_for_backup())
            try:
                present = {r[0] for r in conn.execute("SELECT reference FROM meetings")}
            finally:
                conn.close()
            missing = {n for n in acked if f"SD-{n // 10_000:05d}-{n % 10_000:04d}" not in present}
            assert not missing, f"after kill {kills}, acknowledged commits are missing: {sorted(missing)[:5]}"
            if kills % 25 == 0:
                assert audit.verify(ctx, chair).ok
        finally:
            ctx.close()
    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    try:
        report = audit.verify(ctx, chair)
    finally:
        ctx.close()
    assert report.ok, report.problem
    return kills, mid_stream, len(acked)


def test_every_acknowledged_commit_survives_sigkill_and_the_store_opens_cleanly(forkserver, data_dir, capsys):
    kills, mid_stream, acked = kill_writers_repeatedly(forkserver, data_dir, SECONDS, MAX_KILLS)
    with capsys.disabled():
        print(f"\n[crash safety] {kills} SIGKILLs, {mid_stream} after a commit, {acked} acknowledged commits all present")
    # Bounded by time for CI; even a slow machine must have done enough to mean something.
    assert kills >= 50 and mid_stream >= 20 and acked >= 50


@pytest.mark.slow
def test_soak_five_hundred_kills(forkserver, data_dir, request):
    """The long run (about four minutes): ``pytest -m slow`` or STRATEGY_MEETING_SLOW=1."""
    if request.config.getoption("markexpr").strip() != "slow" and os.environ.get("STRATEGY_MEETING_SLOW") != "1":
        pytest.skip("soak run: select it with -m slow")
    kills, mid_stream, acked = kill_writers_repeatedly(forkserver, data_dir, 900, 500)
    assert kills == 500 and mid_stream >= 250


def test_a_kill_mid_export_never_leaves_a_partial_file_under_its_final_name(forkserver, tmp_path, capsys):
    rng = random.Random(34)
    target = tmp_path / "SD-2026-0042-full.pdf"
    strays_seen = 0
    for kill in range(60):
        run_and_kill(forkserver, crash_children.export_files, (str(tmp_path), 2_000_000), rng.uniform(0.02, 0.2))
        if target.exists():
            data = target.read_bytes()
            assert hashlib.sha256(data[32:]).digest() == data[:32], f"partial file under the final name after kill {kill}"
        names = os.listdir(tmp_path)
        assert set(names) <= {target.name} | {n for n in names if is_temp_name(n)}
        strays = [n for n in names if is_temp_name(n)]
        strays_seen += bool(strays)
        # "Next start": the clean-up removes the strays and nothing else.
        assert remove_stray_temps(tmp_path, min_age_seconds=0) == len(strays)
        assert os.listdir(tmp_path) == ([target.name] if target.exists() else [])
    with capsys.disabled():
        print(f"\n[atomic export] 60 SIGKILLs, {strays_seen} landed mid-write")
    assert target.exists() and strays_seen >= 5  # the kills really did land mid-write


@pytest.fixture
def cheap_slots(tmp_path) -> tuple[Path, str]:
    """A store whose every slot has the cheap test KDF: this test tries wrong passphrases
    against all slots sixty times, which the real KDF would make a minute long."""
    data = tmp_path / "data"
    ctx, _, recovery = session.init_store(data, "chair", PASSPHRASE, kdf=FAST_TEST_KDF)
    ctx.store.set_passphrase("admin", PASSPHRASE + " admin", FAST_TEST_KDF)
    ctx.close()
    return data, recovery


def test_a_kill_mid_passphrase_change_leaves_exactly_one_passphrase_working(forkserver, cheap_slots):
    data_dir, recovery_key = cheap_slots
    rng = random.Random(12)
    phrases = [PASSPHRASE, "second passphrase 'quoted'; --", "third passphrase ünïcødé"]
    current = 0
    for kill in range(20):
        acks = run_and_kill(forkserver, crash_children.change_passphrases,
                            (str(data_dir), "chair", phrases, current), rng.uniform(0.05, 0.3))
        last = max(acks, default=current)
        opening = []
        for i, phrase in enumerate(phrases):
            try:
                store, user = Store.open(data_dir, phrase)
            except WrongPassphrase:
                continue
            assert user == "chair"
            assert store.integrity_problems() == []
            store.close()
            opening.append(i)
        assert len(opening) == 1, f"after kill {kill}: passphrases {opening} open the store"
        assert opening[0] in (last % 3, (last + 1) % 3), f"after kill {kill}: an older passphrase came back"
        current = opening[0]
    assert Store.open(data_dir, PASSPHRASE + " admin", "admin")[1] == "admin"  # another user's slot is untouched
    Store.open_with_recovery_key(data_dir, recovery_key).close()


def test_stray_temporary_files_are_removed_at_the_next_open_whatever_their_age(forkserver, data_dir, tmp_path):
    """Left by a version before the work registry: no live process holds them, so the next
    open removes them however young they are."""
    old = time.time() - 3600
    strays = [data_dir / "keys.json.abc123.tmp", data_dir / "audit-head.json.def456.tmp",
              data_dir / "keys.json.ghi789.tmp", data_dir / ".backup-work-x1y2z3"]
    for path in strays[:3]:
        path.write_text("{")
    strays[3].mkdir()
    (strays[3] / "store.db").write_bytes(b"x")
    for path in strays[:2]:
        os.utime(path, (old, old))
    session.open_session(data_dir, PASSPHRASE)[0].close()
    assert not any(p.exists() for p in strays)


def _ours(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if work_files.looks_ours(p.name)]


def test_work_items_of_a_live_process_stay_and_go_at_the_next_open_after_it_is_killed(forkserver, data_dir, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    reader, writer = forkserver.Pipe(duplex=False)
    child = forkserver.Process(target=crash_children.hold_work_items, args=(str(data_dir), str(out), writer),
                               daemon=True)
    child.start()
    writer.close()
    try:
        assert reader.poll(30) and crash_children.ACK.unpack(reader.recv_bytes())[0] == crash_children.READY
        held = _ours(data_dir) + _ours(out)
        assert len(held) == 3
        session.open_session(data_dir, PASSPHRASE)[0].close()  # a start while the writer is alive
        assert all(p.exists() for p in held)
    finally:
        child.kill()
        child.join()
        reader.close()
    session.open_session(data_dir, PASSPHRASE)[0].close()  # the next start, a moment later
    assert not any(p.exists() for p in held)
    assert list((data_dir / work_files.WORK_FOLDER).iterdir()) == []


def test_a_kill_mid_backup_leaves_only_private_files_and_the_next_open_removes_them(forkserver, data_dir, capsys):
    """The audit found a backup's work file left 0644 after a kill: whatever is left now is
    0600 (folders 0700), and the next start removes it whatever its age."""
    rng = random.Random(5)
    backups = data_dir / "backups"
    mid_backup = 0
    for kill in range(12):
        run_and_kill(forkserver, crash_children.make_backups, (str(data_dir), PASSPHRASE),
                     rng.uniform(0.0, 0.4), after_ready=True)
        left = _ours(data_dir) + (_ours(backups) if backups.exists() else [])
        mid_backup += bool(left)
        for item in left:
            for path in [item, *(item.rglob("*") if item.is_dir() else [])]:
                mode = path.stat().st_mode & 0o777
                assert mode == (0o700 if path.is_dir() else 0o600), f"after kill {kill}: {path.name} is {mode:o}"
        session.open_session(data_dir, PASSPHRASE)[0].close()
        assert _ours(data_dir) == [] and (not backups.exists() or _ours(backups) == []), f"after kill {kill}"
        assert list((data_dir / work_files.WORK_FOLDER).iterdir()) == []
    with capsys.disabled():
        print(f"\n[backup] 12 SIGKILLs, {mid_backup} left work files behind")
    assert mid_backup >= 3  # the kills really did land mid-backup


def test_a_full_disk_at_commit_saves_nothing_says_so_and_the_store_reopens(data_dir):
    """SECURITY-TESTS 35 (FailDevice analogue): SQLite's own cap on the file's page count makes
    the write fail with SQLITE_FULL, the error a full disk gives, through the real store."""
    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    try:
        with ctx.unit_of_work() as uow:
            events_before = len(uow.audit.events())
        engine = ctx.store._require_engine()

        def no_room_to_grow(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
            dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

        engine.dispose()  # every connection from now on is capped
        event.listen(engine, "connect", no_room_to_grow)
        with pytest.raises(StoreWriteFailed, match="disk holding the store is full, so nothing was saved"):
            meetings.create(ctx, chair, template=sample_meeting(child_name="x" * 200_000))
        event.remove(engine, "connect", no_room_to_grow)
        engine.dispose()
        with ctx.unit_of_work() as uow:
            assert uow.meetings.get("SD-2026-0100") is None  # no partial row
            assert len(uow.audit.events()) == events_before
        meetings.create(ctx, chair, template=sample_meeting())  # control: with room, it saves
    finally:
        ctx.close()
    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    try:
        assert ctx.store.integrity_problems() == []
        assert audit.verify(ctx, chair).ok
        assert meetings.get(ctx, chair, "SD-2026-0100").children[0].name != "x" * 200_000
    finally:
        ctx.close()


@pytest.mark.parametrize(("error", "message"), [
    ("database or disk is full", "disk holding the store is full"),
    ("disk I/O error", "could not be written to the disk"),
])
def test_disk_errors_from_sqlite_become_one_clear_line_and_nothing_else_does(error, message):
    """SECURITY-TESTS 35: ENOSPC and EIO reach us as SQLite's SQLITE_FULL and SQLITE_IOERR
    texts (an I/O error cannot be caused here without a fault-injecting file system). Control:
    a busy database or a damaged page keeps its own meaning."""
    for raised in (sqlcipher3.OperationalError(error),
                   OperationalError("COMMIT", {}, sqlcipher3.OperationalError(error))):
        failure = as_write_failure(raised)
        assert isinstance(failure, StoreWriteFailed) and message in str(failure)
        assert "nothing was saved" in str(failure) and "\n" not in str(failure)
        assert as_damage(raised) is None
    assert as_write_failure(sqlcipher3.OperationalError("database is locked")) is None
    assert as_write_failure(sqlcipher3.DatabaseError("file is not a database")) is None
