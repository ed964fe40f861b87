# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""A lean text flowable for the minutes: plain-text spans, greedy line breaking, page splits.

Why not ReportLab's ``Paragraph``: it parses markup (so every string must be escaped, and one
missed escape prints a withheld-looking ``<b>`` or drops text) and it re-breaks lines on every
wrap. A set of minutes is 13 documents of about 25 pages, which must render in well under two
seconds. Here text is never parsed, so ``<b>`` or ``&`` print as typed, and word widths are
measured once per process and shared by every copy.

Text DejaVu cannot set, and right-to-left text, goes through ``scripts`` once a line is
broken: fallback fonts, bidi order and shaping. A block of plain DejaVu text never does.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from . import shaping
from .direction import base_is_rtl
from .fonts import is_plain
from .scripts import BADGE_PAD, Piece, arrange, font_runs, measure

# Unprintable characters (C0/C1 controls bar tab and newline, lone surrogates, non-characters)
# become U+FFFD so the reader sees that something was there.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_TOKENS = re.compile(r"\n|[ \t\u00a0]+|[^ \t\u00a0\n]+")
ASCENT = 0.928  # DejaVu Sans, as a fraction of the font size
DESCENT = 0.236


def clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _UNPRINTABLE.sub("\ufffd", text)


def _cleaned(span: Span) -> Span:
    text = span.text
    if text.isascii() and text.isprintable():
        return span
    return replace(span, text=clean(text))


@lru_cache(maxsize=200_000)
def width_of(text: str, font: str, size: float) -> float:
    """Width of a word, cached: the same words recur across every copy of a set."""
    return stringWidth(text, font, size)


# Line layouts by (style, width, spans). Styles and colours are long-lived objects, so their ids
# are stable keys. Copies of one set share most text, so each block is broken into lines once
# per set instead of once per copy. ``forget_layouts`` drops them (and the text they hold)
# when a set is done.
_layouts: dict[tuple[Any, ...], list[list[Any]]] = {}


def forget_layouts() -> None:
    _layouts.clear()
    width_of.cache_clear()
    shaping.shape.cache_clear()


@dataclass(frozen=True)
class Span:
    """A run of text in one font and colour; a badge is drawn on a coloured pill and never
    broken across lines."""

    text: str
    font: str = ""
    color: Color | None = None
    size: float = 0.0
    badge: Color | None = None


@dataclass(frozen=True)
class TextStyle:
    font: str
    size: float
    leading: float
    color: Color
    left_indent: float = 0.0
    right_indent: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    background: Color | None = None
    padding: float = 0.0
    keep_with_next: bool = False
    bullet: str = ""
    bullet_indent: float = 0.0


# A laid-out piece of a line: x offset, text, font, size, colour, badge colour, shaped glyphs.
_Piece = Piece


class TextBlock(Flowable):
    """Plain text in spans, broken into lines at wrap time and split between pages by line."""

    def __init__(self, spans: list[Span] | str, style: TextStyle) -> None:
        super().__init__()
        if isinstance(spans, str):
            spans = [Span(spans)]
        self.spans = [_cleaned(s) for s in spans]
        self.style = style
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after
        self.keepWithNext = style.keep_with_next
        self._lines: list[list[_Piece]] | None = None
        self._laid_width = -1.0
        self._first_part = True
        self._fixed = False  # a split part: its lines are all it has

    # --- layout -------------------------------------------------------------------------

    def _layout(self, width: float) -> list[list[_Piece]]:
        if self._lines is not None and (self._laid_width == width or self._fixed):
            return self._lines
        key = (
            id(self.style),
            width,
            tuple((s.text, s.font, s.size, id(s.color), id(s.badge)) for s in self.spans),
        )
        cached = _layouts.get(key)
        if cached is None:
            cached = self._break_lines(width)
            if len(_layouts) > 50_000:
                _layouts.clear()
            _layouts[key] = cached
        self._lines = cached
        self._laid_width = width
        return cached

    def _break_lines(self, width: float) -> list[list[_Piece]]:
        st = self.style
        limit = max(width - st.left_indent - st.right_indent - 2 * st.padding, 10.0)
        lines: list[list[_Piece]] = []
        line: list[_Piece] = []
        x = 0.0
        plain = all(is_plain(s.text) for s in self.spans)
        rtl = not plain and base_is_rtl("".join(s.text for s in self.spans))

        def finish() -> None:
            nonlocal line, x
            while line and not line[-1][1].strip() and line[-1][5] is None:
                line.pop()
            if not plain:
                lines.append(arrange(line, rtl, limit, width_of))
                line, x = [], 0.0
                return
            # Words of one font and colour become one string: one text operator per run, and
            # ReportLab has no kerning, so the positions are the same.
            merged: list[_Piece] = []
            for piece in line:
                if merged and piece[5] is None and merged[-1][5] is None and (
                    merged[-1][2:5] == piece[2:5] and piece[6] is None and merged[-1][6] is None
                ):
                    last = merged[-1]
                    merged[-1] = (last[0], last[1] + piece[1], *last[2:])
                else:
                    merged.append(piece)
            lines.append(merged)
            line, x = [], 0.0

        for span in self.spans:
            font = span.font or st.font
            size = span.size or st.size
            color = span.color or st.color
            if span.badge is not None:
                w = width_of(span.text, font, size) + 2 * BADGE_PAD
                if line and x + w > limit:
                    finish()
                line.append((x + BADGE_PAD, span.text, font, size, color, span.badge, None))
                x += w
                continue
            for token in _TOKENS.findall(span.text):
                if token == "\n":
                    finish()
                    continue
                if not token.strip():
                    if line:
                        token = " " * len(token.replace("\t", "    "))
                        line.append((x, token, font, size, color, None, None))
                        x += width_of(token, font, size)
                    continue
                runs = [(token, font)] if plain else font_runs(token, font)
                w = sum(measure(t, f, size, width_of) for t, f in runs)
                if x + w > limit and line:
                    finish()
                if w <= limit:
                    for text, run_font in runs:
                        line.append((x, text, run_font, size, color, None, None))
                    x += w
                    continue
                for piece in self._break_word(token, font, size, limit, plain):
                    if line:
                        finish()
                    x = 0.0
                    for text, run_font in ([(piece, font)] if plain else font_runs(piece, font)):
                        line.append((x, text, run_font, size, color, None, None))
                        x += measure(text, run_font, size, width_of)
        if line or not lines:
            finish()
        return lines

    @staticmethod
    def _break_word(word: str, font: str, size: float, limit: float, plain: bool) -> list[str]:
        """A word wider than the line (a long URL, 10,000 characters) in line-sized pieces.

        Outside plain text each character is measured on its own in its own font (shaping
        changes widths a little), and a mark or joiner never starts a piece."""
        pieces: list[str] = []
        start, acc = 0, 0.0
        for i, ch in enumerate(word):
            if plain:
                cw = width_of(ch, font, size)
            else:
                cw = sum(measure(t, f, size, width_of) for t, f in font_runs(ch, font))
                if _mark(ch):
                    acc += cw
                    continue
            if acc + cw > limit and i > start:
                pieces.append(word[start:i])
                start, acc = i, 0.0
            acc += cw
        pieces.append(word[start:])
        return pieces

    def _height(self, count: int) -> float:
        return count * self.style.leading + 2 * self.style.padding

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self._height(len(self._layout(available_width)))
        return available_width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        lines = self._layout(available_width)
        fit = int((available_height - 2 * self.style.padding + 1e-6) // self.style.leading)
        if fit < 1 or fit >= len(lines):
            return []
        head = self._part(lines[:fit], available_width, first=self._first_part)
        tail = self._part(lines[fit:], available_width, first=False)
        head.spaceAfter = 0
        tail.spaceBefore = 0
        return [head, tail]

    def _part(self, lines: list[list[_Piece]], width: float, *, first: bool) -> TextBlock:
        part = TextBlock.__new__(TextBlock)
        Flowable.__init__(part)
        part.spans = []
        part.style = self.style
        part.spaceBefore = self.spaceBefore
        part.spaceAfter = self.spaceAfter
        part.keepWithNext = False
        part._lines = lines
        part._laid_width = width
        part._first_part = first
        part._fixed = True
        return part

    # --- drawing ------------------------------------------------------------------------

    def draw(self) -> None:
        st = self.style
        lines = self._layout(self.width)
        canv: Any = self.canv
        height = self._height(len(lines))
        left = st.left_indent + st.padding
        if st.background is not None:
            canv.setFillColor(st.background)
            canv.rect(st.left_indent, 0, self.width - st.left_indent - st.right_indent, height,
                      stroke=0, fill=1)
        gap = (st.leading - (ASCENT + DESCENT) * st.size) / 2
        top = height - st.padding
        for n, line in enumerate(lines):
            for x, text, _font, size, _color, badge, _run in line:
                if badge is not None:
                    base = top - n * st.leading - gap - ASCENT * st.size
                    canv.setFillColor(badge)
                    canv.roundRect(left + x - BADGE_PAD, base - DESCENT * size - 0.8,
                                   width_of(text, _font, size) + 2 * BADGE_PAD,
                                   (ASCENT + DESCENT) * size + 1.6, 2, stroke=0, fill=1)
        text_obj = canv.beginText()
        # Colour and position operators are appended directly: the text object's setters
        # re-format the same colour and check colour spaces on every call, which cost more
        # than the text itself across a 25-page copy.
        code = text_obj._code
        current: tuple[str, float] | None = None
        current_color: Color | None = None
        for n, line in enumerate(lines):
            base = top - n * st.leading - gap - ASCENT * st.size
            if n == 0 and st.bullet and self._first_part:
                text_obj.setFont(st.font, st.size)
                current = (st.font, st.size)
                code.append(_fill_op(st.color))
                current_color = st.color
                code.append(f"1 0 0 1 {fp_str(st.bullet_indent, base)} Tm")
                text_obj._textOut(st.bullet)
            for x, text, font, size, color, _badge, run in line:
                if (font, size) != current:
                    text_obj.setFont(font, size)
                    current = (font, size)
                if color is not current_color:
                    code.append(_fill_op(color))
                    current_color = color
                code.append(f"1 0 0 1 {fp_str(left + x, base)} Tm")
                if run is not None:
                    shaping.draw(text_obj, run, size)
                else:
                    text_obj._textOut(text)  # textOut would measure the text again
        canv.drawText(text_obj)


def _mark(ch: str) -> bool:
    return ch in "\u200c\u200d" or unicodedata.category(ch).startswith("M")


_fill_ops: dict[int, str] = {}


def _fill_op(color: Color) -> str:
    """The PDF fill operator for an RGB colour, formatted once per colour."""
    found = _fill_ops.get(id(color))
    if found is None:
        r, g, b = color.rgb()
        found = _fill_ops[id(color)] = f"{fp_str(r, g, b)} rg"
    return found


class OutlinedBlock(TextBlock):
    """A section heading that is also a bookmark. Outline titles are fixed wording only."""

    def __init__(self, spans: list[Span] | str, style: TextStyle, outline: str, key: str) -> None:
        super().__init__(spans, style)
        self._outline = outline
        self._key = key

    def draw(self) -> None:
        super().draw()
        # A canvas that holds its pages until the end (the minutes' "Page X of Y") places the
        # bookmark when it writes this page; placed now, every bookmark would name page 1.
        defer = getattr(self.canv, "defer_bookmark", None)
        if defer is not None:
            defer(self._key, self._outline)
            return
        self.canv.bookmarkPage(self._key)
        self.canv.addOutlineEntry(self._outline, self._key, level=0)
