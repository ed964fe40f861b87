# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Team server benchmark (issue 17, part 9): many people on one PostgreSQL server at once.

Seeds a server with ``--meetings`` meetings (one sample meeting written through the store, then
copied in bulk by SQL), then runs ``--clients`` processes for ``--seconds`` seconds, each as a
login of its own kind (one in five a chair, the rest agency representatives), through the
app's own services over TLS: list the newest page (what the meetings list does on the server:
the count and the first ids, then the rows of the first page), search by a child's surname,
open a meeting, and write (a representative adds a contribution; a chair appends a token to an
action's completion note over the version they read, retrying after a refusal). Prints the
throughput, p50 and p95 latency per operation, the refusals, and the lost updates: tokens and
contributions acknowledged to a client that are missing at the end (must be 0).

Each client is a person at work, not a loop: between operations it pauses for a random time
(exponential, mean ``--think`` seconds, 1 s by default: a busy hub where each of 50 people acts
every second or so). ``--think 0`` runs every client flat out, which measures how the server
queues rather than what a person waits for; the figures printed say which was run.

    python bench/team.py [--meetings 100000] [--clients 50] [--seconds 60] [--think 1.0]

Without ``--dsn`` it starts a throwaway cluster the way the tests do (tests/pg_cluster.py,
PostgreSQL binaries needed); with ``--dsn OWNER_DSN`` (an empty database and its owner, see the
administrator's guide) it uses that server.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from strategy_meeting.domain.contribution import Contribution, Topic  # noqa: E402
from strategy_meeting.domain.errors import MeetingChanged  # noqa: E402
from strategy_meeting.domain.listing import MeetingQuery  # noqa: E402
from strategy_meeting.domain.roles import Role  # noqa: E402
from strategy_meeting.domain.sharing_terms import SharingTerms  # noqa: E402
from strategy_meeting.services import meetings, team_server  # noqa: E402
from strategy_meeting.services.meetings import ItemKind  # noqa: E402

PASSWORD = "benchmark login passphrase"
AGENCIES = ("CSC", "POLICE", "HEALTH", "EDU")
SURNAMES = 5000
PAGE = 100  # the meetings list's page (gui/models/paging.py)


def seed(owner_dsn: str, count: int) -> None:
    """One sample meeting through the repositories, then ``count - 1`` copies by SQL."""
    import psycopg

    from builders import sample_meeting

    from strategy_meeting.store.server.connection import connect

    from datetime import UTC, datetime

    from strategy_meeting.store import ServerStore

    store = ServerStore.open(owner_dsn, None, Path(tempfile.mkdtemp()))  # type: ignore[arg-type]
    with store.unit_of_work(datetime.now(UTC)) as uow:
        template = sample_meeting("SD-2026-000000")
        template.note_recording_started()
        uow.meetings.save(template)
        uow.commit()
    store.close()
    with connect(owner_dsn) as conn, conn.cursor() as cur:
        # A bulk load: the lists' counts are made once at the end, not bumped 500,000 times.
        cur.execute("ALTER TABLE meetings DISABLE TRIGGER meetings_counted")
        cur.execute("ALTER TABLE meetings DISABLE TRIGGER meetings_counted_by_agency")
        cur.execute("SELECT id FROM meetings WHERE reference = 'SD-2026-000000'")
        template_id = cur.fetchone()[0]
        cur.execute(
            "INSERT INTO meetings (reference, reference_key, kind, format, held_at, location, chair, minute_taker,"
            " status, referral, parents_informed, next_steps, sign_off, chair_name, child_names, created_by,"
            " created_at, updated_at, reconvenes, nation, planning)"
            " SELECT 'SD-2026-' || lpad(n::text, 6, '0'), 'sd-2026-' || lpad(n::text, 6, '0'), kind, format,"
            " to_char(timestamp '2020-01-01' + n * interval '37 minutes', 'YYYY-MM-DD\"T\"HH24:MI:SS+00:00'),"
            " location, chair, minute_taker, status, referral, parents_informed, next_steps, sign_off, chair_name,"
            " 'Child Surname' || mod(n, %s), created_by, created_at, updated_at, reconvenes, nation, planning"
            " FROM meetings, generate_series(1, %s) AS n WHERE id = %s", [SURNAMES, count - 1, template_id])
        for table in ("meeting_agencies", "children", "household_members", "participants", "contributions",
                      "decisions", "actions", "meeting_versions", "meeting_governance"):
            cur.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                        "AND column_name NOT IN ('id', 'meeting_id') ORDER BY ordinal_position", [table])
            columns = [r[0] for r in cur.fetchall()]
            chosen = ", ".join(f"p.{c}" for c in columns)
            if table == "children":  # a surname per meeting, so searches find a few meetings each
                chosen = chosen.replace("p.surname_key", "'surname' || mod(substr(m.reference, 9)::int, 5000)")
            cur.execute(f"INSERT INTO {table} (meeting_id, {', '.join(columns)}) SELECT m.id, {chosen} "
                        f"FROM meetings m JOIN {table} p ON p.meeting_id = %s WHERE m.id <> %s",
                        [template_id, template_id])
        cur.execute("ALTER TABLE meetings ENABLE TRIGGER meetings_counted")
        cur.execute("ALTER TABLE meetings ENABLE TRIGGER meetings_counted_by_agency")
        cur.execute("SELECT team_recount_lists()")
        conn.commit()
    with psycopg.connect(owner_dsn) as conn:  # planner statistics for the new rows
        conn.autocommit = True
        conn.execute("VACUUM ANALYZE")


def client(number: int, dsn: str, login: str, seconds: float, references: int, think: float,
           out: mp.Queue, ready: mp.Barrier | None = None) -> None:  # type: ignore[valid-type]
    rng = random.Random(number)
    ctx, actor = team_server.open_session(dsn, PASSWORD, Path(tempfile.mkdtemp()))
    meetings.get(ctx, actor, f"SD-2026-{rng.randrange(1, references):06d}")  # the code paths loaded
    if ready is not None:  # the clock starts when every client is signed in, not while 50 start
        ready.wait()
    timings: dict[str, list[float]] = {}
    acknowledged: list[tuple[str, str, str]] = []  # (kind, reference, token)
    refused = 0

    def timed(name: str, call):  # type: ignore[no-untyped-def]
        if think:
            time.sleep(min(rng.expovariate(1 / think), 10 * think))
        start = time.perf_counter()
        result = call()
        timings.setdefault(name, []).append(time.perf_counter() - start)
        return result

    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        n += 1
        ref = f"SD-2026-{rng.randrange(1, references):06d}"
        timed("list", lambda: meetings.summaries(ctx, actor, meetings.listing(ctx, actor, MeetingQuery()).ids[:PAGE]))
        timed("search", lambda: meetings.search(ctx, actor, MeetingQuery(text=f"surname{rng.randrange(SURNAMES)}")))
        meeting = timed("open", lambda: meetings.get(ctx, actor, ref))
        token = f"c{number}n{n}"
        if actor.role is Role.AGENCY_REP:
            item = Contribution("", actor.agency or "", Topic.OTHER, token, SharingTerms.everyone())
            timed("add contribution", lambda: meetings.put_item(ctx, actor, ref, ItemKind.CONTRIBUTION, item))
            acknowledged.append(("contribution", ref, token))
            continue
        for _attempt in range(5):
            action = meeting.actions[0]
            changed = replace(action, completion_note=(action.completion_note + " " + token).strip())
            try:
                timed("edit action", lambda: meetings.put_item(ctx, actor, ref, ItemKind.ACTION, changed,
                                                              read_at={"actions": meeting.versions["actions"]}))
                acknowledged.append(("action", ref, token))
                break
            except MeetingChanged:
                refused += 1
                meeting = meetings.get(ctx, actor, ref)
    ctx.close()
    out.put((timings, acknowledged, refused))


def lost_updates(owner_dsn: str, acknowledged: list[tuple[str, str, str]]) -> int:
    from strategy_meeting.store.server.connection import connect

    with connect(owner_dsn) as conn:
        notes = {r: n for r, n in conn.execute(
            "SELECT m.reference, a.completion_note FROM actions a JOIN meetings m ON m.id = a.meeting_id "
            "WHERE a.item_id = 'a1' AND a.completion_note <> ''")}
        texts = {(r, t) for r, t in conn.execute(
            "SELECT m.reference, c.text FROM contributions c JOIN meetings m ON m.id = c.meeting_id "
            "WHERE c.topic = 'other'")}
    lost = 0
    for kind, ref, token in acknowledged:
        if kind == "action" and token not in notes.get(ref, "").split():
            lost += 1
        if kind == "contribution" and (ref, token) not in texts:
            lost += 1
    return lost


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--think", type=float, default=1.0,
                        help="mean pause between a client's operations, in seconds (0: none)")
    parser.add_argument("--dsn", help="an empty database's owner address (default: a throwaway cluster)")
    args = parser.parse_args()

    cluster = None
    if args.dsn:
        owner_dsn, login_dsn = args.dsn, lambda login: args.dsn.replace(args.dsn.split("//")[1].split("@")[0], login, 1)
    else:
        import pg_cluster

        cluster = pg_cluster.PgCluster.create()
        cluster.superuser_sql(f"ALTER SYSTEM SET max_connections = {args.clients * 2 + 20}")
        cluster.stop()
        cluster.start()
        database, _owner, owner_dsn = cluster.new_database()
        login_dsn = lambda login: cluster.dsn(login, database)  # noqa: E731
    try:
        started = time.perf_counter()
        team_server.init_server(owner_dsn)
        logins = {"chair": "bench_chair", **{a: f"bench_rep_{a.lower()}" for a in AGENCIES}}
        team_server.add_user(owner_dsn, None, logins["chair"], Role.CHAIR, None, PASSWORD)
        for agency in AGENCIES:
            team_server.add_user(owner_dsn, None, logins[agency], Role.AGENCY_REP, agency, PASSWORD)
        seed(owner_dsn, args.meetings)
        print(f"seeded {args.meetings} meetings in {time.perf_counter() - started:.1f} s")

        out: mp.Queue = mp.Queue()
        ready = mp.Barrier(args.clients)
        kinds = ["chair" if i % 5 == 0 else AGENCIES[i % 4] for i in range(args.clients)]
        procs = [mp.Process(target=client, args=(i, login_dsn(logins[k]), logins[k], args.seconds,
                                                 args.meetings, args.think, out, ready)) for i, k in enumerate(kinds)]
        for p in procs:
            p.start()
        results = [out.get() for _ in procs]
        for p in procs:
            p.join()
        timings: dict[str, list[float]] = {}
        acknowledged: list[tuple[str, str, str]] = []
        for t, a, _r in results:
            for name, values in t.items():
                timings.setdefault(name, []).extend(values)
            acknowledged.extend(a)
        total = sum(len(v) for v in timings.values())
        pause = f"a mean pause of {args.think:g} s between operations" if args.think else "no pauses"
        print(f"{args.clients} clients for {args.seconds:.0f} s with {pause}: {total} operations, "
              f"{total / args.seconds:.0f} per second")
        for name, values in sorted(timings.items()):
            values.sort()
            p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
            print(f"  {name:17} n={len(values):6}  p50 {statistics.median(values) * 1000:7.1f} ms  "
                  f"p95 {p95 * 1000:7.1f} ms")
        print(f"refused saves (reloaded and retried): {sum(r for _t, _a, r in results)}")
        print(f"lost updates: {lost_updates(owner_dsn, acknowledged)} of {len(acknowledged)} acknowledged writes")
    finally:
        if cluster is not None:
            cluster.destroy()


if __name__ == "__main__":
    main()
