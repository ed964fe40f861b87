# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""How long the meeting workspace takes to open, and to save and undo one edit.

    QT_QPA_PLATFORM=offscreen python bench/workspace_open.py [--items 200]

A fictional meeting with ``--items`` contributions and half as many actions, on a throw-away
encrypted store (fast KDF: the key derivation is not what is measured).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--section", default="details", help="the page on show while editing")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from strategy_meeting.domain.action import Action
    from strategy_meeting.domain.contribution import Contribution, Topic
    from strategy_meeting.domain.roles import Role
    from strategy_meeting.domain.sharing_terms import SharingTerms
    from strategy_meeting.gui.app_state import AppState
    from strategy_meeting.gui.windows.meeting_workspace import MeetingWorkspace
    from strategy_meeting.services import meetings, session
    from strategy_meeting.store import FAST_TEST_KDF
    from workspace_screenshots import fictional_meeting

    app = QApplication.instance() or QApplication([])
    now = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as tmp:
        ctx, actor, _ = session.init_store(Path(tmp) / "d", "chair", "bench passphrase only", Role.CHAIR,
                                           kdf=FAST_TEST_KDF, clock=lambda: now)
        m = fictional_meeting()
        codes = m.agency_codes
        m.contributions = [Contribution(f"k{n}", codes[n % len(codes)], Topic.HISTORY, f"Fictional item {n}. " * 8,
                                        SharingTerms.everyone(), recorded_at=now) for n in range(args.items)]
        m.decisions = []
        m.actions = [Action(f"a{n}", f"Fictional action {n}", codes[n % len(codes)], date(2026, 12, 1),
                            owner_name="Alex Example") for n in range(args.items // 2)]
        meetings.create(ctx, actor, template=m)
        state = AppState(Path(tmp) / "d")
        state.set_unlocked(ctx, actor)
        opens, saves, undos = [], [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            ws = MeetingWorkspace(state, m.reference)
            ws.resize(1280, 800)
            ws.show()
            app.processEvents()
            opens.append(time.perf_counter() - start)
            ws.show_section(args.section)
            app.processEvents()
            start = time.perf_counter()
            ws.update_detail("location", f"Room {len(saves)}", "location", "Edit location")
            saves.append(time.perf_counter() - start)
            start = time.perf_counter()
            ws.undo()
            undos.append(time.perf_counter() - start)
            ws.close()
            app.processEvents()
        ctx.close()
    ms = lambda xs: f"{statistics.median(xs) * 1000:.0f} ms"  # noqa: E731
    print(f"{args.items} contributions, {args.items // 2} actions, {args.section} on show: open {ms(opens)}, "
          f"save one edit {ms(saves)}, undo it {ms(undos)} (median of {args.runs})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
