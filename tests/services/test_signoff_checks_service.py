# SPDX-License-Identifier: LicenseRef-Proprietary
"""The five meetings of issue 15 that signed off with zero warnings, each now stopped by its
check through the sign-off service on a real store; and what sign-off records of the checks."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from builders import sample_meeting
from strategy_meeting.domain.decision import Decision, DecisionKind
from strategy_meeting.domain.errors import InvalidInput, PermissionDenied, SignOffBlocked, SignOffWarnings
from strategy_meeting.domain.meeting import MeetingStatus
from strategy_meeting.services import meetings, signoff
from strategy_meeting.domain.lawful_basis import LawfulBasis, Regime
from strategy_meeting.domain.sharing_terms import SharingTerms


def _create(ctx, chair, meeting):
    meeting.chair.name = chair.label  # the recorded chair signs unless a test says otherwise
    made, _ = meetings.create(ctx, chair, template=meeting)
    return made.reference


def test_the_complete_meeting_signs_off_with_every_check_met(ctx, chair):
    ref = _create(ctx, chair, sample_meeting())
    assert signoff.warnings(ctx, chair, ref) == []
    done, _ = signoff.sign_off(ctx, chair, ref)
    assert done.sign_off is not None and done.sign_off.acknowledged == []
    assert "Every shared item has a lawful basis" in done.sign_off.checks_met


def test_only_a_medical_and_no_threshold_decision_cannot_be_signed_off_at_all(ctx, chair):
    m = sample_meeting()
    m.decisions = [Decision("d1", DecisionKind.MEDICAL_EXAMINATION, "A medical today.", "Bruising.", None, ["k1"],
                            sharing=SharingTerms.everyone())]
    ref = _create(ctx, chair, m)
    with pytest.raises(SignOffBlocked) as caught:
        signoff.sign_off(ctx, chair, ref, acknowledge_warnings=True, reasons={"*": "We decided."})
    assert "threshold decision" in caught.value.warnings[0]
    assert meetings.get(ctx, chair, ref).status is not MeetingStatus.SIGNED_OFF


def test_an_icpc_47_working_days_away_is_a_warning_naming_the_date(ctx, chair):
    m = sample_meeting()
    m.next_steps.icpc_by = date(2027, 1, 27)
    ref = _create(ctx, chair, m)
    found = signoff.warnings(ctx, chair, ref)
    assert len(found) == 1 and "2026-12-11" in found[0].message


def test_a_police_representative_without_authority_is_a_warning(ctx, chair):
    m = sample_meeting()
    m.participants[1] = replace(m.participants[1], decision_authority=False)
    ref = _create(ctx, chair, m)
    with pytest.raises(SignOffWarnings) as caught:
        signoff.sign_off(ctx, chair, ref)
    assert len(caught.value.warnings) == 1 and "police" in caught.value.warnings[0].lower()
    done, _ = signoff.sign_off(ctx, chair, ref, acknowledge_warnings=True,
                               reasons={"decision_maker_missing": "The DI confirmed the plan by phone."})
    assert done.sign_off is not None
    assert [(a.kind, a.reason) for a in done.sign_off.acknowledged] == [
        ("decision_maker_missing", "The DI confirmed the plan by phone.")]
    again = meetings.get(ctx, chair, ref)  # and it is kept
    assert again.sign_off is not None and again.sign_off.acknowledged == done.sign_off.acknowledged


def test_an_empty_lawful_basis_on_a_shared_item_is_a_warning(ctx, chair):
    m = sample_meeting()
    m.contributions[0].sharing = replace(m.contributions[0].sharing, lawful_basis=LawfulBasis(Regime.UNSPECIFIED, "", "  "))
    ref = _create(ctx, chair, m)
    assert [w.kind.value for w in signoff.warnings(ctx, chair, ref)] == ["lawful_basis_missing"]


def test_a_sign_off_dated_before_the_meeting_is_refused(ctx, chair, clock):
    ref = _create(ctx, chair, sample_meeting())
    clock.now = datetime(2026, 11, 19, 16, 0, tzinfo=UTC)  # the day before it was held
    with pytest.raises(SignOffBlocked):
        signoff.sign_off(ctx, chair, ref, acknowledge_warnings=True)
    assert meetings.get(ctx, chair, ref).sign_off is None


def test_a_signer_who_is_not_the_recorded_chair_gives_the_reason_that_the_minutes_print(ctx, chair):
    m = sample_meeting()
    ref = _create(ctx, chair, m)
    meetings.update_details(ctx, chair, ref, chair=replace(m.chair, name="Chris Absent"))
    found = signoff.warnings(ctx, chair, ref)
    assert [w.kind.value for w in found] == ["signer_not_chair"]
    assert signoff.warnings(ctx, chair, ref, signer_reason="Chair on leave; deputy signs.") == []
    done, _ = signoff.sign_off(ctx, chair, ref, signer_reason="Chair on leave; deputy signs.")
    assert done.sign_off is not None and done.sign_off.signer_reason == "Chair on leave; deputy signs."


def test_acknowledging_the_signer_warning_without_a_reason_is_refused_and_changes_nothing(ctx, chair):
    """Issue 15: 'the signer records why not' is a reason, not a tick. Acknowledging every
    warning, even with a reason for all ('*'), does not sign off a meeting whose recorded chair
    is someone else; the signer's own reason does, and it is what the record keeps."""
    m = sample_meeting()
    ref = _create(ctx, chair, m)
    meetings.update_details(ctx, chair, ref, chair=replace(m.chair, name="Chris Absent"))
    for attempt in ({}, {"reasons": {"*": "Considered."}}, {"signer_reason": "   "}):
        with pytest.raises(SignOffWarnings) as caught:
            signoff.sign_off(ctx, chair, ref, acknowledge_warnings=True, **attempt)
        assert "--signer-reason" in caught.value.message
        assert [w.endswith("[signer_not_chair]") for w in caught.value.warnings] == [True]
        assert meetings.get(ctx, chair, ref).sign_off is None
    done, _ = signoff.sign_off(ctx, chair, ref, acknowledge_warnings=True,
                               reasons={"signer_not_chair": "Chris is on leave; I deputise."})
    assert done.sign_off is not None and done.sign_off.signer_reason == "Chris is on leave; I deputise."
    assert meetings.get(ctx, chair, ref).sign_off.signer_reason == "Chris is on leave; I deputise."


def test_local_checks_are_set_by_an_administrator_only(ctx, chair, admin, clock):
    ref = _create(ctx, chair, sample_meeting())
    with pytest.raises(PermissionDenied):
        signoff.set_check_settings(ctx, chair, sign_off_within_working_days=1, review_within_days=None)
    with pytest.raises(InvalidInput):
        signoff.set_check_settings(ctx, admin, sign_off_within_working_days=-1, review_within_days=None)
    signoff.set_check_settings(ctx, admin, sign_off_within_working_days=1, review_within_days=None)
    clock.now = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    assert [w.kind.value for w in signoff.warnings(ctx, chair, ref)] == ["sign_off_late"]
