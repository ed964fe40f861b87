# SPDX-License-Identifier: LicenseRef-Proprietary
"""A long session does not abort: PySide6 6.12 drops a reference to None on every void call
under Python 3.11, and importing the GUI guards against it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CALLS = 60_000  # well past None's own reference count at start-up (a few thousand)

SESSION = f"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, {str(ROOT / "src")!r})
{{guard}}
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
before = sys.getrefcount(None)
label.setText("x")
print("dropped", before - sys.getrefcount(None))
for _ in range({CALLS}):
    label.setText("x")
print("survived")
"""


def run(guard: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", SESSION.format(guard=guard)], capture_output=True, text=True,
                          timeout=120)


def test_importing_the_gui_keeps_a_long_session_alive():
    result = run("import strategy_meeting.gui")
    assert result.returncode == 0, result.stderr[-500:]
    assert "survived" in result.stdout


def test_control_without_the_guard_this_pyside_aborts():
    result = run("")
    if "dropped 0" in result.stdout:
        pytest.skip("this PySide6 keeps its references to None: the guard is not needed")
    assert result.returncode != 0 and "none_dealloc" in result.stderr
