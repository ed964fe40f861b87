# SPDX-License-Identifier: LicenseRef-Proprietary
"""The sharing-decision log and loosening (issue 14): every change of terms through the
services is logged with an audit event in the same transaction; a loosening needs a reason
and the chair or the giving agency; sign-off logs what each copy holds; the log travels in
the export and is read back by the import."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from builders import representative, sample_meeting, sign_off
from strategy_meeting.domain.contribution import Contribution, Topic
from strategy_meeting.domain.errors import LooseningNeedsReason, PermissionDenied
from strategy_meeting.domain.roles import Role, User
from strategy_meeting.domain.sharing_log import SharingChangeKind, SharingItemKind
from strategy_meeting.domain.sharing_terms import RestrictionCategory, SharingTerms
from strategy_meeting.services import meetings, sharing, sharing_log, signoff
from strategy_meeting.services.exchange import service as exchange
from strategy_meeting.services.meetings import ItemKind

REF = "SD-2026-0100"


@pytest.fixture
def made(ctx, chair):
    meetings.create(ctx, chair, template=sample_meeting())
    return REF


def _audit(ctx, prefix: str):
    with ctx.unit_of_work() as uow:
        return [e for e in uow.audit.events() if e.action.startswith(prefix)]


def test_a_new_item_is_undecided_and_its_first_audience_is_set_with_an_audit_event(ctx, chair, made):
    meetings.put_item(ctx, chair, REF, ItemKind.CONTRIBUTION,
                      Contribution("", "HEALTH", Topic.HISTORY, "Seen by the GP in May."))
    m = meetings.get(ctx, chair, REF)
    added = m.contributions[-1]
    assert not added.sharing.is_decided
    assert sharing_log.entries(ctx, REF) == []  # nothing decided, nothing logged
    sharing.set_terms(ctx, chair, REF, added.id, SharingTerms.only("CSC"))
    [entry] = sharing_log.entries(ctx, REF)
    assert (entry.item_kind, entry.item_id, entry.change) == (SharingItemKind.CONTRIBUTION, added.id,
                                                               SharingChangeKind.SET)
    assert entry.before == {"audience": "undecided", "family": False}
    assert entry.after == {"audience": ["CSC"], "family": False} and entry.by == "chair"
    [event] = _audit(ctx, "sharing.")
    assert event.action == "sharing.set" and event.details["item_id"] == added.id


def test_narrowing_is_changed_and_loosening_needs_a_reason(ctx, chair, made):
    sharing.set_terms(ctx, chair, REF, "k1", SharingTerms.only("CSC"))  # was all agencies
    assert sharing_log.entries(ctx, REF)[-1].change is SharingChangeKind.CHANGED
    with pytest.raises(LooseningNeedsReason, match="Contribution 1 .from EDU.*reason"):
        sharing.set_terms(ctx, chair, REF, "k1", SharingTerms.everyone())
    # Refused: the record and the log are as they were.
    assert meetings.get(ctx, chair, REF).contributions[0].sharing.agencies == {"CSC"}
    assert len(sharing_log.entries(ctx, REF)) == 1
    sharing.set_terms(ctx, chair, REF, "k1", SharingTerms.everyone(), sharing_reason="The school asked.")
    last = sharing_log.entries(ctx, REF)[-1]
    assert (last.change, last.reason) == (SharingChangeKind.LOOSENED, "The school asked.")
    assert [e.action for e in _audit(ctx, "sharing.")] == ["sharing.changed", "sharing.loosened"]


def test_lifting_a_category_is_a_loosening_and_only_the_chair_or_the_giver_may(ctx, chair, made):
    restricted = replace(meetings.get(ctx, chair, REF).contributions[1].sharing,
                         categories=frozenset({RestrictionCategory.POLICE_SENSITIVE}))
    sharing.set_terms(ctx, chair, REF, "k2", restricted)
    taker = User("taker", Role.MINUTE_TAKER)  # drafts the record, but may not loosen
    agreed = replace(restricted, police_agreement="DI Example, 20 November 2026")
    with pytest.raises(PermissionDenied, match="only the chair or the agency that gave it"):
        sharing.set_terms(ctx, taker, REF, "k2", agreed, sharing_reason="Police agreed.")
    sharing.set_terms(ctx, taker, REF, "k2", replace(restricted, caveat="Do not copy."))  # narrowing: may
    police = representative("DS Riley Test", "POLICE")  # the giving agency may
    k2 = meetings.get(ctx, chair, REF).contributions[1]
    meetings.put_item(ctx, police, REF, ItemKind.CONTRIBUTION, replace(k2, sharing=agreed),
                      sharing_reason="Police agreed.")
    assert sharing_log.entries(ctx, REF)[-1].change is SharingChangeKind.LOOSENED


def test_sign_off_logs_what_each_copy_holds_and_the_undecided_block_it(ctx, chair, made):
    m = meetings.get(ctx, chair, REF)
    meetings.put_item(ctx, chair, REF, ItemKind.ACTION, replace(m.actions[0], sharing=SharingTerms()))
    with pytest.raises(Exception, match="cannot be signed off"):
        sign_off(ctx, chair, REF)
    meetings.put_item(ctx, chair, REF, ItemKind.ACTION, replace(m.actions[0], sharing=SharingTerms.everyone()))
    sign_off(ctx, chair, REF)
    fixed = [e for e in sharing_log.entries(ctx, REF) if e.change in (SharingChangeKind.SHARED,
                                                                      SharingChangeKind.WITHHELD)]
    m = meetings.get(ctx, chair, REF)
    items = len(m.contributions) + len(m.decisions) + len(m.actions)
    assert len(fixed) == items * (len(m.agency_codes) + 1)  # each item, each agency and the family
    police_item = {(e.recipient, e.change) for e in fixed if e.item_id == "k2"}
    assert police_item == {("CSC", SharingChangeKind.SHARED), ("POLICE", SharingChangeKind.SHARED),
                           ("HEALTH", SharingChangeKind.WITHHELD), ("EDU", SharingChangeKind.WITHHELD),
                           ("family", SharingChangeKind.WITHHELD)}
    [copies] = _audit(ctx, "sharing.copies")
    assert "contribution:k2" in copies.details["HEALTH"]["withheld"]


def test_an_addendum_starts_undecided_and_its_terms_are_logged(ctx, chair, made):
    sign_off(ctx, chair, REF)
    signoff.add_addendum(ctx, chair, REF, "The medical found no fracture.")
    assert meetings.get(ctx, chair, REF).addenda[0].sharing == SharingTerms.undecided()
    sharing.set_terms(ctx, chair, REF, "addendum-1", SharingTerms.only("HEALTH"))
    mine = [e for e in sharing_log.entries(ctx, REF) if e.item_kind is SharingItemKind.ADDENDUM]
    assert mine[0].change is SharingChangeKind.SET
    assert {e.recipient for e in mine if e.change is SharingChangeKind.SHARED} == {"HEALTH"}
    with pytest.raises(LooseningNeedsReason):
        sharing.set_terms(ctx, chair, REF, "addendum-1", SharingTerms.everyone())


def test_the_log_travels_in_the_export_and_comes_back_with_the_import(ctx, chair, made, tmp_path):
    sharing.set_terms(ctx, chair, REF, "k1", SharingTerms.only("CSC", "EDU"))
    sharing.set_terms(ctx, chair, REF, "k1", SharingTerms.everyone(), sharing_reason="Agreed at the meeting.")
    out = exchange.export_meeting(ctx, chair, REF, tmp_path / "m.json")
    document = json.loads(out.read_text("utf-8"))
    assert [e["change"] for e in document["meeting"]["sharing_log"]] == ["changed", "loosened"]
    assert document["meeting"]["sharing_log"][1]["reason"] == "Agreed at the meeting."
    document["meeting"]["reference"] = "SD-2026-0200"
    moved = tmp_path / "moved.json"
    moved.write_text(json.dumps(document), "utf-8")
    exchange.import_meeting(ctx, chair, moved)
    again = sharing_log.entries(ctx, "SD-2026-0200")
    assert [(e.change, e.reason) for e in again] == [(SharingChangeKind.CHANGED, ""),
                                                     (SharingChangeKind.LOOSENED, "Agreed at the meeting.")]


# -- every change of terms through the services has its log entry (a property) --------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_ITEMS = ("k1", "k2", "k3", "d1", "a1", "a2")
_TERMS = st.one_of(
    st.just(SharingTerms.undecided()),
    st.builds(SharingTerms.everyone, st.booleans()),
    st.just(SharingTerms.chair_only()),
    st.builds(lambda codes, family: SharingTerms.only(*codes, family=family),
              st.sets(st.sampled_from(["CSC", "POLICE", "HEALTH", "EDU"]), min_size=1), st.booleans()),
).flatmap(lambda t: st.builds(lambda cats: replace(t, categories=frozenset(cats)),
                              st.sets(st.sampled_from(list(RestrictionCategory)), max_size=2)))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from(_ITEMS), _TERMS), min_size=1, max_size=6),
       serial=st.integers(1000, 9999))
def test_every_change_of_terms_through_the_services_has_its_entry(ctx, chair, steps, serial):
    ref = f"SD-2026-{serial}"
    with ctx.unit_of_work() as uow:
        if uow.meetings.exists(ref):
            return
    meetings.create(ctx, chair, template=sample_meeting(ref))
    expected = 0
    for item_id, terms in steps:
        kind, item = sharing.find_item(meetings.get(ctx, chair, ref), item_id)
        before = item.sharing
        sharing.set_terms(ctx, chair, ref, item_id, terms, sharing_reason="Agreed.")
        after = sharing.find_item(meetings.get(ctx, chair, ref), item_id)[1].sharing
        assert after == terms
        changed = before != terms and not (not before.is_decided and not terms.is_decided)
        expected += changed
        log = sharing_log.entries(ctx, ref)
        assert len(log) == expected
        if changed:
            assert log[-1].item_id == item_id and log[-1].after == terms.to_json()
            assert log[-1].before == before.to_json()
    with ctx.unit_of_work() as uow:
        events = [e for e in uow.audit.events() if e.action.startswith("sharing.") and e.object == f"meeting:{ref}"]
    assert len(events) == expected  # each entry is also an audit event
