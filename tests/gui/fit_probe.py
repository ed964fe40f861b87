# SPDX-License-Identifier: LicenseRef-Proprietary
"""Run by test_windows_fit.py in a subprocess (the screen size and scale are fixed when Qt
starts): opens every window and dialog of the app and prints, one JSON object a line, each
window's frame and the screen's available area, in logical pixels."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from strategy_meeting.domain.roles import Role  # noqa: E402
from strategy_meeting.gui import app as gui_app  # noqa: E402
from strategy_meeting.gui.controller import AppController  # noqa: E402
from strategy_meeting.services import session  # noqa: E402
from strategy_meeting.store import FAST_TEST_KDF  # noqa: E402

PASSPHRASE = "correct horse battery staple"


def main() -> int:
    app = gui_app.build_application()
    tmp = Path(tempfile.mkdtemp(prefix="fit-probe-"))
    data_dir = tmp / "data"
    ctx, _, _ = session.init_store(data_dir, "chair", PASSPHRASE, Role.CHAIR_ADMINISTRATOR, kdf=FAST_TEST_KDF)
    ctx.close()
    from every_window import every_window, seed, settle

    controller = AppController(data_dir, use_keyring=False)
    controller.start()
    panel = controller.unlock_panel
    panel.passphrase.setText(PASSPHRASE)
    loop = QEventLoop()
    controller.ready.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)
    panel.unlock_button.click()
    loop.exec()
    seed(controller.state)
    controller.main_window.refresh()
    settle()
    for name, window in every_window(controller.state, controller.main_window, tmp):
        frame = window.frameGeometry()
        area = (window.screen() or app.primaryScreen()).availableGeometry()
        print(json.dumps({"name": name, "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
                          "area": [area.x(), area.y(), area.width(), area.height()],
                          "minimum": [window.minimumWidth(), window.minimumHeight()]}), flush=True)
    controller.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
