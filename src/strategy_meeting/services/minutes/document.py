# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The minutes as a renderer-neutral document: sections of plain-text blocks.

``assemble`` builds one of these per recipient from that recipient's filtered copy, and
``render`` turns it into PDF bytes. Every string here is plain text (the renderer escapes it),
and a document holds only what its recipient may see, so tests can check a copy for leaks
before any PDF exists.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum


class Tone(StrEnum):
    """How a badge or note is coloured; the renderer maps tones to its palette."""

    NEUTRAL = "neutral"
    SHARED = "shared"  # seen by every agency
    RESTRICTED = "restricted"  # named agencies only
    CHAIR = "chair"  # the chair's record only
    FAMILY_YES = "family_yes"
    FAMILY_NO = "family_no"
    WARNING = "warning"
    OK = "ok"


@dataclass(frozen=True)
class Badge:
    text: str
    tone: Tone = Tone.NEUTRAL


@dataclass(frozen=True)
class Facts:
    """Label and value pairs, shown as a two-column table."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Note:
    text: str
    tone: Tone = Tone.NEUTRAL


@dataclass(frozen=True)
class SubHeading:
    text: str


@dataclass(frozen=True)
class TableRow:
    """One row: its cells, or (``withheld``) one line spanning the row in their place."""

    cells: tuple[str, ...] = ()
    badges: tuple[Badge, ...] = ()  # shown under the text of ``badge_column``
    withheld: str = ""


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[TableRow, ...]
    widths: tuple[float, ...]  # fractions of the text width
    badge_column: int = 1


@dataclass(frozen=True)
class ItemCard:
    """A contribution, decision or addendum: a numbered title, badges, a meta line, its text."""

    number: str
    title: str
    text: str = ""
    meta: str = ""
    badges: tuple[Badge, ...] = ()
    facts: tuple[tuple[str, str], ...] = ()
    lists: tuple[tuple[str, tuple[str, ...]], ...] = ()  # label, bullet lines


@dataclass(frozen=True)
class WithheldLine:
    """Stands where a withheld item was: its number in the record and whose it was."""

    text: str
    number: str = ""


Block = Facts | Note | SubHeading | Table | ItemCard | WithheldLine


@dataclass(frozen=True)
class Section:
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class MinutesDocument:
    """One recipient's minutes, ready to render."""

    reference: str
    recipient_key: str  # "full" or the agency code
    header_label: str  # "Full record" or "Copy for: <name> (<CODE>)"
    draft: bool
    title: str
    subtitle: str
    intro: tuple[str, ...]
    sections: tuple[Section, ...]
    withheld_from: tuple[str, ...] = field(default=())  # one agency code per withheld item
    # Issue 14: "Version 2, replaces version 1 of 21 November 2026" on the first page ("" for a
    # first version); and the family's copy's own marking and running title ("" = the usual).
    version_note: str = ""
    classification: str = ""
    running_title: str = ""

    def texts(self) -> Iterator[str]:
        """Every string the document holds, for leak checks before rendering."""
        yield from (self.reference, self.header_label, self.title, self.subtitle, *self.intro)
        yield from (self.version_note, self.classification, self.running_title)
        for section in self.sections:
            yield section.title
            for block in section.blocks:
                yield from _block_texts(block)


def _block_texts(block: Block) -> Iterator[str]:
    if isinstance(block, Facts):
        for label, value in block.rows:
            yield label
            yield value
    elif isinstance(block, (Note, SubHeading)):
        yield block.text
    elif isinstance(block, WithheldLine):
        yield block.number
        yield block.text
    elif isinstance(block, Table):
        yield from block.columns
        for row in block.rows:
            yield from row.cells
            yield from (b.text for b in row.badges)
            yield row.withheld
    elif isinstance(block, ItemCard):
        yield from (block.number, block.title, block.text, block.meta)
        yield from (b.text for b in block.badges)
        for label, value in block.facts:
            yield label
            yield value
        for label, lines in block.lists:
            yield label
            yield from lines
