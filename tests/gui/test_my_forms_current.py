# SPDX-License-Identifier: LicenseRef-Proprietary
"""The shell's compiled Designer forms match their .ui files (recompile with pyside6-uic,
run from ui/, as tools/compile_ui.py does)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", ["new_meeting_dialog", "action_note_dialog"])
def test_compiled_form_is_current(name):
    uic = Path(sys.executable).with_name("pyside6-uic")
    fresh = subprocess.run([str(uic), f"{name}.ui"], cwd=ROOT / "ui", check=True, capture_output=True,
                           text=True).stdout
    assert (ROOT / "src" / "strategy_meeting" / "gui" / "forms" / f"ui_{name}.py").read_text(encoding="utf-8") == fresh
