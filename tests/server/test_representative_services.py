# SPDX-License-Identifier: LicenseRef-Proprietary
"""A representative works through the app's own services on the team server (issue 17,
part 3): they read their agency's copy, add and edit their own agency's contribution, and the
chair's connection sees it arrive; what they may not do is refused by the app and, beneath it,
by the database, with nothing saved."""

from __future__ import annotations

from dataclasses import replace

import pytest

from strategy_meeting.domain.contribution import Contribution, Topic
from strategy_meeting.domain.errors import PermissionDenied
from strategy_meeting.domain.roles import Role
from strategy_meeting.domain.sharing import Recipient, copy_of
from strategy_meeting.domain.sharing_terms import SharingTerms
from strategy_meeting.services import meetings
from strategy_meeting.services.meetings import ItemKind

from builders import sample_meeting

REF = "SD-2026-0600"


@pytest.fixture
def chair_and_health(team):  # type: ignore[no-untyped-def]
    chair = team.session(team.add("chair", Role.CHAIR))
    with chair[0].unit_of_work() as uow:
        meeting = sample_meeting(REF)
        meeting.note_recording_started()
        uow.meetings.save(meeting)
        uow.commit()
    return chair, team.session(team.add("rep_health", Role.AGENCY_REP, "HEALTH"))


def test_a_representative_reads_their_agencys_copy(chair_and_health) -> None:  # type: ignore[no-untyped-def]
    (ctx_c, chair), (ctx_h, health) = chair_and_health
    seen = meetings.get(ctx_h, health, REF)
    full = meetings.get(ctx_c, chair, REF)
    expected = copy_of(full, Recipient("HEALTH")).meeting
    assert [c.id for c in seen.contributions] == [c.id for c in expected.contributions] == ["k1"]
    assert [a.id for a in seen.actions] == [a.id for a in expected.actions] == ["a1"]


def test_a_representative_adds_and_edits_their_own_contribution(chair_and_health) -> None:  # type: ignore[no-untyped-def]
    (ctx_c, chair), (ctx_h, health) = chair_and_health
    mine = Contribution("", "HEALTH", Topic.HISTORY, "Seen by the school nurse.", SharingTerms.everyone())
    after, _ = meetings.put_item(ctx_h, health, REF, ItemKind.CONTRIBUTION, mine)
    added = next(c for c in after.contributions if c.agency == "HEALTH")
    meetings.put_item(ctx_h, health, REF, ItemKind.CONTRIBUTION, replace(added, text="Seen twice by the nurse."))
    full = meetings.get(ctx_c, chair, REF)  # the chair's own connection sees it arrive
    assert [(c.agency, c.text) for c in full.contributions if c.agency == "HEALTH"] == [
        ("HEALTH", "Seen twice by the nurse.")]
    # Nothing the representative cannot see was touched by their save, and its id is not one
    # of those items' (HEALTH's ids carry the agency).
    texts = {c.id: c.text for c in full.contributions}
    assert set(texts) == {"k1", "k2", "k3", added.id} and added.id.startswith("k-health-")
    assert texts["k2"] == "Police intelligence held (restricted)." and texts["k3"] == "Chair-only note."
    assert full.versions["contributions"] == 3  # saved at 1, then two changes


def test_a_representative_cannot_change_another_agencys_contribution(chair_and_health) -> None:  # type: ignore[no-untyped-def]
    (ctx_c, chair), (ctx_h, health) = chair_and_health
    edu = next(c for c in meetings.get(ctx_h, health, REF).contributions if c.id == "k1")
    with pytest.raises(PermissionDenied):
        meetings.put_item(ctx_h, health, REF, ItemKind.CONTRIBUTION, replace(edu, text="changed by HEALTH"))
    with pytest.raises(PermissionDenied):  # nor write one in another agency's name
        meetings.put_item(ctx_h, health, REF, ItemKind.CONTRIBUTION,
                          Contribution("", "POLICE", Topic.HISTORY, "forged", SharingTerms.everyone()))
    full = meetings.get(ctx_c, chair, REF)
    assert full.contributions[0].text == "Bruising seen at 09:10."
    assert all(c.text != "forged" for c in full.contributions)
