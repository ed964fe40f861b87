# SPDX-License-Identifier: LicenseRef-Proprietary
"""Contribution forms from the workspace: request one for an agency through the menu action,
fill it the way a PDF reader does, and bring it back by the menu or by dropping the file; the
chair's choices in the standard dialogs are simulated by patching their static methods."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from builders import sample_meeting
from strategy_meeting.domain.contribution import ReceivedVia
from strategy_meeting.gui.windows.meeting_workspace import MeetingWorkspace
from strategy_meeting.gui.windows.workspace_forms import default_form_name
from strategy_meeting.services import meetings
from workspace_fixtures import shown_errors, state  # noqa: F401 - fixtures

REF = "SD-2026-0100"


def _load_form_filling():
    """The services tests' form filler (their folder is not on the path when only tests/gui runs)."""
    path = Path(__file__).resolve().parent.parent / "services" / "form_filling.py"
    spec = importlib.util.spec_from_file_location("gui_form_filling", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_filling = _load_form_filling()
fill_form, typical_answers = _filling.fill_form, _filling.typical_answers


@pytest.fixture
def ws(qtbot, state) -> MeetingWorkspace:
    meetings.create(state.ctx, state.actor, template=sample_meeting(REF))
    window = MeetingWorkspace(state, REF)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def asked(monkeypatch) -> dict[str, object]:
    """Record what the dialogs were asked; answer as the chair would."""
    seen: dict[str, object] = {}

    def get_item(parent, title, label, items, current=0, editable=True):
        seen["agencies"] = list(items)
        return next(i for i in items if i.startswith("EDU ")), True

    def get_save(parent, caption, directory, filter_=""):
        seen["suggested"] = directory
        return str(seen["target"]), filter_

    def question(parent, title, text, *args):
        seen["question"] = text
        return seen.get("answer", QMessageBox.StandardButton.Yes)

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return seen


def _request(qtbot, ws, asked, tmp_path: Path) -> bytes:
    asked["target"] = tmp_path / "out" / default_form_name(REF, "EDU")
    asked["target"].parent.mkdir()
    with qtbot.waitSignal(ws.formWritten, timeout=60_000) as written:
        ws.request_form_action.trigger()
    assert written.args[0] == asked["target"]
    return asked["target"].read_bytes()


def _form_contributions(state) -> list:
    meeting = meetings.get(state.ctx, state.actor, REF)
    return [c for c in meeting.contributions if c.received_via is ReceivedVia.CONTRIBUTION_FORM]


def test_request_then_import_through_the_menu(qtbot, ws, state, asked, tmp_path, monkeypatch, shown_errors):
    assert ws.request_form_action.isEnabled() and ws.request_form_action.shortcut().toString() == "Ctrl+Shift+F"
    menu_texts = [a.text() for a in ws.menuBar().actions()[0].menu().actions()]
    assert "Request contribution &form\u2026" in menu_texts and "&Import filled form\u2026" in menu_texts
    form = _request(qtbot, ws, asked, tmp_path)
    assert form.startswith(b"%PDF")
    assert Path(str(asked["suggested"])).name == "SD-2026-0100_EDU_request-form.pdf"
    assert any(a.startswith("EDU \u2014 ") for a in asked["agencies"])  # type: ignore[union-attr]
    assert "EDU" in ws.statusBar().currentMessage()

    filled = tmp_path / "returned.pdf"
    filled.write_bytes(fill_form(form, typical_answers()))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(filled), "")))
    with qtbot.waitSignal(ws.formImported, timeout=60_000):
        ws.import_form_action.trigger()
    text = str(asked["question"])
    assert "EDU" in text and "Current concerns" in text and "Strengths" in text
    assert "Bruising" not in text  # a summary, not the contribution text
    added = _form_contributions(state)
    assert len(added) == 2 and {c.agency for c in added} == {"EDU"}
    qtbot.waitUntil(lambda: ws.meeting is not None and len(
        [c for c in ws.meeting.contributions if c.received_via is ReceivedVia.CONTRIBUTION_FORM]) == 2)
    assert shown_errors == []


def _drop_mime(path: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    return mime


def test_dropped_form_is_imported_after_confirmation(qtbot, ws, state, asked, tmp_path, shown_errors):
    form = _request(qtbot, ws, asked, tmp_path)
    filled = tmp_path / "dropped.PDF"
    filled.write_bytes(fill_form(form, typical_answers()))

    asked["answer"] = QMessageBox.StandardButton.No  # the chair declines first: nothing written
    assert ws.forms.handle_drop(_drop_mime(filled))
    qtbot.waitUntil(lambda: not ws.forms.busy, timeout=60_000)
    assert _form_contributions(state) == []

    asked["answer"] = QMessageBox.StandardButton.Yes
    mime = _drop_mime(filled)  # through the window's own drag-and-drop handlers
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    ws.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(ws.formImported, timeout=60_000):
        ws.dropEvent(drop)
    assert drop.isAccepted()
    assert len(_form_contributions(state)) == 2

    # The same form again: its token is spent, so it is refused with a message.
    with qtbot.waitSignal(ws.formImportFailed, timeout=60_000):
        ws.forms.handle_drop(_drop_mime(filled))
    assert len(_form_contributions(state)) == 2 and len(shown_errors) == 1


def test_non_pdf_drop_is_refused_and_writes_nothing(qtbot, ws, state, asked, tmp_path, shown_errors):
    before = meetings.get(state.ctx, state.actor, REF).contributions
    notes = tmp_path / "notes.txt"
    notes.write_text("not a form")
    with qtbot.waitSignal(ws.formImportFailed, timeout=60_000):
        assert ws.forms.handle_drop(_drop_mime(notes))
    assert shown_errors == ["notes.txt is not a PDF. Drop or choose the filled contribution form (a .pdf file)."]
    assert "question" not in asked
    assert meetings.get(state.ctx, state.actor, REF).contributions == before

    fake = tmp_path / "fake.pdf"  # named .pdf but not one: the reader's own message
    fake.write_bytes(b"hello")
    with qtbot.waitSignal(ws.formImportFailed, timeout=60_000):
        ws.forms.handle_drop(_drop_mime(fake))
    assert len(shown_errors) == 2 and "Traceback" not in shown_errors[1]
    assert meetings.get(state.ctx, state.actor, REF).contributions == before
