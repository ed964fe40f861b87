# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The DejaVu fonts shipped in ``resources/fonts``, registered once with ReportLab.

Page text is embedded in DejaVu so that names in any Latin, Greek or Cyrillic script print
as typed; ReportLab's built-in fonts only cover Latin-1.
"""

from __future__ import annotations

from .minutes import fonts as _minutes_fonts

REGULAR = _minutes_fonts.FONT
BOLD = _minutes_fonts.FONT_BOLD
ITALIC = _minutes_fonts.FONT_ITALIC


def register_fonts() -> tuple[str, str, str]:
    """Register the fonts once, through the minutes' registration (one registry of the same
    names, with its searchable-text fix), and return the (regular, bold, italic) names."""
    _minutes_fonts.register_fonts()
    return REGULAR, BOLD, ITALIC
