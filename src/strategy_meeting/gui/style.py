# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The app's emphasis styles (``ui/app.qss``), set on the widgets that use them.

Not on the whole application: an application-wide style sheet makes Qt polish and draw every
widget through its slower style-sheet style, which took most of the main window's build time
at start-up (bench/startup.py) and slows every table. The rules are all scoped by object
name, so each screen that uses them (unlock, locked, dashboard, wizard, settings, dialogs)
takes the sheet for its own subtree and the platform style draws everything else.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtWidgets import QWidget

from strategy_meeting import paths


@cache
def style_sheet() -> str:
    try:
        return (paths.ui_dir() / "app.qss").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return ""  # a missing style sheet makes the app plainer, not unusable


def apply_style(widget: QWidget) -> None:
    """Give ``widget`` and everything inside it the app's emphasis styles."""
    widget.setStyleSheet(style_sheet())
