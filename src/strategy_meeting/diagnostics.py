# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Where library warnings and the app's own log records go: a log file in the data folder,
never the user's terminal or window, unless debugging was asked for.

A library's deprecation notice (cryptography's about DSA, printed when pyHanko is imported) is
for developers; printed on a chair's terminal it breaks the command line's one-line error
contract and looks like a fault. So the entry point routes every Python warning, and every log
record of ours, to ``<data folder>/logs/strategy-meeting.log`` before anything else is
imported. ``--debug`` or ``STRATEGY_MEETING_DEBUG=1`` keeps Python's usual behaviour instead.

The log holds no personal data: a warning is written as its category and where it was raised,
with its text only for the categories that speak of code (deprecations, imports), never of a
record; third-party libraries' log records, which may quote what they parsed, are dropped.
This module imports nothing heavy, so routing costs nothing at start-up.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TextIO

DEBUG_ENV = "STRATEGY_MEETING_DEBUG"
DEBUG_FLAG = "--debug"
LOG_FOLDER = "logs"
LOG_NAME = "strategy-meeting.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3

# Warnings whose text is about code, never about the data being processed.
_CODE_WARNINGS: tuple[type[Warning], ...] = (
    DeprecationWarning, PendingDeprecationWarning, FutureWarning, ImportWarning,
)
# Our own loggers, and the one the warnings are written through.
_OUR_LOGGERS = ("strategy_meeting", "py.warnings")


def debug_requested(argv: Sequence[str], environ: dict[str, str] | None = None) -> bool:
    """``--debug`` anywhere before a ``--``, or a truthy ``STRATEGY_MEETING_DEBUG``."""
    env = os.environ if environ is None else environ
    if env.get(DEBUG_ENV, "").strip().lower() in {"1", "true", "yes", "on"}:
        return True
    for arg in argv:
        if arg == "--":
            return False
        if arg == DEBUG_FLAG:
            return True
    return False


def log_path(data_dir: Path) -> Path:
    return data_dir / LOG_FOLDER / LOG_NAME


class PrivateLogFile(logging.handlers.RotatingFileHandler):
    """A rotating log file created 0600 in a 0700 folder, opened only when the first record
    arrives (a command that warns about nothing leaves no file), and silent when it cannot be
    written: a read-only data folder must not turn a warning into a traceback on screen."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS,
                         encoding="utf-8", delay=True)

    def _open(self) -> IO[str]:  # type: ignore[override]
        path = Path(self.baseFilename)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return open(fd, "a", encoding=self.encoding)  # noqa: SIM115 - the handler closes it

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        return None


class _OursOnly(logging.Filter):
    """Only our own records and the routed warnings; a library's own log lines may quote
    the PDF or the certificate it was reading."""

    def filter(self, record: logging.LogRecord) -> bool:
        return any(record.name == name or record.name.startswith(name + ".")
                   for name in _OUR_LOGGERS)


def _describe(message: Warning | str, category: type[Warning], filename: str, lineno: int) -> str:
    where = _short_path(filename)
    if issubclass(category, _CODE_WARNINGS):
        text = " ".join(str(message).split())[:300]
        return f"{category.__name__} at {where}:{lineno}: {text}"
    return f"{category.__name__} at {where}:{lineno} (text not logged)"


def _short_path(filename: str) -> str:
    """From ``site-packages`` (or our package) on: enough to find the line, and no user's
    home folder in the log."""
    parts = Path(filename).parts
    for anchor in ("site-packages", "dist-packages", "src"):
        if anchor in parts:
            return "/".join(parts[parts.index(anchor) + 1:])
    return Path(filename).name


_warnings_log = logging.getLogger("py.warnings")


def _warning_to_log(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                    file: TextIO | None = None, line: str | None = None) -> None:
    _warnings_log.warning("%s", _describe(message, category, filename, lineno))


def route(argv: Sequence[str], data_dir: Path) -> bool:
    """Send warnings and our log records to the data folder's log; returns False (and leaves
    Python's behaviour alone, log records then going to stderr) when debugging was asked for."""
    root = logging.getLogger()
    if debug_requested(argv):
        if not root.handlers:
            logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                                format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        return False
    handler = PrivateLogFile(log_path(data_dir))
    handler.addFilter(_OursOnly())
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s",
                                  "%Y-%m-%dT%H:%M:%SZ")
    formatter.converter = time.gmtime
    handler.setFormatter(formatter)
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.WARNING:
        root.setLevel(logging.WARNING)
    warnings.showwarning = _warning_to_log
    return True


def data_dir_from_argv(argv: Sequence[str]) -> str | None:
    """``--data-dir DIR`` or ``--data-dir=DIR`` as the user gave it, before any parser runs
    (the parsers import the commands, whose imports are what warn)."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--data-dir" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--data-dir="):
            return arg.split("=", 1)[1]
    return None
