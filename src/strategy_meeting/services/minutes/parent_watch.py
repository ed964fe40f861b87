# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Forked rendering workers end when the process that started them ends.

A pool worker waits for its next copy on a pipe whose write end it inherited itself, so a
parent killed with SIGKILL (which runs no clean-up) leaves it waiting for good, holding open
every file the parent had open, the store's among them (17 of 29 kills in the audit left two
such workers). The pool's initializer calls ``die_with_parent``: on Linux the kernel sends the
worker SIGKILL when its parent goes (``prctl(PR_SET_PDEATHSIG)``); elsewhere a daemon thread
notices that the parent has changed and ends the worker.

``PR_SET_PDEATHSIG`` fires when the *thread* that forked the worker ends. The pool forks its
workers from the thread that first submits work (``fork`` pools spawn them all at once), which
for the command line is the main thread, alive until the process ends.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
WATCH_INTERVAL_SECONDS = 0.2


def die_with_parent(parent_pid: int, *, use_kernel: bool = True) -> None:
    """Arrange for this (forked) process to end as soon as ``parent_pid`` is no longer its
    parent. ``use_kernel=False`` forces the portable watcher (tests run both)."""
    if use_kernel and _arm_parent_death_signal():
        # The parent may have died between the fork and the prctl: the signal is then never
        # sent, and the worker has already been handed to another parent.
        if os.getppid() != parent_pid:
            os._exit(1)
        return
    if os.getppid() != parent_pid:
        os._exit(1)
    threading.Thread(target=_watch, args=(parent_pid,), name="parent-watch", daemon=True).start()


def _arm_parent_death_signal() -> bool:
    """True when the kernel will kill this process with its parent (Linux only)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        # The interpreter's own symbols, libc's among them (find_library would run ldconfig).
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(WATCH_INTERVAL_SECONDS)
    os._exit(1)
