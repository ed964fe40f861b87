# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Hypothesis strategies: meetings with random agencies, audiences, family flags and Unicode
text, each contribution and action carrying a unique canary, plus the sharing rule's expected
answer written out independently (an oracle, so the test does not reuse ``may_see``)."""

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
from strategy_meeting.domain.sharing_terms import AudienceScope, SharingTerms

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


def _allowed(owner: str, terms: SharingTerms, codes: list[str]) -> set[str | None]:
    if terms.scope is AudienceScope.UNDECIDED:
        return {None}  # nobody has decided: the full record only, not even the giver
    allowed: set[str | None] = {None, owner}
    if terms.scope is AudienceScope.ALL:
        allowed.update(codes)
    elif terms.scope is AudienceScope.AGENCIES:
        allowed.update(c for c in terms.agencies if c in codes)
    return allowed


@st.composite
def sharing_terms(draw: st.DrawFn, codes: list[str]) -> SharingTerms:
    family = draw(st.booleans())
    scope = draw(st.sampled_from(list(AudienceScope)))
    if scope is AudienceScope.AGENCIES:
        chosen = draw(st.sets(st.sampled_from(codes + ["OTHER"]), min_size=1))
        return SharingTerms(scope, frozenset(chosen), family)
    return SharingTerms(scope, frozenset(), family)


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
        contributions.append(
            Contribution(
                f"k{i}", owner, draw(st.sampled_from(list(Topic))), text, terms,
                author=f"Author {author_mark}", lawful_basis=draw(unicode_text),
            )
        )
        allowed = _allowed(owner, terms, codes)
        secrets.append(Planted(mark, allowed))
        secrets.append(Planted(author_mark, allowed))
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
    for i in range(draw(st.integers(0, 3))):
        mark = canary("DEC")
        everywhere.append(mark)
        relied = draw(st.lists(st.sampled_from([c.id for c in contributions]), unique=True)) if contributions else []
        dissent = [Dissent(draw(st.sampled_from(codes)), f"dissent {canary('DIS')}")] if draw(st.booleans()) else []
        everywhere.extend(d.view.split()[-1] for d in dissent)
        decisions.append(
            Decision(
                f"d{i}", draw(st.sampled_from(list(DecisionKind))), f"Outcome {mark}",
                draw(unicode_text) or "rationale", draw(st.sampled_from([True, False, None])),
                relied, dissent,
            )
        )
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
