# SPDX-License-Identifier: LicenseRef-Proprietary
"""``retention``, ``hold``, ``erase`` and ``sar`` through the console script (issue 16)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from builders import sample_meeting
from conftest import ADMIN_PASSPHRASE, PASSPHRASE
from strategy_meeting.domain.roles import Role
from strategy_meeting.services import audit, meetings, session, users

ROOT = Path(__file__).resolve().parents[2]
IG_PASSPHRASE = "information governance passphrase"


def run_cli(data_dir: Path, user: str, *args: str):
    env = {k: v for k, v in os.environ.items() if not k.startswith("STRATEGY_MEETING")}
    env["PYTHONPATH"] = str(ROOT / "src")
    env["STRATEGY_MEETING_PASSPHRASE"] = {"chair": PASSPHRASE, "admin": ADMIN_PASSPHRASE, "ig": IG_PASSPHRASE}[user]
    return subprocess.run([sys.executable, "-m", "strategy_meeting.main", "--data-dir", str(data_dir),
                           "--user", user, *args], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=120)


def test_retention_hold_erase_and_subject_access_from_the_command_line(data_dir, tmp_path):
    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    try:
        old = sample_meeting("SD-2019-0001", child_name="Zoë Müller")
        old.held_at = datetime(2019, 2, 1, 10, tzinfo=UTC)
        meetings.create(ctx, chair, template=old)
        meetings.create(ctx, chair, template=sample_meeting("SD-2026-0002", child_name="Zoë Brontë"))
        users.add_user(ctx, users.resolve(ctx, "admin"), "ig", Role.INFORMATION_GOVERNANCE, IG_PASSPHRASE)
    finally:
        ctx.close()

    r = run_cli(data_dir, "admin", "retention", "class", "Two years", "--years", "2", "--from", "meeting_date")
    assert r.returncode == 0, r.stderr
    assert run_cli(data_dir, "admin", "retention", "assign", "SD-2019-0001", "Two years").returncode == 0
    r = run_cli(data_dir, "ig", "retention", "due")
    assert r.returncode == 0 and r.stdout.splitlines() == ["SD-2019-0001  due 2021-02-01  Two years"]

    # Subject access: two people match "zoe": refused, each candidate on its own line.
    r = run_cli(data_dir, "ig", "sar", "export", "--person", "zoe", "-o", str(tmp_path / "sar"))
    lines = r.stderr.splitlines()
    assert r.returncode == 2 and lines[0].startswith("strategy-meeting: error: 2 people")
    assert [line.split(" (")[0].strip() for line in lines[1:]] == ["Zoë Brontë", "Zoë Müller"]
    r = run_cli(data_dir, "ig", "sar", "export", "--person", "ZOE MULLER", "-o", str(tmp_path / "sar"))
    assert r.returncode == 0, r.stderr
    document = json.loads((tmp_path / "sar" / "subject-access-1.json").read_text(encoding="utf-8"))
    assert document["request"]["person"] == "Zoë Müller" and document["items"]
    r = run_cli(data_dir, "admin", "sar", "export", "--person", "Zoë Müller", "-o", str(tmp_path / "other"))
    assert r.returncode == 4 and "may not answer subject access requests" in r.stderr

    # A hold stops the erasure in one line; lifting it lets the erasure through.
    assert run_cli(data_dir, "ig", "hold", "place", "SD-2019-0001", "--reason", "Family court").returncode == 0
    assert "HELD: legal hold 1" in run_cli(data_dir, "ig", "retention", "due").stdout
    r = run_cli(data_dir, "admin", "erase", "SD-2019-0001", "--reason", "Retention ended", "--yes")
    assert r.returncode == 4 and r.stderr.count("\n") == 1 and "legal hold 1" in r.stderr
    r = run_cli(data_dir, "admin", "erase", "SD-2019-0001", "--reason", "Retention ended")
    assert r.returncode == 2 and "--yes" in r.stderr
    assert run_cli(data_dir, "ig", "hold", "lift", "SD-2019-0001", "--reason", "Proceedings over").returncode == 0
    r = run_cli(data_dir, "admin", "erase", "SD-2019-0001", "--reason", "Retention ended", "--yes")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Erased SD-2019-0001 (its retention period ended)")
    assert run_cli(data_dir, "ig", "retention", "due").stdout.strip() == "No record is past its retention date."
    r = run_cli(data_dir, "ig", "audit", "verify")
    assert r.returncode == 0 and "intact" in r.stdout

    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    try:
        events = audit.recent_events(ctx, chair)
    finally:
        ctx.close()
    assert any(e.action == "denied" and e.user == "admin" and e.object == "command:sar" for e in events)
    assert [e.action for e in events if e.action.startswith(("hold.", "meeting.erase"))] == [
        "hold.place", "hold.lift", "meeting.erase"]
