# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Each canary reaches exactly the copies its sharing terms allow, by every channel.

Two levels: the assembled document (cheap, many examples) and the rendered PDF, read back by
pypdf text extraction, a scan of every decompressed stream, every string object, and the
document information and XMP (SECURITY-TESTS 15, 17, 18, 19)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from minutes_strategies import GeneratedMeeting, meetings
from pdf_probe import read_channels
from strategy_meeting.domain.sharing import Recipient
from strategy_meeting.services.minutes import wording
from strategy_meeting.services.minutes.assemble import assemble
from strategy_meeting.services.minutes.manifest import copy_file_name
from strategy_meeting.services.minutes.render import render


def _recipients(g: GeneratedMeeting) -> list[Recipient]:
    return [Recipient(None)] + [Recipient(c) for c in g.codes]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(g=meetings(max_items=8))
def test_assembled_copies_hold_exactly_what_their_terms_allow(g: GeneratedMeeting) -> None:
    for recipient in _recipients(g):
        doc = assemble(g.meeting, recipient)
        text = "\n".join(doc.texts())
        for planted in g.secrets:
            assert (planted.canary in text) is (recipient.agency in planted.allowed), (
                recipient, planted
            )
        for mark in g.everywhere:
            assert mark in text
        withheld = sum(1 for p in g.secrets if "LEAK" in p.canary or "ACT" in p.canary
                       if recipient.agency not in p.allowed)
        assert len(doc.withheld_from) == withheld


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(g=meetings(max_items=5))
def test_rendered_copies_leak_nothing_by_any_channel(g: GeneratedMeeting) -> None:
    for recipient in _recipients(g):
        doc = assemble(g.meeting, recipient)
        pdf = render(doc)
        channels = read_channels(pdf)
        name = copy_file_name(g.meeting.reference, recipient.key, draft=doc.draft)
        for planted in g.secrets:
            found = channels.holds(planted.canary)
            allowed = recipient.agency in planted.allowed
            # Page text and the decompressed content streams: present exactly when allowed.
            assert found["text"] is allowed, (recipient, planted.canary, "text")
            assert found["streams"] is allowed, (recipient, planted.canary, "streams")
            # Strings outside streams (outlines, annotations, forms) and metadata: never.
            assert not found["objects"], (recipient, planted.canary, "objects")
            assert not found["metadata"], (recipient, planted.canary, "metadata")
            assert planted.canary not in name
        for mark in g.everywhere:
            assert mark in channels.text
        # Placeholders stand where items were withheld.
        if doc.withheld_from:
            assert "withheld from this copy" in channels.text.replace("\n", " ")
        for page in channels.pages:
            assert wording.CLASSIFICATION in page
            assert doc.header_label in page
