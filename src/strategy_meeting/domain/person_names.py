# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Names compared as a person reads them: accents, case and spacing do not count (issue 16).

'Zoë Müller', 'ZOE MULLER' and 'zoe  muller' fold to the same key, so a subject access search
or a hold on a child finds every record of them however each was typed.
"""

from __future__ import annotations

import re
import unicodedata

# Letters NFKD does not take apart into a base letter and a mark.
_UNDECOMPOSED = str.maketrans({"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "æ": "ae",
                               "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "ß": "ss", "þ": "th", "ð": "d"})


def fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text: str) -> str:
    """The comparison key of a name: no accents, casefolded, single spaces."""
    return " ".join("".join(fold_char(ch) for ch in text).split())


def folded_with_origins(text: str) -> tuple[str, list[int]]:
    """``text`` folded character by character, with the index in ``text`` each folded
    character came from, so a match found in the folded text can be cut out of the original."""
    out: list[str] = []
    origins: list[int] = []
    for index, ch in enumerate(text):
        for folded in fold_char(ch):
            out.append(folded)
            origins.append(index)
    return "".join(out), origins


# A name ends where a word ends, but not at a hyphen or an apostrophe that joins it to more of
# a name: "Zoë Smith" is not mentioned in "Zoë Smith-Jones", nor "Brien" in "O'Brien".
_JOIN = "-'\u2019\u2010\u2011"
_BEFORE = rf"(?<!\w)(?<!\w[{_JOIN}])"
_AFTER = rf"(?![{_JOIN}]?\w)"


def _pattern(needle: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in fold(needle).split()]
    return re.compile(_BEFORE + r"\s+".join(words) + _AFTER)


def mentions(text: str, needle: str) -> bool:
    """Whether ``text`` holds ``needle`` as whole words, accent- and case-insensitively."""
    if not fold(needle):
        return False
    return _pattern(needle).search("".join(fold_char(ch) for ch in text)) is not None


def _alternation(needles: list[str]) -> re.Pattern[str] | None:
    words = sorted({fold(n) for n in needles if fold(n)}, key=len, reverse=True)
    if not words:
        return None
    body = "|".join(r"\s+".join(re.escape(w) for w in word.split()) for word in words)
    return re.compile(_BEFORE + "(?:" + body + ")" + _AFTER)


def _spans(text: str, folded: str, origins: list[int], pattern: re.Pattern[str] | None) -> list[tuple[int, int]]:
    if pattern is None:
        return []
    spans = []
    for match in pattern.finditer(folded):
        start = origins[match.start()]
        end = origins[match.end() - 1] + 1
        # A base letter followed by a separate combining mark: take the mark too.
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1
        spans.append((start, end))
    return spans


def redact(text: str, needles: list[str], replacement: str, keep: list[str] = ()) -> tuple[str, int]:  # type: ignore[assignment]
    """``text`` with every whole-word occurrence of each needle replaced, except where it lies
    wholly inside an occurrence of one of ``keep`` (the requester's own name survives a shorter
    third party's name within it; a longer name holding the requester's is still replaced);
    and how many places were replaced."""
    folded, origins = folded_with_origins(text)
    kept = _spans(text, folded, origins, _alternation(list(keep)))
    spans = [s for s in _spans(text, folded, origins, _alternation(list(needles)))
             if not any(k[0] <= s[0] and s[1] <= k[1] for k in kept)]
    if not spans:
        return text, 0
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    parts: list[str] = []
    last = 0
    for start, end in merged:
        parts.append(text[last:start])
        parts.append(replacement)
        last = end
    parts.append(text[last:])
    return "".join(parts), len(merged)
