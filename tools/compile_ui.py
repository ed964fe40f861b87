# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Compile every Designer form in ui/ into src/strategy_meeting/gui/forms/ui_<name>.py.

Run after editing a .ui file:  python tools/compile_ui.py
The output is pyside6-uic's, unchanged (it carries uic's own "generated, do not edit" header);
tests/gui/test_forms_current.py fails when a compiled form is out of date.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "src" / "strategy_meeting" / "gui" / "forms"


def uic() -> str:
    return str(Path(sys.executable).with_name("pyside6-uic"))


def compiled(ui_file: Path) -> str:
    """pyside6-uic's output for one form, run from ui/ so the header names only the file."""
    return subprocess.run([uic(), ui_file.name], cwd=ui_file.parent, check=True, capture_output=True,
                          text=True).stdout


def target(ui_file: Path) -> Path:
    return FORMS_DIR / f"ui_{ui_file.stem}.py"


def main() -> int:
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        target(ui_file).write_text(compiled(ui_file), encoding="utf-8")
        print(f"{ui_file.relative_to(ROOT)} -> {target(ui_file).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
