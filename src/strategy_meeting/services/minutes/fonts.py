# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The fonts the minutes embed, registered once per process.

DejaVu Sans sets Latin, Greek, Cyrillic, Armenian and Georgian. A character DejaVu lacks, and
every Arabic or Hebrew letter, is set in a fallback font for its script (``fallback_for``):
Noto Sans for Arabic (Urdu, Persian, Pashto), Hebrew, the Indic scripts, Sinhala, Thai and
Ethiopic, and "SM CJK Sans" (Noto Sans CJK as TrueType, tools/make_cjk_font.py) for Chinese,
Japanese and Korean. The fallbacks have a regular face only: bold or italic text in those
scripts prints regular. They are parsed the first time a document needs them, so an all-Latin
set never loads them and never embeds them.

Fixes to ReportLab's TrueType handling live here: a fast path for printable ASCII, and a
ToUnicode map that writes characters beyond U+FFFF correctly and gives each shaped glyph the
text it stands for (``glyph_code``), so text can be copied and searched.
"""

from __future__ import annotations

import re
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
    """ReportLab's ToUnicode map, but with characters beyond U+FFFF as UTF-16 surrogate pairs,
    and shaped glyphs mapped to the text they stand for.

    ReportLab writes characters beyond U+FFFF as five hex digits, which readers reject, so an
    emoji in a name or a contribution could not be copied or searched. A shaped glyph's code is
    private (``glyph_code``): the map gives its text instead, which may be empty (a glyph whose
    text another code carries). Same layout as ReportLab's otherwise.
    """
    texts = _glyph_texts
    entries = "\n".join(
        f"<{i:02X}> <{''.join(map(_utf16_hex, map(ord, texts[v])))}>" if v in texts
        else f"<{i:02X}> <{_utf16_hex(v)}>"
        for i, v in enumerate(subset)
    )
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
        global _simple_chars
        _simple_chars = _simple_pattern(pdfmetrics.getFont(FONT).face.charToGlyph)
        _fonts_registered = True


# --- fallback fonts by script -------------------------------------------------------------------

FALLBACK_CJK = "SMCJKSans"

# (font name, file, ranges). Arabic and Hebrew always use their Noto font (DejaVu has some of
# their letters, but not the joining forms Arabic needs, nor Urdu's); every other range here
# is used only for characters DejaVu lacks. Adding a script is one line and one OFL font file.
_FALLBACKS: tuple[tuple[str, str, tuple[tuple[int, int], ...]], ...] = (
    ("NotoSansArabic", "NotoSansArabic-Regular.ttf",
     ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFE))),
    ("NotoSansHebrew", "NotoSansHebrew-Regular.ttf", ((0x0590, 0x05FF), (0xFB1D, 0xFB4F))),
    ("NotoSansDevanagari", "NotoSansDevanagari-Regular.ttf", ((0x0900, 0x097F), (0xA8E0, 0xA8FF))),
    ("NotoSansBengali", "NotoSansBengali-Regular.ttf", ((0x0980, 0x09FF),)),
    ("NotoSansGurmukhi", "NotoSansGurmukhi-Regular.ttf", ((0x0A00, 0x0A7F),)),
    ("NotoSansGujarati", "NotoSansGujarati-Regular.ttf", ((0x0A80, 0x0AFF),)),
    ("NotoSansTamil", "NotoSansTamil-Regular.ttf", ((0x0B80, 0x0BFF),)),
    ("NotoSansTelugu", "NotoSansTelugu-Regular.ttf", ((0x0C00, 0x0C7F),)),
    ("NotoSansKannada", "NotoSansKannada-Regular.ttf", ((0x0C80, 0x0CFF),)),
    ("NotoSansMalayalam", "NotoSansMalayalam-Regular.ttf", ((0x0D00, 0x0D7F),)),
    ("NotoSansSinhala", "NotoSansSinhala-Regular.ttf", ((0x0D80, 0x0DFF),)),
    ("NotoSansThai", "NotoSansThai-Regular.ttf", ((0x0E00, 0x0E7F),)),
    ("NotoSansEthiopic", "NotoSansEthiopic-Regular.ttf",
     ((0x1200, 0x139F), (0x2D80, 0x2DDF), (0xAB00, 0xAB2F))),
    (FALLBACK_CJK, "SMCJKSans-Regular.ttf",
     ((0x1100, 0x11FF), (0x3000, 0x30FF), (0x3130, 0x318F), (0x31F0, 0x31FF), (0x3400, 0x4DBF),
      (0x4E00, 0x9FFF), (0xA960, 0xA97F), (0xAC00, 0xD7FF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF))),
)
_ALWAYS = frozenset({"NotoSansArabic", "NotoSansHebrew"})
_FILES = {name: file for name, file, _ in _FALLBACKS}
# Fonts set one glyph per character, as DejaVu is (no shaping needed): CJK.
UNSHAPED = frozenset({FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC, FALLBACK_CJK})


def _ranges_pattern(ranges: list[tuple[int, int]]) -> str:
    return "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" if b > a else re.escape(chr(a))
                   for a, b in ranges)


def _simple_pattern(dejavu: dict[int, int]) -> re.Pattern[str]:
    """Characters outside DejaVu, or in a script that always falls back: text without them
    takes the plain path (one DejaVu run, left to right, no shaping)."""
    codes = sorted(c for c in dejavu if c > 0x7F)
    ranges: list[tuple[int, int]] = []
    for c in codes:
        if ranges and c == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], c)
        else:
            ranges.append((c, c))
    always = [r for name, _, rs in _FALLBACKS if name in _ALWAYS for r in rs]
    # RLM and ALM turn on the bidi algorithm too.
    return re.compile(
        f"[^\\x00-\\x7f{_ranges_pattern(ranges)}]|[{_ranges_pattern(always)}\u200f\u061c]"
    )


_simple_chars: re.Pattern[str] | None = None


def is_plain(text: str) -> bool:
    """True when DejaVu sets every character of ``text`` and none is right to left."""
    if text.isascii():
        return True
    if _simple_chars is None:
        register_fonts()
    assert _simple_chars is not None
    return _simple_chars.search(text) is None


_fallback_cache: dict[str, str | None] = {}


def fallback_for(ch: str) -> str | None:
    """The fallback font that sets ``ch``, or None for DejaVu (which also draws the missing-glyph
    box for a character no bundled font has)."""
    try:
        return _fallback_cache[ch]
    except KeyError:
        pass
    register_fonts()
    code = ord(ch)
    found: str | None = None
    for name, _file, ranges in _FALLBACKS:
        if any(a <= code <= b for a, b in ranges):
            if name in _ALWAYS or code not in pdfmetrics.getFont(FONT).face.charToGlyph:
                if code in fallback_font(name).face.charToGlyph:
                    found = name
            break
    _fallback_cache[ch] = found
    return found


def fallback_font(name: str) -> TTFont:
    """The fallback font ``name``, parsed and registered on first use."""
    found = _loaded.get(name)
    if found is not None:
        return found
    register_fonts()
    with _FONT_LOCK:
        found = _loaded.get(name)
        if found is None:
            found = TTFont(name, str(paths.resource("fonts", _FILES[name])))
            pdfmetrics.registerFont(found)
            _loaded[name] = found
        return found


_loaded: dict[str, TTFont] = {}


# --- private codes for shaped glyphs --------------------------------------------------------------

# A shaped glyph (an Arabic joining form, a conjunct, a ligature) has no character of its own,
# so it is given a private code in the supplementary private use planes, with the text it
# stands for kept here for the ToUnicode map. Codes are keyed by (font, glyph, text, width), so
# a PDF's bytes depend only on its own text, never on what this process rendered before.
_PRIVATE_START, _PRIVATE_END = 0xF0000, 0x10FFFD
_glyph_texts: dict[int, str] = {}
_glyph_codes: dict[tuple[str, int, str, float], int] = {}
_next_code = _PRIVATE_START
_CODE_LOCK = threading.Lock()


def glyph_code(font: TTFont, glyph: int, text: str, width: float) -> int:
    """A code that draws ``glyph`` of ``font``, advances ``width`` (thousandths of an em) and
    copies as ``text``."""
    key = (font.fontName, glyph, text, width)
    found = _glyph_codes.get(key)
    if found is not None:
        return found
    global _next_code
    with _CODE_LOCK:
        found = _glyph_codes.get(key)
        if found is None:
            if _next_code > _PRIVATE_END:
                raise RuntimeError("too many distinct shaped glyphs in one process")
            found = _next_code
            _next_code += 1
            if 0xFFFFE <= _next_code <= 0xFFFFF:
                _next_code = 0x100000
            font.face.charToGlyph[found] = glyph
            font.face.charWidths[found] = width
            _glyph_texts[found] = text
            _glyph_codes[key] = found
    return found
