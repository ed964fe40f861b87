# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Pages made of item lists: each list panel edits one kind of item through the host."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.gui.undo import item_id
from strategy_meeting.gui.widgets.item_list_panel import ItemListPanel
from strategy_meeting.services.meetings import ItemKind

from .base import Section


class ListSection(Section):
    """Stacks one or more panels; ``panels`` maps each item kind to its panel."""

    def __init__(self, host: Any, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.panels: dict[ItemKind, ItemListPanel] = {}
        self.splitter = QSplitter(self)
        self.splitter.setOrientation(self.splitter.orientation().Vertical)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    def add_panel(self, kind: ItemKind, title: str, noun: str, model: Any, tree: bool = False) -> ItemListPanel:
        panel = ItemListPanel(title, noun, model, lambda item, k=kind: item_id(k, item), tree=tree, parent=self)
        panel.addRequested.connect(lambda k=kind: self.host.edit_item(k))
        panel.editRequested.connect(lambda item, k=kind: self.host.edit_item(k, item))
        panel.removeRequested.connect(lambda item, k=kind: self.host.remove_item(k, item))
        panel.moveRequested.connect(lambda item, delta, k=kind: self.host.move_item(k, item, delta))
        self.panels[kind] = panel
        self.splitter.addWidget(panel)
        return panel

    def show_meeting(self, meeting: Meeting) -> None:
        for panel in self.panels.values():
            panel.set_meeting(meeting)

    def clear(self) -> None:
        for panel in self.panels.values():
            panel.model.clear()

    def set_read_only(self, read_only: bool, contributions_allowed: bool = False) -> None:
        for kind, panel in self.panels.items():
            can_add = not read_only or (kind is ItemKind.CONTRIBUTION and contributions_allowed)
            panel.set_read_only(read_only and not can_add, can_add)
