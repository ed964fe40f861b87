# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The PDF of a subject access export: the same content as its JSON (the disclosable items,
then the schedule of what was withheld or redacted and on which ground), printed as text.
Metadata holds fixed application strings only: no name reaches the PDF's /Info or XMP."""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

TITLE = "Subject access disclosure"
APP = "Strategy Meeting"


def render_pdf(document: dict[str, Any]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    from ..pdf_fonts import register_fonts

    regular, bold, _ = register_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=13)
    label = ParagraphStyle("label", parent=body, fontName=bold)
    heading = ParagraphStyle("heading", parent=body, fontName=bold, fontSize=14, leading=18, spaceBefore=6,
                             spaceAfter=4)
    sub = ParagraphStyle("sub", parent=heading, fontSize=11, leading=14)

    def para(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), style)

    request = document["request"]
    story: list[Any] = [
        para(TITLE, heading),
        para(f"Request {request['id']}: {request['person']}"),
        para(f"Received {request['received_on']}; due {request['due_on']}"
             + (" (extended)" if request["extended"] else "") + f". Prepared {document['generated_at']}."),
        Spacer(1, 4 * mm),
        para(f"Information held ({len(document['items'])} items)", heading),
    ]
    for item in document["items"]:
        story.append(para(f"{item['meeting']} ({item['held_on'] or 'date not recorded'}): {item['kind']}", sub))
        for field in item["fields"]:
            story.append(Paragraph(f"<b>{escape(field['label'])}:</b> {escape(field['value'])}".replace("\n", "<br/>"),
                                   body))
    story.append(para("Schedule of information withheld or redacted", heading))
    if not document["schedule"]:
        story.append(para("Nothing was withheld or redacted."))
    for entry in document["schedule"]:
        what = "Whole item withheld" if entry["whole_item_withheld"] else "Parts redacted"
        story.append(para(f"{entry['meeting']}: {entry['kind']} ({entry['key']})", label))
        story.append(para(f"{what}. Ground: {entry['ground_label']} ({entry['provision']}). {entry['reason']}"))
    if document["not_included_restricted"]:
        story.append(para("Not included while processing is restricted (UK GDPR Article 18): "
                          + ", ".join(document["not_included_restricted"]) + "."))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, title=TITLE, author=APP, subject=TITLE, creator=APP, producer=APP,
                      keywords=[], invariant=1, lang="en-GB", leftMargin=18 * mm, rightMargin=18 * mm,
                      topMargin=18 * mm, bottomMargin=18 * mm).build(story)
    return out.getvalue()
