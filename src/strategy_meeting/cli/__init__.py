# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The command line of DESIGN.md section 6. Never imports Qt.

Each command group is a module with ``register(subparsers, common)``; a command sets
``handler`` and whether it needs the store opened (``needs_store``). Errors the user can cause
print one line and exit non-zero; nothing else reaches the terminal.
"""

from __future__ import annotations

import os
import sys
from types import ModuleType

from strategy_meeting.domain.errors import UserError

from strategy_meeting import diagnostics, invocation

from . import (
    admin_commands,
    backup_commands,
    distribution_commands,
    exchange_commands,
    forms_commands,
    governance_commands,
    list_commands,
    minutes_commands,
    sharing_commands,
    server_commands,
    store_commands,
    user_commands,
)
from .base import build_parser, dispatch

DEBUG_ENV = diagnostics.DEBUG_ENV

# One line per command group: adding a group never touches another's module. Imported by
# name, not by string, so the layer contracts see every import.
COMMAND_MODULES: list[ModuleType] = [
    store_commands,
    exchange_commands,
    minutes_commands,
    forms_commands,
    distribution_commands,
    backup_commands,
    user_commands,
    governance_commands,
    list_commands,
    admin_commands,
    sharing_commands,
    server_commands,
]


def _load_groups() -> list[ModuleType]:
    return list(COMMAND_MODULES)


def wants_gui(argv: list[str]) -> bool:
    """No command (only global options, or ``--demo-data``) opens the desktop app."""
    return invocation.wants_gui(argv)


def run(argv: list[str]) -> int:
    parser = build_parser(_load_groups())
    args = parser.parse_args(argv)
    if getattr(args, "command", None) is None:
        parser.print_help()
        return 2
    try:
        return dispatch(args)
    except UserError as exc:
        print(f"strategy-meeting: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("strategy-meeting: interrupted; nothing further was changed.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader of stdout went away (`... | head -1`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:  # noqa: BLE001 - the last guard: one line, never a traceback
        if getattr(args, "debug", False) or diagnostics.debug_requested(()):
            raise
        # Only the exception's type: its message may quote record text.
        print(
            f"strategy-meeting: error: unexpected {type(exc).__name__}; the command did not complete "
            f"and its transaction was rolled back. Set {DEBUG_ENV}=1 to see the details, and "
            "report them.",
            file=sys.stderr,
        )
        return 70  # EX_SOFTWARE
