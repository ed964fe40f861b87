# SPDX-License-Identifier: LicenseRef-Proprietary
"""The minute-taker (issue 15): drafts and edits the record; cannot sign off, distribute or
export, and cannot change a decision once the chair has confirmed it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from builders import sample_meeting
from strategy_meeting.domain.decision import Decision, DecisionKind, decision_change_refusal
from strategy_meeting.domain.errors import PermissionDenied
from strategy_meeting.domain.meeting import Person
from strategy_meeting.domain.roles import Permission, Role, allowed
from strategy_meeting.domain.signoff_checks import CheckKind
from strategy_meeting.services import meetings, session, signoff, users
from strategy_meeting.services.meetings import ItemKind
from strategy_meeting.domain.sharing_terms import SharingTerms

PASS = "minute taker passphrase 1"


@pytest.fixture
def taker(ctx, admin):
    user, _ = users.add_user(ctx, admin, "pat", Role.MINUTE_TAKER, PASS, display_name="Pat Scribe")
    return user


def test_the_role_drafts_and_edits_but_never_signs_distributes_or_exports():
    for permission in (Permission.CREATE_MEETING, Permission.EDIT_MEETING, Permission.READ_FULL_RECORD):
        assert allowed(Role.MINUTE_TAKER, permission)
    for permission in (Permission.SIGN_OFF, Permission.DISTRIBUTE, Permission.EXPORT, Permission.CONFIRM_DECISIONS,
                       Permission.MANAGE_USERS, Permission.BACKUP):
        assert not allowed(Role.MINUTE_TAKER, permission)


def test_the_decision_rule_in_the_domain():
    d = Decision("d1", DecisionKind.SECTION47_JOINT, "Joint.", "Cause.", True, ["k1"], sharing=SharingTerms.everyone())
    assert decision_change_refusal(False, None, d) == ""
    assert decision_change_refusal(False, d, replace(d, outcome="Changed.")) == ""
    assert "only the chair" in decision_change_refusal(False, replace(d, confirmed=True), d)
    assert "Only the chair" in decision_change_refusal(False, d, replace(d, confirmed=True))
    assert decision_change_refusal(True, replace(d, confirmed=True), None) == ""


def test_a_minute_taker_drafts_the_record_and_the_chair_signs_it_off(ctx, chair, taker):
    template = sample_meeting()
    template.chair = Person(chair.label, "CSC", "Team manager")
    template.minute_taker = Person(taker.label, "CSC", "Business support")
    made, _ = meetings.create(ctx, taker, template=template)
    ref = made.reference
    meetings.put_item(ctx, taker, ref, ItemKind.DECISION,
                      replace(made.decisions[0], outcome="Joint section 47 enquiry, led by CSC."))
    with pytest.raises(PermissionDenied, match="may not sign off"):
        signoff.sign_off(ctx, taker, ref, acknowledge_warnings=True)
    with pytest.raises(PermissionDenied):
        meetings.confirm_decision(ctx, taker, ref, "d1")
    with pytest.raises(PermissionDenied, match="Only the chair may mark"):
        meetings.put_item(ctx, taker, ref, ItemKind.DECISION, replace(made.decisions[0], confirmed=True))

    meetings.confirm_decision(ctx, chair, ref, "d1")
    confirmed = meetings.get(ctx, taker, ref).decisions[0]
    assert confirmed.confirmed
    for call in (lambda: meetings.put_item(ctx, taker, ref, ItemKind.DECISION, replace(confirmed, outcome="No.")),
                 lambda: meetings.remove_item(ctx, taker, ref, ItemKind.DECISION, "d1")):
        with pytest.raises(PermissionDenied, match="only the chair may change"):
            call()
    assert meetings.get(ctx, chair, ref).decisions[0].outcome == "Joint section 47 enquiry, led by CSC."
    meetings.put_item(ctx, taker, ref, ItemKind.DECISION,  # a new, unconfirmed decision is still the taker's
                      Decision("", DecisionKind.MEDICAL_EXAMINATION, "Medical today.", "Bruising.", None, ["k1"],
                               sharing=SharingTerms.everyone()))

    assert signoff.warnings(ctx, chair, ref) == []
    done, _ = signoff.sign_off(ctx, chair, ref)
    assert done.sign_off is not None


def test_the_checklist_warns_when_the_chair_also_took_the_minutes(ctx, chair):
    template = sample_meeting()
    template.chair = Person(chair.label, "CSC")
    template.minute_taker = Person(chair.label, "CSC")
    made, _ = meetings.create(ctx, chair, template=template)
    assert [w.kind for w in signoff.warnings(ctx, chair, made.reference)] == [CheckKind.CHAIR_TOOK_MINUTES]


def test_a_minute_taker_account_unlocks_as_itself(data_dir, taker, ctx):
    ctx.close()
    other, actor = session.open_session(data_dir, PASS, user="pat")
    try:
        assert actor.role is Role.MINUTE_TAKER and actor.label == "Pat Scribe"
    finally:
        other.close()
