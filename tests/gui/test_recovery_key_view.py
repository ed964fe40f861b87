# SPDX-License-Identifier: LicenseRef-Proprietary
"""The recovery key shown whole, in groups, with Print and Copy (issue 19)."""

from __future__ import annotations

import subprocess

from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtPrintSupport import QPrinter

from strategy_meeting.gui.dialogs.setup_wizard import SetupWizard
from strategy_meeting.gui.widgets.recovery_key_view import RecoveryKeyView, wrapped
from strategy_meeting.store.key_slots import new_recovery_key


def test_every_group_is_in_view_in_the_wizard(qtbot, tmp_path) -> None:
    wizard = SetupWizard(tmp_path / "fresh")
    qtbot.addWidget(wizard)
    key = new_recovery_key()
    wizard.recovery_key = key
    wizard.recovery_page.initializePage()
    wizard.setStartId(wizard.pageIds()[3])
    wizard.restart()
    wizard.show()
    qtbot.waitExposed(wizard)
    view = wizard.recovery_page.key
    assert view.text() == key and view.isReadOnly()
    label = view.label
    shown = label.text().split("\n")
    assert "".join(shown).replace(" ", "") == key.replace("-", "")
    metrics = QFontMetrics(label.font())
    for line in shown:  # each line fits inside the label: nothing scrolled or cut off
        assert metrics.horizontalAdvance(line) <= label.contentsRect().width()
    assert label.height() >= metrics.lineSpacing() * len(shown)
    assert view.print_button.isVisible() and view.copy_button.isVisible()


def test_copy_then_the_clipboard_is_cleared(qtbot) -> None:
    view = RecoveryKeyView()
    qtbot.addWidget(view)
    key = new_recovery_key()
    view.setText(key)
    view.clipboard_ms = 50
    view.copy_button.click()
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == key
    assert clipboard.mimeData().hasFormat("x-kde-passwordManagerHint")
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=2000)
    # Something else copied in the meantime is left alone.
    view.copy_button.click()
    clipboard.setText("not the key")
    qtbot.wait(150)
    assert clipboard.text() == "not the key"


def test_print_puts_the_whole_key_on_paper(qtbot, tmp_path) -> None:
    view = RecoveryKeyView()
    qtbot.addWidget(view)
    key = new_recovery_key()
    view.setText(key)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "key.pdf"))
    view.paint_on(printer)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "key.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "".join(text.split()).find(key.replace("-", "")) >= 0, wrapped(key)
