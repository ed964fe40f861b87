# SPDX-License-Identifier: LicenseRef-Proprietary
"""Windows that fit (issue 19): the main window and every dialog open wholly inside the
available screen at 100 %, 150 % and 200 % on 1366x768 and 1920x1080 screens.

Each case runs fit_probe.py in its own process, since the screen and the scale are fixed when
Qt starts. The offscreen platform takes its screen from a JSON file (``configfile=``); its
``size=`` option does not exist in Qt 6.11, which silently gives an 800x800 screen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SRC = HERE.parents[1] / "src"


@pytest.mark.parametrize("width,height", [(1366, 768), (1920, 1080)])
@pytest.mark.parametrize("scale", ["1", "1.5", "2"])
def test_every_window_opens_inside_the_screen(tmp_path, width, height, scale) -> None:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "probe", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STRATEGY_MEETING", "QT_"))}
    env.update(QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=scale,
               PYTHONPATH=str(SRC), STRATEGY_MEETING_HOME=str(tmp_path / "home"))
    result = subprocess.run([sys.executable, str(HERE / "fit_probe.py")], capture_output=True, text=True, env=env,
                            timeout=300, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    windows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(windows) > 30, result.stdout[-2000:]
    expected = [round(width / float(scale)), round(height / float(scale))]
    outside = []
    for w in windows:
        x, y, fw, fh = w["frame"]
        ax, ay, aw, ah = w["area"]
        assert abs(aw - expected[0]) <= 1 and abs(ah - expected[1]) <= 1, w
        if x < ax or y < ay or x + fw > ax + aw or y + fh > ay + ah:
            outside.append(w)
    assert outside == []
