# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Changes made by other people on the team server, as they commit (LISTEN/NOTIFY).

``schema`` has every new version of a meeting part announce itself on ``CHANNEL`` with the
meeting's id and the part; this listener holds one connection of its own, on a thread, and
hands each announcement to a callback (which must not touch a GUI: the GUI's relay moves it to
its own thread). The payload is an id and a part name only, never content; what a login then
reads is still what row-level security lets it read.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

CHANNEL = "strategy_meeting_changes"

NOTIFY_TRIGGER = [
    "CREATE FUNCTION team_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    f"PERFORM pg_notify('{CHANNEL}', json_build_object('meeting', NEW.meeting_id, 'part', NEW.part)::text); "
    "RETURN NULL; END $$",
    "CREATE TRIGGER meeting_versions_notify AFTER INSERT OR UPDATE ON meeting_versions "
    "FOR EACH ROW EXECUTE FUNCTION team_notify_change()",
]


class ChangeListener:
    def __init__(self, params: dict[str, Any], callback: Callable[[int, str], None]) -> None:
        import psycopg

        self._callback = callback
        self._conn = psycopg.connect(**params, autocommit=True)
        self._conn.execute(f"LISTEN {CHANNEL}")
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="team-server-changes", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psycopg

        try:
            while not self._stopping.is_set():
                for note in self._conn.notifies(timeout=0.25):
                    data = json.loads(note.payload)
                    self._callback(int(data["meeting"]), str(data["part"]))
        except (psycopg.Error, ValueError, KeyError):
            pass  # the connection went (the server restarted, the network dropped): no more news

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(5)
        self._conn.close()
