# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The DejaVu fonts the minutes embed (Latin, Greek and Cyrillic), registered once per process.

Two fixes to ReportLab's TrueType handling live here: a fast path for printable ASCII, and a
ToUnicode map that writes characters beyond U+FFFF correctly so they can be copied and searched.
"""

from __future__ import annotations

import threading
from typing import Any

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from strategy_meeting import paths

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_BOLD_ITALIC = "DejaVuSans-BoldOblique"


class _DejaVu(TTFont):
    """DejaVu with a fast path for printable ASCII.

    ReportLab encodes text one character at a time into font subsets; printable ASCII always
    sits at its own code in subset 0 (``asciiReadable``), so it needs no per-character work.
    That loop was a quarter of the rendering time.
    """

    def splitString(self, text: str, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:  # noqa: N802
        if isinstance(text, str) and text.isascii() and text.isprintable() and doc in self.state:
            return [(0, text.encode("ascii"))] if text else []
        return super().splitString(text, doc, encoding)


def _utf16_hex(code: int) -> str:
    if code <= 0xFFFF:
        return f"{code:04X}"
    code -= 0x10000
    return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode map, but with characters beyond U+FFFF as UTF-16 surrogate pairs.

    ReportLab writes them as five hex digits, which readers reject, so an emoji in a name or
    a contribution could not be copied or searched. Same layout as ReportLab's otherwise.
    """
    entries = "\n".join(f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset))
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n"
        f"<< /Registry ({fontname})\n/Ordering ({fontname})\n/Supplement 0\n>> def\n"
        f"/CMapName /{fontname} def\n/CMapType 2 def\n1 begincodespacerange\n"
        f"<00> <{len(subset) - 1:02X}>\nendcodespacerange\n{len(subset)} beginbfchar\n"
        f"{entries}\nendbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\n"
        "end\nend"
    )


_FONT_LOCK = threading.Lock()
_fonts_registered = False


def register_fonts() -> None:
    """Register the DejaVu family once per process: parsing the TTF files is the slow part."""
    global _fonts_registered
    with _FONT_LOCK:
        if _fonts_registered:
            return
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        for name, file in (
            (FONT, "DejaVuSans.ttf"),
            (FONT_BOLD, "DejaVuSans-Bold.ttf"),
            (FONT_ITALIC, "DejaVuSans-Oblique.ttf"),
            (FONT_BOLD_ITALIC, "DejaVuSans-BoldOblique.ttf"),
        ):
            font = _DejaVu(name, str(paths.resource("fonts", file)), asciiReadable=1)
            pdfmetrics.registerFont(font)
        pdfmetrics.registerFontFamily(
            FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
        )
        _fonts_registered = True
