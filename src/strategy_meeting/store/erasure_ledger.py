# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""A note, outside the database, of every meeting erased from this data folder (issue 16).

A restore brings back the store as it was when the backup was made: a meeting erased since is
in it again, and the tombstone that recorded the erasure is not. This file is not part of a
backup and a restore leaves it in place (it is not one of backup.STORE_FILES), so the app can
still tell that such a meeting was erased and ask for it to be erased again. It holds the
store's id, each erased meeting's reference, its creation time and the erasure's date: no
record content and no name.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from . import work_files

LEDGER_FILE = "erasure-ledger.json"


def read(data_dir: Path, store_id: str) -> list[dict[str, str]]:
    try:
        data = json.loads((data_dir / LEDGER_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(data, dict) or not isinstance(data.get(store_id), list):
        return []
    return [e for e in data[store_id] if isinstance(e, dict)]


def record(data_dir: Path, store_id: str, reference: str, created_at: datetime | None, erased_at: datetime) -> None:
    path = data_dir / LEDGER_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    entries = data.setdefault(store_id, [])
    entries.append({"reference": reference, "created_at": created_at.isoformat() if created_at else "",
                    "erased_on": erased_at.date().isoformat()})
    work_files.replace_text(path, json.dumps(data, indent=1, sort_keys=True))
