# SPDX-License-Identifier: LicenseRef-Proprietary
"""The named checks of Working Together 2023 (issue 15): for each, a meeting that fails it and
one that passes it. The sample meeting (tests/builders.py) meets every check."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from builders import sample_meeting
from strategy_meeting.domain.contribution import Contribution, Topic
from strategy_meeting.domain.decision import Decision, DecisionKind
from strategy_meeting.domain.lawful_basis import LawfulBasis, Regime
from strategy_meeting.domain.meeting import HouseholdMember, Person
from strategy_meeting.domain.sharing_terms import SharingTerms
from strategy_meeting.domain.signoff_checks import (
    CHECK_BY_KIND,
    CHECKS,
    CheckContext,
    CheckKind,
    CheckSettings,
    applicable_checks,
    checks_met,
    signoff_warnings,
)
from strategy_meeting.services.bank_holidays import bank_holidays_around

SIGNING = CheckContext(signing_at=datetime(2026, 11, 20, 12, 0, tzinfo=UTC), signer_names=("achair", "Alex Example"))


def kinds(meeting, context: CheckContext | None = None) -> list[CheckKind]:
    return [w.kind for w in signoff_warnings(meeting, context)]


def test_the_sample_meeting_meets_every_check_even_when_signing() -> None:
    assert signoff_warnings(sample_meeting(), SIGNING) == []
    assert {c.kind for c in checks_met(sample_meeting(), SIGNING)} == {
        c.kind for c in applicable_checks(sample_meeting(), SIGNING)}


def test_every_check_has_its_wording_and_blocking_ones_are_the_threshold_and_the_date() -> None:
    assert all(c.title and c.section for c in CHECKS)
    assert {c.kind for c in CHECKS if c.blocking} == {CheckKind.THRESHOLD_DECISION_MISSING,
                                                       CheckKind.SIGNED_BEFORE_MEETING,
                                                       CheckKind.SHARING_UNDECIDED}


# -- a threshold decision (blocking) ---------------------------------------------------------------

def test_a_meeting_with_only_a_medical_has_no_threshold_decision_and_is_blocked() -> None:
    m = sample_meeting()
    m.decisions = [Decision("d1", DecisionKind.MEDICAL_EXAMINATION, "A medical today.", "Bruising.", None, ["k1"],
                            sharing=SharingTerms.everyone())]
    found = signoff_warnings(m)
    assert [w.kind for w in found] == [CheckKind.THRESHOLD_DECISION_MISSING]
    assert found[0].blocking and "section 47" in found[0].message


@pytest.mark.parametrize("kind", [DecisionKind.SECTION47_SINGLE, DecisionKind.NO_SECTION47_ASSESSMENT,
                                  DecisionKind.NO_FURTHER_ACTION])
def test_any_threshold_decision_with_its_rationale_passes(kind: DecisionKind) -> None:
    m = sample_meeting()
    m.decisions = [Decision("d1", kind, "Decided.", "Reasons given.", True, ["k1"], sharing=SharingTerms.everyone())]
    assert CheckKind.THRESHOLD_DECISION_MISSING not in kinds(m)


def test_a_threshold_decision_without_rationale_does_not_count() -> None:
    m = sample_meeting()
    m.decisions[0].rationale = " "
    assert CheckKind.THRESHOLD_DECISION_MISSING in kinds(m)


# -- the initial child protection conference within 15 working days --------------------------------

def test_an_icpc_47_working_days_away_is_named_with_the_date_it_should_be_by() -> None:
    m = sample_meeting()  # held Friday 20 November 2026
    m.next_steps.icpc_by = date(2027, 1, 27)  # 47 working days later
    holidays = bank_holidays_around(date(2026, 11, 20), "england")
    found = [w for w in signoff_warnings(m, CheckContext(bank_holidays=holidays)) if w.kind is CheckKind.ICPC_DATE]
    # 15 working days after 20 November, Christmas Day and Boxing Day (moved to the 28th) left out.
    assert len(found) == 1 and "It should be by 2026-12-11" in found[0].message


def test_bank_holidays_of_the_meetings_nation_move_the_deadline() -> None:
    m = sample_meeting()
    m.held_at = datetime(2026, 12, 15, 10, 0, tzinfo=UTC)
    m.next_steps.icpc_by = date(2027, 1, 11)
    england = CheckContext(bank_holidays=bank_holidays_around(date(2026, 12, 15), "england"))
    scotland = CheckContext(bank_holidays=bank_holidays_around(date(2026, 12, 15), "scotland"))
    assert CheckKind.ICPC_DATE in kinds(m, england)  # due by 8 January in England and Wales
    # Scotland also keeps 2 January (a Saturday in 2027, so Monday the 4th): due by the 11th.
    assert CheckKind.ICPC_DATE not in kinds(m, scotland)


def test_a_section_47_without_an_icpc_date_warns_and_no_section_47_needs_none() -> None:
    m = sample_meeting()
    m.next_steps.icpc_by = None
    assert CheckKind.ICPC_DATE in kinds(m)
    m.decisions = [Decision("d1", DecisionKind.NO_SECTION47_ASSESSMENT, "CIN.", "Below threshold.", False, ["k1"],
                            sharing=SharingTerms.everyone())]
    assert CheckKind.ICPC_DATE not in kinds(m)


# -- CSC, police and health, each with a decision-maker --------------------------------------------

def test_a_police_representative_without_authority_to_decide_is_a_warning() -> None:
    m = sample_meeting()
    m.participants[1] = replace(m.participants[1], decision_authority=False)
    found = [w for w in signoff_warnings(m) if w.kind is CheckKind.DECISION_MAKER_MISSING]
    assert len(found) == 1 and "police" in found[0].message.lower()


def test_an_absent_statutory_agency_is_one_warning_not_two() -> None:
    m = sample_meeting()
    m.participants = [p for p in m.participants if p.agency != "HEALTH"]
    assert kinds(m) == [CheckKind.STATUTORY_AGENCY_ABSENT]


# -- lawful basis and what decisions relied on -----------------------------------------------------

def test_a_shared_item_with_an_empty_lawful_basis_warns_and_a_chair_only_note_does_not() -> None:
    m = sample_meeting()
    m.contributions[1].sharing = replace(m.contributions[1].sharing, lawful_basis=LawfulBasis(Regime.UNSPECIFIED))
    found = [w for w in signoff_warnings(m) if w.kind is CheckKind.LAWFUL_BASIS_MISSING]
    assert [w.message for w in found] == ["Contribution 2 (from POLICE) is shared without a lawful basis."]
    assert m.contributions[2].sharing == SharingTerms.chair_only() and m.contributions[2].sharing.lawful_basis is None
    # The one lawful basis is in the terms: words with no regime chosen count, none does not.
    m.contributions[1].sharing = replace(m.contributions[1].sharing,
                                         lawful_basis=LawfulBasis(Regime.UNSPECIFIED, "", "Children Act 1989 s.47"))
    assert CheckKind.LAWFUL_BASIS_MISSING not in kinds(m)
    m.contributions[1].sharing = replace(m.contributions[1].sharing, lawful_basis=None)
    assert CheckKind.LAWFUL_BASIS_MISSING in kinds(m)


# -- sharing (issue 14): deny by default, and rationale a copy may not hold ------------------------

def test_an_item_with_no_audience_blocks_sign_off_and_is_named() -> None:
    m = sample_meeting()
    m.contributions[0].sharing = SharingTerms.undecided()
    m.decisions[0].sharing = SharingTerms.undecided()
    m.actions[1].sharing = SharingTerms()  # a new item's terms: nobody has chosen yet
    found = [w for w in signoff_warnings(m) if w.kind is CheckKind.SHARING_UNDECIDED]
    assert all(w.blocking for w in found)
    assert [w.message for w in found] == [
        "Contribution 1 (from EDU) has no audience chosen: choose who may see it before sign-off.",
        "Decision 1 has no audience chosen: choose who may see it before sign-off.",
        "Action 2 (from POLICE) has no audience chosen: choose who may see it before sign-off.",
    ]
    m.contributions[0].sharing = replace(SharingTerms.everyone(), lawful_basis=m.contributions[1].sharing.lawful_basis)
    m.decisions[0].sharing = SharingTerms.everyone()
    m.actions[1].sharing = SharingTerms.only("POLICE")
    assert CheckKind.SHARING_UNDECIDED not in kinds(m)


def test_a_decision_relying_on_an_item_withheld_from_a_copy_warns_until_the_chair_chooses() -> None:
    m = sample_meeting()
    m.decisions[0].wider_rationale = ""  # d1 relied on k2 (CSC and POLICE only)
    found = [w for w in signoff_warnings(m) if w.kind is CheckKind.RATIONALE_NOT_IN_COPY]
    assert not found[0].blocking
    assert [w.message for w in found] == [
        "Decision 1 (Section 47 enquiry (joint with police)) relied on an item withheld from the copy of "
        "HEALTH and EDU: write a rationale for wider sharing, or choose that these copies hold the "
        "decision without one."]
    m.decisions[0].rationale_withheld_agreed = True
    assert CheckKind.RATIONALE_NOT_IN_COPY not in kinds(m)
    m.decisions[0].rationale_withheld_agreed = False
    m.decisions[0].wider_rationale = "Reasonable cause to suspect significant harm."
    assert CheckKind.RATIONALE_NOT_IN_COPY not in kinds(m)
    # A decision only CSC and POLICE receive loses nothing: no copy lacks its rationale.
    m.decisions[0].wider_rationale = ""
    m.decisions[0].sharing = SharingTerms.only("CSC", "POLICE")
    assert CheckKind.RATIONALE_NOT_IN_COPY not in kinds(m)


def test_a_decision_that_names_nothing_it_relied_on_warns() -> None:
    m = sample_meeting()
    m.decisions[0].relied_on = []
    assert kinds(m) == [CheckKind.DECISION_RELIES_ON_NOTHING]


# -- the child's views and the other children ------------------------------------------------------

def test_the_childs_views_recorded_or_why_not() -> None:
    m = sample_meeting()
    m.children[0].views_not_recorded_reason = ""
    assert kinds(m) == [CheckKind.CHILD_VIEWS_MISSING]
    m.contributions.append(Contribution("k4", "CSC", Topic.CHILD_LIVED_EXPERIENCE, "Says home is scary.",
                                        SharingTerms.chair_only()))
    assert kinds(m) == []


def test_each_other_child_in_the_household_is_considered_a_line_per_child() -> None:
    m = sample_meeting()
    m.household += [HouseholdMember("h2", "Sam Fictional", "half-sibling", is_child=True),
                    HouseholdMember("h3", "Kit Fictional", "sibling", is_child=True)]
    found = [w for w in signoff_warnings(m) if w.kind is CheckKind.OTHER_CHILD_NOT_CONSIDERED]
    assert len(found) == 2 and all("Fictional" not in w.message for w in found)
    for member in m.household[1:]:
        member.consideration = "Seen at school; part of the section 47 enquiry."
    assert kinds(m) == []


# -- who signs, and when ---------------------------------------------------------------------------

def test_a_sign_off_dated_before_the_meeting_is_blocked() -> None:
    m = sample_meeting()
    early = replace(SIGNING, signing_at=datetime(2026, 11, 19, 9, 0, tzinfo=UTC))
    found = signoff_warnings(m, early)
    assert [w.kind for w in found] == [CheckKind.SIGNED_BEFORE_MEETING] and found[0].blocking
    assert kinds(m, SIGNING) == []


def test_a_signer_who_is_not_the_recorded_chair_records_why() -> None:
    m = sample_meeting()
    deputy = replace(SIGNING, signer_names=("deputy", "Dana Deputy"))
    assert kinds(m, deputy) == [CheckKind.SIGNER_NOT_CHAIR]
    assert CHECK_BY_KIND[CheckKind.SIGNER_NOT_CHAIR].needs_reason
    assert kinds(m, replace(deputy, signer_reason="The chair is on leave; the deputy manager signs.")) == []


def test_the_chair_taking_the_minutes_is_a_warning() -> None:
    m = sample_meeting()
    m.minute_taker = Person("Alex  Example", "CSC")
    assert kinds(m) == [CheckKind.CHAIR_TOOK_MINUTES]
    m.minute_taker = Person("Pat Scribe", "CSC", "Business support")
    assert kinds(m) == []


# -- local practice: off unless set ----------------------------------------------------------------

def test_local_checks_are_off_by_default_and_named_as_local_when_set() -> None:
    m = sample_meeting()
    late = replace(SIGNING, signing_at=datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
    assert kinds(m, late) == []
    strict = replace(late, settings=CheckSettings(sign_off_within_working_days=1, review_within_days=28))
    found = signoff_warnings(m, strict)
    assert [w.kind for w in found] == [CheckKind.SIGN_OFF_LATE, CheckKind.REVIEW_NOT_SCHEDULED]
    assert all(w.message.startswith("Local practice") for w in found)
    m.next_steps.review_at = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    assert kinds(m, replace(strict, signing_at=SIGNING.signing_at)) == []
