# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Entry point: no command opens the desktop app, anything else is the command line.

This is the only module that sees both the GUI and the CLI, so the CLI never imports Qt.
"""

from __future__ import annotations

import sys

from strategy_meeting import diagnostics, paths
from strategy_meeting.invocation import wants_gui


def run(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    # Before anything that imports a library: their warnings go to the log, not the screen.
    diagnostics.route(args, paths.data_dir(diagnostics.data_dir_from_argv(args)))
    if wants_gui(args):
        from strategy_meeting.gui import app

        return app.run(args)
    from strategy_meeting import cli

    return cli.run(args)


if __name__ == "__main__":
    sys.exit(run())
