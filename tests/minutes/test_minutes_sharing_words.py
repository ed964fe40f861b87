# SPDX-License-Identifier: LicenseRef-Proprietary
"""The minutes' words about sharing come from the one rule (issue 14): the badges say who
sees an item (a police item shared with CSC never reads "Only CSC", not even in the police's
own copy); a copy that may not hold a decision's rationale says so or holds the wider one;
categories, the police's agreement and caveats stand beside the item where they should; the
full record's annex says what each copy withholds and lists the sharing log."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from builders import sample_meeting
from strategy_meeting.domain.sharing import Recipient
from strategy_meeting.domain.sharing_log import SharingChangeKind, SharingItemKind, SharingLogEntry
from strategy_meeting.domain.sharing_terms import RestrictionCategory, SharingTerms
from strategy_meeting.services.minutes import wording as w
from strategy_meeting.services.minutes.assemble import assemble

SEEN = "Seen by: the chair's record, POLICE (who gave it) and CSC"


def _text(meeting, recipient: Recipient, log=()) -> str:
    return "\n".join(assemble(meeting, recipient, log).texts())


def test_a_police_item_shared_with_csc_reads_the_same_in_every_copy_that_holds_it() -> None:
    m = sample_meeting()  # k2: POLICE, shared with CSC and POLICE
    m.contributions[1].sharing = replace(m.contributions[1].sharing, agencies=frozenset({"CSC"}))
    for recipient in (Recipient(None), Recipient("POLICE"), Recipient("CSC")):
        text = _text(m, recipient)
        assert SEEN in text, recipient
        assert "CSC only" not in text and "Only CSC" not in text


def test_a_copy_that_may_not_see_what_a_decision_relied_on_holds_the_wider_rationale_or_says_so() -> None:
    m = sample_meeting()
    m.decisions[0].rationale = "Reasonable cause: the police history shows ZZQUOTED."
    m.decisions[0].wider_rationale = "Reasonable cause to suspect significant harm."
    assert "ZZQUOTED" in _text(m, Recipient("POLICE"))  # it may see k2, the item relied on
    health = _text(m, Recipient("HEALTH"))
    assert "ZZQUOTED" not in health
    assert f"{w.LABEL_RATIONALE_WIDER}\nReasonable cause to suspect significant harm." in health
    m.decisions[0].wider_rationale = ""
    m.decisions[0].rationale_withheld_agreed = True
    health = _text(m, Recipient("HEALTH"))
    assert "ZZQUOTED" not in health and w.RATIONALE_NOT_IN_COPY in health
    full = _text(m, Recipient(None))
    assert "ZZQUOTED" in full


def test_categories_and_agreement_in_the_full_record_and_the_caveat_wherever_the_item_goes() -> None:
    m = sample_meeting()
    m.contributions[1].sharing = replace(
        m.contributions[1].sharing, categories=frozenset({RestrictionCategory.POLICE_SENSITIVE}),
        caveat="Do not discuss with the family ZZCAVEAT", police_agreement="DI Example ZZAGREED")
    full = _text(m, Recipient(None))
    assert "Police-sensitive" in full and "ZZAGREED" in full and "ZZCAVEAT" in full
    csc = _text(m, Recipient("CSC"))
    assert "ZZCAVEAT" in csc and "ZZAGREED" not in csc and "Police-sensitive" not in csc
    assert "ZZCAVEAT" not in _text(m, Recipient("HEALTH"))


def test_the_full_record_annex_says_what_each_copy_withholds_and_lists_the_log() -> None:
    m = sample_meeting()
    m.decisions[0].wider_rationale = ""
    at = datetime(2026, 11, 20, 11, 0, tzinfo=UTC)
    log = (SharingLogEntry(m.reference, SharingItemKind.CONTRIBUTION, "k1", SharingChangeKind.LOOSENED, at,
                           "chair", SharingTerms.only("CSC").to_json(), SharingTerms.everyone().to_json(),
                           reason="The school asked ZZREASON"),)
    full = _text(m, Recipient(None), log)
    assert w.SECTION_WITHHOLDS in full and w.SECTION_SHARING_LOG in full
    assert "HEALTH\nWithholds 2 contributions, 1 action. D1 is there without a rationale." in full
    assert "The family\nWithholds 3 contributions, 2 actions, 1 decision." in full
    assert "ZZREASON" in full and "Loosened: CSC only -> All agencies" in full
    health = _text(m, Recipient("HEALTH"), log)
    assert w.SECTION_SHARING_LOG not in health and "ZZREASON" not in health


def test_an_undecided_item_is_in_no_copy_but_the_full_record_and_says_so_there() -> None:
    m = sample_meeting()
    m.actions[0].sharing = SharingTerms()
    m.actions[0].description = "Arrange a medical ZZUNDECIDED."
    assert "ZZUNDECIDED" in _text(m, Recipient(None))
    assert "Seen by: nobody yet (no audience chosen)" in _text(m, Recipient(None))
    for code in m.agency_codes:
        assert "ZZUNDECIDED" not in _text(m, Recipient(code))
