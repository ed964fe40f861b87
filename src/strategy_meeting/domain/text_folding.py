# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Search keys that ignore case and accents, so "Zoe" finds "Zoë" and "Lucja" finds "Łucja".

Unicode compatibility decomposition, then the combining marks on Latin, Greek and Cyrillic
letters dropped, and the optional vowel points of Arabic and Hebrew (in other scripts, such as
Devanagari, a mark can be a vowel, and is kept), then the letters that
have no decomposition (ł, ø, đ, æ, œ, ı, þ ...) spelled as their base letters, then full
case folding. The store keeps these keys in indexed columns and folds the search text the
same way; changing this function needs a migration that recomputes them
(store/migrations/versions/0005_folded_search_keys.py).
"""

from __future__ import annotations

import unicodedata

_LETTERS = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ħ": "h",
    "Ħ": "H", "ı": "i", "ŀ": "l", "Ŀ": "L", "ŧ": "t", "Ŧ": "T", "æ": "ae", "Æ": "AE", "œ": "oe",
    "Œ": "OE", "þ": "th", "Þ": "TH", "ß": "ss", "ẞ": "SS", "ŋ": "n", "Ŋ": "N",
    "\u2019": "'", "\u2018": "'", "\u02bc": "'",
})
_FOLDED_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC", "ARABIC", "HEBREW")  # marks there are optional


def _base_is_folded(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(_FOLDED_SCRIPTS)


def fold(text: str) -> str:
    """``text`` without case, accents (as above) or runs of white space."""
    out: list[str] = []
    fold_marks = False
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.category(ch) == "Mn":
            if fold_marks:
                continue
        else:
            fold_marks = _base_is_folded(ch)
        out.append(ch)
    plain = unicodedata.normalize("NFC", "".join(out)).translate(_LETTERS)
    return " ".join(plain.casefold().split())
