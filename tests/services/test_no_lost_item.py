# SPDX-License-Identifier: LicenseRef-Proprietary
"""No lost update, item by item (issue 17, part 4), on both stores: the local SQLCipher file
(two sessions on one file, as two windows or two computers sharing it) and the team server
(two logins). An edit made over an item someone else changed or removed since it was read is
refused, naming them, with the fields the GUI words its panel from; two people adding to one
part, or editing different items of it, both keep theirs."""

from __future__ import annotations

from dataclasses import replace

import pytest

from strategy_meeting.domain.contribution import Contribution, Topic
from strategy_meeting.domain.errors import MeetingChanged, NotFound
from strategy_meeting.domain.roles import Role
from strategy_meeting.domain.sharing_terms import SharingTerms
from strategy_meeting.services import meetings, session
from strategy_meeting.services.meetings import ItemKind

from builders import sample_meeting
from conftest import FIXED_NOW, PASSPHRASE

REF = "SD-2026-0600"


@pytest.fixture(params=["sqlcipher", "postgresql"])
def two_people(request):  # type: ignore[no-untyped-def]
    """Two sessions on one store, with the meeting saved: ((ctx, user), (ctx, user))."""
    if request.param == "sqlcipher":
        data_dir, clock = request.getfixturevalue("data_dir"), request.getfixturevalue("clock")
        first = session.open_session(data_dir, PASSPHRASE, clock=clock)
        second = session.open_session(data_dir, PASSPHRASE, clock=clock)
        request.addfinalizer(first[0].close)
        request.addfinalizer(second[0].close)
    else:
        team = request.getfixturevalue("team")
        first = team.session(team.add("chair_a", Role.CHAIR))
        second = team.session(team.add("chair_b", Role.CHAIR))
    meetings.create(first[0], first[1], template=sample_meeting(REF))
    return first, second


def _new(text: str) -> Contribution:
    return Contribution("", "HEALTH", Topic.CURRENT_CONCERNS, text, SharingTerms.everyone())


def test_an_edit_over_a_colleagues_edit_is_refused_naming_them(two_people) -> None:  # type: ignore[no-untyped-def]
    (ctx_a, a), (ctx_b, b) = two_people
    opened_by_a = meetings.get(ctx_a, a, REF).contribution("k1")
    opened_by_b = meetings.get(ctx_b, b, REF).contribution("k1")
    meetings.put_item(ctx_a, a, REF, ItemKind.CONTRIBUTION, replace(opened_by_a, text="A's wording"),
                      expected=opened_by_a)
    with pytest.raises(MeetingChanged) as refused:
        meetings.put_item(ctx_b, b, REF, ItemKind.CONTRIBUTION, replace(opened_by_b, text="B's wording"),
                          expected=opened_by_b)
    change = refused.value
    assert (change.reference, change.part, change.item_id, change.changed_by) == (REF, "contributions", "k1", a.name)
    assert change.changed_at == FIXED_NOW and not change.removed
    assert a.name in str(change) and "kept" in str(change)  # the sentence names them
    assert meetings.get(ctx_b, b, REF).contribution("k1").text == "A's wording"
    # B has now read A's version: a save over it stands.
    theirs = meetings.get(ctx_b, b, REF).contribution("k1")
    meetings.put_item(ctx_b, b, REF, ItemKind.CONTRIBUTION, replace(opened_by_b, text="B's wording"),
                      expected=theirs)
    assert meetings.get(ctx_a, a, REF).contribution("k1").text == "B's wording"


def test_two_people_adding_to_one_part_both_keep_theirs(two_people) -> None:  # type: ignore[no-untyped-def]
    (ctx_a, a), (ctx_b, b) = two_people
    meetings.get(ctx_a, a, REF), meetings.get(ctx_b, b, REF)  # both have the meeting open
    meetings.put_item(ctx_a, a, REF, ItemKind.CONTRIBUTION, _new("from A"), expected=None)
    meetings.put_item(ctx_b, b, REF, ItemKind.CONTRIBUTION, _new("from B"), expected=None)
    texts = [c.text for c in meetings.get(ctx_a, a, REF).contributions]
    assert texts.count("from A") == 1 and texts.count("from B") == 1


def test_an_edit_of_another_item_in_the_same_part_stands(two_people) -> None:  # type: ignore[no-untyped-def]
    (ctx_a, a), (ctx_b, b) = two_people
    seen_by_a, seen_by_b = meetings.get(ctx_a, a, REF), meetings.get(ctx_b, b, REF)
    meetings.put_item(ctx_a, a, REF, ItemKind.CONTRIBUTION, replace(seen_by_a.contribution("k1"), text="A on k1"),
                      expected=seen_by_a.contribution("k1"))
    meetings.put_item(ctx_b, b, REF, ItemKind.CONTRIBUTION, replace(seen_by_b.contribution("k2"), text="B on k2"),
                      expected=seen_by_b.contribution("k2"))
    final = meetings.get(ctx_a, a, REF)
    assert (final.contribution("k1").text, final.contribution("k2").text) == ("A on k1", "B on k2")
    # The whole-part check (sign-off's, the bench's) still refuses B's older reading.
    with pytest.raises(MeetingChanged, match="contributions"):
        meetings.put_item(ctx_b, b, REF, ItemKind.CONTRIBUTION, replace(seen_by_b.contribution("k2"), text="again"),
                          read_at={"contributions": seen_by_b.versions["contributions"]})


def test_an_edit_of_an_item_a_colleague_removed_says_so(two_people) -> None:  # type: ignore[no-untyped-def]
    (ctx_a, a), (ctx_b, b) = two_people
    seen_by_b = meetings.get(ctx_b, b, REF).contribution("k2")
    meetings.remove_item(ctx_a, a, REF, ItemKind.CONTRIBUTION, "k2", expected=seen_by_b)
    with pytest.raises(MeetingChanged, match="removed") as refused:
        meetings.put_item(ctx_b, b, REF, ItemKind.CONTRIBUTION, replace(seen_by_b, text="B"), expected=seen_by_b)
    assert refused.value.removed and refused.value.item_id == "k2" and refused.value.changed_by == a.name
    assert meetings.get(ctx_a, a, REF).contribution("k2") is None
    # Saved as a new item instead, it stands.
    meetings.put_item(ctx_b, b, REF, ItemKind.CONTRIBUTION, replace(seen_by_b, id="", text="B"), expected=None)
    assert "B" in [c.text for c in meetings.get(ctx_a, a, REF).contributions]


def test_a_removal_or_a_move_over_a_colleagues_change_is_refused(two_people) -> None:  # type: ignore[no-untyped-def]
    (ctx_a, a), (ctx_b, b) = two_people
    seen_by_b = meetings.get(ctx_b, b, REF)
    order = [c.id for c in seen_by_b.contributions]
    k1 = seen_by_b.contribution("k1")
    meetings.put_item(ctx_a, a, REF, ItemKind.CONTRIBUTION, replace(k1, text="A"), expected=k1)
    with pytest.raises(MeetingChanged, match="not removed"):
        meetings.remove_item(ctx_b, b, REF, ItemKind.CONTRIBUTION, "k1", expected=k1)
    assert meetings.get(ctx_b, b, REF).contribution("k1").text == "A"
    # An added item changes the list a position was chosen in: the move is refused ...
    meetings.put_item(ctx_a, a, REF, ItemKind.CONTRIBUTION, _new("A's new one"))
    with pytest.raises(MeetingChanged, match="move was not made"):
        meetings.move_item(ctx_b, b, REF, ItemKind.CONTRIBUTION, order[0], 1, expected_order=order)
    # ... and made over the list as it is now.
    now = [c.id for c in meetings.get(ctx_b, b, REF).contributions]
    meetings.move_item(ctx_b, b, REF, ItemKind.CONTRIBUTION, now[0], 1, expected_order=now)
    assert [c.id for c in meetings.get(ctx_a, a, REF).contributions][:2] == [now[1], now[0]]


def test_putting_back_an_item_whose_id_was_taken_is_refused(two_people) -> None:  # type: ignore[no-untyped-def]
    """Ids are reused (the lowest free one): undoing a removal must not overwrite the item a
    colleague added under the freed id meanwhile."""
    (ctx_a, a), (ctx_b, b) = two_people
    removed = meetings.get(ctx_b, b, REF).contribution("k2")
    meetings.remove_item(ctx_b, b, REF, ItemKind.CONTRIBUTION, "k2", expected=removed)
    meetings.put_item(ctx_a, a, REF, ItemKind.CONTRIBUTION, _new("A's, in the free place"))
    assert meetings.get(ctx_a, a, REF).contribution("k2").text == "A's, in the free place"
    with pytest.raises(MeetingChanged) as refused:
        meetings.put_item(ctx_b, b, REF, ItemKind.CONTRIBUTION, removed, expected=None)
    assert refused.value.taken
    assert meetings.get(ctx_a, a, REF).contribution("k2").text == "A's, in the free place"


def test_a_decision_over_a_contribution_changed_meanwhile_is_refused(two_people) -> None:  # type: ignore[no-untyped-def]
    (ctx_a, a), (ctx_b, b) = two_people
    seen_by_b = meetings.get(ctx_b, b, REF)
    decision = seen_by_b.decisions[0]
    relied = [seen_by_b.contribution(i) for i in decision.relied_on]
    k = relied[0]
    meetings.put_item(ctx_a, a, REF, ItemKind.CONTRIBUTION, replace(k, text="changed under the decision"), expected=k)
    changed = replace(decision, rationale="Made over what B read.")
    with pytest.raises(MeetingChanged) as refused:
        meetings.put_item(ctx_b, b, REF, ItemKind.DECISION, changed, expected=decision,
                          made_from=[(ItemKind.CONTRIBUTION, c) for c in relied])
    assert (refused.value.part, refused.value.item_id) == ("contributions", k.id)


def test_without_expected_nothing_is_checked(two_people) -> None:  # type: ignore[no-untyped-def]
    """Callers that ask for no check (imports, the bench's representatives) keep today's
    behaviour; an unknown item is still not found."""
    (ctx_a, a), (ctx_b, b) = two_people
    k1 = meetings.get(ctx_b, b, REF).contribution("k1")
    meetings.put_item(ctx_a, a, REF, ItemKind.CONTRIBUTION, replace(k1, text="A"))
    meetings.put_item(ctx_b, b, REF, ItemKind.CONTRIBUTION, replace(k1, text="B"))
    assert meetings.get(ctx_a, a, REF).contribution("k1").text == "B"
    with pytest.raises(NotFound):
        meetings.remove_item(ctx_b, b, REF, ItemKind.CONTRIBUTION, "k99")


def test_undoing_a_detail_a_colleague_changed_since_is_refused(two_people) -> None:  # type: ignore[no-untyped-def]
    """The workspace's undo of a detail expects the value its step left; the save as you type
    itself is not checked (see ``update_details``)."""
    (ctx_a, a), (ctx_b, b) = two_people
    meetings.update_details(ctx_b, b, REF, location="Room 1")
    meetings.update_details(ctx_a, a, REF, location="Room 2")
    with pytest.raises(MeetingChanged) as refused:
        meetings.update_details(ctx_b, b, REF, location="", expected={"location": "Room 1"})
    assert refused.value.part == "details" and refused.value.changed_by == a.name
    assert meetings.get(ctx_a, a, REF).location == "Room 2"
    meetings.update_details(ctx_b, b, REF, location="Room 3", expected={"location": "Room 2"})
    assert meetings.get(ctx_a, a, REF).location == "Room 3"
