# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Hypothesis strategies: whole meetings that the interchange format can carry, in many scripts.

Every generated meeting is complete enough to export (a time held, a child, an agency, a due
date on each action, a rationale on each decision) and internally consistent (unique ids,
``relied_on`` naming its contributions, every code used listed). Store-only fields stay at
their defaults, as the format does not carry them.
"""

from __future__ import annotations

import copy

import json
import operator
import string
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from strategy_meeting.services.demo import demo_meetings
from strategy_meeting.services.exchange.codec import meeting_to_json

from strategy_meeting.domain.action import Action, ActionStatus
from strategy_meeting.domain.agency import Agency, AgencyKind
from strategy_meeting.domain.contribution import Contribution, ReceivedVia, Topic
from strategy_meeting.domain.decision import Decision, DecisionKind, Dissent
from strategy_meeting.domain.meeting import (
    ConcernCategory,
    HouseholdMember,
    Meeting,
    MeetingFormat,
    MeetingKind,
    NextSteps,
    ParentsInformed,
    Participant,
    ParticipantStatus,
    Person,
    Referral,
    SubjectChild,
)
from strategy_meeting.domain.lawful_basis import CONDITIONS, LawfulBasis, Regime
from strategy_meeting.domain.sharing_terms import RestrictionCategory, SharingTerms

# Words in several scripts, so that every run crosses Latin with diacritics, Greek, Cyrillic,
# Arabic and Hebrew (right to left), Devanagari, CJK, Thai, and characters outside the BMP.
SCRIPT_WORDS = [
    "Zoë Ñúñez-Łukasiewicz",
    "Ægir Þórsson",
    "Ελένη Παπαδοπούλου",
    "Дмитрий Иванов",
    "Олена Шевченко",
    "فاطمة الزهراء",
    "שָׁלוֹם",
    "अनन्या शर्मा",
    "王小明",
    "さくら",
    "김민준",
    "สมชาย",
    "Ṭhāṇe",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀👩🏽‍👧",
    "e\u0301 (combining)",
    "\u200fRTL mark",
]

# Any character but the ones the format refuses (controls other than tab/LF/CR; surrogates).
_chars = st.one_of(
    st.characters(exclude_categories=("Cs", "Cc")),
    st.sampled_from("\t\n\r"),
)
_free = st.text(_chars, max_size=10)
text = st.one_of(
    _free, st.sampled_from(SCRIPT_WORDS), st.builds("{} {}".format, _free, st.sampled_from(SCRIPT_WORDS))
)
# What the domain requires to be filled in (names, texts, rationales): not blank.
filled_text = st.one_of(st.text(_chars, min_size=1, max_size=10).filter(str.strip), st.sampled_from(SCRIPT_WORDS))

# Built from alphabets rather than st.from_regex, which costs most of a run's time.
_UPPER = string.ascii_uppercase
_ALNUM = string.ascii_letters + string.digits
codes = st.builds(operator.add, st.sampled_from(_UPPER), st.text(_UPPER + string.digits + "_-", max_size=31))
ids = st.text(_ALNUM + "_-", min_size=1, max_size=64)
references = st.builds(operator.add, st.sampled_from(_ALNUM), st.text(_ALNUM + "/_-", max_size=63))
nhs_numbers = st.one_of(st.just(""), st.text(string.digits, min_size=10, max_size=10))

# Whole-minute offsets (RFC 3339 cannot write seconds), from -23:59 to +23:59.
offsets = st.one_of(
    st.just(UTC),
    st.integers(-23 * 60 - 59, 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m))),
)
aware_datetimes = st.datetimes(
    min_value=datetime(1900, 1, 2), max_value=datetime(2099, 12, 30), timezones=offsets
)
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))


def optional(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(st.none(), strategy)


lawful_bases = st.one_of(st.none(), st.sampled_from(Regime).flatmap(lambda regime: st.builds(
    LawfulBasis, st.just(regime), st.sampled_from(("", *CONDITIONS[regime])), text)))


def sharing_terms(listed: list[str]) -> st.SearchStrategy[SharingTerms]:
    """Every audience (undecided too), with the handling details of issue 14."""
    audience = st.one_of(
        st.just(SharingTerms.undecided()),
        st.builds(SharingTerms.everyone, st.booleans()),
        st.just(SharingTerms.chair_only()),
        st.builds(
            lambda chosen, family: SharingTerms.only(*chosen, family=family),
            st.sets(st.sampled_from(listed), min_size=1),
            st.booleans(),
        ),
    )
    return st.builds(
        lambda terms, categories, caveat, basis, agreement: replace(
            terms, categories=categories, caveat=caveat, lawful_basis=basis, police_agreement=agreement),
        audience, st.frozensets(st.sampled_from(RestrictionCategory)), text, lawful_bases,
        text,
    )


# No address, or one the directory would accept (an import refuses the others).
emails = st.one_of(st.just(""), st.builds(
    lambda user, host, tld: f"{user}@{host}.{tld}",
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Z"), blacklist_characters="@"), min_size=1, max_size=12),
    st.from_regex(r"[a-z0-9-]{1,12}", fullmatch=True), st.sampled_from(["org", "gov.uk", "sch.uk", "nhs.net"]),
))


@st.composite
def meetings(draw: st.DrawFn, max_items: int = 3) -> Meeting:
    listed = draw(st.lists(codes, min_size=1, max_size=5, unique=True))
    code = st.sampled_from(listed)
    maybe_code = st.one_of(st.just(""), code)
    n = {
        "children": draw(st.integers(1, max_items)),
        "household": draw(st.integers(0, max_items)),
        "participants": draw(st.integers(0, max_items)),
        "contributions": draw(st.integers(0, max_items)),
        "decisions": draw(st.integers(0, max_items)),
        "actions": draw(st.integers(0, max_items)),
    }
    pool = iter(draw(st.lists(ids, min_size=sum(n.values()), max_size=sum(n.values()), unique=True)))

    def person() -> Person:
        return Person(draw(text), draw(maybe_code), draw(text))

    children = [
        SubjectChild(
            id=next(pool),
            name=draw(text),
            date_of_birth=draw(optional(dates)),
            expected_date_of_birth=draw(optional(dates)),
            gender=draw(text),
            ethnicity=draw(text),
            nhs_number=draw(nhs_numbers),
            address=draw(text),
            school=draw(text),
            communication_needs=draw(text),
            disability=draw(text),
        )
        for _ in range(n["children"])
    ]
    household = [
        HouseholdMember(next(pool), draw(text), draw(text), draw(st.booleans()), draw(text), draw(text))
        for _ in range(n["household"])
    ]
    participants = [
        Participant(
            agency=draw(code),
            name=draw(filled_text),
            status=draw(st.sampled_from(ParticipantStatus)),
            role=draw(text),
            decision_authority=draw(st.booleans()),
            id=draw(st.sampled_from([next(pool), ""])),
        )
        for _ in range(n["participants"])
    ]
    contributions = [
        Contribution(
            id=next(pool),
            agency=draw(code),
            topic=draw(st.sampled_from(Topic)),
            text=draw(filled_text),
            sharing=draw(sharing_terms(listed)),
            author=draw(text),
            received_via=draw(st.sampled_from(ReceivedVia)),
            recorded_at=draw(optional(aware_datetimes)),
        )
        for _ in range(n["contributions"])
    ]
    contribution_ids = [c.id for c in contributions]
    decisions = [
        Decision(
            id=next(pool),
            kind=draw(st.sampled_from(DecisionKind)),
            outcome=draw(text),
            rationale=draw(filled_text),
            threshold_met=draw(optional(st.booleans())),
            relied_on=draw(st.lists(st.sampled_from(contribution_ids), max_size=3)) if contribution_ids else [],
            dissent=draw(st.lists(st.builds(Dissent, code, text), max_size=2)),
            sharing=draw(sharing_terms(listed)),
            wider_rationale=draw(text),
            rationale_withheld_agreed=draw(st.booleans()),
            family_wording=draw(text),
        )
        for _ in range(n["decisions"])
    ]
    actions = [
        Action(
            id=next(pool),
            description=draw(filled_text),
            owner_agency=draw(code),
            due=draw(dates),
            sharing=draw(sharing_terms(listed)),
            owner_name=draw(text),
            status=draw(st.sampled_from(ActionStatus)),
            completion_note=draw(text),
        )
        for _ in range(n["actions"])
    ]
    return Meeting(
        reference=draw(references),
        held_at=draw(aware_datetimes),
        chair=person(),
        referral=Referral(
            received_at=draw(aware_datetimes),
            reason=draw(text),
            source_agency=draw(maybe_code),
            categories=draw(st.lists(st.sampled_from(ConcernCategory), max_size=3)),
        ),
        kind=draw(st.sampled_from(MeetingKind)),
        format=draw(optional(st.sampled_from(MeetingFormat))),
        location=draw(text),
        minute_taker=person() if draw(st.booleans()) else None,
        children=children,
        household=household,
        agencies=[
            Agency(c, draw(filled_text), draw(optional(st.sampled_from(AgencyKind))), draw(emails)) for c in listed
        ],
        participants=participants,
        contributions=contributions,
        decisions=decisions,
        actions=actions,
        parents_informed=ParentsInformed(
            draw(optional(aware_datetimes)), draw(text), draw(text), draw(text)
        ),
        next_steps=NextSteps(draw(optional(dates)), draw(optional(aware_datetimes))),
    )


# Any JSON value, for mutating documents and for random files.
json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=12),
        st.sampled_from(["all", "chair", "CSC", "k1", "2026-11-20", "2026-11-20T10:00:00+00:00", ""]),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


_EXAMPLE = Path(__file__).parents[1] / "data" / "sd-example.json"

# Mutations start from the published example and the demonstration set (every kind of item).
BASES = [json.loads(_EXAMPLE.read_text(encoding="utf-8"))] + [
    meeting_to_json(m) for m in demo_meetings(date(2026, 11, 20))
]


# Values aimed at the rules: codes not listed, ids of other items, bad dates, control
# characters, unpaired surrogates, overlong text, wrong types.
_hostile = st.one_of(
    json_values,
    st.sampled_from(
        ["XYZ", "csc", "CSC\n", "k1", "c1", "a1", "d1", "", "2026-02-30", "2026-11-20T10:00:00",
         "\x00", "\ud800", "x" * 600, "chair", "all", ["CSC", "CSC"], [], ["XYZ"], {"audience": "all"}]
    ),
)


def _places(document: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in the document, walked without recursion."""
    found: list[tuple[Any, Any]] = []
    stack = [document]
    while stack:
        node = stack.pop()
        keys = list(node) if isinstance(node, dict) else range(len(node)) if isinstance(node, list) else []
        for key in keys:
            found.append((node, key))
            stack.append(node[key])
    return found


@st.composite
def mutated_documents(draw: st.DrawFn) -> bytes:
    document = json.loads(json.dumps(draw(st.sampled_from(BASES))))
    for _ in range(draw(st.integers(1, 4))):
        places = _places(document)
        if not places:
            break
        container, key = draw(st.sampled_from(places))
        operation = draw(st.sampled_from(["delete", "replace", "replace", "copy_sibling", "rename"]))
        if operation == "delete":
            del container[key]
        elif operation == "replace":
            # A copy: the hostile lists are the strategy's own constants, and a later
            # "copy_sibling" appending to one would change what later examples draw.
            container[key] = copy.deepcopy(draw(_hostile))
        elif operation == "copy_sibling" and isinstance(container, list):
            container.append(json.loads(json.dumps(container[key])))
        elif operation == "rename" and isinstance(container, dict):
            container[draw(st.sampled_from(["id", "agency", "code", "text", "extra", "meeting"]))] = container.pop(key)
    # ensure_ascii writes an unpaired surrogate as an escape, as a hostile file could.
    return json.dumps(document, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
