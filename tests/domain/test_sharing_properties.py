# SPDX-License-Identifier: LicenseRef-Proprietary
"""Properties of the one sharing rule over generated meetings (issue 14), checked against the
independent oracle of ``tests/minutes/minutes_strategies.py``: no copy holds an item its terms
or categories keep from its recipient; the family's copy holds only family items in no
category; no copy holds the rationale of a decision that relied on an item withheld from it
(it holds the wider one if written); an undecided item blocks sign-off."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "minutes"))
from minutes_strategies import GeneratedMeeting, _allowed, family_may_see, meetings  # noqa: E402

from strategy_meeting.domain.sharing import FAMILY, Recipient, copy_of  # noqa: E402
from strategy_meeting.domain.signoff_checks import CheckKind, signoff_warnings  # noqa: E402


@settings(max_examples=150, deadline=None)
@given(meetings())
def test_no_copy_holds_an_item_its_terms_or_categories_keep_from_its_recipient(g: GeneratedMeeting) -> None:
    m = g.meeting
    for code in g.codes:
        view = copy_of(m, Recipient(code))
        for c in m.contributions:
            assert (c in view.meeting.contributions) is (code in _allowed(c.agency, c.sharing, g.codes)), (code, c.id)
        for a in m.actions:
            assert (a in view.meeting.actions) is (code in _allowed(a.owner_agency, a.sharing, g.codes)), (code, a.id)
        held = {d.id for d in view.meeting.decisions}
        for d in m.decisions:
            assert (d.id in held) is (code in _allowed(None, d.sharing, g.codes)), (code, d.id)


@settings(max_examples=150, deadline=None)
@given(meetings())
def test_the_family_copy_holds_only_family_items_in_no_category(g: GeneratedMeeting) -> None:
    m = g.meeting
    view = copy_of(m, FAMILY)
    assert [c.id for c in view.meeting.contributions] == [c.id for c in m.contributions if family_may_see(c.sharing)]
    assert [a.id for a in view.meeting.actions] == [a.id for a in m.actions if family_may_see(a.sharing)]
    assert [d.id for d in view.meeting.decisions] == [d.id for d in m.decisions if family_may_see(d.sharing)]
    assert all(not d.rationale and not d.wider_rationale for d in view.meeting.decisions)
    assert all(not x.sharing.categories and x.sharing.family
               for x in [*view.meeting.contributions, *view.meeting.actions, *view.meeting.decisions])


@settings(max_examples=150, deadline=None)
@given(meetings())
def test_no_copy_holds_a_rationale_built_on_what_it_may_not_see(g: GeneratedMeeting) -> None:
    m = g.meeting
    allowed = {c.id: _allowed(c.agency, c.sharing, g.codes) for c in m.contributions}
    for code in g.codes:
        view = copy_of(m, Recipient(code))
        for held in view.meeting.decisions:
            original = next(d for d in m.decisions if d.id == held.id)
            sees_all = all(code in allowed[i] for i in original.relied_on)
            expected = original.rationale if sees_all else original.wider_rationale
            assert held.rationale == expected, (code, held.id)
            assert held.wider_rationale == ""  # the full record alone holds both
            assert (held.id in view.rationale_replaced) is (expected != original.rationale)


@settings(max_examples=150, deadline=None)
@given(meetings())
def test_an_item_without_an_audience_blocks_sign_off_and_nothing_else_does_so_for_sharing(
        g: GeneratedMeeting) -> None:
    m = g.meeting
    undecided = [x for x in [*m.contributions, *m.decisions, *m.actions] if not x.sharing.is_decided]
    found = [w for w in signoff_warnings(m) if w.kind is CheckKind.SHARING_UNDECIDED]
    assert len(found) == len(undecided)
    assert all(w.blocking for w in found)
