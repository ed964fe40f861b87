# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""How strong a new passphrase is (zxcvbn), and whether the app accepts it.

The rule lives here so the setup wizard and the recovery dialog only draw the meter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MIN_LENGTH = 8
MIN_SCORE = 3  # zxcvbn 0..4: 3 is "safely unguessable" against an offline attack on a slow hash
_ZXCVBN_MAX = 72  # zxcvbn refuses longer input; a longer passphrase is at least this strong
LABELS = ("Very weak", "Weak", "Fair", "Strong", "Very strong")


@dataclass(frozen=True)
class PassphraseAssessment:
    score: int  # 0..4
    label: str
    advice: str  # one line: what is wrong, or how to improve it; empty when nothing to say
    acceptable: bool


def assess(passphrase: str, personal_words: Sequence[str] = ()) -> PassphraseAssessment:
    """Score the passphrase, penalising words the user typed elsewhere (their name)."""
    if not passphrase:
        return PassphraseAssessment(0, LABELS[0], "Type a passphrase: a few unrelated words is best.", False)
    from zxcvbn import zxcvbn  # imported here: its word lists take a moment to load

    result = zxcvbn(passphrase[:_ZXCVBN_MAX], user_inputs=[w for w in personal_words if w])
    score = int(result["score"])
    feedback = result.get("feedback") or {}
    warning = str(feedback.get("warning") or "")
    suggestions = [str(s) for s in feedback.get("suggestions") or []]
    if len(passphrase) < MIN_LENGTH:
        return PassphraseAssessment(
            min(score, 1), LABELS[min(score, 1)], f"Use at least {MIN_LENGTH} characters; a few words is best.", False
        )
    acceptable = score >= MIN_SCORE
    if acceptable:
        advice = ""
    else:
        advice = warning or (suggestions[0] if suggestions else "Add another word or two that are not related.")
        if not advice.endswith("."):
            advice += "."
    return PassphraseAssessment(score, LABELS[score], advice, acceptable)
