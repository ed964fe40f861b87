# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Sharing terms: who may see an item, and why it is restricted (DESIGN.md section 5, issue 14).

The terms say what the chair (or the giving agency) chose; ``sharing.may_see`` is the one rule
that turns them into who receives the item. Restriction categories only ever narrow what the
audience allows, never widen it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from .lawful_basis import LawfulBasis


_ADDED_LATER = {"content_hash": "omit_default"}


class AudienceScope(StrEnum):
    UNDECIDED = "undecided"  # nobody has chosen yet: in no copy, and sign-off is blocked
    ALL = "all"  # every agency's copy
    AGENCIES = "agencies"  # only the listed agencies' copies
    CHAIR = "chair"  # the full record, and the agency that gave the item (see sharing.may_see)


class RestrictionCategory(StrEnum):
    """Why an item is restricted. Every category keeps the item out of the family's copy."""

    NOT_FOR_FAMILY = "not_for_family"
    POLICE_SENSITIVE = "police_sensitive"  # other agencies only once the police agreed
    THIRD_PARTY = "third_party"  # e.g. the referrer's identity
    HEALTH_CONFIDENTIAL = "health_confidential"  # named agencies only
    CONFIDENTIAL_ADDRESS = "confidential_address"  # named agencies only
    MAPPA_MARAC = "mappa_marac"  # named agencies only


CATEGORY_LABELS: dict[RestrictionCategory, str] = {
    RestrictionCategory.NOT_FOR_FAMILY: "Not for the family",
    RestrictionCategory.POLICE_SENSITIVE: "Police-sensitive",
    RestrictionCategory.THIRD_PARTY: "Third-party data",
    RestrictionCategory.HEALTH_CONFIDENTIAL: "Health-confidential",
    RestrictionCategory.CONFIDENTIAL_ADDRESS: "Confidential address",
    RestrictionCategory.MAPPA_MARAC: "MAPPA or MARAC material",
}

# Categories under which "all agencies" is not enough: only agencies named in a list audience
# (and the one that gave the item) receive it.
NAMED_AGENCIES_ONLY: frozenset[RestrictionCategory] = frozenset({
    RestrictionCategory.HEALTH_CONFIDENTIAL,
    RestrictionCategory.CONFIDENTIAL_ADDRESS,
    RestrictionCategory.MAPPA_MARAC,
})


@dataclass(frozen=True)
class SharingTerms:
    """An item's audience, whether it may go to the family, and how it must be handled.

    The agency that gave or owns the item always sees it once an audience is chosen: that is
    part of the rule in ``sharing.may_see``, not of the terms, so terms never need to list their
    own agency. ``police_agreement`` records who agreed, for the police, to release a
    police-sensitive item and when ("" while they have not).
    """

    # Deny by default (issue 14): an item nobody has decided about goes to nobody.
    scope: AudienceScope = AudienceScope.UNDECIDED
    agencies: frozenset[str] = field(default_factory=frozenset)
    family: bool = False
    # Added by issue 14: left out of the content hash while empty, so a record signed off
    # earlier keeps its hash (services.signoff._plain).
    categories: frozenset[RestrictionCategory] = field(default_factory=frozenset, metadata=_ADDED_LATER)
    caveat: str = field(default="", metadata=_ADDED_LATER)
    lawful_basis: LawfulBasis | None = field(default=None, metadata=_ADDED_LATER)
    police_agreement: str = field(default="", metadata=_ADDED_LATER)

    def __post_init__(self) -> None:
        if self.scope is AudienceScope.AGENCIES and not self.agencies:
            raise ValueError("a list audience needs at least one agency")
        if self.scope is not AudienceScope.AGENCIES and self.agencies:
            object.__setattr__(self, "agencies", frozenset())

    @property
    def is_decided(self) -> bool:
        return self.scope is not AudienceScope.UNDECIDED

    def with_audience_of(self, other: SharingTerms) -> SharingTerms:
        """These handling details (categories, caveat, lawful basis, agreement) with
        ``other``'s audience and family answer."""
        return replace(self, scope=other.scope, agencies=other.agencies, family=other.family)

    @classmethod
    def undecided(cls) -> SharingTerms:
        return cls(AudienceScope.UNDECIDED)

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
        if self.scope is AudienceScope.UNDECIDED:
            return "No audience chosen yet"
        if self.scope is AudienceScope.ALL:
            who = "All agencies"
        elif self.scope is AudienceScope.CHAIR:
            who = "Chair's record only"
        else:
            who = ", ".join(sorted(self.agencies)) + " only"
        return who + ("; may be shared with family" if self.family else "")

    # Interchange shape: {"audience": "undecided" | "all" | "chair" | [codes], "family": bool,
    # "categories": [..], "caveat": str, "lawful_basis": {..} | null, "police_agreement": str};
    # the last four are left out when empty, so older readers' files stay as they were.
    def to_json(self) -> dict[str, object]:
        audience: object
        if self.scope is AudienceScope.AGENCIES:
            audience = sorted(self.agencies)
        else:
            audience = self.scope.value
        out: dict[str, object] = {"audience": audience, "family": self.family}
        if self.categories:
            out["categories"] = sorted(c.value for c in self.categories)
        if self.caveat:
            out["caveat"] = self.caveat
        if self.lawful_basis is not None:
            out["lawful_basis"] = self.lawful_basis.to_json()
        if self.police_agreement:
            out["police_agreement"] = self.police_agreement
        return out

    @classmethod
    def from_json(cls, data: dict[str, object]) -> SharingTerms:
        audience = data.get("audience")
        family = bool(data.get("family", False))
        raw_categories = data.get("categories", [])
        if not isinstance(raw_categories, list):
            raise ValueError("categories must be a list")
        known = {c.value for c in RestrictionCategory}
        for c in raw_categories:
            if str(c) not in known:
                raise ValueError(f"unknown restriction category {c!r}; the categories are "
                                 + ", ".join(sorted(known)))
        extra = {
            "categories": frozenset(RestrictionCategory(str(c)) for c in raw_categories),
            "caveat": str(data.get("caveat", "")),
            "lawful_basis": LawfulBasis.from_json(data.get("lawful_basis")),
            "police_agreement": str(data.get("police_agreement", "")),
        }
        if isinstance(audience, list):
            return cls(AudienceScope.AGENCIES, frozenset(str(c) for c in audience), family, **extra)
        if audience in ("chair", "all", "undecided"):
            return cls(AudienceScope(audience), frozenset(), family, **extra)
        raise ValueError(f"unknown audience {audience!r}")


def everyone_before_issue_14() -> SharingTerms:
    """What a decision or addendum recorded before issue 14 meant: every agency's copy."""
    return SharingTerms.everyone()


# A decision's or addendum's terms are left out of the content hash while they hold what
# every earlier record meant (all agencies), so a record signed off before issue 14 keeps its
# hash although the default of a new item is now undecided (services.signoff._plain).
ADDED_LATER_FOR_EVERY_AGENCY = {"content_hash": "omit_default", "hash_default": everyone_before_issue_14}
