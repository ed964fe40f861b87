# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Shaped text: HarfBuzz turns characters into positioned glyphs, and the PDF carries both.

Arabic letters join (each letter has up to four forms, lam and alef make one ligature), and
Indic scripts build conjuncts and move vowel signs. HarfBuzz (uharfbuzz) does that shaping;
ReportLab draws the glyphs through private codes (``fonts.glyph_code``) whose ToUnicode
entries give back the text, so that copying and searching the PDF find the words as typed.

How the text rides on the glyphs, per HarfBuzz cluster (the glyphs made from a run of
characters), with glyphs and characters both taken in display order (left to right):

- one glyph for one character: the glyph copies as that character;
- otherwise (a ligature, a conjunct, a split vowel sign, a letter with its marks): the glyphs
  copy as nothing, and invisible carriers (the space glyph), one per character, spread evenly
  across the cluster, copy as the characters. Glyphs keep their advance widths, so no
  extractor sees a gap (and a word space) between them.

So every drawn code stands for at most one character. Text extractors rebuild right-to-left
text by reversing it character by character (poppler) or code by code (pypdf); a code standing
for two characters (lam-alef) would come out backwards in one of them.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import uharfbuzz as hb
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics

from .fonts import glyph_code


@dataclass(frozen=True)
class GlyphRun:
    """Shaped text ready to draw: one private code per glyph or carrier, the TJ adjustment
    before each (thousandths of an em, PDF sign: positive moves left), the rise of each, and
    the run's advance (thousandths of an em)."""

    font: str
    codes: str
    moves: tuple[float, ...]
    rises: tuple[float, ...]
    width: float


_hb_fonts: dict[str, Any] = {}
_hb_lock = threading.Lock()


def _hb_font(name: str) -> Any:
    found = _hb_fonts.get(name)
    if found is None:
        with _hb_lock:
            found = _hb_fonts.get(name)
            if found is None:
                data = pdfmetrics.getFont(name).face._ttf_data
                found = _hb_fonts[name] = hb.Font(hb.Face(hb.Blob(data)))
    return found


@lru_cache(maxsize=100_000)
def shape(text: str, font_name: str, rtl: bool) -> GlyphRun:
    """``text`` (logical order) shaped in ``font_name``; ``rtl`` gives the glyphs right to left.

    Cached: the same words recur across every copy of a set (``shape.cache_clear`` when done).
    """
    return _shape(text, font_name, rtl)


def _shape(text: str, font_name: str, rtl: bool) -> GlyphRun:
    font = pdfmetrics.getFont(font_name)
    hb_font = _hb_font(font_name)
    scale = 1000.0 / hb_font.face.upem
    buf = hb.Buffer()
    buf.add_str(text)
    buf.direction = "rtl" if rtl else "ltr"
    buf.guess_segment_properties()
    buf.cluster_level = hb.BufferClusterLevel.MONOTONE_GRAPHEMES
    hb.shape(hb_font, buf)
    infos, positions = buf.glyph_infos, buf.glyph_positions
    starts = sorted({info.cluster for info in infos})
    end_of = dict(zip(starts, starts[1:] + [len(text)], strict=True))
    space = font.face.charToGlyph.get(32, 0)

    codes: list[str] = []
    at: list[float] = []  # where each code is drawn (thousandths of an em from the run start)
    rises: list[float] = []
    widths: list[float] = []
    pen = 0.0
    i = 0
    while i < len(infos):
        cluster = infos[i].cluster
        j = i
        while j < len(infos) and infos[j].cluster == cluster:
            j += 1
        chars = _units(text[cluster:end_of[cluster]])
        if rtl:
            chars.reverse()
        glyphs = range(i, j)
        advance = sum(positions[k].x_advance for k in glyphs) * scale
        one_each = len(chars) == len(glyphs) == 1
        x = pen
        for n, k in enumerate(glyphs):
            pos = positions[k]
            own = pos.x_advance * scale
            codes.append(chr(glyph_code(font, infos[k].codepoint, chars[n] if one_each else "", own)))
            at.append(x + pos.x_offset * scale)
            rises.append(pos.y_offset * scale)
            widths.append(own)
            x += pos.x_advance * scale
        if not one_each:
            share = advance / len(chars)
            for n, unit in enumerate(chars):
                # Left to right the letter takes the unit's width and its marks follow at its
                # end with none. Right to left the letter and its marks share the width, marks
                # first: both extractors reverse them, letter first. Either way nothing is
                # drawn across a gap (which would read as a word space).
                start = pen + n * share
                if rtl:
                    part = share / len(unit)
                    placed = [(ch, start + k * part, part) for k, ch in enumerate(unit[::-1])]
                else:
                    placed = [(unit[0], start, share)]
                    placed += [(ch, start + share, 0.0) for ch in unit[1:]]
                for ch, where, own in placed:
                    codes.append(chr(glyph_code(font, space, ch, own)))
                    at.append(where)
                    rises.append(0.0)
                    widths.append(own)
        pen += advance
        i = j

    moves: list[float] = []
    cursor = 0.0  # where the PDF's text position is after the previous code
    for place, width in zip(at, widths, strict=True):
        moves.append(round(cursor - place, 3))
        cursor = place + width
    return GlyphRun(font_name, "".join(codes), tuple(moves), tuple(rises), pen)


def _units(text: str) -> list[str]:
    """A cluster's text as base characters, each with the marks that follow it: a mark copies
    with its letter, so no extractor separates or reorders the two."""
    units: list[str] = []
    for ch in text:
        if units and (ch in "\u200c\u200d" or unicodedata.category(ch) in ("Mn", "Me")):
            units[-1] += ch
        else:
            units.append(ch)
    return units


def draw(text_obj: Any, run: GlyphRun, size: float) -> None:
    """Append the operators that show ``run`` at the text object's current position."""
    canv = text_obj._canvas
    doc = canv._doc
    font = pdfmetrics.getFont(run.font)
    code = text_obj._code
    escape = canv._escape
    index = 0
    rise = 0.0
    parts: list[str] = []

    def flush() -> None:
        if parts:
            code.append(f"[{' '.join(parts)}] TJ")
            parts.clear()

    for subset, chunk in font.splitString(run.codes, doc):
        if subset != text_obj._curSubset:
            flush()
            code.append(f"{font.getSubsetInternalName(subset, doc)} {fp_str(size)} Tf")
            text_obj._curSubset = subset
        for byte in chunk:
            move, up = run.moves[index], run.rises[index]
            index += 1
            if up != rise:
                flush()
                code.append(f"{fp_str(up * size / 1000)} Ts")
                rise = up
            if move:
                parts.append(fp_str(move))
            parts.append(f"({escape(bytes((byte,)))})")
    flush()
    if rise:
        code.append("0 Ts")
