# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Store benchmark (issue 2): a store of 100,000 meetings (~1,000,000 contributions).

Prints the time to open the store, to find a meeting by child surname and by reference, to
load one whole meeting, peak memory, and the same queries on an unencrypted SQLite copy as a
ratio. Usage:

    python bench/store.py [--meetings 100000] [--dir /tmp/sm-bench] [--rebuild]

The store is built once (bulk inserts on a keyed connection) and reused on later runs.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import sqlcipher3  # noqa: E402
from sqlalchemy import create_engine, event  # noqa: E402
from sqlalchemy.pool import QueuePool  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from strategy_meeting.domain.meeting import MeetingQuery  # noqa: E402
from strategy_meeting.domain.roles import Role, User  # noqa: E402
from strategy_meeting.store import Store  # noqa: E402
from strategy_meeting.store.engine import connect_raw  # noqa: E402
from strategy_meeting.store.unit_of_work import UnitOfWork  # noqa: E402

PASSPHRASE = "benchmark passphrase"
FIRST = ["Robin", "Alex", "Sam", "Jordan", "Casey", "Zoë", "Αλέξης", "Мария", "Nikos", "Ivan", "Aisha", "Oluwaseun"]
SURNAMES = [f"{stem}{n}" for stem in ("Fictional", "Placeholder", "Sample", "Παπαδόπουλος", "Иванова", "Müller")
            for n in range(400)]
AGENCIES = [("CSC", "social_care"), ("POLICE", "police"), ("HEALTH", "health"), ("EDU", "education"),
            ("HOUSING", "housing"), ("PROBATION", "probation")]
TOPICS = ["history", "current_concerns", "risks", "strengths", "child_lived_experience", "other"]
TEXT = ("Fictional benchmark text describing what the agency knows about the family, the child's "
        "attendance and presentation, and any earlier concerns recorded by the service. ")


def _iso(dt: datetime) -> str:
    return dt.astimezone(UTC).isoformat()


def build(directory: Path, meetings: int) -> None:
    if directory.exists():
        shutil.rmtree(directory)
    store, _ = Store.create(directory, User("bench", Role.CHAIR), PASSPHRASE)
    key = store.raw_key_for_backup()
    store.close()
    rnd = random.Random(42)
    conn = connect_raw(directory / "store.db", key)
    start = time.perf_counter()
    base = datetime(2024, 1, 1, 9, 0, tzinfo=UTC)
    conn.execute("BEGIN")
    for mid in range(1, meetings + 1):
        held = base + timedelta(hours=mid % 20000, minutes=mid % 60)
        ref = f"SD-{2024 + mid % 3}-{mid:06d}"
        children = [(f"c{i}", f"{rnd.choice(FIRST)} {rnd.choice(SURNAMES)}") for i in range(1, rnd.choice((1, 1, 2, 3)) + 1)]
        conn.execute(
            "INSERT INTO meetings (id, reference, reference_key, kind, format, held_at, location, chair, minute_taker,"
            " status, referral, parents_informed, next_steps, sign_off, chair_name, child_names, created_by,"
            " created_at, updated_at, reconvenes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (mid, ref, ref.casefold(), "initial", "virtual", _iso(held), "Video call",
             json.dumps({"name": "Alex Example", "agency": "CSC", "role": "Chair"}), None,
             rnd.choice(["draft", "in_progress", "concluded", "signed_off", "distributed"]),
             json.dumps({"received_at": _iso(held - timedelta(days=1)), "reason": "Fictional referral.",
                         "source_agency": "EDU", "categories": ["neglect"]}),
             json.dumps({"when": None, "how": "", "by": "", "delay_reason": ""}),
             json.dumps({"icpc_by": None, "review_at": None}), None, "Alex Example",
             "; ".join(n for _, n in children), "bench", _iso(held), _iso(held), ""),
        )
        conn.executemany(
            "INSERT INTO meeting_agencies (meeting_id, position, code, name, kind, email) VALUES (?,?,?,?,?,?)",
            [(mid, n, code, code.title(), kind, "") for n, (code, kind) in enumerate(AGENCIES)],
        )
        conn.executemany(
            "INSERT INTO children (meeting_id, position, item_id, name, surname_key, name_key, details)"
            " VALUES (?,?,?,?,?,?,?)",
            [(mid, n, cid, name, name.split()[-1].casefold(), name.casefold(), json.dumps({"date_of_birth": "2018-05-14"}))
             for n, (cid, name) in enumerate(children)],
        )
        conn.executemany(
            "INSERT INTO participants (meeting_id, position, agency, status, details) VALUES (?,?,?,?,?)",
            [(mid, n, code, "attended", json.dumps({"name": f"Person {n}", "role": "", "decision_authority": True, "id": f"m{n}"}))
             for n, (code, _) in enumerate(AGENCIES[:4])],
        )
        conn.executemany(
            "INSERT INTO contributions (meeting_id, position, item_id, agency, topic, text, audience, audience_agencies,"
            " family, author, lawful_basis, received_via, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(mid, n, f"k{n + 1}", AGENCIES[n % 6][0], TOPICS[n % 6], TEXT * (1 + n % 3),
              ("all", "agencies", "chair")[n % 3], '["CSC","POLICE"]' if n % 3 == 1 else "[]", n % 2 == 0,
              "Author", "UK GDPR 6(1)(e)", "meeting", _iso(held)) for n in range(10)],
        )
        conn.executemany(
            "INSERT INTO decisions (meeting_id, position, item_id, kind, outcome, rationale, threshold_met, relied_on, dissent)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            [(mid, n, f"d{n + 1}", "section47_joint", "Outcome.", "Rationale.", True, '["k1","k2"]', "[]") for n in range(2)],
        )
        conn.executemany(
            "INSERT INTO actions (meeting_id, position, item_id, description, owner_agency, owner_name, due, audience,"
            " audience_agencies, family, status, completion_note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [(mid, n, f"a{n + 1}", "Fictional action.", AGENCIES[n % 6][0], "Owner",
              (held + timedelta(days=n + 1)).date().isoformat(), "all", "[]", False,
              "open" if n % 2 else "done", "") for n in range(5)],
        )
        if mid % 10000 == 0:
            conn.execute("COMMIT")
            conn.execute("BEGIN")
            print(f"  built {mid} meetings ({time.perf_counter() - start:.0f} s)", flush=True)
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("ANALYZE")
    # The unencrypted twin for the ratio: the same pages, exported without a key.
    plain = directory / "plain.db"
    conn.execute(f"ATTACH DATABASE '{plain}' AS plain KEY ''")
    conn.execute("SELECT sqlcipher_export('plain')")
    conn.execute("DETACH DATABASE plain")
    conn.close()
    print(f"built {meetings} meetings in {time.perf_counter() - start:.0f} s")


def timed(fn, repeat: int = 20) -> float:  # type: ignore[no-untyped-def]
    """Median milliseconds of ``repeat`` calls (the first call, which warms caches, included in a separate figure)."""
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples)


def queries(uow_factory, surnames: list[str], refs: list[str]) -> dict[str, float]:  # type: ignore[no-untyped-def]
    today = date(2026, 11, 20)
    it_s = iter(surnames * 10)
    it_r = iter(refs * 10)

    def by_surname() -> None:
        with uow_factory() as uow:
            ids = uow.meetings.ids(MeetingQuery(text=next(it_s)))
            uow.meetings.summaries(ids[:50], today)

    def by_reference() -> None:
        with uow_factory() as uow:
            ids = uow.meetings.ids(MeetingQuery(text=next(it_r)))
            uow.meetings.summaries(ids[:50], today)

    def load() -> None:
        with uow_factory() as uow:
            m = uow.meetings.get(next(it_r))
            assert m is not None and len(m.contributions) == 10

    return {"surname": timed(by_surname), "reference": timed(by_reference), "load": timed(load)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--meetings", type=int, default=100_000)
    ap.add_argument("--dir", type=Path, default=Path("/tmp/sm-bench-store"))
    ap.add_argument("--rebuild", action="store_true")
    args = ap.parse_args()
    marker = args.dir / f"built-{args.meetings}"
    if args.rebuild or not marker.exists():
        build(args.dir, args.meetings)
        marker.touch()
    now = datetime(2026, 11, 20, tzinfo=UTC)
    rnd = random.Random(7)
    surnames = [rnd.choice(SURNAMES) for _ in range(40)]  # what a chair types: a surname
    refs = [f"SD-{2024 + m % 3}-{m:06d}" for m in rnd.sample(range(1, args.meetings + 1), 40)]

    t = time.perf_counter()
    store, _user = Store.open(args.dir, PASSPHRASE)
    unlock_s = time.perf_counter() - t
    key = store.raw_key_for_backup()
    store.close()
    t = time.perf_counter()
    store = Store._opened(args.dir, key, store.key_file)
    with store.unit_of_work(now) as uow:
        uow.meetings.count(MeetingQuery())
    open_s = time.perf_counter() - t

    # Each side runs once to warm the OS file cache, then is measured: the ratio compares
    # decryption, not which file happened to be read from disk first.
    queries(lambda: store.unit_of_work(now), surnames, refs)
    enc = queries(lambda: store.unit_of_work(now), surnames, refs)
    # The plain twin goes through the very same driver, pragmas, pool and BEGIN IMMEDIATE as the
    # store, only without a key: the ratio then measures encryption and nothing else.
    def plain_connect():  # type: ignore[no-untyped-def]
        conn = sqlcipher3.connect(str(args.dir / "plain.db"), check_same_thread=False, isolation_level=None)
        for pragma in ("temp_store = MEMORY", "cache_size = -65536", "journal_mode = WAL",
                       "synchronous = FULL", "foreign_keys = ON", "busy_timeout = 30000"):
            conn.execute(f"PRAGMA {pragma}")
        return conn

    plain_engine = create_engine("sqlite://", creator=plain_connect, poolclass=QueuePool, pool_size=2)

    @event.listens_for(plain_engine, "begin")
    def _begin(conn):  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    broad = [s[:4] for s in surnames[:10]]
    queries(lambda: UnitOfWork(Session(plain_engine), now, lambda _a: None), surnames, refs)
    plain = queries(lambda: UnitOfWork(Session(plain_engine), now, lambda _a: None), surnames, refs)
    with store.unit_of_work(now) as uow:
        t = time.perf_counter()
        for prefix in broad:
            hits = len(uow.meetings.ids(MeetingQuery(text=prefix)))
        broad_ms = (time.perf_counter() - t) * 1000 / len(broad)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"store: {args.meetings} meetings, {args.meetings * 10} contributions, "
          f"{(args.dir / 'store.db').stat().st_size / 1e6:.0f} MB encrypted")
    print(f"unlock with passphrase (Argon2id + open): {unlock_s:.3f} s")
    print(f"open with the key (keyring path; engine, schema check, first query): {open_s:.3f} s   target < 0.3 s")
    for name, label in (("surname", "find by child surname (prefix, first page of 50)"),
                        ("reference", "find by reference"), ("load", "load one whole meeting")):
        ratio = enc[name] / plain[name] if plain[name] else float("nan")
        print(f"{label}: {enc[name]:.2f} ms encrypted, {plain[name]:.2f} ms plain, ratio {ratio:.2f}   "
              "target < 50 ms, ratio < 1.3")
    print(f"search as you type, 4-letter prefix matching ~{hits} meetings (all ids, sorted): {broad_ms:.0f} ms")
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
