# SPDX-License-Identifier: LicenseRef-Proprietary
"""The minutes' bookmarks point to their sections' pages, and the full record's sign-off block
prints the checks met and acknowledged with their reasons (issue 15)."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from minutes_factories import example_meeting, signed_off
from pdf_probe import pdftotext
from strategy_meeting.domain.contribution import Contribution, Topic
from strategy_meeting.domain.meeting import AcknowledgedCheck
from strategy_meeting.domain.sharing import FULL_RECORD, Recipient
from strategy_meeting.domain.sharing_terms import SharingTerms
from strategy_meeting.services.minutes import wording
from strategy_meeting.services.minutes.assemble import assemble
from strategy_meeting.services.minutes.render import render
from strategy_meeting.domain.lawful_basis import LawfulBasis, Regime
from dataclasses import replace


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _long_meeting():
    """Long enough that the sections fall on several pages."""
    m = example_meeting()
    for n in range(12):
        m.contributions.append(Contribution(f"x{n}", "CSC", Topic.HISTORY, "A long history. " * 80,
                                            replace(SharingTerms.everyone(), lawful_basis=LawfulBasis(Regime.UNSPECIFIED, "", "s.47"))))
    return m


def test_every_bookmark_points_to_the_page_that_holds_its_heading():
    for recipient in (FULL_RECORD, Recipient("EDU")):
        reader = PdfReader(io.BytesIO(render(assemble(_long_meeting(), recipient))))
        assert len(reader.pages) > 3
        pages = [_flat(page.extract_text()) for page in reader.pages]
        targets = []
        for item in reader.outline:
            number, title = item.title.split(". ", 1)
            page = reader.get_destination_page_number(item)
            targets.append(page)
            # The heading is "N.<en space>Title"; the page holds it, and the page before does not
            # hold it as a heading (a bookmark to page 1 for every section would fail here).
            assert re.search(rf"{number}\.\s*{re.escape(title)}", pages[page]), (item.title, page)
        assert targets == sorted(targets) and len(set(targets)) > 1


def test_the_full_record_prints_the_checks_met_and_acknowledged_with_their_reasons():
    m = signed_off(example_meeting())
    assert m.sign_off is not None
    m.sign_off.checks_met = ["Every shared item has a lawful basis"]
    m.sign_off.acknowledged = [AcknowledgedCheck("decision_maker_missing", "No police decision-maker.",
                                                 "The DI agreed by phone.")]
    m.sign_off.signer_reason = "The chair is on leave; the deputy signs."
    full = _flat(pdftotext(render(assemble(m, FULL_RECORD))))
    assert wording.SIGNOFF_CHECKS in full
    assert "Every shared item has a lawful basis Met" in full
    assert "No police decision-maker. Not met; acknowledged: The DI agreed by phone." in full
    assert "The chair is on leave; the deputy signs." in full
    edu = _flat(pdftotext(render(assemble(m, Recipient("EDU")))))
    assert wording.SIGNOFF_CHECKS not in edu and "The DI agreed by phone." not in edu
    assert "The chair is on leave; the deputy signs." in edu  # who signed, and why: every copy
