# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Contribution request forms from the workspace: make one for an agency, and bring a filled
one back (menu or drag-and-drop) after the chair has seen what it would add.

Reading and writing PDFs runs in the worker (``ops.run_op``), so a large or damaged file never
freezes the window; the chair's confirmation is asked on the GUI thread between the preview and
the import, and the import checks everything again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from strategy_meeting.domain.contribution import TOPIC_LABELS
from strategy_meeting.domain.errors import ImportRejected
from strategy_meeting.domain.sharing import seen_by
from strategy_meeting.gui import ops
from strategy_meeting.services.forms import service as contribution_forms
from strategy_meeting.services.forms.reading import FormImport, read_form_file

if TYPE_CHECKING:
    from .meeting_workspace import MeetingWorkspace


def _tr(text: str) -> str:
    return QCoreApplication.translate("FormsFlow", text)


def default_form_name(reference: str, agency: str) -> str:
    """A file name that says what the form is without any personal data."""
    return f"{reference}_{agency}_request-form.pdf"


def dropped_files(mime: QMimeData) -> list[Path]:
    """The local files a drag carries (URLs to elsewhere are not files we can read)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def describe_import(preview: FormImport, agency_name: str, agency_codes: list[str] | None = None) -> str:
    """What the chair confirms: who sent it, which topics, on what terms. Not the text itself."""
    topics = "\n".join(f"  \u2022 {TOPIC_LABELS[c.topic]}" for c in preview.contributions)
    lines = [
        _tr("Import this form into {0}?").format(preview.reference),
        "",
        _tr("Agency: {0} ({1})").format(agency_name, preview.agency),
        *([_tr("From: {0}").format(preview.author)] if preview.author else []),
        _tr("Sharing: {0}").format(seen_by(preview.agency, preview.sharing, agency_codes or [])),
        _tr("{0} contribution(s):").format(len(preview.contributions)),
        topics,
    ]
    if preview.notes:
        lines += ["", _tr("Notes:"), *[f"  \u2022 {n}" for n in preview.notes]]
    return "\n".join(lines)


class FormsFlow:
    def __init__(self, workspace: MeetingWorkspace) -> None:
        self.ws = workspace
        self.busy = False

    # -- request ---------------------------------------------------------------------------------

    def request(self, agency: str | None = None, target: Path | None = None) -> bool:
        """Ask which agency and where, then write the form in the worker."""
        ws = self.ws
        meeting = ws.meeting
        if meeting is None or ws.state.is_locked or meeting.status.is_locked:
            return False
        if agency is None:
            choices = [f"{a.code} \u2014 {a.name}" for a in meeting.agencies]
            if not choices:
                ws.statusBar().showMessage(_tr("Add an agency to the meeting before requesting a form."), 8000)
                return False
            chosen, ok = QInputDialog.getItem(ws, _tr("Request contribution form"),
                                              _tr("Which agency is the form for?"), choices, 0, False)
            if not ok or not chosen:
                return False
            agency = meeting.agency_codes[choices.index(chosen)] if chosen in choices else chosen.split()[0]
        if target is None:
            suggested = str(Path.home() / default_form_name(meeting.reference, agency))
            name, _filter = QFileDialog.getSaveFileName(ws, _tr("Save the request form"), suggested,
                                                        _tr("PDF forms (*.pdf)"))
            if not name:
                return False
            target = Path(name)
            if target.suffix.lower() != ".pdf":
                target = target.with_name(target.name + ".pdf")
        ctx, actor, reference = ws.state.ctx, ws.state.actor, ws.reference
        final = target

        def done(_token: object) -> None:
            ws.statusBar().showMessage(_tr("Request form for {0} written to {1}.").format(agency, final), 8000)
            ws.formWritten.emit(final)

        ops.run_op(ws, lambda: contribution_forms.request_form(ctx, actor, reference, agency, final),
                   done, progress=_tr("Writing the request form\u2026"))
        return True

    # -- import ----------------------------------------------------------------------------------

    def choose_and_import(self) -> bool:
        name, _filter = QFileDialog.getOpenFileName(self.ws, _tr("Import a filled contribution form"),
                                                    str(Path.home()), _tr("PDF forms (*.pdf)"))
        return bool(name) and self.import_file(Path(name))

    def handle_drop(self, mime: QMimeData) -> bool:
        """A file dropped on the window: one at a time, so each gets its own confirmation."""
        files = dropped_files(mime)
        if not files:
            return False
        if len(files) > 1:
            ops.show_error(self.ws, ImportRejected(_tr("Drop one filled form at a time.")))
            return False
        return self.import_file(files[0])

    def import_file(self, path: Path) -> bool:
        ws = self.ws
        if ws.meeting is None or ws.state.is_locked or self.busy:
            return False
        ctx, actor, reference = ws.state.ctx, ws.state.actor, ws.reference
        self.busy = True

        def preview() -> tuple[bytes, FormImport]:
            data = read_form_file(path)
            return data, contribution_forms.preview_form_import(ctx, actor, data, expected_reference=reference)

        ops.run_op(ws, preview, self._confirm, progress=_tr("Reading the form\u2026"), on_error=self._failed)
        return True

    def _confirm(self, result: tuple[bytes, FormImport]) -> None:
        ws = self.ws
        data, preview = result
        if ws.meeting is None or ws.state.is_locked:  # locked while the form was read
            self.busy = False
            return
        name = ws.meeting.agency_name(preview.agency)
        text = describe_import(preview, name, ws.meeting.agency_codes)
        answer = QMessageBox.question(ws, _tr("Import contribution form"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            self.busy = False
            ws.statusBar().showMessage(_tr("Form not imported."), 4000)
            return
        ctx, actor, reference = ws.state.ctx, ws.state.actor, ws.reference

        def done(imported: FormImport) -> None:
            self.busy = False
            count = len(imported.contributions)
            ws.statusBar().showMessage(
                _tr("{0} contribution(s) from {1} added.").format(count, imported.agency), 8000)
            ws.formImported.emit(imported)

        ops.run_op(ws, lambda: contribution_forms.import_form(ctx, actor, data, expected_reference=reference),
                   done, progress=_tr("Importing the form\u2026"), on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        ops.show_error(self.ws, exc)
        self.ws.formImportFailed.emit(str(exc))
