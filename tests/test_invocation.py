# SPDX-License-Identifier: LicenseRef-Proprietary
"""No command opens the app; any command, --help or --version is the command line."""

from __future__ import annotations

import pytest

from strategy_meeting.invocation import wants_gui


@pytest.mark.parametrize("argv", [[], ["--data-dir", "/x"], ["--data-dir=/x", "--demo-data"],
                                  ["--user", "alex", "--passphrase-file", "p.txt"],
                                  ["--server", "postgresql://chair_a@db.example.org/strategy"]])
def test_no_command_opens_the_app(argv):
    assert wants_gui(argv)


@pytest.mark.parametrize("argv", [["init", "--user", "a"], ["--data-dir", "/x", "minutes", "R"], ["--version"],
                                  ["--help"], ["--bogus"], ["verify", "f.pdf"],
                                  ["--server", "postgresql://chair_a@db.example.org/strategy", "audit", "verify"]])
def test_anything_else_is_the_command_line(argv):
    assert not wants_gui(argv)
