# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Hypothesis strategies: meetings with random agencies, audiences (undecided too), family
flags, restriction categories, police agreement and Unicode text, each contribution, action
and decision carrying unique canaries, plus the sharing rule's expected answer written out
independently (an oracle, so the test does not reuse ``may_see`` or ``copy_of``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from hypothesis import strategies as st

from strategy_meeting.domain.action import Action
from strategy_meeting.domain.agency import Agency, AgencyKind
from strategy_meeting.domain.contribution import Contribution, Topic
from strategy_meeting.domain.decision import Decision, DecisionKind, Dissent
from strategy_meeting.domain.meeting import (
    Meeting,
    Participant,
    ParticipantStatus,
    Person,
    Referral,
    SubjectChild,
)
from strategy_meeting.domain.sharing_terms import AudienceScope, RestrictionCategory, SharingTerms
from strategy_meeting.domain.lawful_basis import LawfulBasis, Regime
from dataclasses import replace

CODES = ["CSC", "POLICE", "HEALTH", "EDU", "HOUSING", "PROBATION", "YOT"]
KINDS = {
    "CSC": AgencyKind.SOCIAL_CARE,
    "POLICE": AgencyKind.POLICE,
    "HEALTH": AgencyKind.HEALTH,
    "EDU": AgencyKind.EDUCATION,
}

# Printable text from every script, plus the characters that trip renderers up.
_awkward = st.sampled_from(
    ["<b>", "&amp;", "&", "<para>", "</para>", "\u200f", "\u202e", "\U0001f600", "\n", "Ω", "Ж", "ß"]
)
unicode_text = st.lists(
    st.one_of(
        st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Co")), max_size=12),
        _awkward,
    ),
    max_size=4,
).map(" ".join)


@dataclass
class Planted:
    """One canary and the copies allowed to hold it (``None`` in the set = the full record)."""

    canary: str
    allowed: set[str | None] = field(default_factory=set)


@dataclass
class GeneratedMeeting:
    meeting: Meeting
    codes: list[str]
    secrets: list[Planted]  # contribution and action canaries
    everywhere: list[str]  # canaries that every copy must hold (decisions, attendance)


_NAMED_ONLY = {"health_confidential", "confidential_address", "mappa_marac"}


def _allowed(owner: str | None, terms: SharingTerms, codes: list[str]) -> set[str | None]:
    """The agencies (and ``None``, the full record) whose copy may hold the item, from the
    written rule of DESIGN.md section 5 and issue 14."""
    if terms.scope is AudienceScope.UNDECIDED:
        return {None}  # nobody has decided: the full record only, not even the giver
    allowed: set[str | None] = {None}
    if owner is not None:
        allowed.add(owner)  # the giver always sees its own item once it has an audience
    if terms.scope is AudienceScope.ALL:
        others = set(codes)
    elif terms.scope is AudienceScope.AGENCIES:
        others = {c for c in terms.agencies if c in codes}
    else:
        others = set()
    kinds = {c.value for c in terms.categories}
    if "police_sensitive" in kinds and not terms.police_agreement:
        others = set()  # no other agency until the police agree
    if kinds & _NAMED_ONLY:
        # Only agencies named in a list; "all agencies" is not enough.
        named = set(terms.agencies) if terms.scope is AudienceScope.AGENCIES else set()
        others &= named  # each category narrows; none widens
    return allowed | others


def family_may_see(terms: SharingTerms) -> bool:
    """The oracle for the family's copy: marked for the family, decided, no category at all."""
    return terms.scope is not AudienceScope.UNDECIDED and terms.family and not terms.categories


@st.composite
def sharing_terms(draw: st.DrawFn, codes: list[str]) -> SharingTerms:
    family = draw(st.booleans())
    scope = draw(st.sampled_from(list(AudienceScope)))
    categories = frozenset(draw(st.sets(st.sampled_from(list(RestrictionCategory)), max_size=2)))
    agreement = draw(st.sampled_from(["", "DI Example agreed on 20 November 2026"]))
    if scope is AudienceScope.AGENCIES:
        chosen = draw(st.sets(st.sampled_from(codes + ["OTHER"]), min_size=1))
        return SharingTerms(scope, frozenset(chosen), family, categories=categories, police_agreement=agreement)
    return SharingTerms(scope, frozenset(), family, categories=categories, police_agreement=agreement)


@st.composite
def meetings(draw: st.DrawFn, max_items: int = 6) -> GeneratedMeeting:
    codes = draw(st.lists(st.sampled_from(CODES), min_size=2, max_size=5, unique=True))
    token = draw(st.integers(min_value=0, max_value=16**6 - 1))
    serial = iter(range(10_000))

    def canary(prefix: str) -> str:
        return f"ZZ{prefix}{token:06x}N{next(serial)}Q"

    secrets: list[Planted] = []
    everywhere: list[str] = []
    contributions: list[Contribution] = []
    for i in range(draw(st.integers(0, max_items))):
        owner = draw(st.sampled_from(codes))
        terms = draw(sharing_terms(codes))
        mark = canary("LEAK")
        text = f"{draw(unicode_text)} {mark} {draw(unicode_text)}"
        author_mark = canary("AUTH")
        caveat_mark = canary("CAV")
        agreed_mark = canary("AGR")
        terms = replace(terms, lawful_basis=LawfulBasis(Regime.UNSPECIFIED, "", draw(unicode_text)),
                        caveat=f"Handle with care {caveat_mark}",
                        police_agreement=f"{terms.police_agreement} {agreed_mark}" if terms.police_agreement else "")
        contributions.append(
            Contribution(
                f"k{i}", owner, draw(st.sampled_from(list(Topic))), text, terms,
                author=f"Author {author_mark}",
            )
        )
        allowed = _allowed(owner, terms, codes)
        secrets.append(Planted(mark, allowed))
        secrets.append(Planted(author_mark, allowed))
        secrets.append(Planted(caveat_mark, allowed))  # the caveat travels with the item
        if terms.police_agreement:
            secrets.append(Planted(agreed_mark, {None}))  # who agreed: the full record only
    actions: list[Action] = []
    for i in range(draw(st.integers(0, max_items))):
        owner = draw(st.sampled_from(codes))
        terms = draw(sharing_terms(codes))
        mark = canary("ACT")
        actions.append(
            Action(
                f"a{i}", f"{draw(unicode_text)} {mark}", owner, date(2026, 12, 1), terms,
                owner_name=draw(unicode_text),
            )
        )
        secrets.append(Planted(mark, _allowed(owner, terms, codes)))
    decisions: list[Decision] = []
    item_allowed = {c.id: _allowed(c.agency, c.sharing, codes) for c in contributions}
    for i in range(draw(st.integers(0, 3))):
        mark = canary("DEC")
        rationale_mark = canary("RAT")
        wider_mark = canary("WID")
        terms = draw(sharing_terms(codes))
        wider = draw(st.booleans())
        relied = draw(st.lists(st.sampled_from([c.id for c in contributions]), unique=True)) if contributions else []
        dissent_mark = canary("DIS")
        dissent = [Dissent(draw(st.sampled_from(codes)), f"dissent {dissent_mark}")] if draw(st.booleans()) else []
        decisions.append(
            Decision(
                f"d{i}", draw(st.sampled_from(list(DecisionKind))), f"Outcome {mark}",
                f"{draw(unicode_text)} {rationale_mark}", draw(st.sampled_from([True, False, None])),
                relied, dissent, sharing=terms, wider_rationale=f"Wider {wider_mark}" if wider else "",
            )
        )
        # A decision reaches the copies its terms allow; there, its own rationale only where
        # every item it relied on may be seen too, else the wider one (if written) or none.
        receives = _allowed(None, terms, codes)
        sees_all = {r for r in receives if all(r in item_allowed[k] for k in relied)}
        secrets.append(Planted(mark, receives))
        secrets.extend(Planted(d.view.split()[-1], receives) for d in dissent)
        secrets.append(Planted(rationale_mark, sees_all))
        if wider:
            secrets.append(Planted(wider_mark, (receives - sees_all) | {None}))
    people_mark = canary("PPL")
    everywhere.append(people_mark)
    meeting = Meeting(
        reference=f"SD-2026-{token % 10000:04d}",
        held_at=datetime(2026, 11, 20, 10, 0, tzinfo=timezone.utc),
        chair=Person("Chair Person", "CSC", "Team Manager"),
        referral=Referral(datetime(2026, 11, 19, 15, 0, tzinfo=timezone.utc), draw(unicode_text), codes[0]),
        children=[SubjectChild("c1", f"Ζωή Ковальова {people_mark}", date(2018, 5, 14))],
        agencies=[Agency(c, f"{c} agency name", KINDS.get(c)) for c in codes],
        participants=[
            Participant(c, draw(unicode_text) or "name", draw(st.sampled_from(list(ParticipantStatus))))
            for c in codes
        ],
        contributions=contributions,
        decisions=decisions,
        actions=actions,
    )
    return GeneratedMeeting(meeting, codes, secrets, everywhere)
