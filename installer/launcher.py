# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The frozen bundle's entry script: the same entry point as the ``strategy-meeting`` command."""

from __future__ import annotations

import sys

from strategy_meeting.main import run

if __name__ == "__main__":
    sys.exit(run())
