# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Coloured badges that make an item's audience obvious at a glance.

Colour is never the only signal: every badge carries its words ("All agencies", "Chair
only"), so the badge reads the same in greyscale and to a screen reader. The colours are dark
enough for white text to pass WCAG AA contrast.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from strategy_meeting.domain.sharing_terms import AudienceScope, SharingTerms

# Custom model role that carries a SharingTerms value for the badge delegate.
SHARING_ROLE = Qt.ItemDataRole.UserRole + 40

ALL_COLOUR = "#2e7d32"  # green: every agency's copy
NAMED_COLOUR = "#1f5fa8"  # blue: only the named agencies' copies
CHAIR_COLOUR = "#b3261e"  # red: the full record only
FAMILY_YES_COLOUR = "#00695c"
FAMILY_NO_COLOUR = "#5f6368"


@dataclass(frozen=True)
class Badge:
    text: str
    colour: str
    explanation: str


def _tr(text: str) -> str:
    return QCoreApplication.translate("SharingBadge", text)


def audience_badge(terms: SharingTerms) -> Badge:
    if terms.scope is AudienceScope.ALL:
        return Badge(_tr("All agencies"), ALL_COLOUR, _tr("Every agency's copy includes this item."))
    if terms.scope is AudienceScope.CHAIR:
        return Badge(_tr("Chair only"), CHAIR_COLOUR, _tr("Only the chair's full record includes this item."))
    names = ", ".join(sorted(terms.agencies))
    return Badge(_tr("Only {0}").format(names), NAMED_COLOUR,
                 _tr("Only the copies for {0} (and the agency that gave or owns it) include this item.").format(names))


def family_badge(terms: SharingTerms) -> Badge:
    if terms.family:
        return Badge(_tr("Family: yes"), FAMILY_YES_COLOUR, _tr("May be shared with the parents or carers."))
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

    def show_terms(self, terms: SharingTerms) -> None:
        self.audience.show_badge(audience_badge(terms))
        self.family.show_badge(family_badge(terms))


def _pills(terms: SharingTerms) -> list[Badge]:
    return [audience_badge(terms), family_badge(terms)]


class SharingBadgeDelegate(QStyledItemDelegate):
    """Paints the badges for a cell whose ``SHARING_ROLE`` data is a SharingTerms value.

    The model's DisplayRole for the cell stays the plain words, so copying, sorting and
    screen readers get text; only the painting differs.
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        terms = index.data(SHARING_ROLE)
        if not isinstance(terms, SharingTerms):
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
        if not isinstance(terms, SharingTerms):
            return super().sizeHint(option, index)
        metrics = QFontMetrics(option.font)
        pad = max(2, metrics.height() // 4)
        width = sum(metrics.horizontalAdvance(b.text) + metrics.height() + pad * 2 for b in _pills(terms))
        return QSize(width + pad, metrics.height() + pad * 3)

