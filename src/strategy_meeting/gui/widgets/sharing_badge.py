# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Coloured badges that make an item's audience obvious at a glance.

Colour is never the only signal: every badge carries its words ("All agencies", "POLICE,
CSC"), so the badge reads the same in greyscale and to a screen reader. The words come from
``domain.sharing`` (who receives the item, the giving agency included), never from the scope
alone: a police item shared with CSC reads "POLICE, CSC", not "Only CSC". The colours are dark
enough for white text to pass WCAG AA contrast.
"""

from __future__ import annotations

import functools

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.domain.sharing import FAMILY, Recipient, may_see, receivers, seen_by
from strategy_meeting.domain.sharing_terms import AudienceScope, SharingTerms

# Custom model role that carries a ``BadgeSubject`` for the badge delegate.
SHARING_ROLE = Qt.ItemDataRole.UserRole + 40

ALL_COLOUR = "#2e7d32"  # green: every agency's copy
NAMED_COLOUR = "#1f5fa8"  # blue: only some agencies' copies
CHAIR_COLOUR = "#b3261e"  # red: the full record only (and the agency that gave it)
UNDECIDED_COLOUR = "#8a4b00"  # amber-brown: nobody has chosen yet, so it goes to nobody
FAMILY_YES_COLOUR = "#00695c"
FAMILY_NO_COLOUR = "#5f6368"


@dataclass(frozen=True)
class Badge:
    text: str
    colour: str
    explanation: str


@dataclass(frozen=True)
class BadgeSubject:
    """What a badge needs to say who receives an item: its terms, the agency that gave or owns
    it (None for the chair's own items) and the meeting's agencies, in order."""

    terms: SharingTerms
    owner: str | None = None
    agencies: tuple[str, ...] = ()

    @property
    def seen_by(self) -> str:
        return seen_by(self.owner, self.terms, list(self.agencies))


def badge_subject(item: object, meeting: Meeting) -> BadgeSubject:
    """The badge's subject for a contribution or action (owned by an agency) or a decision or
    addendum (the chair's own: no owner), within ``meeting``'s agencies."""
    return BadgeSubject(item.sharing, getattr(item, "owner_agency", None) or None,  # type: ignore[attr-defined]
                        tuple(meeting.agency_codes))


def _tr(text: str) -> str:
    return QCoreApplication.translate("SharingBadge", text)


def audience_badge(terms: SharingTerms, owner: str | None = None, agencies: tuple[str, ...] | list[str] = ()) -> Badge:
    """Who receives the item, in the words of ``domain.sharing.seen_by`` (its explanation is
    that sentence): "All agencies" only when every agency's copy holds it, else the agencies
    that do, the giving one first. Remembered per terms, owner and agencies: the delegate asks
    on every paint and size hint of every row."""
    return _audience_badge(terms, owner, tuple(agencies))


@functools.lru_cache(maxsize=2048)
def _audience_badge(terms: SharingTerms, owner: str | None, agencies: tuple[str, ...]) -> Badge:
    sentence = seen_by(owner, terms, list(agencies))
    if not terms.is_decided:
        return Badge(_tr("No audience yet"), UNDECIDED_COLOUR,
                     _tr("{0}. Choose an audience before sign-off.").format(sentence))
    if agencies:
        codes = [r.agency for r in receivers(owner, terms, list(agencies)) if r.agency]
    elif terms.scope is AudienceScope.ALL and not terms.categories:
        return Badge(_tr("All agencies"), ALL_COLOUR, sentence)
    else:  # no meeting agencies known: the named ones, as the rule would let them see it
        codes = sorted(c for c in terms.agencies if may_see(owner, terms, Recipient(c)))
    if owner is not None and may_see(owner, terms, Recipient(owner)):
        codes = [owner, *(c for c in codes if c != owner)]
    if agencies and len(codes) >= len(agencies) and set(agencies) <= set(codes):
        return Badge(_tr("All agencies"), ALL_COLOUR, sentence)
    if not codes:
        return Badge(_tr("Chair's record only"), CHAIR_COLOUR, sentence)
    if codes == [owner]:
        return Badge(_tr("Chair and {0}").format(owner), CHAIR_COLOUR, sentence)
    return Badge(", ".join(codes), NAMED_COLOUR, sentence)


@functools.lru_cache(maxsize=2048)
def family_badge(terms: SharingTerms, owner: str | None = None) -> Badge:
    if may_see(owner, terms, FAMILY):
        return Badge(_tr("Family: yes"), FAMILY_YES_COLOUR, _tr("May be shared with the parents or carers."))
    if terms.family and terms.categories:
        return Badge(_tr("Family: no"), FAMILY_NO_COLOUR,
                     _tr("Marked for the family, but a restriction category keeps it from them."))
    return Badge(_tr("Family: no"), FAMILY_NO_COLOUR, _tr("Must not be shared with the parents or carers."))


def badge_style(badge: Badge) -> str:
    return (
        f"QLabel {{ background: {badge.colour}; color: white; border-radius: 0.6em;"
        " padding: 0.1em 0.6em; font-weight: 600; }"
    )


class BadgeLabel(QLabel):
    """One pill-shaped badge as a label (used in editors and detail panes)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

    def show_badge(self, badge: Badge) -> None:
        self.setText(badge.text)
        self.setToolTip(badge.explanation)
        self.setAccessibleName(_tr("{0}: {1}").format(badge.text, badge.explanation))
        self.setStyleSheet(badge_style(badge))


class SharingBadges(QWidget):
    """The audience badge and the family badge side by side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.audience = BadgeLabel(self)
        self.family = BadgeLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.audience)
        layout.addWidget(self.family)
        layout.addStretch(1)

    def show_terms(self, terms: SharingTerms, owner: str | None = None,
                   agencies: tuple[str, ...] | list[str] = ()) -> None:
        self.audience.show_badge(audience_badge(terms, owner, agencies))
        self.family.show_badge(family_badge(terms, owner))


def _pills(subject: BadgeSubject) -> list[Badge]:
    return [audience_badge(subject.terms, subject.owner, subject.agencies), family_badge(subject.terms, subject.owner)]


class SharingBadgeDelegate(QStyledItemDelegate):
    """Paints the badges for a cell whose ``SHARING_ROLE`` data is a ``BadgeSubject``.

    The model's DisplayRole for the cell stays the plain words, so copying, sorting and
    screen readers get text; only the painting differs.
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        terms = index.data(SHARING_ROLE)
        if not isinstance(terms, BadgeSubject):
            super().paint(painter, option, index)
            return
        painter.save()
        style = option.widget.style() if option.widget else None
        if style is not None:
            # Draw the selection/background without the text.
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            opt.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
        metrics = QFontMetrics(option.font)
        pad = max(2, metrics.height() // 4)
        x = option.rect.x() + pad
        height = metrics.height() + pad
        y = option.rect.y() + (option.rect.height() - height) // 2
        for badge in _pills(terms):
            width = metrics.horizontalAdvance(badge.text) + 2 * metrics.height() // 2
            rect = QRect(x, y, width, height)
            if rect.right() > option.rect.right():
                rect.setRight(option.rect.right() - 1)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(badge.colour))
            painter.drawRoundedRect(rect, height / 2, height / 2)
            painter.setPen(QColor("white"))
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), metrics.elidedText(
                badge.text, Qt.TextElideMode.ElideRight, rect.width() - metrics.height() // 2))
            x = rect.right() + pad * 2
            if x >= option.rect.right():
                break
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        terms = index.data(SHARING_ROLE)
        if not isinstance(terms, BadgeSubject):
            return super().sizeHint(option, index)
        metrics = QFontMetrics(option.font)
        pad = max(2, metrics.height() // 4)
        width = sum(metrics.horizontalAdvance(b.text) + metrics.height() + pad * 2 for b in _pills(terms))
        return QSize(width + pad, metrics.height() + pad * 3)

