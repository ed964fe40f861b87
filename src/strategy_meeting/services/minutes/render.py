# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""``MinutesDocument`` -> PDF bytes with ReportLab platypus. No database, no domain objects.

Every string from the record is escaped before it reaches Paragraph markup, so text such as
``<b>``, ``&`` or ``<para>`` prints literally. DejaVu fonts are embedded (subset) from
``resources/fonts`` so names in Latin, Greek and Cyrillic scripts print. Document information
holds fixed application strings only. With ``invariant`` the same document gives the same bytes.
"""

from __future__ import annotations

import io
import re
import threading
from datetime import datetime, timezone
from functools import partial
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
)
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle

from strategy_meeting import paths

from . import wording as w
from .document import (
    Badge,
    Block,
    Facts,
    ItemCard,
    MinutesDocument,
    Note,
    SubHeading,
    Table,
    Tone,
    WithheldLine,
)

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 30 * mm
MARGIN_TOP_DRAFT = 37 * mm
MARGIN_BOTTOM = 22 * mm
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
# A table cell longer than this may be taller than a page: only then may its row split across
# pages (ReportLab's in-row splitting is slow and can leave a sliver of an empty row).
LONG_CELL = 1500

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_BOLD_ITALIC = "DejaVuSans-BoldOblique"

INK = colors.HexColor("#1b1b1b")
NAVY = colors.HexColor("#1f3864")
ACCENT = colors.HexColor("#2e6da4")
MUTED = colors.HexColor("#595959")
RULE = colors.HexColor("#c8d3e0")
CARD = colors.HexColor("#eef2f7")
ZEBRA = colors.HexColor("#f6f8fb")
DRAFT_RED = colors.HexColor("#b3261e")
WATERMARK = colors.HexColor("#f4dcdc")
WITHHELD_BG = colors.HexColor("#f2f2f2")

# tone -> (background, text) for badges and notes
TONES: dict[Tone, tuple[str, str]] = {
    Tone.NEUTRAL: ("#ececec", "#333333"),
    Tone.SHARED: ("#dff0e3", "#1e5b2c"),
    Tone.RESTRICTED: ("#fdefd3", "#7a4b00"),
    Tone.CHAIR: ("#fbe0df", "#8a1c1c"),
    Tone.FAMILY_YES: ("#e3ecfa", "#1d4f91"),
    Tone.FAMILY_NO: ("#ececec", "#444444"),
    Tone.WARNING: ("#fdebe9", "#8a1c1c"),
    Tone.OK: ("#dff0e3", "#1e5b2c"),
}

_FONT_LOCK = threading.Lock()
_fonts_registered = False


def register_fonts() -> None:
    """Register the DejaVu family once per process: parsing the TTF files is the slow part."""
    global _fonts_registered
    with _FONT_LOCK:
        if _fonts_registered:
            return
        for name, file in (
            (FONT, "DejaVuSans.ttf"),
            (FONT_BOLD, "DejaVuSans-Bold.ttf"),
            (FONT_ITALIC, "DejaVuSans-Oblique.ttf"),
            (FONT_BOLD_ITALIC, "DejaVuSans-BoldOblique.ttf"),
        ):
            pdfmetrics.registerFont(TTFont(name, str(paths.resource("fonts", file))))
        pdfmetrics.registerFontFamily(
            FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
        )
        _fonts_registered = True


# --- escaping ---------------------------------------------------------------------------------

# C0/C1 controls (bar tab and newline), lone surrogates and non-characters cannot be printed and
# some upset the markup parser; they become U+FFFD so the reader sees that something was there.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def markup(text: str) -> str:
    """Plain text -> Paragraph markup that prints exactly that text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _UNPRINTABLE.sub("\ufffd", text)
    return escape(text).replace("\n", "<br/>")


def _badge(badge: Badge) -> str:
    background, ink = TONES[badge.tone]
    return (
        f'<font backColor="{background}" color="{ink}" size="7.5">'
        f"\u00a0{markup(badge.text)}\u00a0</font>"
    )


def _badges(badges: tuple[Badge, ...]) -> str:
    return "\u00a0\u00a0".join(_badge(b) for b in badges)


# --- styles -----------------------------------------------------------------------------------


class _Styles:
    def __init__(self) -> None:
        base = ParagraphStyle(
            "body", fontName=FONT, fontSize=9.5, leading=13, textColor=INK, splitLongWords=1
        )
        self.body = base
        self.title = ParagraphStyle(
            "title", parent=base, fontName=FONT_BOLD, fontSize=20, leading=25, textColor=NAVY
        )
        self.subtitle = ParagraphStyle(
            "subtitle", parent=base, fontSize=10.5, leading=14, textColor=MUTED, spaceAfter=8
        )
        self.recipient = ParagraphStyle(
            "recipient", parent=base, fontName=FONT_BOLD, fontSize=11, leading=15, textColor=NAVY
        )
        self.intro = ParagraphStyle("intro", parent=base, fontSize=9, leading=12.5, spaceBefore=3)
        self.section = ParagraphStyle(
            "section",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=13,
            leading=17,
            textColor=NAVY,
            spaceBefore=14,
            spaceAfter=2,
            keepWithNext=1,
        )
        self.sub = ParagraphStyle(
            "sub",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=10.5,
            leading=14,
            textColor=ACCENT,
            spaceBefore=9,
            spaceAfter=3,
            keepWithNext=1,
        )
        self.card_head = ParagraphStyle(
            "card_head",
            parent=base,
            fontName=FONT_BOLD,
            backColor=CARD,
            borderPadding=(3, 4, 3, 4),
            spaceBefore=9,
            spaceAfter=4,
            leading=14,
            keepWithNext=1,
        )
        self.meta = ParagraphStyle(
            "meta", parent=base, fontSize=8, leading=10.5, textColor=MUTED, leftIndent=4,
            spaceAfter=2, keepWithNext=1,
        )
        self.item = ParagraphStyle("item", parent=base, leftIndent=4, spaceAfter=2)
        self.fact = ParagraphStyle("fact", parent=base, leftIndent=4, spaceAfter=2)
        self.bullet = ParagraphStyle(
            "bullet", parent=base, leftIndent=16, bulletIndent=6, spaceAfter=1
        )
        self.cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11)
        self.cell_label = ParagraphStyle(
            "cell_label", parent=self.cell, fontName=FONT_BOLD, textColor=MUTED
        )
        self.cell_head = ParagraphStyle(
            "cell_head", parent=self.cell, fontName=FONT_BOLD, textColor=colors.white,
            splitLongWords=0,
        )
        self.withheld = ParagraphStyle(
            "withheld",
            parent=base,
            fontName=FONT_ITALIC,
            fontSize=9,
            textColor=MUTED,
            backColor=WITHHELD_BG,
            borderPadding=(3, 4, 3, 4),
            spaceBefore=6,
            spaceAfter=4,
        )
        self.cell_withheld = ParagraphStyle(
            "cell_withheld", parent=self.cell, fontName=FONT_ITALIC, textColor=MUTED
        )
        self.notes = {
            tone: ParagraphStyle(
                f"note_{tone.value}",
                parent=base,
                fontSize=9,
                textColor=colors.HexColor(TONES[tone][1]),
                backColor=None if tone is Tone.NEUTRAL else colors.HexColor(TONES[tone][0]),
                borderPadding=(3, 4, 3, 4),
                spaceBefore=5,
                spaceAfter=5,
            )
            for tone in Tone
        }


_styles: _Styles | None = None


def _get_styles() -> _Styles:
    global _styles
    register_fonts()
    if _styles is None:
        _styles = _Styles()
    return _styles


# --- flowables --------------------------------------------------------------------------------


class _SectionHeading(Paragraph):
    """A numbered section heading that is also a bookmark (fixed wording only)."""

    def __init__(self, number: int, title: str, style: ParagraphStyle) -> None:
        super().__init__(f"{number}.\u2002{markup(title)}", style)
        self._outline = f"{number}. {title}"
        self._key = f"s{number}"

    def draw(self) -> None:
        super().draw()
        self.canv.bookmarkPage(self._key)
        self.canv.addOutlineEntry(self._outline, self._key, level=0)


class _Rule(Flowable):
    def __init__(self, colour: colors.Color = RULE, thickness: float = 0.8) -> None:
        super().__init__()
        self.colour = colour
        self.thickness = thickness

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.thickness + 3

    def draw(self) -> None:
        self.canv.setStrokeColor(self.colour)
        self.canv.setLineWidth(self.thickness)
        self.canv.line(0, 1, self.width, 1)


def _paragraphs(text: str, style: ParagraphStyle) -> list[Flowable]:
    """Blank lines start a new paragraph, so very long text can break between them."""
    parts = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()] or [""]
    return [Paragraph(markup(p), style) for p in parts]


def _facts(block: Facts, s: _Styles) -> Flowable:
    data = [
        [Paragraph(markup(label), s.cell_label), Paragraph(markup(value), s.cell)]
        for label, value in block.rows
    ]
    long_value = any(len(value) > LONG_CELL for _, value in block.rows)
    table = RLTable(
        data,
        colWidths=[0.3 * TEXT_WIDTH, 0.7 * TEXT_WIDTH],
        splitInRow=1 if long_value else 0,
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _table(block: Table, s: _Styles) -> Flowable:
    widths = [f * TEXT_WIDTH for f in block.widths]
    data: list[list[Any]] = [[Paragraph(markup(c), s.cell_head) for c in block.columns]]
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), NAVY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    ncols = len(block.columns)
    for r, row in enumerate(block.rows, start=1):
        if row.withheld:
            first = Paragraph(markup(row.cells[0]) if row.cells else "", s.cell_withheld)
            data.append([first, Paragraph(markup(row.withheld), s.cell_withheld)] + [""] * (ncols - 2))
            commands.append(("SPAN", (1, r), (-1, r)))
            commands.append(("BACKGROUND", (0, r), (-1, r), WITHHELD_BG))
            continue
        cells: list[Any] = []
        for c, text in enumerate(row.cells):
            para = Paragraph(markup(text), s.cell)
            if c == block.badge_column and row.badges:
                cells.append([para, Spacer(1, 2), Paragraph(_badges(row.badges), s.cell)])
            else:
                cells.append(para)
        data.append(cells + [""] * (ncols - len(cells)))
        if r % 2 == 0:
            commands.append(("BACKGROUND", (0, r), (-1, r), ZEBRA))
    long_cell = any(len(t) > LONG_CELL for row in block.rows for t in (*row.cells, row.withheld))
    table = RLTable(
        data, colWidths=widths, repeatRows=1, splitInRow=1 if long_cell else 0, hAlign="LEFT"
    )
    table.setStyle(TableStyle(commands))
    return table


def _card(block: ItemCard, s: _Styles) -> list[Flowable]:
    head = f"{markup(block.number)}\u2002{markup(block.title)}"
    if block.badges:
        head += "\u2003" + _badges(block.badges)
    out: list[Flowable] = [Paragraph(head, s.card_head)]
    if block.meta:
        out.append(Paragraph(markup(block.meta), s.meta))
    if block.text:
        out.extend(_paragraphs(block.text, s.item))
    for label, value in block.facts:
        out.append(Paragraph(f"<b>{markup(label)}:</b> {markup(value)}", s.fact))
    for label, lines in block.lists:
        out.append(Paragraph(f"<b>{markup(label)}:</b>", s.fact))
        out.extend(Paragraph(markup(line), s.bullet, bulletText="\u2022") for line in lines)
    return out


def _block(block: Block, s: _Styles) -> list[Flowable]:
    if isinstance(block, Facts):
        return [_facts(block, s)]
    if isinstance(block, Table):
        return [_table(block, s)]
    if isinstance(block, ItemCard):
        return _card(block, s)
    if isinstance(block, SubHeading):
        return [Paragraph(markup(block.text), s.sub)]
    if isinstance(block, WithheldLine):
        prefix = f"{markup(block.number)}\u2002" if block.number else ""
        return [Paragraph(prefix + markup(block.text), s.withheld)]
    if isinstance(block, Note):
        return [Paragraph(markup(block.text), s.notes[block.tone])]
    raise TypeError(f"unknown block {type(block).__name__}")


def _story(doc: MinutesDocument, s: _Styles) -> list[Flowable]:
    intro: list[Flowable] = [Paragraph(markup(doc.header_label), s.recipient)]
    intro.extend(Paragraph(markup(t), s.intro) for t in doc.intro)
    box = RLTable([[intro]], colWidths=[TEXT_WIDTH])
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), CARD),
                ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    story: list[Flowable] = [
        Paragraph(markup(doc.title), s.title),
        Paragraph(markup(doc.subtitle), s.subtitle),
        box,
    ]
    for n, section in enumerate(doc.sections, start=1):
        story.append(KeepTogether([_SectionHeading(n, section.title, s.section), _Rule(ACCENT, 1)]))
        for block in section.blocks:
            story.extend(_block(block, s))
    return story


# --- page furniture ---------------------------------------------------------------------------


class _MinutesCanvas(Canvas):
    """Holds each page until the end so the footer can say "Page X of Y"."""

    def __init__(self, *args: Any, created_at: datetime | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self.showOutline()
        if created_at is not None:
            self._doc._timeStamp = _timestamp(created_at)

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._page_number(total)
            super().showPage()
        super().save()

    def _page_number(self, total: int) -> None:
        self.saveState()
        self.setFont(FONT, 8)
        self.setFillColor(MUTED)
        self.drawRightString(PAGE_WIDTH - MARGIN_X, 14 * mm, w.page_of(self._pageNumber, total))
        self.restoreState()


def _timestamp(when: datetime) -> TimeStamp:
    """A fixed creation date for the document information (UTC), instead of the wall clock."""
    stamp = TimeStamp(invariant=True)
    utc = when.astimezone(timezone.utc)
    stamp.t = utc.timestamp()
    stamp.lt = utc.timetuple()
    stamp.YMDhms = tuple(utc.timetuple())[:6]
    return stamp


def _furniture(doc: MinutesDocument) -> Any:
    running = f"{w.RUNNING_TITLE} · {doc.reference}"

    def draw(canvas: Canvas, _template: Any) -> None:
        canvas.saveState()
        if doc.draft:
            canvas.setFillColor(WATERMARK)
            canvas.setFont(FONT_BOLD, 130)
            canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
            canvas.rotate(45)
            canvas.drawCentredString(0, -45, w.DRAFT_WATERMARK)
            canvas.rotate(-45)
            canvas.translate(-PAGE_WIDTH / 2, -PAGE_HEIGHT / 2)
        top = PAGE_HEIGHT - 11 * mm
        canvas.setFillColor(INK)
        canvas.setFont(FONT_BOLD, 9.5)
        canvas.drawCentredString(PAGE_WIDTH / 2, top, w.CLASSIFICATION)
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X, top - 8 * mm, running)
        canvas.setFont(FONT_BOLD, 8.5)
        canvas.setFillColor(NAVY)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, top - 8 * mm, doc.header_label)
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN_X, top - 10 * mm, PAGE_WIDTH - MARGIN_X, top - 10 * mm)
        if doc.draft:
            canvas.setFillColor(DRAFT_RED)
            canvas.rect(MARGIN_X, top - 17 * mm, TEXT_WIDTH, 5.5 * mm, stroke=0, fill=1)
            canvas.setFillColor(colors.white)
            canvas.setFont(FONT_BOLD, 8.5)
            canvas.drawCentredString(PAGE_WIDTH / 2, top - 15.3 * mm, w.DRAFT_BANNER)
        canvas.setStrokeColor(RULE)
        canvas.line(MARGIN_X, 18 * mm, PAGE_WIDTH - MARGIN_X, 18 * mm)
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X, 14 * mm, w.footer_reference(doc.reference))
        canvas.setFillColor(INK)
        canvas.setFont(FONT_BOLD, 9.5)
        canvas.drawCentredString(PAGE_WIDTH / 2, 8 * mm, w.CLASSIFICATION)
        canvas.restoreState()

    return draw


def render(
    doc: MinutesDocument, *, invariant: bool = True, created_at: datetime | None = None
) -> bytes:
    """The PDF bytes of ``doc``.

    ``invariant`` fixes everything ReportLab would take from the clock or chance, so the same
    document renders to the same bytes; ``created_at`` then sets the creation date it records.
    """
    s = _get_styles()
    out = io.BytesIO()
    top = MARGIN_TOP_DRAFT if doc.draft else MARGIN_TOP
    template = BaseDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=top,
        bottomMargin=MARGIN_BOTTOM,
        title=w.META_TITLE,
        author=w.META_AUTHOR,
        subject=w.META_SUBJECT,
        creator=w.META_CREATOR,
        producer=w.META_PRODUCER,
        keywords=[],
        invariant=1 if invariant else 0,
        lang="en-GB",
        pageCompression=1,
        initialFontName=FONT,
    )
    frame = Frame(
        MARGIN_X, MARGIN_BOTTOM, TEXT_WIDTH, PAGE_HEIGHT - top - MARGIN_BOTTOM, id="body",
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
    )
    template.addPageTemplates([PageTemplate("page", [frame], onPage=_furniture(doc))])
    template.build(_story(doc, s), canvasmaker=partial(_MinutesCanvas, created_at=created_at))
    return out.getvalue()


__all__ = ["markup", "register_fonts", "render"]
