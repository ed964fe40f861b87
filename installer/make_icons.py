# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Render resources/icons/strategy-meeting.svg into the PNG, ICO and ICNS files the desktop
entry and the installers use. Run after changing the SVG; the results are committed."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256, 512)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - Qt needs it
    renderer = QSvgRenderer(str(ICONS / "strategy-meeting.svg"))
    images = {}
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        images[size] = image
        if size in (48, 128, 256):
            image.save(str(ICONS / f"strategy-meeting-{size}.png"))
    images[512].save(str(ICONS / "strategy-meeting.icns"))
    try:
        from PIL import Image

        Image.open(ICONS / "strategy-meeting-256.png").save(
            ICONS / "strategy-meeting.ico", sizes=[(s, s) for s in (16, 32, 48, 64, 128, 256)]
        )
    except ImportError:
        images[256].save(str(ICONS / "strategy-meeting.ico"))
    print("icons written to", ICONS)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
