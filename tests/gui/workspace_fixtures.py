# SPDX-License-Identifier: LicenseRef-Proprietary
"""GUI fixtures for the workspace tests: an unlocked AppState on a copy of the encrypted
template store; error dialogs captured instead of blocking the test.

Imported by name from the test modules (not a conftest.py: a second conftest module would
shadow ``from conftest import ...`` in the other test folders)."""

from __future__ import annotations

from pathlib import Path

import pytest

from strategy_meeting.gui import ops
from strategy_meeting.gui.app_state import AppState


@pytest.fixture
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Messages the GUI would have shown in an error dialog."""
    errors: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda parent, exc: errors.append(str(exc)))
    return errors


@pytest.fixture
def state(opened, data_dir: Path, shown_errors) -> AppState:
    ctx, actor = opened
    app_state = AppState(data_dir)
    app_state.set_unlocked(ctx, actor)
    return app_state
