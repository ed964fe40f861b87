# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Decide "desktop app or command line" from argv alone, importing nothing heavy.

Deciding through the CLI's parser would import every command, the services and the store
before the first window could appear; this scan keeps the app's start close to a bare window.
"""

from __future__ import annotations

# Global options that take a value, and flags that still mean "open the app".
OPTIONS_WITH_VALUE = frozenset({"--data-dir", "--passphrase-file", "--user", "--server"})
GUI_FLAGS = frozenset({"--demo-data", "--debug"})
CLI_ONLY_FLAGS = frozenset({"-h", "--help", "--version"})


def wants_gui(argv: list[str]) -> bool:
    """True when argv holds no command: only global options (``--opt value`` or
    ``--opt=value``), ``--demo-data`` and ``--debug``."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in CLI_ONLY_FLAGS:
            return False
        if arg in OPTIONS_WITH_VALUE:
            i += 2
            continue
        if arg in GUI_FLAGS or any(arg.startswith(o + "=") for o in OPTIONS_WITH_VALUE):
            i += 1
            continue
        return False  # a command, or an option only a command knows: the CLI explains it
    return True
