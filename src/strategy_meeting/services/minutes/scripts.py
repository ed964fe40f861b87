# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Text beyond DejaVu's reach: split by font, measure, and lay a line out in display order.

``textflow`` breaks lines as before (in logical order, by words); a block holding anything but
plain DejaVu left-to-right text then passes each finished line through ``arrange``:

1. each piece is split where the bidi level changes (``direction.levels``);
2. the pieces are put in display order (rule L2: runs reversed level by level);
3. right-to-left pieces and fallback-font pieces are shaped (``shaping``), so a bracket in
   right-to-left text is mirrored and still copies as the bracket typed;
4. x positions are laid left to right; a block whose first strong character is right to left
   (an Arabic contribution, a Hebrew name on its own) is set flush right, as a reader of those
   scripts expects. All other text stays flush left, so in an English record a name in Arabic
   sits where an English one would, reading right to left.

Pieces are drawn in logical order, each at its display position, with the glyphs of a
right-to-left piece left to right: pdftotext places text by position and pypdf by drawing
order, and both turn each right-to-left piece back into logical order themselves.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from reportlab.pdfbase import pdfmetrics

from .direction import levels, visual_order
from .fonts import UNSHAPED, fallback_for, is_plain
from .shaping import GlyphRun, shape

# A piece: x, text, font, size, colour, badge colour, shaped glyphs (None: plain text).
Piece = tuple[float, str, str, float, Any, Any, GlyphRun | None]
BADGE_PAD = 2.5
_JOINERS = "\u200c\u200d\u034f"


def _sticks(ch: str) -> bool:
    """Marks and joiners belong with the character before them, in its font."""
    return ch in _JOINERS or unicodedata.category(ch) in ("Mn", "Me", "Mc")


def font_runs(text: str, font: str) -> list[tuple[str, str]]:
    """``text`` cut where the font changes: (text, font name) in logical order."""
    if is_plain(text):
        return [(text, font)]
    runs: list[tuple[str, str]] = []
    start = 0
    current: str | None = None
    for i, ch in enumerate(text):
        if ch.isascii():
            wanted = font
        elif i and current != font and _sticks(ch):
            wanted = current
        else:
            wanted = fallback_for(ch) or font
        if wanted != current:
            if current is not None and i > start:
                runs.append((text[start:i], current))
            start, current = i, wanted
    if current is not None:
        runs.append((text[start:], current))
    return runs


def _missing(text: str, font: str) -> bool:
    if text.isascii():
        return False
    have = pdfmetrics.getFont(font).face.charToGlyph
    return any(ord(ch) not in have for ch in text)


def natural_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def measure(text: str, font: str, size: float, width_of: Any) -> float:
    """Width of one font run as it will be drawn."""
    if font in UNSHAPED:
        return float(width_of(text, font, size))
    return shape(text, font, natural_rtl(text)).width * size / 1000


def arrange(line: list[Piece], rtl: bool, limit: float, width_of: Any) -> list[Piece]:
    """One line's pieces (logical order) as drawn: display order, shaped, placed."""
    text = "".join(p[1] for p in line)
    lv = levels(text, rtl)
    pieces: list[tuple[Piece, int]] = []
    at = 0
    for piece in line:
        n = len(piece[1])
        if piece[5] is not None or n == 0:  # a badge is never cut
            pieces.append((piece, lv[at] if n else (1 if rtl else 0)))
            at += n
            continue
        start = 0
        for k in range(1, n + 1):
            if k == n or lv[at + k] != lv[at + start]:
                part = piece[1][start:k]
                pieces.append(((piece[0], part, *piece[2:]), lv[at + start]))
                start = k
        at += n
    order = visual_order([level for _, level in pieces])
    out: list[Piece] = []
    x = 0.0
    for index in order:
        (_x, part, font, size, color, badge, _run), level = pieces[index]
        odd = level % 2 == 1
        if badge is not None:
            out.append((x + BADGE_PAD, part, font, size, color, badge, None))
            x += width_of(part, font, size) + 2 * BADGE_PAD
            continue
        # HarfBuzz also mirrors brackets right to left, and gives a character that no font
        # has a code of its own: it prints as a box but still copies as itself.
        if odd or font not in UNSHAPED or _missing(part, font):
            run = shape(part, font, odd)
            out.append((x, part, font, size, color, None, run))
            x += run.width * size / 1000
            continue
        out.append((x, part, font, size, color, None, None))
        x += width_of(part, font, size)
    shift = limit - x if rtl and x < limit else 0.0
    # Drawn in logical order (each piece at its display position): pypdf reverses each
    # right-to-left piece on its own and joins pieces in the order they are drawn.
    placed = [(out[n][0] + shift, *out[n][1:]) for n in sorted(range(len(out)), key=order.__getitem__)]
    return placed


__all__ = ["BADGE_PAD", "Piece", "arrange", "font_runs", "is_plain", "measure", "natural_rtl"]
