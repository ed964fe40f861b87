# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The drawing surface of the contribution form: page furniture, a top-down cursor, and
the AcroForm widgets in the form's house style. ``contribution_form_pdf`` says what goes
on the pages; this module says how each kind of thing is drawn.
"""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from . import fields as f
from ..pdf_fonts import register_fonts

PAGE_W, PAGE_H = A4
MARGIN = 18 * mm
CONTENT_W = PAGE_W - 2 * MARGIN
TOP = PAGE_H - 16 * mm
BOTTOM = 20 * mm

INK = colors.HexColor("#1B1F24")
ACCENT = colors.HexColor("#1F4E79")
MUTED = colors.HexColor("#55606E")
RULE = colors.HexColor("#C9D2DC")
FIELD_FILL = colors.HexColor("#F2F6FA")
FIELD_BORDER = colors.HexColor("#8A99AB")
PANEL = colors.HexColor("#EEF3F8")
BUTTON = 12.0  # radio and tick-box size, points

FORM_TITLE = "Strategy discussion: contribution form"
MARKING = "OFFICIAL-SENSITIVE when completed"


class FormStyles:
    def __init__(self) -> None:
        regular, bold, italic = register_fonts()
        self.regular, self.bold, self.italic = regular, bold, italic
        self.body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=13, textColor=INK)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=8.5, leading=11.5, textColor=MUTED)
        self.bullet = ParagraphStyle(
            "bullet", parent=self.body, leftIndent=12, bulletIndent=2, bulletColor=ACCENT,
            bulletFontName=bold
        )


class FormCanvas:
    """A canvas with a cursor: draws top-down and starts a new page when space runs out."""

    def __init__(self, buffer: io.BytesIO, reference: str, agency_code: str,
                 total_pages: int | None) -> None:
        self.styles = FormStyles()
        self.canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
        # Fixed metadata: the reference is the only case detail, and no name of anyone.
        self.canvas.setTitle(FORM_TITLE)
        self.canvas.setAuthor("Strategy Meeting")
        self.canvas.setCreator("Strategy Meeting")
        self.canvas.setSubject("Contribution request")
        self.reference = reference
        self.agency_code = agency_code
        self.total_pages = total_pages
        self.page = 1
        self.y = TOP
        self._draw_page_frame()

    # -- page furniture -------------------------------------------------------------------
    def _draw_page_frame(self) -> None:
        c = self.canvas
        c.setFillColor(ACCENT)
        c.rect(0, PAGE_H - 6 * mm, PAGE_W, 6 * mm, stroke=0, fill=1)
        c.setFont(self.styles.bold, 8)
        c.setFillColor(colors.white)
        c.drawRightString(PAGE_W - MARGIN, PAGE_H - 4.1 * mm, MARKING)
        c.drawString(MARGIN, PAGE_H - 4.1 * mm, "Strategy Meeting")
        c.setStrokeColor(RULE)
        c.setLineWidth(0.6)
        c.line(MARGIN, 14 * mm, PAGE_W - MARGIN, 14 * mm)
        c.setFont(self.styles.regular, 8)
        c.setFillColor(MUTED)
        c.drawString(
            MARGIN, 9.5 * mm, f"Contribution form \u00b7 {self.reference} \u00b7 {self.agency_code}"
        )
        of = f" of {self.total_pages}" if self.total_pages else ""
        c.drawRightString(PAGE_W - MARGIN, 9.5 * mm, f"Page {self.page}{of}")
        self.y = TOP

    def new_page(self) -> None:
        self.canvas.showPage()
        self.page += 1
        self._draw_page_frame()

    def need(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self.new_page()

    # -- text -----------------------------------------------------------------------------
    def paragraph(self, text: str, style: ParagraphStyle, width: float = CONTENT_W,
                  x: float = MARGIN, gap: float = 4) -> None:
        para = Paragraph(text, style)
        _, height = para.wrap(width, PAGE_H)
        self.need(height)
        para.drawOn(self.canvas, x, self.y - height)
        self.y -= height + gap

    def heading(self, text: str, size: float = 12, gap: float = 6) -> None:
        self.need(size + 40)
        self.y -= size
        c = self.canvas
        c.setFont(self.styles.bold, size)
        c.setFillColor(ACCENT)
        c.drawString(MARGIN, self.y, text)
        self.y -= 4
        c.setStrokeColor(RULE)
        c.setLineWidth(0.8)
        c.line(MARGIN, self.y, PAGE_W - MARGIN, self.y)
        self.y -= gap

    def label(self, text: str, x: float, y: float, size: float = 9, bold: bool = True) -> None:
        c = self.canvas
        c.setFont(self.styles.bold if bold else self.styles.regular, size)
        c.setFillColor(INK)
        c.drawString(x, y, text)

    # -- fields ---------------------------------------------------------------------------
    def text_field(self, name: str, x: float, y: float, width: float, height: float, *,
                   tooltip: str, value: str = "", multiline: bool = False,
                   max_chars: int = f.SHORT_MAX_CHARS, font_size: float = 10) -> None:
        self.canvas.acroForm.textfield(
            name=name, tooltip=tooltip, value=value, x=x, y=y, width=width, height=height,
            fontName="Helvetica", fontSize=font_size, textColor=INK,
            fillColor=FIELD_FILL, borderColor=FIELD_BORDER, borderWidth=0.8, borderStyle="solid",
            fieldFlags="multiline doNotSpellCheck" if multiline else "doNotSpellCheck",
            maxlen=max_chars, annotationFlags="print",
        )

    def hidden_field(self, name: str, value: str) -> None:
        """A read-only field no reader shows or prints: identifies the form on import."""
        self.canvas.acroForm.textfield(
            name=name, value=value, x=MARGIN, y=4, width=1, height=1, fontName="Helvetica",
            fontSize=1, borderWidth=0, fillColor=None, borderColor=None, textColor=INK,
            fieldFlags="readOnly", annotationFlags="hidden", maxlen=len(value) or None,
        )

    # ReportLab draws round button appearances at size/20 scale (right only at 20 pt), so the
    # ring and the box are drawn on the page and the widgets carry only the mark.
    def radio(self, group: str, value: str, x: float, y: float, tooltip: str) -> None:
        c = self.canvas
        c.setStrokeColor(FIELD_BORDER)
        c.setFillColor(colors.white)
        c.setLineWidth(0.9)
        c.circle(x + BUTTON / 2, y + BUTTON / 2, BUTTON / 2 - 0.45, stroke=1, fill=1)
        inset = 2.5
        self.canvas.acroForm.radio(
            name=group, value=value, selected=False, x=x + inset, y=y + inset,
            size=BUTTON - 2 * inset, tooltip=tooltip, buttonStyle="circle", shape="square",
            borderColor=None, fillColor=None, textColor=ACCENT, borderWidth=0,
            fieldFlags="noToggleToOff radio", annotationFlags="print",
        )

    def checkbox(self, name: str, x: float, y: float, tooltip: str) -> None:
        c = self.canvas
        c.setStrokeColor(FIELD_BORDER)
        c.setFillColor(colors.white)
        c.setLineWidth(0.9)
        c.rect(x, y, BUTTON, BUTTON, stroke=1, fill=1)
        self.canvas.acroForm.checkbox(
            name=name, checked=False, x=x + 1, y=y + 1, size=BUTTON - 2, tooltip=tooltip,
            buttonStyle="check", shape="square", borderColor=None, fillColor=None,
            textColor=ACCENT, borderWidth=0, fieldFlags="", annotationFlags="print",
        )
