# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The family's copy (issue 14, item 4): built from ``copy_of(meeting, FAMILY)``, deny by
default, decisions only in their family wording, and nothing agency-internal."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from strategy_meeting.domain.meeting import Addendum
from strategy_meeting.domain.sharing import FAMILY
from strategy_meeting.domain.sharing_terms import RestrictionCategory, SharingTerms
from strategy_meeting.services.minutes.assemble import assemble
from strategy_meeting.services.minutes.render import render_pdf
from strategy_meeting.services.minutes.render_set import recipients_for

from minutes_factories import example_meeting, signed_off
from pdf_probe import pdftotext


def _family_meeting():
    m = signed_off(example_meeting())
    by_id = {c.id: c for c in m.contributions}
    # k3 (HEALTH) is marked for the family in the example; k1 is for every agency but not the
    # family; k4 is marked for the family but also third-party data (a restriction category).
    by_id["k4"].sharing = SharingTerms.everyone(family=True)
    by_id["k4"].sharing = replace(by_id["k4"].sharing, categories=frozenset({RestrictionCategory.THIRD_PARTY}))
    d1, d2 = m.decisions
    d1.sharing = SharingTerms.everyone(family=True)
    d1.family_wording = "Children's social care will work with you to find out what happened to Robin."
    d2.sharing = SharingTerms.everyone(family=True)  # visible, but no family wording: left out
    m.next_steps.family_next = "A social worker will visit you this week to explain the plan."
    m.next_steps.family_contact = "Sam Carter, social worker, 01632 960123"
    return m


def _texts(doc) -> str:
    return "\n".join(doc.texts())


def test_the_family_copy_holds_only_family_items_in_plain_words_and_nothing_internal():
    m = _family_meeting()
    doc = assemble(m, FAMILY)
    text = _texts(doc)
    by_id = {c.id: c for c in m.contributions}
    assert doc.header_label == "Copy for the family of Robin Fictional"
    assert doc.recipient_key == "family"
    assert by_id["k3"].text in text  # marked for the family
    for kept_out in ("k1", "k2", "k4"):  # not for the family; restricted; in a category
        assert by_id[kept_out].text not in text
    d1, d2 = m.decisions
    assert d1.family_wording in text
    for internal in (d1.rationale, d1.outcome, d2.rationale, d2.outcome):
        assert internal not in text
    assert m.next_steps.family_next in text and m.next_steps.family_contact in text
    # Nothing agency-internal: no withheld lines, badges, lawful bases, dissent, people's roles.
    for word in ("withheld", "Withheld", "Lawful basis", "Dissent", "May be shared", "Not for the family",
                 "Chair's record", "Can decide"):
        assert word not in text, word
    for p in m.participants:
        if p.name != m.chair.name:
            assert p.name not in text
    for child in m.children:
        assert child.address not in text and child.nhs_number not in text


def test_a_decision_not_marked_for_the_family_is_not_in_its_copy_even_with_family_wording():
    m = _family_meeting()
    m.decisions[0].sharing = SharingTerms.everyone(family=False)
    text = _texts(assemble(m, FAMILY))
    assert m.decisions[0].family_wording not in text
    assert "have not been written for this summary" in text


@settings(max_examples=60, deadline=None)
@given(family=st.lists(st.booleans(), min_size=4, max_size=4),
       category=st.lists(st.sampled_from([None, *RestrictionCategory]), min_size=4, max_size=4))
def test_no_item_reaches_the_family_unless_marked_for_it_and_in_no_category(family, category):
    m = signed_off(example_meeting())
    for c, fam, cat in zip(m.contributions, family, category, strict=True):
        c.sharing = SharingTerms(c.sharing.scope, c.sharing.agencies, fam,
                                 frozenset({cat}) if cat is not None else frozenset())
    text = _texts(assemble(m, FAMILY))
    for c, fam, cat in zip(m.contributions, family, category, strict=True):
        assert (c.text in text) == (fam and cat is None)


def test_the_whole_set_ends_with_the_family_copy_and_a_named_set_only_when_asked():
    m = example_meeting()
    assert [r.key for r in recipients_for(m, None)][-1] == "family"
    assert "family" not in [r.key for r in recipients_for(m, ["POLICE"])]
    assert [r.key for r in recipients_for(m, ["POLICE", "family"])] == ["full", "POLICE", "family"]


def test_the_family_copy_pdf_is_headed_for_the_family_and_marked_private():
    m = _family_meeting()
    pdf = render_pdf(assemble(m, FAMILY), invariant=True).pdf
    first = pdftotext(pdf).split("\f")[0]
    assert "Copy for the family of Robin Fictional" in first
    assert "PRIVATE AND CONFIDENTIAL" in first
    assert "OFFICIAL-SENSITIVE" not in first


def test_a_later_version_says_on_its_first_page_what_it_replaces_in_every_copy():
    m = signed_off(example_meeting(), datetime.fromisoformat("2026-11-21T09:00:00+00:00"))
    m.addenda.append(Addendum(1, "The medical is on Monday.", datetime.fromisoformat("2026-11-23T10:00:00+00:00"),
                              "Chair"))
    for recipient in recipients_for(m, None):
        doc = assemble(m, recipient)
        assert doc.version_note == "Version 2, replaces version 1 of 21 November 2026", recipient
    m.addenda.append(Addendum(2, "Moved.", datetime.fromisoformat("2026-11-25T10:00:00+00:00"), "Chair"))
    doc = assemble(m, recipients_for(m, ["POLICE"])[1])
    assert doc.version_note == "Version 3, replaces version 2 of 23 November 2026"
    first = pdftotext(render_pdf(doc, invariant=True).pdf).split("\f")[0]
    assert "Version 3, replaces version 2 of 23 November 2026" in " ".join(first.split())


def test_a_first_version_says_nothing_about_replacing():
    m = signed_off(example_meeting())
    assert assemble(m, recipients_for(m, ["POLICE"])[1]).version_note == ""
