# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Screenshot of a save refused over a colleague's change (issue 17: no lost update).

    QT_QPA_PLATFORM=offscreen python tools/conflict_screenshot.py [--out docs/screenshots]

Builds a throw-away encrypted store in a temporary folder holding the first fictional
demonstration meeting (``services.demo``) and two accounts on it (the chair and a minute-taker, every name
invented), opens one meeting window for each in this process, and has both edit the same
contribution: the minute-taker saves first, the chair's save is refused. Saves the chair's
dialog after Reload (their version beside the chair's own text) as ``team-conflict.png``.
On the team server the same dialog shows; a local store shared by two sessions is simply the
cheapest way to make two people here.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402


CHAIR_PASSPHRASE = "violet kettle orbit sandstone"
TAKER_PASSPHRASE = "amber ladder quiet meadow"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(["strategy-meeting"])

    from strategy_meeting.domain.roles import Role, User
    from strategy_meeting.gui import ops
    from strategy_meeting.gui.app_state import AppState
    from strategy_meeting.gui.style import apply_style
    from strategy_meeting.gui.windows.meeting_workspace import MeetingWorkspace
    from strategy_meeting.services import demo, session, users
    from strategy_meeting.store import FAST_TEST_KDF

    folder = Path(tempfile.mkdtemp(prefix="conflict-shot-"))
    data_dir = folder / "data"
    ctx, chair, _recovery = session.init_store(data_dir, "alex.example", CHAIR_PASSPHRASE, Role.CHAIR,
                                               kdf=FAST_TEST_KDF)
    users.add_user(ctx, User("system", Role.ADMINISTRATOR), "sam.sample", Role.MINUTE_TAKER, TAKER_PASSPHRASE,
                   display_name="Sam Sample")
    meeting = demo.load_demo(ctx, chair)[0]
    ctx.close()

    def window(passphrase: str, name: str) -> MeetingWorkspace:
        opened_ctx, actor = session.open_session(data_dir, passphrase, user=name)
        state = AppState(folder / name)
        state.set_unlocked(opened_ctx, actor)
        ws = MeetingWorkspace(state, meeting.reference)
        apply_style(ws)
        ws.resize(1200, 800)
        ws.show()
        return ws

    def settle() -> None:
        for _ in range(5):
            ops.pool().waitForDone(100)
            app.processEvents()

    key = next(c.id for c in meeting.contributions if c.text)

    def edit_k1(ws: MeetingWorkspace):  # type: ignore[no-untyped-def]
        ws.show_section("contributions")
        panel = ws.sections["contributions"].panel
        panel.select_key(key)
        panel.edit_button.click()
        settle()
        return ws.active_dialog

    ws_taker = window(TAKER_PASSPHRASE, "sam.sample")
    ws_chair = window(CHAIR_PASSPHRASE, "alex.example")
    settle()
    taker_dialog, chair_dialog = edit_k1(ws_taker), edit_k1(ws_chair)
    original = chair_dialog.ui.textEdit.toPlainText()
    taker_dialog.ui.textEdit.setPlainText(original + " Body map completed and sent to CSC at 11:30.")
    taker_dialog.request_save()
    settle()
    chair_dialog.ui.textEdit.setPlainText(original + " The child's teacher stayed with her until CSC arrived.")
    chair_dialog.request_save()
    settle()
    assert chair_dialog.isVisible() and chair_dialog.conflict.isVisible(), "the chair's save was not refused"
    args.out.mkdir(parents=True, exist_ok=True)
    chair_dialog.conflict.reload_button.click()
    settle()
    path = args.out / "team-conflict.png"
    chair_dialog.grab().save(str(path))
    print(f"saved {path}")
    for ws in (ws_taker, ws_chair):
        ws.state.lock()
        ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
