# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""``MinutesDocument`` -> PDF bytes with ReportLab platypus. No database, no domain objects.

Record text is never parsed as markup (see ``textflow``), so text such as ``<b>``, ``&`` or
``<para>`` prints literally. DejaVu fonts, and the fallback fonts a document's scripts need,
are embedded (subset) from ``resources/fonts`` (see ``fonts`` and ``scripts``). Document information
holds fixed application strings only. With ``invariant`` the same document gives the same bytes.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import partial
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle


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
from .fonts import FONT, FONT_BOLD, FONT_ITALIC, register_fonts
from .textflow import OutlinedBlock, Span, TextBlock, TextStyle

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 30 * mm
MARGIN_TOP_DRAFT = 37 * mm
MARGIN_BOTTOM = 22 * mm
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
# A table cell longer than this may be taller than a page: only then may its row split across
# pages (ReportLab's in-row splitting is slow and can leave a sliver of an empty row).
LONG_CELL = 1500


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

# --- styles -----------------------------------------------------------------------------------


def _style(**kw: Any) -> TextStyle:
    base: dict[str, Any] = {"font": FONT, "size": 9.5, "leading": 13.0, "color": INK}
    base.update(kw)
    return TextStyle(**base)


class _Styles:
    def __init__(self) -> None:
        self.title = _style(font=FONT_BOLD, size=20, leading=25, color=NAVY)
        self.subtitle = _style(size=10.5, leading=14, color=MUTED, space_after=8)
        self.recipient = _style(font=FONT_BOLD, size=11, leading=15, color=NAVY)
        # A later version says what it replaces, right under the title (issue 14).
        self.version_note = _style(font=FONT_BOLD, size=11, leading=15, color=DRAFT_RED, space_after=6)
        self.intro = _style(size=9, leading=12.5, space_before=3)
        self.section = _style(
            font=FONT_BOLD, size=13, leading=17, color=NAVY, space_before=14, keep_with_next=True
        )
        self.sub = _style(
            font=FONT_BOLD, size=10.5, leading=14, color=ACCENT, space_before=9, space_after=3,
            keep_with_next=True,
        )
        self.card_head = _style(
            font=FONT_BOLD, leading=15, background=CARD, padding=2.5, space_before=9,
            space_after=3, keep_with_next=True,
        )
        self.meta = _style(size=8, leading=10.5, color=MUTED, left_indent=4, space_after=2,
                           keep_with_next=True)
        self.item = _style(left_indent=4, space_after=2)
        self.fact = _style(left_indent=4, space_after=2)
        self.bullet = _style(left_indent=16, bullet="\u2022", bullet_indent=7, space_after=1)
        self.cell = _style(size=8.5, leading=11)
        self.cell_label = _style(size=8.5, leading=11, font=FONT_BOLD, color=MUTED)
        self.cell_head = _style(size=8.5, leading=11, font=FONT_BOLD, color=colors.white)
        self.cell_withheld = _style(size=8.5, leading=11, font=FONT_ITALIC, color=MUTED)
        self.withheld = _style(
            font=FONT_ITALIC, size=9, color=MUTED, background=WITHHELD_BG, padding=3,
            space_before=6, space_after=4,
        )
        self.notes = {
            tone: _style(
                size=9,
                color=colors.HexColor(TONES[tone][1]),
                background=None if tone is Tone.NEUTRAL else colors.HexColor(TONES[tone][0]),
                padding=0 if tone is Tone.NEUTRAL else 3,
                space_before=5,
                space_after=5,
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


def _badge_spans(badges: tuple[Badge, ...]) -> list[Span]:
    spans: list[Span] = []
    for badge in badges:
        background, ink = TONES[badge.tone]
        spans.append(Span("  "))
        spans.append(
            Span(badge.text, FONT, _colour(ink), 7.5, badge=_colour(background))
        )
    return spans


_colours: dict[str, colors.Color] = {}


def _colour(hex_value: str) -> colors.Color:
    found = _colours.get(hex_value)
    if found is None:
        found = _colours[hex_value] = colors.HexColor(hex_value)
    return found


def _paragraphs(text: str, style: TextStyle) -> list[Flowable]:
    """Blank lines start a new block, so very long text can break between them."""
    parts = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()] or [""]
    return [TextBlock(p, style) for p in parts]


def _facts(block: Facts, s: _Styles) -> Flowable:
    data = [
        [TextBlock(label, s.cell_label), TextBlock(value, s.cell)] for label, value in block.rows
    ]
    long_value = any(len(value) > LONG_CELL for _, value in block.rows)
    if long_value:
        data = _listed(data)
    table = RLTable(
        data,
        colWidths=[0.3 * TEXT_WIDTH, 0.7 * TEXT_WIDTH],
        splitInRow=1 if long_value else 0,
        hAlign="LEFT",
    )
    table.setStyle(_FACTS_STYLE)
    return table


def _listed(data: list[list[Any]]) -> list[list[Any]]:
    """Cells as lists of flowables: ReportLab splits a row across pages only for list cells."""
    return [[[c] if isinstance(c, Flowable) else c for c in row] for row in data]


_FACTS_STYLE = TableStyle(
    [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ]
)


def _table(block: Table, s: _Styles) -> Flowable:
    widths = [f * TEXT_WIDTH for f in block.widths]
    data: list[list[Any]] = [[TextBlock(c, s.cell_head) for c in block.columns]]
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # for empty cells: never fall back to Helvetica
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
            first = TextBlock(row.cells[0] if row.cells else "", s.cell_withheld)
            data.append([first, TextBlock(row.withheld, s.cell_withheld)] + [""] * (ncols - 2))
            commands.append(("SPAN", (1, r), (-1, r)))
            commands.append(("BACKGROUND", (0, r), (-1, r), WITHHELD_BG))
            continue
        cells: list[Any] = []
        for c, text in enumerate(row.cells):
            if c == block.badge_column and row.badges:
                spans = [Span(text), Span("\n")] + _badge_spans(row.badges)[1:]
                cells.append(TextBlock(spans, s.cell))
            else:
                cells.append(TextBlock(text, s.cell))
        data.append(cells + [""] * (ncols - len(cells)))
        if r % 2 == 0:
            commands.append(("BACKGROUND", (0, r), (-1, r), ZEBRA))
    long_cell = any(len(t) > LONG_CELL for row in block.rows for t in (*row.cells, row.withheld))
    if long_cell:
        data = _listed(data)
    table = RLTable(
        data, colWidths=widths, repeatRows=1, splitInRow=1 if long_cell else 0, hAlign="LEFT"
    )
    table.setStyle(TableStyle(commands))
    return table


def _card(block: ItemCard, s: _Styles) -> list[Flowable]:
    head = [Span(f"{block.number}\u2002{block.title}")] + _badge_spans(block.badges)
    out: list[Flowable] = [TextBlock(head, s.card_head)]
    if block.meta:
        out.append(TextBlock(block.meta, s.meta))
    if block.text:
        out.extend(_paragraphs(block.text, s.item))
    for label, value in block.facts:
        out.append(TextBlock([Span(f"{label}: ", FONT_BOLD), Span(value)], s.fact))
    for label, lines in block.lists:
        out.append(TextBlock([Span(f"{label}:", FONT_BOLD)], s.fact))
        out.extend(TextBlock(line, s.bullet) for line in lines)
    return out


def _block(block: Block, s: _Styles) -> list[Flowable]:
    if isinstance(block, Facts):
        return [_facts(block, s)]
    if isinstance(block, Table):
        return [_table(block, s)]
    if isinstance(block, ItemCard):
        return _card(block, s)
    if isinstance(block, SubHeading):
        return [TextBlock(block.text, s.sub)]
    if isinstance(block, WithheldLine):
        prefix = f"{block.number}\u2002" if block.number else ""
        return [TextBlock(prefix + block.text, s.withheld)]
    if isinstance(block, Note):
        return [TextBlock(block.text, s.notes[block.tone])]
    raise TypeError(f"unknown block {type(block).__name__}")


def _story(doc: MinutesDocument, s: _Styles) -> list[Flowable]:
    intro: list[Flowable] = [TextBlock(doc.header_label, s.recipient)]
    intro.extend(TextBlock(t, s.intro) for t in doc.intro)
    box = RLTable([[intro]], colWidths=[TEXT_WIDTH])
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("BACKGROUND", (0, 0), (-1, -1), CARD),
                ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    story: list[Flowable] = [
        TextBlock(doc.title, s.title),
        TextBlock(doc.subtitle, s.subtitle),
    ]
    if doc.version_note:
        story.append(TextBlock(doc.version_note, s.version_note))
    story.append(box)
    for n, section in enumerate(doc.sections, start=1):
        heading = OutlinedBlock(
            f"{n}.\u2002{section.title}", s.section, f"{n}. {section.title}", f"s{n}"
        )
        rule = _Rule(ACCENT, 1)
        rule.keepWithNext = True  # heading, rule and the first block stay on one page
        story.extend([heading, rule])
        for block in section.blocks:
            story.extend(_block(block, s))
    return story


# --- page furniture ---------------------------------------------------------------------------


class _MinutesCanvas(Canvas):
    """Holds each page until the end so the footer can say "Page X of Y"."""

    def __init__(
        self,
        *args: Any,
        created_at: datetime | None = None,
        page_count: list[int] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._page_bookmarks: list[tuple[str, str]] = []  # (key, outline title) on this page
        self._page_count = page_count if page_count is not None else []
        self.showOutline()
        if created_at is not None:
            self._doc._timeStamp = _timestamp(created_at)

    def defer_bookmark(self, key: str, outline: str) -> None:
        """A section heading on this page: its bookmark is placed when the page is written."""
        self._page_bookmarks.append((key, outline))

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._page_bookmarks = []
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        self._page_count.append(total)
        for state in self._pages:
            self.__dict__.update(state)
            self._page_number(total)
            for key, outline in state["_page_bookmarks"]:
                self.bookmarkPage(key)  # the page being written now: its destination
                self.addOutlineEntry(outline, key, level=0)
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


HEADER_GAP = 6 * mm
HEADER_SIZES = (8.5, 8.0, 7.5, 7.0, 6.5)


def fit_header_label(running: str, label: str, width: float = TEXT_WIDTH) -> tuple[str, float]:
    """The recipient label of the running header and its font size, so that it fits beside
    the running title without overprinting it: a smaller size first, then the label cut with
    an ellipsis (the whole label is on the first page). ``register_fonts`` must have run."""
    room = width - stringWidth(running, FONT, 8) - HEADER_GAP
    for size in HEADER_SIZES:
        if stringWidth(label, FONT_BOLD, size) <= room:
            return label, size
    size = HEADER_SIZES[-1]
    cut = label
    while cut and stringWidth(cut + "…", FONT_BOLD, size) > room:
        cut = cut[:-1]
    return cut.rstrip() + "…", size


def _furniture(doc: MinutesDocument) -> Any:
    running = f"{doc.running_title or w.RUNNING_TITLE} · {doc.reference}"
    marking = doc.classification or w.CLASSIFICATION
    label, label_size = fit_header_label(running, doc.header_label)

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
        canvas.drawCentredString(PAGE_WIDTH / 2, top, marking)
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X, top - 8 * mm, running)
        canvas.setFont(FONT_BOLD, label_size)
        canvas.setFillColor(NAVY)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, top - 8 * mm, label)
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
        canvas.drawCentredString(PAGE_WIDTH / 2, 8 * mm, marking)
        canvas.restoreState()

    return draw


@dataclass(frozen=True)
class RenderedPdf:
    pdf: bytes
    pages: int


def render(
    doc: MinutesDocument, *, invariant: bool = True, created_at: datetime | None = None
) -> bytes:
    """The PDF bytes of ``doc`` (see ``render_pdf``)."""
    return render_pdf(doc, invariant=invariant, created_at=created_at).pdf


def render_pdf(
    doc: MinutesDocument, *, invariant: bool = True, created_at: datetime | None = None
) -> RenderedPdf:
    """The PDF bytes of ``doc`` and its page count.

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
    page_count: list[int] = []
    template.build(
        _story(doc, s),
        canvasmaker=partial(_MinutesCanvas, created_at=created_at, page_count=page_count),
    )
    return RenderedPdf(out.getvalue(), page_count[0] if page_count else 0)


__all__ = ["RenderedPdf", "register_fonts", "render", "render_pdf"]
