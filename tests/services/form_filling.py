# SPDX-License-Identifier: LicenseRef-Proprietary
"""Fill a request form the way a PDF reader does: write field values and save the file."""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter

from strategy_meeting.domain.contribution import Topic
from strategy_meeting.services.forms import fields as f


def fill_form(pdf: bytes, values: dict[str, str], *, incremental: bool = False) -> bytes:
    """Set text fields to strings and buttons to their state names (``/Yes``, ``/all``)."""
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(reader, incremental=True) if incremental else PdfWriter(clone_from=reader)
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    writer.set_need_appearances_writer(True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def typical_answers(**overrides: str) -> dict[str, str]:
    answers = {
        f.FIELD_AUTHOR: "Taylor Sample",
        f.FIELD_ROLE: "Designated Safeguarding Lead",
        f.topic_field(Topic.CURRENT_CONCERNS): "Bruising seen at 09:10 on 19 November.\nBody map done.",
        f.topic_field(Topic.STRENGTHS): "Grandmother is a protective adult.",
        f.FIELD_AUDIENCE: "/" + f.AUDIENCE_AGENCIES,
        f.agency_tick_field("POLICE"): "/Yes",
        f.agency_tick_field("HEALTH"): "/Yes",
        f.FIELD_FAMILY: "/" + f.FAMILY_NO,
    }
    answers.update(overrides)
    return answers
