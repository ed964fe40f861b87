# SPDX-License-Identifier: LicenseRef-Proprietary
"""A forked rendering worker ends when its parent is killed with SIGKILL, by the kernel's
parent-death signal (Linux) and by the portable watcher thread alike. The parent is a real
second Python with a real fork pool, as ``render_set`` makes it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; fork pools")

SRC = Path(__file__).resolve().parents[2] / "src"


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] not in "ZX"


@pytest.mark.parametrize("use_kernel", [True, False], ids=["prctl", "watcher-thread"])
def test_a_pool_worker_ends_when_its_parent_is_killed(use_kernel: bool) -> None:
    code = (
        "import functools, multiprocessing, os, time\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from strategy_meeting.services.minutes.parent_watch import die_with_parent\n"
        f"start = functools.partial(die_with_parent, use_kernel={use_kernel})\n"
        "pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context('fork'),\n"
        "                           initializer=start, initargs=(os.getpid(),))\n"
        "print(pool.submit(os.getpid).result(), flush=True)\n"
        "time.sleep(600)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                              env={"PYTHONPATH": str(SRC), "PATH": os.environ.get("PATH", "")},
                              start_new_session=True)
    try:
        worker = int(parent.stdout.readline())  # type: ignore[union-attr]
        time.sleep(0.3)
        assert alive(worker)  # control: an idle worker of a live parent waits for work
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 5
        while alive(worker) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert not alive(worker), "the worker outlived its killed parent"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        kill_group(parent.pid)
        parent.stdout.close()  # type: ignore[union-attr]


def kill_group(pgid: int) -> None:
    """Whatever the outcome, leave none of this test's processes behind."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except ProcessLookupError:
        pass
