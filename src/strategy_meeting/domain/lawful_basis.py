# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The lawful basis on which an item is shared (issue 14): a regime, a condition chosen from a
list, and free text beside it.

Police information shared for law enforcement is processed under DPA 2018 Part 3; everything
else under UK GDPR with a DPA 2018 Schedule 1 condition for special-category data. The lists
hold the conditions a child-protection strategy discussion relies on in practice; "Other"
(an empty condition) leaves the free text to say it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Regime(StrEnum):
    UK_GDPR = "uk_gdpr"  # UK GDPR Articles 6 and 9, with a DPA 2018 Schedule 1 condition
    LAW_ENFORCEMENT = "dpa2018_part3"  # DPA 2018 Part 3 (competent authorities)
    UNSPECIFIED = "unspecified"  # free text recorded before issue 14, regime not chosen


REGIME_LABELS: dict[Regime, str] = {
    Regime.UK_GDPR: "UK GDPR with DPA 2018 Schedule 1",
    Regime.LAW_ENFORCEMENT: "DPA 2018 Part 3 (law enforcement)",
    Regime.UNSPECIFIED: "Not specified",
}

CONDITIONS: dict[Regime, tuple[str, ...]] = {
    Regime.UK_GDPR: (
        "Art. 6(1)(e) public task; Art. 9(2)(g) with Sch. 1 para. 18, safeguarding of children",
        "Art. 6(1)(e) public task; Art. 9(2)(g) with Sch. 1 para. 6, statutory purposes",
        "Art. 6(1)(c) legal obligation (Children Act 1989 s.47); Art. 9(2)(g) with Sch. 1 para. 6",
        "Art. 6(1)(e) public task; Art. 9(2)(h) with Sch. 1 para. 2, health or social care",
    ),
    Regime.LAW_ENFORCEMENT: (
        "s.35(5): strictly necessary, Sch. 8 para. 1, statutory purposes",
        "s.35(5): strictly necessary, Sch. 8 para. 4, safeguarding of children",
        "s.35(4): consent of the data subject",
    ),
    Regime.UNSPECIFIED: (),
}


@dataclass(frozen=True)
class LawfulBasis:
    """``condition`` is one of ``CONDITIONS[regime]`` or "" (other: the note says it)."""

    regime: Regime
    condition: str = ""
    note: str = ""

    @property
    def is_given(self) -> bool:
        """Whether anything was recorded at all: a regime with a condition or a note."""
        return bool(self.condition.strip() or self.note.strip())

    def describe(self) -> str:
        parts = [] if self.regime is Regime.UNSPECIFIED else [REGIME_LABELS[self.regime]]
        parts += [p for p in (self.condition.strip(), self.note.strip()) if p]
        return "; ".join(parts)

    def to_json(self) -> dict[str, str]:
        return {"regime": self.regime.value, "condition": self.condition, "note": self.note}

    @classmethod
    def from_json(cls, data: object) -> LawfulBasis | None:
        """None for nothing recorded; a bare string (older files) is kept as the note."""
        if data is None or data == "":
            return None
        if isinstance(data, str):
            return cls(Regime.UNSPECIFIED, "", data)
        if not isinstance(data, dict):
            raise ValueError("a lawful basis is an object with regime, condition and note")
        return cls(Regime(str(data.get("regime", "unspecified"))), str(data.get("condition", "")),
                   str(data.get("note", "")))
