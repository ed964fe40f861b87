# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Records governance (issue 16) in the app: retention, legal holds and erasure on one page,
subject access requests on another, each page for the role that answers for it
(domain/roles.py). Every step is a service call through gui/ops; the rules, the refusals and
their words are the services' (services/governance/)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.legal_hold import HoldTarget, LegalHold
from strategy_meeting.domain.retention import CountedFrom, RetentionClass, RetentionStatus
from strategy_meeting.domain.roles import Permission, allowed
from strategy_meeting.domain.subject_access import PersonEntry, SubjectAccessRequest
from strategy_meeting.domain.errors import InvalidInput
from strategy_meeting.gui import ops
from strategy_meeting.gui.widgets.date_edit import OptionalDateEdit
from strategy_meeting.gui.app_state import AppState
from strategy_meeting.gui.dialogs.governance_reason_dialog import ReasonDialog
from strategy_meeting.gui.dialogs.lock_aware import PagesDialog
from strategy_meeting.gui.models.rows import RowsModel, make_view, selected
from strategy_meeting.gui.style import apply_style
from strategy_meeting.services.governance import erasure, holds, retention
from strategy_meeting.services.governance import subject_access as sar


def _date(d: Any) -> str:
    return d.strftime("%d %b %Y") if d else ""


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name)
    return button


def _note(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    if name:
        label.setAccessibleName(name)
    return label


# What each step changed, for every open view (ops announces it): an erased meeting leaves the
# list; a hold or a class changes what the dashboard's governance line says; a request's steps
# change its count of requests open and due.
RECORDS = Changes(meeting_list=True, governance=True)
REQUESTS = Changes(governance=True)


def _erase(ctx, actor, reference: str, reason: str):  # type: ignore[no-untyped-def]
    return erasure.erase(ctx, actor, reference, reason), RECORDS | Changes(actions=True)


def _hold(ctx, actor, reference: str, reason: str):  # type: ignore[no-untyped-def]
    return holds.place_on_meeting(ctx, actor, reference, reason), RECORDS


def _hold_child(ctx, actor, name: str, reason: str):  # type: ignore[no-untyped-def]
    return holds.place_on_child(ctx, actor, name, reason), RECORDS


def _lift(ctx, actor, hold: LegalHold, reason: str):  # type: ignore[no-untyped-def]
    return holds.lift(ctx, actor, reason, hold_id=hold.id), RECORDS


def _define(ctx, actor, name: str, months: int, counted_from: CountedFrom, default: bool):  # type: ignore[no-untyped-def]
    return retention.define_class(ctx, actor, name, months, counted_from, default), RECORDS


class RetentionPage(QWidget):
    """Records past retention (oldest first) with hold and erase, the holds in force, and the
    retention classes."""

    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.state = state
        role = state.actor.role
        self.may_hold = allowed(role, Permission.MANAGE_HOLDS)
        self.may_erase = allowed(role, Permission.ERASE)
        self.may_define = allowed(role, Permission.MANAGE_RETENTION)
        self.reason_dialog: ReasonDialog | None = None
        layout = QVBoxLayout(self)

        due_box = QGroupBox(self.tr("Records past their retention date, oldest first"))
        due_layout = QVBoxLayout(due_box)
        self.due_model: RowsModel[RetentionStatus] = RowsModel([
            (self.tr("Reference"), lambda s: s.reference),
            (self.tr("Meeting"), lambda s: _date(s.held_on)),
            (self.tr("Retention class"), lambda s: s.class_name),
            (self.tr("Kept until"), lambda s: _date(s.retain_until)),
            (self.tr("Legal hold"), lambda s: "; ".join(s.holds) or self.tr("none")),
        ], self)
        self.due_view = make_view(self.due_model, self.tr("Records past their retention date"))
        due_layout.addWidget(self.due_view, 1)
        self.due_note = _note(name=self.tr("Records due"))
        row = QHBoxLayout()
        row.addWidget(self.due_note, 1)
        self.hold_button = _button(self.tr("Place &hold…"), self.tr("Place a legal hold"))
        self.erase_button = _button(self.tr("&Erase…"), self.tr("Erase the selected meeting"))
        if not self.may_erase:
            self.erase_button.setToolTip(self.tr("Only an administrator erases a record."))
        if not self.may_hold:
            self.hold_button.setToolTip(self.tr("Your role does not place legal holds."))
        row.addWidget(self.hold_button)
        row.addWidget(self.erase_button)
        due_layout.addLayout(row)
        layout.addWidget(due_box, 1)

        lower = QHBoxLayout()
        holds_box = QGroupBox(self.tr("Legal holds in force"))
        holds_layout = QVBoxLayout(holds_box)
        self.holds_model: RowsModel[LegalHold] = RowsModel([
            (self.tr("No."), lambda h: str(h.id)),
            (self.tr("On"), lambda h: h.label if h.target is HoldTarget.MEETING else self.tr("child: {0}").format(h.label)),
            (self.tr("Placed"), lambda h: _date(h.placed_at)),
            (self.tr("By"), lambda h: h.placed_by),
        ], self)
        self.holds_view = make_view(self.holds_model, self.tr("Legal holds in force"))
        holds_layout.addWidget(self.holds_view, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.child_hold_button = _button(self.tr("H&old a child…"), self.tr("Hold every meeting of a subject child"))
        self.lift_button = _button(self.tr("&Lift hold…"), self.tr("Lift the selected legal hold"))
        row.addWidget(self.child_hold_button)
        row.addWidget(self.lift_button)
        holds_layout.addLayout(row)
        lower.addWidget(holds_box, 2)

        classes_box = QGroupBox(self.tr("Retention classes"))
        classes_layout = QVBoxLayout(classes_box)
        self.classes_model: RowsModel[RetentionClass] = RowsModel([
            (self.tr("Name"), lambda c: c.name),
            (self.tr("Period"), lambda c: c.period_label),
            (self.tr("Counted from"), lambda c: c.counted_from.label),
            (self.tr("Default"), lambda c: self.tr("default") if c.is_default else ""),
        ], self)
        self.classes_view = make_view(self.classes_model, self.tr("Retention classes"))
        rows = self.classes_view.verticalHeader().defaultSectionSize()
        self.classes_view.setMinimumHeight(4 * rows + self.classes_view.horizontalHeader().sizeHint().height()
                                           + 2 * self.classes_view.frameWidth() + 2)
        classes_layout.addWidget(self.classes_view, 1)
        form = QFormLayout()
        self.class_name = QLineEdit()
        self.class_name.setAccessibleName(self.tr("Class name"))
        self.class_months = QSpinBox()
        self.class_months.setRange(1, retention.MAX_MONTHS)
        self.class_months.setValue(72)
        self.class_months.setSuffix(self.tr(" months"))
        self.class_months.setAccessibleName(self.tr("Retention period in months"))
        self.class_from = QComboBox()
        self.class_from.setAccessibleName(self.tr("Period counted from"))
        for counted in CountedFrom:
            self.class_from.addItem(counted.label, counted.value)
        for text, field in ((self.tr("&Name:"), self.class_name), (self.tr("&Period:"), self.class_months),
                            (self.tr("Counted &from:"), self.class_from)):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        classes_layout.addLayout(form)
        row = QHBoxLayout()
        row.addStretch(1)
        self.define_button = _button(self.tr("&Define class"), self.tr("Define or change a retention class"))
        self.default_button = _button(self.tr("&Make default"), self.tr("Make the selected class the default"))
        self.default_button.setToolTip(self.tr("New meetings take the default class; meetings already made keep "
                                               "theirs."))
        row.addWidget(self.define_button)
        row.addWidget(self.default_button)
        classes_layout.addLayout(row)
        if not self.may_define:
            classes_layout.addWidget(_note(self.tr("Only an administrator defines retention classes."),
                                           self.tr("Who defines classes")))
        lower.addWidget(classes_box, 3)
        layout.addLayout(lower, 1)

        self.hold_button.clicked.connect(self.place_hold)
        self.erase_button.clicked.connect(self.erase)
        self.lift_button.clicked.connect(self.lift_hold)
        self.child_hold_button.clicked.connect(self.place_child_hold)
        self.define_button.clicked.connect(self.define_class)
        self.default_button.clicked.connect(self.make_default)
        for view in (self.due_view, self.holds_view, self.classes_view):
            view.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.class_name.textChanged.connect(lambda _t: self._update())
        self._update()

    # ---- loading ----------------------------------------------------------------------

    def load(self) -> None:
        ctx, actor = self.state.ctx, self.state.actor
        due = ops.run_now(self, lambda: retention.records_due(ctx, actor))
        in_force = ops.run_now(self, lambda: holds.list_holds(ctx, actor))
        classes = ops.run_now(self, lambda: retention.list_classes(ctx, actor))
        self.due_model.set_rows(due or [])
        self.holds_model.set_rows(in_force or [])
        self.classes_model.set_rows(classes or [])
        held = sum(1 for s in due or [] if s.held)
        if not due:
            self.due_note.setText(self.tr("No record is past its retention date."))
        else:
            text = self.tr("{0} records past their date.").format(len(due))
            if held:
                text += " " + self.tr("{0} of them held: a held record cannot be erased.").format(held)
            self.due_note.setText(text)
        self._update()

    def clear(self) -> None:
        for model in (self.due_model, self.holds_model, self.classes_model):
            model.clear()
        self.due_note.clear()
        self.class_name.clear()
        self._update()

    def _update(self) -> None:
        due = selected(self.due_view)
        self.hold_button.setEnabled(self.may_hold)
        self.child_hold_button.setEnabled(self.may_hold)
        self.erase_button.setEnabled(self.may_erase and due is not None)
        self.lift_button.setEnabled(self.may_hold and selected(self.holds_view) is not None)
        self.define_button.setEnabled(self.may_define and bool(self.class_name.text().strip()))
        chosen = selected(self.classes_view)
        self.default_button.setEnabled(self.may_define and chosen is not None and not chosen.is_default)

    def _ask(self, dialog: ReasonDialog, then) -> None:  # type: ignore[no-untyped-def]
        self.reason_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.done_with(then)
        dialog.open()

    # ---- holds and erasure ----------------------------------------------------------------

    def place_hold(self) -> None:
        due = selected(self.due_view)
        self._ask(ReasonDialog(
            self.state, self, title=self.tr("Place a legal hold"), action=self.tr("Place &hold"),
            intro=self.tr("A held meeting cannot be erased until the hold is lifted. Give the reason: the court "
                          "proceedings, review or inquiry it is kept for."),
            reference=due.reference if due is not None else "", reference_editable=True), self._hold_given)

    def _hold_given(self, dialog: ReasonDialog) -> None:
        ctx, actor = self.state.ctx, self.state.actor
        reference, reason = dialog.reference_text, dialog.reason_text
        if ops.run_now(self, lambda: _hold(ctx, actor, reference, reason)) is not None:
            self.load()

    def place_child_hold(self) -> None:
        self._ask(ReasonDialog(
            self.state, self, title=self.tr("Hold a subject child's meetings"), action=self.tr("Place &hold"),
            intro=self.tr("Holds every meeting the child is a subject of, now and later (accents and case do not "
                          "matter in the name). Two children of the same name are told apart on the command line "
                          "(--born)."),
            reference="", reference_editable=True, reference_label=self.tr("Child's &name:")), self._child_hold_given)

    def _child_hold_given(self, dialog: ReasonDialog) -> None:
        ctx, actor = self.state.ctx, self.state.actor
        name, reason = dialog.reference_text, dialog.reason_text
        if ops.run_now(self, lambda: _hold_child(ctx, actor, name, reason)) is not None:
            self.load()

    def lift_hold(self) -> None:
        hold = selected(self.holds_view)
        if hold is None:
            return
        self._ask(ReasonDialog(
            self.state, self, title=self.tr("Lift legal hold {0}").format(hold.id), action=self.tr("&Lift hold"),
            intro=self.tr("Lifting the hold on {0} lets it be erased once its retention date has passed. "
                          "The hold and why it was lifted are kept.").format(hold.label)), lambda d: self._lift(hold, d))

    def _lift(self, hold: LegalHold, dialog: ReasonDialog) -> None:
        ctx, actor, reason = self.state.ctx, self.state.actor, dialog.reason_text
        if ops.run_now(self, lambda: _lift(ctx, actor, hold, reason)) is not None:
            self.load()

    def erase(self) -> None:
        due = selected(self.due_view)
        if due is None or not self.may_erase:
            return
        self._ask(ReasonDialog(
            self.state, self, title=self.tr("Erase {0}").format(due.reference), action=self.tr("&Erase"),
            intro=self.tr("The meeting's content leaves the store for good: its people, items and copies. A "
                          "tombstone stays (reference, dates, class, who erased it and why). Backups made before "
                          "now still hold it until they age out. This cannot be undone."),
            reference=due.reference, confirm=due.reference), lambda d: self._erase(due.reference, d))

    def _erase(self, reference: str, dialog: ReasonDialog) -> None:
        ctx, actor, reason = self.state.ctx, self.state.actor, dialog.reason_text
        self.erase_button.setEnabled(False)
        ops.run_op(self, lambda: _erase(ctx, actor, reference, reason), lambda _t: self._erased(reference),
                   progress=self.tr("Erasing {0} and rebuilding the store…").format(reference),
                   on_error=self._erase_failed)

    def _erased(self, reference: str) -> None:
        self.load()
        self.due_note.setText(self.tr("{0} was erased; its tombstone is kept.").format(reference) + " "
                              + self.due_note.text())

    def _erase_failed(self, exc: BaseException) -> None:
        self._update()
        ops.show_error(self, exc)

    # ---- classes --------------------------------------------------------------------------

    def define_class(self) -> None:
        ctx, actor = self.state.ctx, self.state.actor
        name, months = self.class_name.text(), self.class_months.value()
        counted = CountedFrom(self.class_from.currentData())
        if ops.run_now(self, lambda: _define(ctx, actor, name, months, counted, False)) is not None:
            self.class_name.clear()
            self.load()

    def make_default(self) -> None:
        chosen = selected(self.classes_view)
        if chosen is None:
            return
        ctx, actor = self.state.ctx, self.state.actor
        if ops.run_now(self, lambda: _define(ctx, actor, chosen.name, chosen.period_months, chosen.counted_from,
                                             True)) is not None:
            self.load()


class SubjectAccessPage(QWidget):
    """Open requests; a person found by name (several matches listed to choose from); their
    request's dates; the items about them with their disclosure state; exemptions; export."""

    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.state = state
        self.person: PersonEntry | None = None
        self.request: SubjectAccessRequest | None = None
        self.reason_dialog: ReasonDialog | None = None
        self.last_export: sar.SubjectAccessExport | None = None
        layout = QVBoxLayout(self)

        requests_box = QGroupBox(self.tr("Open requests"))
        requests_layout = QVBoxLayout(requests_box)
        self.requests_model: RowsModel[SubjectAccessRequest] = RowsModel([
            (self.tr("No."), lambda r: str(r.id)),
            (self.tr("About"), lambda r: r.person_name),
            (self.tr("Received"), lambda r: _date(r.received_on)),
            (self.tr("Due"), lambda r: _date(r.due_on)),
            (self.tr("State"), self._request_state),
        ], self)
        # Choosing a request shows its person; a reload keeps the person on show (the first
        # request is shown only when nobody is).
        self.requests_view = make_view(self.requests_model, self.tr("Open subject access requests"),
                                       select_first=False)
        self._syncing = False
        requests_layout.addWidget(self.requests_view)
        layout.addWidget(requests_box, 2)

        person_box = QGroupBox(self.tr("Person"))
        form = QFormLayout(person_box)
        self.query = QLineEdit()
        self.query.setAccessibleName(self.tr("Name to find"))
        self.query.setPlaceholderText(self.tr("Full or part name; accents and case do not matter"))
        self.find_button = _button(self.tr("&Find"), self.tr("Find the person"))
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.find_button)
        label = QLabel(self.tr("&Name:"))
        label.setBuddy(self.query)
        form.addRow(label, row)
        self.matches = QComboBox()
        self.matches.setAccessibleName(self.tr("People matching the name"))
        self.matches.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.matches.setMinimumContentsLength(40)
        label = QLabel(self.tr("&Person:"))
        label.setBuddy(self.matches)
        form.addRow(label, self.matches)
        self.request_note = _note(name=self.tr("The person's request"))
        form.addRow(self.tr("Request:"), self.request_note)
        self.received = OptionalDateEdit()  # the app's one date field
        self.received.set_field("subject_access.received")
        self.received.setAccessibleName(self.tr("Date the request was received"))
        self.open_button = _button(self.tr("&Open request"), self.tr("Open a request received on this date"))
        self.extend_button = _button(self.tr("E&xtend…"), self.tr("Extend the request by two months"))
        self.close_button = _button(self.tr("C&lose request"), self.tr("Close the request"))
        row = QHBoxLayout()
        row.addWidget(self.received)
        row.addWidget(self.open_button)
        row.addStretch(1)
        row.addWidget(self.extend_button)
        row.addWidget(self.close_button)
        label = QLabel(self.tr("Recei&ved:"))
        label.setBuddy(self.received)
        form.addRow(label, row)
        layout.addWidget(person_box)

        items_box = QGroupBox(self.tr("Items about this person"))
        items_layout = QVBoxLayout(items_box)
        self.items_model: RowsModel[sar.ItemReview] = RowsModel([
            (self.tr("Meeting"), lambda i: i.meeting_reference),
            (self.tr("Item"), lambda i: i.key.removeprefix(i.meeting_reference + "/")),
            (self.tr("Disclosure"), lambda i: i.state),
        ], self)
        self.items_view = make_view(self.items_model, self.tr("Items about the person"))
        items_layout.addWidget(self.items_view, 1)
        row = QHBoxLayout()
        self.export_note = _note(name=self.tr("Export"))
        self.export_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.export_note, 1)
        self.exempt_button = _button(self.tr("&Mark exemption…"), self.tr("Withhold the selected item on a ground"))
        self.export_button = _button(self.tr("&Export…"), self.tr("Export the disclosure as PDF and JSON"))
        row.addWidget(self.exempt_button)
        row.addWidget(self.export_button)
        items_layout.addLayout(row)
        layout.addWidget(items_box, 3)

        self.find_button.clicked.connect(self.find)
        self.query.returnPressed.connect(self.find)
        self.matches.activated.connect(lambda _i: self._choose())
        self.requests_view.selectionModel().selectionChanged.connect(lambda *_: self._request_chosen())
        self.open_button.clicked.connect(self.open_request)
        self.extend_button.clicked.connect(self.extend)
        self.close_button.clicked.connect(self.close_request)
        self.exempt_button.clicked.connect(self.mark_exemption)
        self.export_button.clicked.connect(self.export)
        self.items_view.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.query.textChanged.connect(lambda _t: self._update())
        self._update()

    def _request_state(self, r: SubjectAccessRequest) -> str:
        parts = []
        if self._today is not None and r.is_overdue(self._today):
            parts.append(self.tr("OVERDUE"))
        if r.extended:
            parts.append(self.tr("extended: {0}").format(r.extension_reason))
        if r.exported_at is not None:
            parts.append(self.tr("exported {0}").format(_date(r.exported_at)))
        return "; ".join(parts) or self.tr("open")

    _today = None

    # ---- loading ----------------------------------------------------------------------

    def load(self) -> None:
        ctx, actor = self.state.ctx, self.state.actor
        self._today = ctx.today()
        if self.received.value() is None:
            self.received.setValue(self._today)
        self.requests_model.set_rows(ops.run_now(self, lambda: sar.list_requests(ctx, actor)) or [])
        if self.person is not None:
            self._load_person()
        elif self.requests_model.rows:
            self.requests_view.selectRow(0)  # nobody on show yet: the first open request's person
        self._update()

    def clear(self) -> None:
        self.person = self.request = None
        self.last_export = None
        for model in (self.requests_model, self.items_model):
            model.clear()
        self.query.clear()
        self.matches.clear()
        for note in (self.request_note, self.export_note):
            note.clear()
        self._update()

    def _update(self) -> None:
        has_person = self.person is not None
        self.find_button.setEnabled(bool(self.query.text().strip()))
        self.matches.setEnabled(self.matches.count() > 1)
        self.open_button.setEnabled(has_person and self.request is None)
        self.received.setEnabled(has_person and self.request is None)
        self.extend_button.setEnabled(self.request is not None and not self.request.extended)
        self.close_button.setEnabled(self.request is not None)
        self.exempt_button.setEnabled(self.request is not None and selected(self.items_view) is not None)
        self.export_button.setEnabled(has_person)

    # ---- the person ---------------------------------------------------------------------

    def find(self) -> None:
        query = self.query.text().strip()
        if not query:
            return
        ctx, actor = self.state.ctx, self.state.actor
        found = ops.run_now(self, lambda: sar.candidates(ctx, actor, query))
        self.matches.clear()
        self.person = None
        if not found:
            self._load_person()
            return
        for person in found:
            self.matches.addItem(person.describe(), person)
        if len(found) == 1:
            self._choose()
        else:
            self.request = None
            self.items_model.clear()
            self._show_request_row()
            self.request_note.setText(self.tr("{0} people match: choose one under Person.").format(len(found)))
            self._update()
            self.matches.setFocus()
            if self.isVisible():
                self.matches.showPopup()

    def _choose(self) -> None:
        person = self.matches.currentData()
        if isinstance(person, PersonEntry):
            self.person = person
            self.export_note.clear()
            self._load_person()

    def choose(self, name: str) -> None:
        """Pick the match whose name is ``name`` (as a user picks it from the list)."""
        for i in range(self.matches.count()):
            if self.matches.itemData(i).name == name:
                self.matches.setCurrentIndex(i)
                self._choose()
                return

    def _request_chosen(self) -> None:
        request = selected(self.requests_view)
        if self._syncing or request is None or (self.request is not None and self.request.id == request.id):
            return
        self.query.setText(request.person_name)
        self.find()

    def _load_person(self) -> None:
        ctx, actor = self.state.ctx, self.state.actor
        self.request = None
        self.items_model.clear()
        if self.person is None:
            self.request_note.clear()
            self._update()
            return
        name = self.person.name
        self.request = ops.run_now(self, lambda: sar.open_request_about(ctx, actor, name))
        if self.request is None:
            self.request_note.setText(self.tr("No open request about {0}: give the date it was received and open "
                                              "one (an export opens one received today).").format(name))
        else:
            r = self.request
            text = self.tr("Request {0}, received {1}, due {2}.").format(r.id, _date(r.received_on), _date(r.due_on))
            if r.is_overdue(ctx.today()):
                text += " " + self.tr("OVERDUE.")
            if r.extended:
                text += " " + self.tr("Extended by two months: {0}").format(r.extension_reason)
            else:
                text += " " + self.tr("It may be extended once, by two months, with a reason.")
            self.request_note.setText(text)
            request_id = r.id
            self.items_model.set_rows(ops.run_now(self, lambda: sar.review(ctx, actor, request_id)) or [])
        self._show_request_row()
        self._update()

    def _show_request_row(self) -> None:
        """The person's request chosen in the list (none when they have none)."""
        self._syncing = True
        try:
            ids = [r.id for r in self.requests_model.rows]
            if self.request is not None and self.request.id in ids:
                self.requests_view.selectRow(ids.index(self.request.id))
            else:
                self.requests_view.clearSelection()
        finally:
            self._syncing = False

    # ---- the request ----------------------------------------------------------------------

    def open_request(self) -> None:
        if self.person is None:
            return
        ctx, actor, name = self.state.ctx, self.state.actor, self.person.name
        received = self.received.value()
        if self.received.problem() or received is None:  # a typed date it cannot take: say so
            ops.show_error(self, InvalidInput(self.received.problem()
                                              or self.tr("Type the date the request was received.")))
            return
        if ops.run_now(self, lambda: (sar.open_request(ctx, actor, name, received), REQUESTS)) is not None:
            self.load()

    def _ask(self, dialog: ReasonDialog, then) -> None:  # type: ignore[no-untyped-def]
        self.reason_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.done_with(then)
        dialog.open()

    def extend(self) -> None:
        if self.request is None:
            return
        request_id = self.request.id
        self._ask(ReasonDialog(
            self.state, self, title=self.tr("Extend request {0}").format(request_id), action=self.tr("E&xtend"),
            intro=self.tr("The request will be due three months from receipt instead of one (UK GDPR Article "
                          "12(3)): allowed once, for a complex request or several. Tell the requester within the "
                          "first month, with the reason.")), lambda d: self._extend(request_id, d))

    def _extend(self, request_id: int, dialog: ReasonDialog) -> None:
        ctx, actor, reason = self.state.ctx, self.state.actor, dialog.reason_text
        if ops.run_now(self, lambda: (sar.extend(ctx, actor, request_id, reason), REQUESTS)) is not None:
            self.load()

    def close_request(self) -> None:
        if self.request is None:
            return
        ctx, actor, request_id = self.state.ctx, self.state.actor, self.request.id
        ops.run_now(self, lambda: (sar.close(ctx, actor, request_id), REQUESTS))
        self.load()

    def mark_exemption(self) -> None:
        item = selected(self.items_view)
        if item is None or self.request is None:
            return
        request_id = self.request.id
        self._ask(ReasonDialog(
            self.state, self, title=self.tr("Withhold {0}").format(item.key), action=self.tr("&Withhold"),
            intro=self.tr("The item is left out of the export and listed in its schedule with the ground and your "
                          "reason, never its content."), grounds=True),
            lambda d: self._exempt(request_id, item.key, d))

    def _exempt(self, request_id: int, key: str, dialog: ReasonDialog) -> None:
        ctx, actor = self.state.ctx, self.state.actor
        ground, reason = dialog.chosen_ground, dialog.reason_text
        if ops.run_now(self, lambda: sar.mark_exemption(ctx, actor, request_id, key, ground, reason)) is not None:
            self._load_person()

    def choose_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self, self.tr("Folder for the subject access export"))

    def export(self) -> None:
        if self.person is None:
            return
        folder = self.choose_folder()
        if not folder:
            return
        ctx, actor, name = self.state.ctx, self.state.actor, self.person.name
        self.export_button.setEnabled(False)
        ops.run_op(self, lambda: (sar.export(ctx, actor, name, Path(folder)), REQUESTS), self._exported,
                   progress=self.tr("Writing the subject access export…"), on_error=self._export_failed)

    def _exported(self, result: sar.SubjectAccessExport) -> None:
        self.last_export = result
        text = self.tr("Written {0} and {1} in {2}: {3} items disclosed, {4} withheld, {5} with redactions.").format(
            result.pdf_path.name, result.json_path.name, result.pdf_path.parent, result.disclosed, result.withheld,
            result.redacted)
        if result.not_included_restricted:
            text += " " + self.tr("Left out, restricted (Article 18): {0}.").format(
                ", ".join(result.not_included_restricted))
        text += " " + self.tr("Read it before it is sent.")
        self.load()
        self.export_note.setText(text)

    def _export_failed(self, exc: BaseException) -> None:
        self._update()
        ops.show_error(self, exc)


class GovernanceDialog(PagesDialog):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        apply_style(self)
        self.setWindowTitle(self.tr("Records governance"))
        self.setAccessibleName(self.tr("Records governance"))
        self.resize(1040, 740)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Records governance pages"))
        role = state.actor.role
        self.retention: RetentionPage | None = None
        self.subject_access: SubjectAccessPage | None = None
        if allowed(role, Permission.VIEW_RETENTION):
            self.retention = RetentionPage(state)
            self.tabs.addTab(self.retention, self.tr("Re&tention and holds"))
        if allowed(role, Permission.SUBJECT_ACCESS):
            self.subject_access = SubjectAccessPage(state)
            self.tabs.addTab(self.subject_access, self.tr("S&ubject access"))
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.follow_the_lock()

    @property
    def pages(self) -> list[Any]:
        return [p for p in (self.retention, self.subject_access) if p is not None]
