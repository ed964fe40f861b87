# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Changes made by other people on the team server, as they commit (LISTEN/NOTIFY).

PostgreSQL lets any login LISTEN on any channel, and row-level security does not reach a
notification's payload. So the payload says only that something changed (a number from a
sequence, no meeting and no part); each listener then asks, through its own login's row-level
security, which meeting parts moved past the last change it saw (``meeting_versions.team_seq``,
stamped by a trigger). A representative therefore hears of changes to the meetings their agency
takes part in, and of nothing else beyond the bare fact that the team is busy.

The listener holds one connection of its own, on a thread, and hands each change to a callback
(which must not touch a GUI: the GUI's relay moves it to its own thread).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from typing import Any

CHANNEL = "strategy_meeting_changes"

# Sequence numbers are taken as rows change but arrive as transactions commit, which may be in
# another order: a change is looked for this far behind the newest one seen, and told once.
REORDER_WINDOW = 500

NOTIFY_TRIGGER = [
    "CREATE SEQUENCE team_change_seq",
    "ALTER TABLE meeting_versions ADD COLUMN team_seq bigint NOT NULL DEFAULT 0",
    "CREATE INDEX ix_meeting_versions_team_seq ON meeting_versions (team_seq)",
    # SECURITY DEFINER: a representative's save moves a version without rights on the sequence.
    "CREATE FUNCTION team_stamp_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
    "SET search_path = public, pg_temp AS $$ BEGIN "
    "NEW.team_seq := nextval('team_change_seq'); RETURN NEW; END $$",
    "CREATE TRIGGER meeting_versions_stamp BEFORE INSERT OR UPDATE ON meeting_versions "
    "FOR EACH ROW EXECUTE FUNCTION team_stamp_change()",
    "CREATE FUNCTION team_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    f"PERFORM pg_notify('{CHANNEL}', NEW.team_seq::text); RETURN NULL; END $$",
    "CREATE TRIGGER meeting_versions_notify AFTER INSERT OR UPDATE ON meeting_versions "
    "FOR EACH ROW EXECUTE FUNCTION team_notify_change()",
]

_SINCE = ("SELECT meeting_id, part, team_seq FROM meeting_versions WHERE team_seq > %s "
          "ORDER BY team_seq")


class ChangeListener:
    def __init__(self, params: dict[str, Any], callback: Callable[[int, str], None]) -> None:
        import psycopg

        self._callback = callback
        self._conn = psycopg.connect(**params, autocommit=True)
        self._conn.execute(f"LISTEN {CHANNEL}")
        # Where this login's news begins: the newest change it can see now.
        row = self._conn.execute("SELECT coalesce(max(team_seq), 0) FROM meeting_versions").fetchone()
        self._newest = int(row[0]) if row else 0
        # The changes already told: a window's worth, in arrival order (the deque) and for lookup.
        self._told: deque[int] = deque()
        self._told_set: set[int] = set()
        for r in self._conn.execute(_SINCE, [max(0, self._newest - REORDER_WINDOW)]):
            self._remember(int(r[2]))
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="team-server-changes", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psycopg

        try:
            while not self._stopping.is_set():
                # Every note of a quarter-second in one look: a busy team costs each listener
                # at most four small queries a second, however many saves there were.
                if list(self._conn.notifies(timeout=0.25)):
                    self._tell_what_changed()
        except (psycopg.Error, ValueError):
            pass  # the connection went (the server restarted, the network dropped): no more news

    def _tell_what_changed(self) -> None:
        """What moved since the newest change seen (less the reorder window), as this login's
        row-level security lets it read; each change told once."""
        rows = self._conn.execute(_SINCE, [max(0, self._newest - REORDER_WINDOW)]).fetchall()
        for meeting_id, part, seq in rows:
            if seq in self._told_set:
                continue
            self._remember(int(seq))
            self._newest = max(self._newest, int(seq))
            self._callback(int(meeting_id), str(part))

    def _remember(self, seq: int) -> None:
        self._told.append(seq)
        self._told_set.add(seq)
        if len(self._told) > 4 * REORDER_WINDOW:
            self._told_set.discard(self._told.popleft())

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(5)
        self._conn.close()
