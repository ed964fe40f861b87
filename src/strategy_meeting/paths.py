# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Where things live: the user's data folder, and ``resources/`` and ``ui/`` in source,
wheel and frozen bundle alike (one resolver, as Vorta does)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "StrategyMeeting"
HOME_ENV = "STRATEGY_MEETING_HOME"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: ``--data-dir``, else ``$STRATEGY_MEETING_HOME``, else the platform's."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def _candidates(name: str) -> list[Path]:
    here = Path(__file__).resolve().parent
    found: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        found.append(Path(frozen_root) / name)
    found.append(here / name)  # installed wheel: force-included beside the package
    found.append(here.parent.parent / name)  # source tree / editable install: <repo>/src/..
    return found


def _locate(name: str) -> Path:
    for candidate in _candidates(name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the application's {name}/ folder is missing; reinstall Strategy Meeting")


def resources_dir() -> Path:
    return _locate("resources")


def ui_dir() -> Path:
    return _locate("ui")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
