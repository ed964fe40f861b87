# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""QApplication set-up and the start of the desktop app (placeholder until the GUI lands)."""

from __future__ import annotations


def run(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(["strategy-meeting"])
    label = QLabel("Strategy Meeting")
    label.show()
    return app.exec()
