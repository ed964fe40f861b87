# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Draw the fillable contribution request form (AcroForm) for one agency of one meeting.

The form holds the meeting reference and, for each subject child, initials and date of
birth only: it travels by e-mail to people outside the app, so it carries no more of the
record than an agency needs to recognise the child. Page text is in DejaVu; form fields use
Helvetica because AcroForm appearance fonts must be one of the standard 14.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from strategy_meeting.domain.agency import Agency
from strategy_meeting.domain.contribution import TOPIC_LABELS, Topic
from strategy_meeting.domain.errors import InvalidInput
from strategy_meeting.domain.meeting import Meeting, SubjectChild

from . import fields as f
from .canvas import (
    ACCENT,
    BOTTOM,
    CONTENT_W,
    INK,
    MARGIN,
    MUTED,
    PAGE_H,
    PANEL,
    FormCanvas,
)


def format_day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def format_when(moment: datetime) -> str:
    return f"{format_day(moment.date())}, {moment:%H:%M}"


def child_line(child: SubjectChild) -> str:
    """Initials and date of birth only: the form leaves the app, the full record does not."""
    initials = ".".join(child.initials) + "." if child.initials else "Child"
    if child.date_of_birth:
        return f"{initials}, born {format_day(child.date_of_birth)}"
    if child.expected_date_of_birth:
        return f"{initials} (unborn), expected {format_day(child.expected_date_of_birth)}"
    return f"{initials}, date of birth not recorded"


def build_request_form(meeting: Meeting, agency_code: str, token: str) -> bytes:
    """The fillable form for ``agency_code``, carrying ``token`` in a hidden read-only field.

    Raises InvalidInput when the agency is not part of the meeting: a form it could never
    return would only confuse.
    """
    agency = meeting.agency(agency_code)
    if agency is None:
        raise InvalidInput(
            f"Agency {agency_code} is not part of meeting {meeting.reference}; "
            "add it to the meeting first, or check the agency code."
        )
    # Drawn twice: the first pass counts the pages for the "Page n of m" footer.
    pages = _render(meeting, agency, token, None)[1]
    return _render(meeting, agency, token, pages)[0]


def _render(meeting: Meeting, agency: Agency, token: str, total_pages: int | None) -> tuple[bytes, int]:
    buffer = io.BytesIO()
    fc = FormCanvas(buffer, meeting.reference, agency.code, total_pages)
    _draw_title_and_request(fc, meeting, agency.code, agency.name)
    _draw_guidance(fc)
    _draw_author(fc)
    _draw_sharing(fc, meeting, agency.code)
    _draw_topics(fc)
    _draw_closing(fc)
    fc.hidden_field(f.FIELD_FORM_VERSION, f.FORM_VERSION)
    fc.hidden_field(f.FIELD_REFERENCE, meeting.reference)
    fc.hidden_field(f.FIELD_AGENCY, agency.code)
    fc.hidden_field(f.FIELD_TOKEN, token)
    pages = fc.page
    fc.canvas.showPage()
    fc.canvas.save()
    return buffer.getvalue(), pages


def _draw_title_and_request(fc: FormCanvas, meeting: Meeting, code: str, name: str) -> None:
    c, st = fc.canvas, fc.styles
    fc.y -= 22
    c.setFont(st.bold, 19)
    c.setFillColor(ACCENT)
    c.drawString(MARGIN, fc.y, "Contribution to a strategy discussion")
    fc.y -= 17
    c.setFont(st.regular, 10)
    c.setFillColor(MUTED)
    c.drawString(MARGIN, fc.y, "Please complete this form and return it to the chair before the meeting.")
    fc.y -= 14

    rows: list[tuple[str, str]] = [("Meeting reference", meeting.reference)]
    if meeting.held_at is not None:
        rows.append(("Meeting date", format_when(meeting.held_at)))
    rows.append(("Requested from", f"{name} ({code})"))
    children = [child_line(ch) for ch in meeting.children] or ["Not recorded"]
    rows.append(("Child" if len(children) == 1 else "Children", "<br/>".join(escape(x) for x in children)))
    if meeting.chair.name:
        rows.append(("Return to", f"{meeting.chair.name}, chair of the meeting, by secure e-mail"))

    label_w = 38 * mm
    value_w = CONTENT_W - label_w - 16
    measured: list[tuple[Paragraph, Paragraph, float]] = []
    for key, value in rows:
        text = value if "<br/>" in value else escape(value)
        k = Paragraph(escape(key), ParagraphStyle("k", parent=st.body, fontName=st.bold, textColor=MUTED))
        v = Paragraph(text, ParagraphStyle("v", parent=st.body, fontSize=10.5, leading=14))
        _, hk = k.wrap(label_w, PAGE_H)
        _, hv = v.wrap(value_w, PAGE_H)
        measured.append((k, v, max(hk, hv)))
    panel_h = sum(h for _, _, h in measured) + 6 * (len(measured) - 1) + 18
    top = fc.y
    c.setFillColor(PANEL)
    c.setStrokeColor(PANEL)
    c.roundRect(MARGIN, top - panel_h, CONTENT_W, panel_h, 4, stroke=0, fill=1)
    c.setFillColor(ACCENT)
    c.rect(MARGIN, top - panel_h, 3, panel_h, stroke=0, fill=1)
    y = top - 9
    for k, v, h in measured:
        k.drawOn(c, MARGIN + 10, y - k.height)
        v.drawOn(c, MARGIN + 10 + label_w, y - v.height)
        y -= h + 6
    fc.y = top - panel_h - 10


def _draw_guidance(fc: FormCanvas) -> None:
    fc.heading("What to share")
    for line in f.GUIDANCE:
        fc.paragraph(f"<bullet>\u2022</bullet>{escape(line)}", fc.styles.bullet, gap=1.5)
    fc.y -= 4


def _draw_author(fc: FormCanvas) -> None:
    fc.heading("About you")
    fc.need(44)
    half = (CONTENT_W - 12) / 2
    fc.label("Your name", MARGIN, fc.y - 9)
    fc.label("Your role", MARGIN + half + 12, fc.y - 9)
    fc.y -= 34
    fc.text_field(f.FIELD_AUTHOR, MARGIN, fc.y, half, 20, tooltip="Your name")
    fc.text_field(f.FIELD_ROLE, MARGIN + half + 12, fc.y, half, 20,
                  tooltip="Your role, e.g. Designated Safeguarding Lead")
    fc.y -= 12


def _draw_sharing(fc: FormCanvas, meeting: Meeting, own_code: str) -> None:
    fc.heading("Who may see what you share")
    st = fc.styles
    fc.paragraph(
        "Your own agency always receives what you share in its copy of the minutes. Choose who "
        "else may see it. If you leave this unanswered, nothing you share goes into any copy "
        "until the chair chooses.",
        st.small, gap=6,
    )
    others = [a for a in meeting.agencies if a.code != own_code]
    options: list[tuple[str, str]] = [
        (f.AUDIENCE_ALL, "All agencies at the meeting"),
        (f.AUDIENCE_AGENCIES, "Only the agencies I tick below"),
        (f.AUDIENCE_CHAIR, "No other agency: the chair's record and my agency only"),
    ]
    for value, text in options:
        fc.need(20)
        baseline = fc.y - 12
        fc.radio(f.FIELD_AUDIENCE, value, MARGIN + 2, baseline - 3, tooltip=text)
        fc.label(text, MARGIN + 22, baseline, size=9.5, bold=False)
        fc.y -= 19
        if value == f.AUDIENCE_AGENCIES and others:
            _draw_agency_ticks(fc, others)
    fc.y -= 6
    fc.need(44)
    fc.label("May it be shared with the child's parents or carers?", MARGIN, fc.y - 10, size=9.5)
    fc.y -= 19
    baseline = fc.y - 12
    x = MARGIN + 2
    for value, text in ((f.FAMILY_YES, "Yes"), (f.FAMILY_NO, "No")):
        fc.radio(f.FIELD_FAMILY, value, x, baseline - 3, tooltip=f"Share with the family: {text}")
        fc.label(text, x + 20, baseline, size=9.5, bold=False)
        x += 72
    fc.y -= 26

    fc.need(70)
    fc.label("Lawful basis for sharing", MARGIN, fc.y - 10, size=9.5)
    fc.y -= 14
    fc.paragraph("Filled in with the usual basis for safeguarding; change it if your agency relies "
                 "on a different one.", st.small, gap=4)
    fc.y -= 30
    fc.text_field(f.FIELD_LAWFUL_BASIS, MARGIN, fc.y, CONTENT_W, 30, tooltip="Lawful basis for sharing",
                  value=f.DEFAULT_LAWFUL_BASIS, max_chars=f.LAWFUL_BASIS_MAX_CHARS, font_size=9,
                  multiline=True)
    fc.y -= 10


def _draw_agency_ticks(fc: FormCanvas, others: list[Agency]) -> None:
    """One tick-box per other agency; two columns when there are many."""
    columns = 1 if len(others) <= 6 else 2
    indent = 22.0
    col_w = (CONTENT_W - indent) / columns
    for i, agency in enumerate(others):
        col = i % columns
        if col == 0:
            fc.need(17)
        baseline = fc.y - 11
        x = MARGIN + indent + col * col_w
        fc.checkbox(f.agency_tick_field(agency.code), x, baseline - 3, tooltip=f"Share with {agency.code}")
        fc.canvas.setFont(fc.styles.regular, 9)
        fc.canvas.setFillColor(INK)
        fc.canvas.drawString(x + 19, baseline, _agency_label(agency, fc.styles.regular, 9, col_w - 26))
        if col == columns - 1 or i == len(others) - 1:
            fc.y -= 17
    fc.y -= 3


def _agency_label(agency: Agency, font: str, size: float, width: float) -> str:
    """'Name (CODE)' when it fits; else 'CODE: Name…', so the code is never the part cut."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    full = f"{agency.name} ({agency.code})"
    if stringWidth(full, font, size) <= width:
        return full
    text = f"{agency.code}: {agency.name}"
    while len(text) > len(agency.code) and stringWidth(text + "\u2026", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "\u2026"


TOPIC_BOX_HEIGHT = 178.0


def _draw_topics(fc: FormCanvas) -> None:
    # A fresh page unless the one in hand still has room for the heading and a first topic.
    if fc.y - BOTTOM < TOPIC_BOX_HEIGHT + 110:
        fc.new_page()
    else:
        fc.y -= 10
    fc.heading("What your agency knows", size=14)
    fc.paragraph(
        "Write under each topic that applies. The boxes scroll: you can write more than they show.",
        fc.styles.small, gap=8,
    )
    for topic in Topic:
        _draw_topic(fc, topic)


def _draw_topic(fc: FormCanvas, topic: Topic) -> None:
    prompt = Paragraph(escape(f.TOPIC_PROMPTS[topic]), fc.styles.small)
    _, prompt_h = prompt.wrap(CONTENT_W, PAGE_H)
    fc.need(14 + prompt_h + 4 + TOPIC_BOX_HEIGHT + 14)
    fc.label(TOPIC_LABELS[topic], MARGIN, fc.y - 11, size=10.5)
    fc.y -= 15
    prompt.drawOn(fc.canvas, MARGIN, fc.y - prompt_h)
    fc.y -= prompt_h + 4 + TOPIC_BOX_HEIGHT
    fc.text_field(f.topic_field(topic), MARGIN, fc.y, CONTENT_W, TOPIC_BOX_HEIGHT,
                  tooltip=TOPIC_LABELS[topic], multiline=True, max_chars=f.TOPIC_MAX_CHARS)
    fc.y -= 14


def _draw_closing(fc: FormCanvas) -> None:
    fc.need(40)
    fc.paragraph(
        "Thank you. Save the form and return it by secure e-mail. Please do not rename, "
        "print or scan it: the chair's system reads the filled-in form directly.",
        fc.styles.small, gap=4,
    )

