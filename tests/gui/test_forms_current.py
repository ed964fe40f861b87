# SPDX-License-Identifier: LicenseRef-Proprietary
"""Every Designer form in ui/ is compiled, and the compiled module is current."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("compile_ui", ROOT / "tools" / "compile_ui.py")
compile_ui = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compile_ui)  # type: ignore[union-attr]

FORMS = sorted((ROOT / "ui").glob("*.ui"))


@pytest.mark.parametrize("ui_file", FORMS, ids=[f.stem for f in FORMS])
def test_compiled_form_is_current(ui_file: Path):
    target = compile_ui.target(ui_file)
    assert target.exists(), f"run: python tools/compile_ui.py ({target.name} is missing)"
    assert target.read_text(encoding="utf-8") == compile_ui.compiled(ui_file), (
        f"{target.name} is out of date: run python tools/compile_ui.py"
    )
