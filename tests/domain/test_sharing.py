# SPDX-License-Identifier: LicenseRef-Proprietary
"""The redaction rule holds for every item, audience and recipient."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from builders import sample_meeting
from strategy_meeting.domain.action import Action
from strategy_meeting.domain.contribution import Contribution, Topic
from strategy_meeting.domain.sharing import FULL_RECORD, Recipient, copy_of, may_see
from strategy_meeting.domain.sharing_terms import AudienceScope, SharingTerms

codes = st.sampled_from(["CSC", "POLICE", "HEALTH", "EDU", "HOUSING", "PROBATION", "X-1"])
terms = st.one_of(
    st.builds(SharingTerms.everyone, st.booleans()),
    st.just(SharingTerms.chair_only()),
    st.builds(
        lambda agencies, family: SharingTerms(AudienceScope.AGENCIES, frozenset(agencies), family),
        st.sets(codes, min_size=1),
        st.booleans(),
    ),
)


@given(owner=codes, t=terms)
def test_full_record_sees_everything(owner: str, t: SharingTerms) -> None:
    assert may_see(owner, t, FULL_RECORD)


@given(owner=codes, t=terms)
def test_owner_always_sees_its_own_item(owner: str, t: SharingTerms) -> None:
    assert may_see(owner, t, Recipient(owner))


@given(owner=codes, t=terms, recipient=codes)
def test_other_agency_sees_exactly_what_the_audience_allows(owner: str, t: SharingTerms, recipient: str) -> None:
    if recipient == owner:
        return
    expected = t.scope is AudienceScope.ALL or (
        t.scope is AudienceScope.AGENCIES and recipient in t.agencies
    )
    assert may_see(owner, t, Recipient(recipient)) is expected


@given(t=terms)
def test_terms_round_trip_through_interchange_shape(t: SharingTerms) -> None:
    assert SharingTerms.from_json(t.to_json()) == t


@settings(max_examples=1000)
@given(items=st.lists(st.tuples(codes, terms, st.booleans()), min_size=1, max_size=8), recipient=codes)
def test_a_copy_model_holds_exactly_the_items_shared_with_its_recipient(items, recipient: str) -> None:
    """SECURITY-TESTS 15 at the catalogue's size (items x agencies x sharing levels): the
    recipient's copy model, every field read through its repr, never holds a canary withheld
    from it and always holds each one shared with it; the master record is not changed."""
    meeting = sample_meeting()
    meeting.contributions, meeting.actions, expected = [], [], {}
    for i, (owner, t, is_action) in enumerate(items):
        canary = f"ZZLEAK-{i:02d}-{owner}"
        if is_action:
            meeting.actions.append(Action(f"a{i}", canary, owner, None, t))
        else:
            meeting.contributions.append(Contribution(f"k{i}", owner, Topic.OTHER, canary, t))
        expected[canary] = owner == recipient or t.scope is AudienceScope.ALL or (
            t.scope is AudienceScope.AGENCIES and recipient in t.agencies)
    before = repr(meeting)
    model = repr(copy_of(meeting, Recipient(recipient)))
    for canary, shared in expected.items():
        assert (canary in model) is shared, (canary, recipient)
    full = repr(copy_of(meeting, FULL_RECORD))
    assert all(canary in full for canary in expected)  # control: the full record holds them all
    assert repr(meeting) == before
