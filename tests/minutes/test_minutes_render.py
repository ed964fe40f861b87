# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""What every rendered copy must show, and how it must behave with awkward text."""

from __future__ import annotations

import re

import pikepdf
import pytest

from minutes_factories import example_meeting, signed_off
from pdf_probe import pdftotext, read_channels
from strategy_meeting.domain.sharing import FULL_RECORD, Recipient
from strategy_meeting.services.minutes import wording
from strategy_meeting.services.minutes.assemble import assemble
from strategy_meeting.services.minutes.render import render, render_pdf

SECTION_ORDER = [
    wording.SECTION_DETAILS,
    wording.SECTION_CHILDREN,
    wording.SECTION_ATTENDANCE,
    wording.SECTION_INFORMATION,
    wording.SECTION_LIVED_EXPERIENCE,
    wording.SECTION_DECISIONS,
    wording.SECTION_DISSENT,
    wording.SECTION_ACTIONS,
    wording.SECTION_PARENTS,
    wording.SECTION_NEXT_STEPS,
    wording.SECTION_SIGN_OFF,
]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_every_page_is_marked_and_numbered_with_its_recipient():
    m = example_meeting()
    doc = assemble(m, Recipient("POLICE"))
    rendered = render_pdf(doc)
    pages = read_channels(rendered.pdf).pages
    assert len(pages) == rendered.pages >= 2
    for n, page in enumerate(pages, start=1):
        assert page.count(wording.CLASSIFICATION) >= 2  # top and bottom
        assert "Copy for: Police Child Abuse Investigation Team (POLICE)" in page
        assert f"Page {n} of {len(pages)}" in page
        assert "Reference SD-2026-0001" in page


def test_draft_says_so_on_every_page_and_signed_off_copy_does_not():
    m = example_meeting()
    draft = read_channels(render(assemble(m, FULL_RECORD))).pages
    assert all(wording.DRAFT_BANNER in p and wording.DRAFT_WATERMARK in p for p in draft)
    assert "Full record" in draft[0]
    final = read_channels(render(assemble(signed_off(m), FULL_RECORD))).pages
    assert not any(wording.DRAFT_BANNER in p for p in final)
    assert wording.SIGNOFF_SIGNED in _flat(" ".join(final))


def test_sections_follow_the_design_order():
    text = _flat(pdftotext(render(assemble(example_meeting(), FULL_RECORD))))
    positions = [text.index(f"{n}. {title}") for n, title in enumerate(SECTION_ORDER, start=1)]
    assert positions == sorted(positions)


def test_withheld_items_leave_a_placeholder_naming_only_the_agency():
    m = example_meeting()
    text = _flat(pdftotext(render(assemble(m, Recipient("EDU")))))
    assert "I2 An item from Police Child Abuse Investigation Team (POLICE) was withheld from this copy." in text
    assert "A2 An action owned by Police Child Abuse Investigation Team (POLICE) was withheld" in text
    assert "An item from Police Child Abuse Investigation Team (POLICE), withheld from this copy" in text
    assert "caution for assault" not in text and "under caution" not in text
    police = _flat(pdftotext(render(assemble(m, Recipient("POLICE")))))
    assert "caution for assault" in police and "An item from" not in police


def test_missing_statutory_agency_is_flagged_in_attendance():
    m = example_meeting()
    m.participants = [p for p in m.participants if p.agency != "HEALTH"]
    text = _flat(pdftotext(render(assemble(m, FULL_RECORD))))
    assert "Statutory agency not present: no one from health attended." in text


@pytest.mark.parametrize(
    "awkward",
    [
        "<b>not bold</b> & <para>still text</para> &amp; <br/>",
        "mark\u200fRTL\u200e and \u202eoverride\u202c end",
        "emoji \U0001f600 here",
        "Ζωή Παπαδοπούλου, Олена Коваленко, Łukasz Żółć, Søren Ærø",
    ],
)
def test_awkward_text_prints_literally(awkward):
    m = example_meeting()
    m.contributions[0].text = awkward
    m.children[0].name = awkward
    pdf = render(assemble(m, FULL_RECORD))
    assert awkward in read_channels(pdf).text  # pypdf: exactly as typed
    # pdftotext wraps right-to-left marks in bidi embeddings of its own; compare without them.
    poppler = re.sub("[\u202a-\u202e\u2066-\u2069]", "", pdftotext(pdf))
    for word in re.sub("[\u202a-\u202e\u2066-\u2069]", "", awkward).split():
        assert word in poppler, word


def test_long_single_word_surnames_stay_whole_in_the_name_columns():
    # Names are what a reader (and a search of the text) looks for; a 19-letter Polish surname
    # was cut after 18 letters in the household and attendance tables.
    m = example_meeting()
    m.household[0].name = "Grzegorz Brzęczyszczykiewicz"
    m.participants[0].name = "Małgorzata Brzęczyszczykiewicz"
    text = pdftotext(render(assemble(m, FULL_RECORD)))
    assert text.count("Brzęczyszczykiewicz") == 2, text


def test_ten_thousand_characters_render_and_round_trip():
    m = example_meeting()
    baseline = pdftotext(render(assemble(m, FULL_RECORD)))
    m.contributions[0].text = "Z" * 10_000
    m.actions[0].description = "Y" * 10_000
    m.decisions[0].rationale = " ".join(["rationale"] * 2_000)
    rendered = render_pdf(assemble(m, FULL_RECORD))
    text = pdftotext(rendered.pdf)
    assert text.count("Z") - baseline.count("Z") == 10_000
    assert text.count("Y") - baseline.count("Y") == 10_000
    assert rendered.pages > 4


def test_control_characters_do_not_break_rendering():
    m = example_meeting()
    m.contributions[0].text = "bell\x07 null\x00 tab\tend \ufffe"
    text = pdftotext(render(assemble(m, FULL_RECORD)))
    assert "bell\ufffd" in text and "tab" in text


def test_metadata_is_fixed_and_holds_no_names():
    m = example_meeting()
    pdf = render(assemble(m, Recipient("EDU")))
    with pikepdf.open(__import__("io").BytesIO(pdf)) as doc:
        info = {str(k): str(v) for k, v in doc.docinfo.items()}
        assert "/Metadata" not in doc.Root
        assert "/AcroForm" not in doc.Root
        assert all("/Annots" not in page for page in doc.pages)
        fonts = {
            str(f.get("/BaseFont"))
            for page in doc.pages
            for f in page.Resources.Font.values()
        }
    assert info["/Title"] == wording.META_TITLE
    assert info["/Author"] == wording.META_AUTHOR
    assert info["/Creator"] == wording.META_CREATOR
    assert info["/Producer"] == wording.META_PRODUCER
    for value in info.values():
        assert "Example" not in value and "Fictional" not in value
    assert all("DejaVuSans" in f for f in fonts), fonts


def test_same_data_gives_the_same_bytes():
    m = example_meeting()
    assert render(assemble(m, Recipient("EDU"))) == render(assemble(example_meeting(), Recipient("EDU")))


def test_changing_only_what_is_withheld_from_an_agency_leaves_its_copy_unchanged():
    m = example_meeting()
    before = render(assemble(m, Recipient("EDU")))
    m.contributions[1].text = "Completely different police intelligence, much longer " * 20
    m.contributions[1].topic = type(m.contributions[1].topic)("risks")
    m.actions[1].description = "Another restricted action"
    assert render(assemble(m, Recipient("EDU"))) == before
    assert render(assemble(m, Recipient("POLICE"))) != render(assemble(example_meeting(), Recipient("POLICE")))


def test_content_fingerprint_is_in_the_full_record_only():
    m = signed_off(example_meeting())
    assert "ab" * 32 in pdftotext(render(assemble(m, FULL_RECORD))).replace("\n", "")
    assert "ab" * 32 not in pdftotext(render(assemble(m, Recipient("EDU")))).replace("\n", "")


def test_outline_holds_section_headings_only():
    pdf = render(assemble(example_meeting(), Recipient("EDU")))
    with pikepdf.open(__import__("io").BytesIO(pdf)) as doc, doc.open_outline() as outline:
        titles = [item.title for item in outline.root]
    assert titles == [f"{n}. {t}" for n, t in enumerate(SECTION_ORDER, start=1)]


def test_a_copy_never_aliases_the_record():
    """copy_of copies items shallowly (their fields are immutable): changing a copy's item
    must still leave the record alone."""
    from strategy_meeting.domain.sharing import copy_of

    m = example_meeting()
    view = copy_of(m, Recipient("POLICE"))
    view.meeting.contributions[0].text = "changed in the copy"
    view.meeting.actions[0].description = "changed in the copy"
    view.meeting.decisions[0].relied_on.append("x")
    view.meeting.decisions[0].dissent.append(None)  # type: ignore[arg-type]
    fresh = example_meeting()
    assert m.contributions == fresh.contributions
    assert m.actions == fresh.actions
    assert m.decisions == fresh.decisions
