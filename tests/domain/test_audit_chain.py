# SPDX-License-Identifier: LicenseRef-Proprietary
"""The audit chain finds any edited, removed or reordered event, for all inputs."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from strategy_meeting.domain.audit_chain import GENESIS_HASH, AuditEvent, event_hash, verify_chain


def make_chain(actions: list[str]) -> list[AuditEvent]:
    events, prev = [], GENESIS_HASH
    for n, action in enumerate(actions, 1):
        h = event_hash(prev, n, f"2026-11-20T10:{n % 60:02d}:00+00:00", "chair", action, "meeting:X", {"n": n})
        events.append(AuditEvent(n, f"2026-11-20T10:{n % 60:02d}:00+00:00", "chair", action, "meeting:X", {"n": n}, prev, h))
        prev = h
    return events


actions = st.lists(st.text(min_size=1, max_size=12), min_size=2, max_size=30)


def test_pinned_vector():
    # Canonical JSON and the hash layout are a contract: a change here breaks every stored chain.
    digest = event_hash(GENESIS_HASH, 1, "2026-11-20T10:00:00+00:00", "chair", "store.create", "store", {"role": "chair"})
    assert digest == "99c788d7982a385fc2a30328b16114005ce064e9d35b9d3fbf553252ef41139a"
    assert verify_chain(make_chain(["a", "b"])) is None


@given(actions, st.data())
def test_an_edited_event_is_found_at_its_own_index(acts, data):
    chain = make_chain(acts)
    i = data.draw(st.integers(0, len(chain) - 1))
    chain[i] = replace(chain[i], action=chain[i].action + "!")
    brk = verify_chain(chain)
    assert brk is not None and brk.seq == i + 1


@given(actions, st.data())
def test_a_removed_event_is_found(acts, data):
    chain = make_chain(acts)
    i = data.draw(st.integers(0, len(chain) - 2))
    del chain[i]
    assert verify_chain(chain) is not None


@given(actions, st.data())
def test_reordered_events_are_found(acts, data):
    chain = make_chain(acts)
    i = data.draw(st.integers(0, len(chain) - 2))
    chain[i], chain[i + 1] = chain[i + 1], chain[i]
    assert verify_chain(chain) is not None


@given(actions, st.integers(1, 5))
def test_cut_off_tail_is_found_only_through_the_head(acts, cut):
    chain = make_chain(acts)
    head = chain[-1].hash
    shortened = chain[: max(1, len(chain) - cut)]
    if len(shortened) == len(chain):
        return
    assert verify_chain(shortened) is None  # the chain alone cannot see it...
    assert verify_chain(shortened, expected_head=head) is not None  # ...the kept head can
