# SPDX-License-Identifier: LicenseRef-Proprietary
"""Subject access (issue 16), as a property over generated meetings and people: the export for
one person holds every item about them and nothing about anyone else, except as a third-party
redaction or an exempted item listed in the schedule (never with its content)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from strategy_meeting.domain.contribution import Contribution, Topic
from strategy_meeting.domain.decision import Decision, DecisionKind
from strategy_meeting.domain.meeting import HouseholdMember, Meeting, Participant, Person, Referral, SubjectChild
from strategy_meeting.domain.person_names import fold
from strategy_meeting.domain.sharing_terms import SharingTerms
from strategy_meeting.domain.subject_access import (
    Exemption,
    ExemptionGround,
    SubjectAccessRequest,
    build_disclosure,
    choose_person,
    export_document,
    people_index,
)

GIVEN = ["Zoë", "Chloé", "Björn", "Łucja", "Renée", "Ana", "Åsa", "Noël", "Søren", "Iñaki", "Émile", "Jo"]
FAMILY = ["Müller", "Brontë", "Nuñez", "Øvrebø", "Dvořák", "Smith", "Smith-Jones", "Ng", "Ólafsdóttir", "Çelik"]


@dataclass
class World:
    meetings: list[Meeting]
    names: list[str]
    addresses: dict[str, str]  # folded name -> address
    about: dict[str, set[str]] = field(default_factory=dict)  # folded name -> item keys truly about them
    mentions: dict[str, set[str]] = field(default_factory=dict)  # item key -> folded names its text names


def _variant(draw, name: str) -> str:
    """How a text writes a name: as recorded, shouted, or without its accents."""
    return draw(st.sampled_from([name, name.upper(), fold(name).title()]))


@st.composite
def worlds(draw) -> World:
    pairs = draw(st.lists(st.tuples(st.sampled_from(GIVEN), st.sampled_from(FAMILY)), min_size=4, max_size=8,
                          unique_by=lambda p: fold(f"{p[0]} {p[1]}")))
    names = [f"{g} {f}" for g, f in pairs]
    # A name must not be another's with words added (both would be one search's candidates).
    addresses = {fold(n): f"{i + 1} Wharf{i} Road" for i, n in enumerate(names)}
    world = World([], names, addresses)

    def note(key: str, *people: str) -> None:
        for p in people:
            world.about.setdefault(fold(p), set()).add(key)

    for m in range(draw(st.integers(1, 3))):
        ref = f"SD-2026-{m + 1:04d}"
        chosen = draw(st.permutations(names))
        child_names = chosen[:draw(st.integers(1, 2))]
        rest = chosen[len(child_names):]
        adults = rest[:draw(st.integers(0, len(rest)))]
        household_names = adults[: len(adults) // 2]
        participant_names = adults[len(adults) // 2:]
        chair = participant_names[0] if participant_names else "Alex Example"
        if chair == "Alex Example" and fold(chair) not in addresses:
            names.append(chair)
            addresses[fold(chair)] = "Council Offices"
        meeting = Meeting(ref, datetime(2026, 3, m + 1, 10, tzinfo=UTC), Person(chair, "CSC", "Chair"),
                          Referral(None, ""))
        for i, c in enumerate(child_names):
            meeting.children.append(SubjectChild(f"c{i}", c, date(2015, 1, 1), address=addresses[fold(c)]))
            note(f"{ref}/child/c{i}", c)
        for i, h in enumerate(household_names):
            meeting.household.append(HouseholdMember(f"p{i}", h, "carer", True, addresses[fold(h)]))
            note(f"{ref}/household/p{i}", h)
        for i, p in enumerate(participant_names):
            meeting.participants.append(Participant("CSC", p, id=f"m{i}"))
            note(f"{ref}/participant/m{i}", p)
        note(f"{ref}/chair", chair)
        everyone = list(child_names) + list(adults)
        narrative_keys = [f"{ref}/referral"]

        def text_naming(label: str) -> tuple[str, list[str]]:
            named = draw(st.lists(st.sampled_from(everyone), max_size=3, unique=True))
            parts = [f"{label} concern"] + [f"{_variant(draw, n)} said so" for n in named]
            recorded = [n for n in named if n in child_names or n in household_names]
            if recorded and draw(st.booleans()):  # an address the record holds for that person
                parts.append(f"lives at {addresses[fold(recorded[0])]}")
            return ". ".join(parts) + ".", named

        reason, named = text_naming("Referral")
        meeting.referral = Referral(None, reason, "EDU")
        world.mentions[f"{ref}/referral"] = {fold(n) for n in named}
        for i in range(draw(st.integers(0, 3))):
            text, named = text_naming(f"Item {i}")
            author = draw(st.sampled_from([""] + list(participant_names)))
            key = f"{ref}/contribution/k{i}"
            meeting.contributions.append(Contribution(f"k{i}", "CSC", Topic.HISTORY, text, SharingTerms.everyone(),
                                                      author=author))
            narrative_keys.append(key)
            world.mentions[key] = {fold(n) for n in named}
            note(key, *named, *([author] if author else []))
            if author:
                world.mentions[key].add(fold(author))
        for i in range(draw(st.integers(0, 2))):
            text, named = text_naming(f"Decision {i}")
            key = f"{ref}/decision/d{i}"
            meeting.decisions.append(Decision(f"d{i}", DecisionKind.OTHER, text, "Rationale given."))
            narrative_keys.append(key)
            world.mentions[key] = {fold(n) for n in named}
            note(key, *named)
        note(f"{ref}/referral", *named_in(world, f"{ref}/referral"))
        for key in narrative_keys:  # the meeting's narrative is about its subject children
            note(key, *child_names)
        world.meetings.append(meeting)
    return world


def named_in(world: World, key: str) -> list[str]:
    return [n for n in world.names if fold(n) in world.mentions.get(key, set())]


def _holds_name(text: str, name: str) -> bool:
    words = [re.escape(w) for w in fold(name).split()]
    return re.search(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", fold(text)) is not None


@settings(max_examples=300)
@given(worlds(), st.data())
def test_the_export_holds_all_about_the_person_and_nothing_about_anyone_else(world, data):
    people = people_index(world.meetings)
    requester_name = data.draw(st.sampled_from(sorted(p.name for p in people.values())))
    person = choose_person(people, fold(requester_name).upper())  # found whatever the accents and case
    truly_about = world.about.get(person.key, set())
    exempted = data.draw(st.lists(st.sampled_from(sorted(truly_about)), unique=True, max_size=2)) if truly_about else []
    grounds = {k: data.draw(st.sampled_from(list(ExemptionGround))) for k in exempted}
    exemptions = [Exemption(k, k.split("/")[0], g, "Reviewed by the IG lead") for k, g in grounds.items()]
    disclosure, _ = build_disclosure(world.meetings, person, people, exemptions)
    request = SubjectAccessRequest(person.name, date(2026, 4, 1), date(2026, 5, 1), id=1)
    document = export_document(request, disclosure, datetime(2026, 4, 2, tzinfo=UTC))
    text = json.dumps(document, ensure_ascii=False)
    items = {i["key"]: i for i in document["items"]}
    schedule: dict[str, set[tuple[str, bool]]] = {}
    for s in document["schedule"]:
        schedule.setdefault(s["key"], set()).add((s["ground"], s["whole_item_withheld"]))

    # Every item about the person is disclosed or, when exempted, listed as withheld.
    assert set(items) | {k for k, v in schedule.items() if any(w for _, w in v)} == truly_about
    for key, ground in grounds.items():
        assert key not in items and (ground.value, True) in schedule[key]
    # Nothing about anyone else: no other person's name or address anywhere in the export ...
    for other in world.names:
        if fold(other) == person.key:
            continue
        assert not _holds_name(text, other) or _holds_name(person.name, other), other
        assert world.addresses[fold(other)] not in text
    # ... and each item that named someone else lists its redaction in the schedule.
    for key in items:
        others = world.mentions.get(key, set()) - {person.key}
        if others:
            assert ("third_party", False) in schedule.get(key, set()), key
    # The person's own entries reach them whole.
    for key, item in items.items():
        if key.split("/")[1] in ("child", "household", "participant", "chair"):
            assert item["fields"][0] == {"label": "Name", "value": person.name}
