# SPDX-License-Identifier: LicenseRef-Proprietary
"""Encryption at rest (security tests 1, 2, 3, 4): no record byte in any file, during a session
and after it, with the cipher settings we promise."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import uuid
from pathlib import Path

import pytest
import sqlcipher3

from builders import sample_meeting
from conftest import PASSPHRASE
from strategy_meeting.domain.errors import NotAStore
from strategy_meeting.services import meetings, session
from strategy_meeting.store import KdfParams
from strategy_meeting.store.engine import connect_raw
from strategy_meeting.store.key_slots import RECOVERY_KDF


def canary() -> str:
    return f"ZZLEAK-{uuid.uuid4()}"


def leaks(folder: Path, secret: str) -> list[str]:
    """Files under ``folder`` whose bytes hold ``secret`` in UTF-8 or UTF-16."""
    forms = [secret.encode("utf-8"), secret.encode("utf-16-le"), secret.encode("utf-16-be")]
    return [str(p.relative_to(folder)) for p in sorted(folder.rglob("*"))
            if p.is_file() and any(f in p.read_bytes() for f in forms)]


def test_the_scan_finds_a_canary_in_a_plaintext_twin(tmp_path):
    # Control: the same scan over an unencrypted SQLite file does find the canary, so an
    # empty result below means something.
    secret = canary()
    conn = sqlite3.connect(tmp_path / "twin.db")
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.execute("INSERT INTO t VALUES (?)", (secret,))
    conn.commit()
    conn.close()
    assert leaks(tmp_path, secret) == ["twin.db"]


def test_no_canary_in_any_file_during_and_after_a_session(data_dir):
    secret = canary()
    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    try:
        meetings.create(ctx, chair, template=sample_meeting(child_name=secret, restricted_text=secret,
                                                           chair_only_text=secret))
        during = sorted(p.name for p in data_dir.iterdir())
        assert "store.db-wal" in during  # the write-ahead log exists and is scanned too
        assert leaks(data_dir, secret) == []
        # Control: the record really holds the canary.
        assert meetings.get(ctx, chair, "SD-2026-0100").children[0].name == secret
    finally:
        ctx.close()
    assert leaks(data_dir, secret) == []
    for name in ("store.db",):
        assert (data_dir / name).read_bytes()[:16] != b"SQLite format 3\x00"


def test_key_file_and_audit_head_name_no_one(data_dir):
    keys = (data_dir / "keys.json").read_text()
    head = (data_dir / "audit-head.json").read_text()
    for name in ("chair", "admin"):
        assert f'"{name}"' not in keys
        assert name not in head
    assert json.loads(keys)["format"] == "strategy-meeting-keys/1"


def test_connection_reports_the_promised_cipher_settings(ctx):
    raw = ctx.store._require_engine().raw_connection()
    try:
        def pragma(name: str) -> str:
            return str(raw.cursor().execute(f"PRAGMA {name}").fetchone()[0])

        assert pragma("cipher_version").startswith("4.")
        assert pragma("cipher_page_size") == "4096"
        assert pragma("cipher_hmac_algorithm") == "HMAC_SHA512"
        assert pragma("cipher_kdf_algorithm") == "PBKDF2_HMAC_SHA512"
        # SQLCipher's own KDF is idle (the store is keyed with a raw 256-bit key, derived once
        # by Argon2id in the key slots) but keeps its 4.x default.
        assert pragma("kdf_iter") == "256000"
        assert pragma("temp_store") == "2"  # MEMORY: sorts never spill plaintext to temp files
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == "2"  # FULL
    finally:
        raw.close()


def test_real_passphrase_slots_use_argon2id_with_the_default_cost(data_dir):
    slots = json.loads((data_dir / "keys.json").read_text())["slots"]
    kdfs = {(s["kind"], s["kdf"]["name"], s["kdf"]["t"], s["kdf"]["m"], s["kdf"]["p"]) for s in slots}
    # The administrator's slot was made with the production parameters (the chair's with
    # the cheap test ones, see conftest).
    real, recovery = KdfParams(), RECOVERY_KDF
    assert ("passphrase", "argon2id", real.time_cost, real.memory_kib, real.parallelism) in kdfs
    assert ("recovery", "argon2id", recovery.time_cost, recovery.memory_kib, recovery.parallelism) in kdfs
    assert real.memory_kib >= 46 * 1024  # OWASP's floor for Argon2id


def spilled(conn: sqlcipher3.Connection, secret: str) -> list[str]:
    """Sort the table's rows with a tiny page cache, so SQLite's sorter must spill; while the
    sort is open, read every temporary file this process holds (they are deleted at open, so
    only /proc/self/fd reaches them) and return those that hold ``secret``."""
    conn.execute("PRAGMA cache_size = 16")
    cursor = conn.execute("SELECT x FROM t ORDER BY substr(x, 30) || x DESC")
    try:
        assert cursor.fetchone()[0].startswith(secret)  # control: the sort ran over the canaries
        holding = []
        for fd in os.listdir("/proc/self/fd"):
            try:
                target = os.readlink(f"/proc/self/fd/{fd}")
            except OSError:
                continue
            if "etilqs_" in target:
                with open(f"/proc/self/fd/{fd}", "rb") as fh:
                    if secret.encode() in fh.read():
                        holding.append(target)
        return holding
    finally:
        cursor.close()


def test_a_big_sort_spills_no_plaintext_into_temporary_files(tmp_path):
    """SECURITY-TESTS 3: SQLCipher does not encrypt the sorter's temporary files, so the app's
    connections keep them in memory. Control: the same sort with temp_store=FILE does spill
    the canary to an etilqs_* file, so the empty result means something."""
    secret = canary()
    conn = connect_raw(tmp_path / "spill.db", bytes(range(32)), probe=False)
    try:
        conn.execute("CREATE TABLE t (x TEXT)")
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO t VALUES (?)", ((f"{secret}-{i:06d}",) for i in range(200_000)))
        conn.execute("COMMIT")
        assert spilled(conn, secret) == []  # the app's own settings
        conn.execute("PRAGMA temp_store = FILE")
        assert spilled(conn, secret) != []  # control
    finally:
        conn.close()


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_wrong_key_fails_in_stdlib_sqlite_and_sqlcipher_and_changes_nothing(data_dir, ctx):
    key = ctx.store.raw_key_for_backup()
    ctx.close()
    db = data_dir / "store.db"
    before = sha(db)
    plain = sqlite3.connect(db)
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
    plain.close()
    wrong = bytes(b ^ 0xFF for b in key)
    conn = sqlcipher3.connect(str(db))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{wrong.hex()}'\"")
    with pytest.raises(sqlcipher3.DatabaseError, match="file is not a database"):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()
    with pytest.raises(NotAStore):
        connect_raw(db, wrong)
    assert sha(db) == before
    connect_raw(db, key).close()  # control: the right key opens it
