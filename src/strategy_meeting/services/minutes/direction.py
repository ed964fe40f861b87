# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Right-to-left text: a block's base direction and the bidi embedding level of each character.

Arabic, Urdu and Hebrew are stored in logical order (the order they are typed and read) and
must be shown right to left, with numbers and Latin words inside them still left to right.
The Unicode bidi algorithm (UAX #9) decides which characters run which way; python-bidi's
pure-Python implementation gives the levels (its Rust front end gives only the reordered
string, and the minutes reorder pieces of a line, not characters).

Explicit embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) are *not* obeyed:
an override could make the printed record show text other than what is stored (a name
displayed backwards, or "Trojan source" wording). They are kept as characters, so copying the
text gives exactly what was typed, but they move nothing. The implicit marks (LRM, RLM, ALM)
are obeyed: they only settle the direction of neighbouring punctuation.
"""

from __future__ import annotations

import re
import unicodedata

from bidi import algorithm as _uba

# Strong right-to-left characters: Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic,
# their presentation forms, RLM and ALM. Text without any needs no bidi work at all.
_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u200f\u061c\U00010800-\U00010fff"
    "\U0001e800-\U0001efff]"
)
_EXPLICIT = re.compile("[\u202a-\u202e\u2066-\u2069]")


def has_rtl(text: str) -> bool:
    return not text.isascii() and _RTL.search(text) is not None


def base_is_rtl(text: str) -> bool:
    """UAX #9 rules P2-P3: the first strong character decides; none at all means left to right."""
    if not has_rtl(text):
        return False
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def levels(text: str, rtl: bool) -> list[int]:
    """The resolved embedding level of each character of one line (even: left to right)."""
    base = 1 if rtl else 0
    if not has_rtl(text) and not rtl:
        return [0] * len(text)
    # Same length: "*" is an ordinary neutral; an unassigned code point (python-bidi knows no
    # class for it) counts as a left-to-right letter, or a right-to-left one in the ranges
    # Unicode reserves for right-to-left scripts (UAX #9 default classes).
    neutral = "".join(
        ch if ch.isascii() else _stand_in(ch) for ch in _EXPLICIT.sub("*", text)
    )
    storage = _uba.get_empty_storage()
    storage["base_level"] = base
    storage["base_dir"] = "LR"[base]
    _uba.get_embedding_levels(neutral, storage)
    for i, ch in enumerate(storage["chars"]):
        ch["i"] = i
    _uba.explicit_embed_and_overrides(storage)
    _uba.resolve_weak_types(storage, False)
    _uba.resolve_neutral_types(storage, False)
    _uba.resolve_implicit_levels(storage, False)
    out: list[int | None] = [None] * len(text)
    for ch in storage["chars"]:
        out[ch["i"]] = ch["level"]
    # Characters the algorithm sets aside (rule X9: joiners, soft hyphens) take the level of
    # the character before them, so they travel with the word they belong to.
    previous = base
    resolved: list[int] = []
    for level in out:
        previous = level if level is not None else previous
        resolved.append(previous)
    # Rule L1: trailing white space goes back to the paragraph level.
    end = len(text)
    while end and text[end - 1] in " \t\u00a0":
        end -= 1
        resolved[end] = base
    return resolved


def _stand_in(ch: str) -> str:
    if unicodedata.bidirectional(ch):
        return ch
    return "\u05d0" if _RTL.match(ch) else "a"


def visual_order(runs: list[int]) -> list[int]:
    """Rule L2: the display order (indices) of runs given their levels, left to right."""
    order = list(range(len(runs)))
    if not runs:
        return order
    highest = max(runs)
    lowest_odd = min((lv for lv in runs if lv % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if runs[order[i]] >= level:
                j = i
                while j < len(order) and runs[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return order
