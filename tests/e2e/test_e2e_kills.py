# SPDX-License-Identifier: LicenseRef-Proprietary
"""``minutes --sign`` killed with SIGKILL at random moments, through the console script.

Issue 13 found forked rendering workers that outlived a killed command for good, holding the
store's files open, and ``.part`` and work files that stayed until they were old. Here, after
each kill, no process of the killed command's session may remain (zombies waiting for init to
reap them hold nothing and do not count), and once the next start has the store open, nothing
the killed one left behind may remain: no temporary file older than the kill.

One signed-off store is reused for every kill, and the kills take turns at three kinds of
moment: a random delay spread over a whole run (measured first); a random delay of up to a
quarter of a second once the rendering workers are running; and the moment a temporary file
shows in the output folder, whichever file that is (the files are written in the last 15 ms or
so of a two-second run, which delays spread over the run would hardly ever hit; the command is
stopped with SIGSTOP there, then killed).

The thirty kills of issue 13 run every time (40 to 60 s on two shared cores);
``STRATEGY_MEETING_MINUTES_KILLS`` sets another number.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import sys
import time
from pathlib import Path

from builders import SIGN_OFF_ARGS
import pytest

from conftest import PASSPHRASE
from e2e_support import run, scenario, start

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

REF = "SD-2025-0031"
KILLS = int(os.environ.get("STRATEGY_MEETING_MINUTES_KILLS", "30"))
# What a data folder and an output folder hold when nothing is being written; anything else
# (and anything in the work registry) is a temporary file.
DATA_FILES = {"store.db", "store.db-wal", "store.db-shm", "keys.json", "audit-head.json", "logs", ".work"}
OUT_FILE = re.compile(rf"{REF}_[A-Za-z0-9_-]+\.pdf|manifest\.json")


class Signed:
    def __init__(self, root: Path) -> None:
        self.data, self.out = root / "data", root / "out"

    def args(self) -> list[str]:
        return ["--data-dir", str(self.data), "minutes", REF, "--out", str(self.out), "--sign"]

    def temporary(self) -> dict[Path, float]:
        """Every temporary file or folder, by its modification time."""
        found = [p for p in self.data.iterdir() if p.name not in DATA_FILES]
        found += list((self.data / ".work").iterdir()) if (self.data / ".work").is_dir() else []
        found += [p for p in self.out.iterdir() if not OUT_FILE.fullmatch(p.name)] if self.out.is_dir() else []
        items = {}
        for path in found:
            try:
                items[path] = path.lstat().st_mtime
            except FileNotFoundError:
                pass
        return items


@pytest.fixture(scope="module")
def signed(template_store, tmp_path_factory) -> Signed:
    root = tmp_path_factory.mktemp("kills")
    s = Signed(root)
    shutil.copytree(template_store[0], s.data)
    document, _, _ = scenario(REF)
    source = root / "meeting.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    for args in (("import", str(source)), ("sign-off", REF, *SIGN_OFF_ARGS),
                 ("identity", "new", "--self-signed")):
        r = run("--data-dir", str(s.data), *args, passphrase=PASSPHRASE)
        assert r.returncode == 0, (args, r.stderr)
    return s


def session_members(session_id: int) -> list[int]:
    """Live processes of a session (a zombie has released everything it held)."""
    members = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{name}/stat").read_text()
        except OSError:
            continue
        state, _ppid, _pgrp, session = stat[stat.rindex(")") + 2:].split()[:4]
        if int(session) == session_id and state not in ("Z", "X"):
            members.append(int(name))
    return members


def rendering_workers(pid: int) -> list[int]:
    """The forks of the command (its children with its command line, not a passing helper),
    read from its main thread's list of children: quick enough to look just before a kill."""
    try:
        own = Path(f"/proc/{pid}/cmdline").read_bytes()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    workers = []
    for child in children:
        try:
            if Path(f"/proc/{child}/cmdline").read_bytes() == own:
                workers.append(int(child))
        except OSError:
            continue
    return workers


def open_files(pid: int | str) -> list[str]:
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return []
    paths = []
    for fd in fds:
        try:
            paths.append(os.readlink(f"/proc/{pid}/fd/{fd}"))
        except OSError:
            continue
    return paths


def writing(out: Path) -> bool:
    try:
        return any(not OUT_FILE.fullmatch(name) for name in os.listdir(out))
    except FileNotFoundError:
        return False


def wait_until(proc, ready, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    """Poll ``ready()`` every millisecond until it is true, for at most ``seconds``; False if
    the command ended first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        if ready():
            return True
        time.sleep(0.001)
    return proc.poll() is None


def kill_and_reap(proc, kill: int) -> int:  # type: ignore[no-untyped-def]
    """SIGKILL the command (only it: its workers must end by themselves); returns how many
    rendering workers it had."""
    running = len(rendering_workers(proc.pid))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 5
    while (left := session_members(proc.pid)) and time.monotonic() < deadline:
        time.sleep(0.02)
    if left:
        os.killpg(proc.pid, signal.SIGKILL)  # its process group: leave nothing behind the test
    assert not left, f"kill {kill}: processes {left} outlived the killed command"
    return running


def test_thirty_sigkills_of_minutes_sign_leave_no_process_and_no_temporary_file_after_the_next_start(
    signed: Signed,
) -> None:
    """The issue's figure, in every run (about a minute on one of CI's two workers)."""
    kill_repeatedly(signed, KILLS)


def kill_repeatedly(signed: Signed, wanted: int) -> None:
    # The database's write-ahead log: only the store's own connection opens it, after the
    # start has cleaned. (store.db itself is opened earlier, for a glance at its header, and a
    # look that caught that moment took a start that had not cleaned yet for one that had.)
    db = str(signed.data / "store.db-wal")
    began = time.monotonic()
    r = run(*signed.args(), passphrase=PASSPHRASE)  # control: a whole run works, and sets the pace
    assert r.returncode == 0, r.stderr
    whole_run = time.monotonic() - began
    rng = random.Random(20251106)
    left_by_kills: dict[Path, float] = {}  # what a kill left, and when that kill was over
    kills = with_workers = mid_write = checked = attempts = 0
    while kills < wanted:
        attempts += 1
        assert attempts < 2 * wanted, "too many runs ended before their kill"
        proc = start(*signed.args(), passphrase=PASSPHRASE)

        is_open = False

        def open_and_checked() -> bool:
            """True once this start has the store open. It has cleaned by then (that comes
            first), so what the last kills left must be gone."""
            nonlocal is_open, checked
            if not is_open and db in open_files(proc.pid):
                is_open = True
                if left_by_kills:
                    remaining = [p.name for p in left_by_kills if p.exists() or p.is_symlink()]
                    assert not remaining, f"before kill {kills}: the next start left {remaining}"
                    left_by_kills.clear()
                    checked += 1
            return is_open

        moment = kills % 3
        if moment == 0:
            wait_until(proc, lambda: open_and_checked() and False, rng.uniform(0.1, whole_run))
        elif moment == 1:
            if not wait_until(proc, lambda: open_and_checked() and bool(rendering_workers(proc.pid)), 60):
                continue  # it finished between two looks: not a kill
            time.sleep(rng.uniform(0, 0.25))
        else:
            # Look at the output folder alone, as often as possible, and freeze the command the
            # moment a temporary file shows: a slower look would mostly miss the writing.
            if not (wait_until(proc, open_and_checked, 60) and wait_until(proc, lambda: writing(signed.out), 60)):
                continue
            os.kill(proc.pid, signal.SIGSTOP)
        if proc.poll() is not None:
            continue
        running = kill_and_reap(proc, kills)
        with_workers += running > 0
        kills += 1
        over = time.time()
        left = signed.temporary()
        mid_write += bool(left)
        assert all(mtime <= over for mtime in left.values())
        left_by_kills.update(dict.fromkeys(left, over))

    r = run(*signed.args(), passphrase=PASSPHRASE)  # the last start, left to finish
    assert r.returncode == 0, r.stderr
    assert signed.temporary() == {}, "temporary files remain after the last start"
    assert not [p for p in left_by_kills if p.exists()]
    # No process at all (of ours or not) has a file of the store or of the copies open.
    holders = [pid for pid in os.listdir("/proc") if pid.isdigit() and int(pid) != os.getpid()
               and any(f.startswith((str(signed.data), str(signed.out))) for f in open_files(pid))]
    assert holders == []
    manifest = json.loads((signed.out / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["copies"]) == 10 and all(c["signed_by"] for c in manifest["copies"])
    print(f"\n[minutes --sign] {wanted} SIGKILLs over {time.monotonic() - began:.0f} s: {with_workers} with "
          f"rendering workers running, {mid_write} left temporary files, {checked} checked at the next start")
    # The kills did land where they matter (the last start checked everything in any case).
    assert with_workers >= max(1, wanted // 5) and mid_write >= max(1, wanted // 6)
    assert checked >= max(1, wanted // 10)
