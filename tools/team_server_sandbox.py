# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""A throwaway team server to try the desktop app against (issue 17): a PostgreSQL cluster on
a loopback port made by the tests' ``pg_cluster`` (TLS from its own test CA, SCRAM only), one
database set up by ``server init``, a chair's login and a representative's, and a few
fictional meetings. Prints what the app's "Connect to a team server" page asks for, then keeps
the server up until Ctrl+C (or SIGTERM).

    PYTHONPATH=src python tools/team_server_sandbox.py [--ready-file FILE]

Needs the PostgreSQL server binaries (initdb, pg_ctl); run as root, the server runs as the
``postgres`` system user, as in the tests.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

PASSWORD = "a sandbox login passphrase"


def _database(cluster, name: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """An empty database called ``name`` (byte-order collation) and its owner's address, made as
    an administrator would make it for ``server init``."""
    owner, password = f"{name}_owner", "a sandbox owner passphrase"
    cluster.superuser_sql(f"CREATE ROLE {owner} LOGIN CREATEROLE PASSWORD '{password}'")
    cluster.superuser_sql(f"CREATE DATABASE {name} OWNER {owner} TEMPLATE template0 ENCODING 'UTF8' "
                          "LC_COLLATE 'C' LC_CTYPE 'C'")
    cluster.superuser_sql(f"REVOKE ALL ON DATABASE {name} FROM PUBLIC")
    return name, cluster.dsn(owner, name, password)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ready-file", help="write the connection details here as JSON once up")
    parser.add_argument("--no-meetings", action="store_true", help="leave the record empty")
    parser.add_argument("--database", default="strategy", help="the database's name (default: strategy)")
    args = parser.parse_args()

    import pg_cluster

    from strategy_meeting.domain.roles import Role
    from strategy_meeting.services import demo, meetings, team_server

    cluster = pg_cluster.PgCluster.create()
    try:
        database, owner_dsn = _database(cluster, args.database)
        team_server.init_server(owner_dsn)
        team_server.add_user(owner_dsn, None, "chair_a", Role.CHAIR, None, PASSWORD, "Alex Chair")
        team_server.add_user(owner_dsn, None, "police_rep", Role.AGENCY_REP, "POLICE", PASSWORD, "Pat Police")
        if not args.no_meetings:
            with tempfile.TemporaryDirectory() as folder:
                ctx, chair = team_server.open_session(cluster.dsn("chair_a", database), PASSWORD, Path(folder))
                try:
                    demo.load_demo(ctx, chair)
                    # A new draft no agency takes part in yet: the chair lists it, the police
                    # representative's login does not (the database keeps it from them).
                    meetings.create(ctx, chair, reference="SD-2026-0042")
                finally:
                    ctx.close()
        # The test certificate names localhost and 127.0.0.1.
        details = {"host": "localhost", "port": cluster.port, "database": database,
                   "logins": ["chair_a", "police_rep"], "password": PASSWORD,
                   "ca_file": str(cluster.certs.ca_file)}
        print(json.dumps(details, indent=2), flush=True)
        if args.ready_file:
            Path(args.ready_file).write_text(json.dumps(details))
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        try:
            signal.pause()
        except KeyboardInterrupt:
            pass
        return 0
    finally:
        cluster.destroy()


if __name__ == "__main__":
    sys.exit(main())
