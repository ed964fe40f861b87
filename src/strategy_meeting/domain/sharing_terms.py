# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Sharing terms: who may see a contribution or an action (DESIGN.md section 5)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class AudienceScope(StrEnum):
    ALL = "all"  # every agency's copy
    AGENCIES = "agencies"  # only the listed agencies' copies
    CHAIR = "chair"  # the full record only


@dataclass(frozen=True)
class SharingTerms:
    """An item's audience plus whether it may be shared with the family.

    The agency that gave or owns the item always sees it: that is part of the rule in
    ``sharing.may_see``, not of the terms, so terms never need to list their own agency.
    """

    scope: AudienceScope = AudienceScope.ALL
    agencies: frozenset[str] = field(default_factory=frozenset)
    family: bool = False

    def __post_init__(self) -> None:
        if self.scope is AudienceScope.AGENCIES and not self.agencies:
            raise ValueError("a list audience needs at least one agency")
        if self.scope is not AudienceScope.AGENCIES and self.agencies:
            object.__setattr__(self, "agencies", frozenset())

    @classmethod
    def everyone(cls, family: bool = False) -> SharingTerms:
        return cls(AudienceScope.ALL, frozenset(), family)

    @classmethod
    def chair_only(cls) -> SharingTerms:
        return cls(AudienceScope.CHAIR, frozenset(), False)

    @classmethod
    def only(cls, *codes: str, family: bool = False) -> SharingTerms:
        return cls(AudienceScope.AGENCIES, frozenset(codes), family)

    def describe(self) -> str:
        """Short words for badges and the minutes, e.g. 'All agencies' or 'CSC, POLICE only'."""
        if self.scope is AudienceScope.ALL:
            who = "All agencies"
        elif self.scope is AudienceScope.CHAIR:
            who = "Chair's record only"
        else:
            who = ", ".join(sorted(self.agencies)) + " only"
        return who + ("; may be shared with family" if self.family else "")

    # Interchange shape: {"audience": "all" | "chair" | [codes], "family": bool}
    def to_json(self) -> dict[str, object]:
        audience: object
        if self.scope is AudienceScope.AGENCIES:
            audience = sorted(self.agencies)
        else:
            audience = self.scope.value
        return {"audience": audience, "family": self.family}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> SharingTerms:
        audience = data.get("audience")
        family = bool(data.get("family", False))
        if isinstance(audience, list):
            return cls(AudienceScope.AGENCIES, frozenset(str(c) for c in audience), family)
        if audience == "chair":
            return cls(AudienceScope.CHAIR, frozenset(), family)
        if audience == "all":
            return cls(AudienceScope.ALL, frozenset(), family)
        raise ValueError(f"unknown audience {audience!r}")
