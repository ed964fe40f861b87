# SPDX-License-Identifier: LicenseRef-Proprietary
"""The redaction rule holds for every item, audience and recipient."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from strategy_meeting.domain.sharing import FULL_RECORD, Recipient, may_see
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
