# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""``import``, ``export`` and ``demo`` through the console script, on a real store."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests" / "data" / "sd-example.json"


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STRATEGY_MEETING")}
    env.update(PYTHONPATH=str(ROOT / "src"), STRATEGY_MEETING_PASSPHRASE=PASSPHRASE)
    return subprocess.run(
        [sys.executable, "-m", "strategy_meeting.main", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=120,
    )


def digest(directory: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir()) if p.is_file()}


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("strategy-meeting: error: "), result.stderr
    return lines[0]


def test_import_prints_the_reference_and_export_writes_the_same_record(data_dir: Path, tmp_path: Path) -> None:
    result = cli(data_dir, "import", str(EXAMPLE))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "SD-2026-0001\n"

    out = tmp_path / "exported.json"
    result = cli(data_dir, "export", "SD-2026-0001", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Wrote SD-2026-0001 to {out}\n"
    written = json.loads(out.read_text(encoding="utf-8"))
    original = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    # The same record in strategy-meeting/3 (issue 14): the lawful basis is in the terms, and
    # the /1 file's decisions are for every agency.
    for before, after in zip(original["meeting"]["contributions"], written["meeting"]["contributions"], strict=True):
        note = before.pop("lawful_basis")
        assert after["sharing"].pop("lawful_basis") == {"regime": "unspecified", "condition": "", "note": note}
        assert after == before
    for before, after in zip(original["meeting"]["decisions"], written["meeting"]["decisions"], strict=True):
        assert after.pop("sharing") == {"audience": "all", "family": False}
        assert after == before

    assert cli(data_dir, "audit", "verify").returncode == 0


def test_demo_adds_the_fictional_meetings_once(data_dir: Path, tmp_path: Path) -> None:
    result = cli(data_dir, "demo")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Added 7 fictional demonstration meetings: DEMO-")
    result = cli(data_dir, "demo")
    assert result.returncode == 0 and "nothing was added" in result.stdout
    exported = tmp_path / "demo.json"
    reference = f"DEMO-{date.today().year}-0003"  # the demo set is dated from the real clock
    assert cli(data_dir, "export", reference, "-o", str(exported)).returncode == 0
    assert "Παραδειγματική" in exported.read_text(encoding="utf-8")  # Greek kept as text, not escapes


HOSTILE = {
    "not-json.json": b"\x89PNG\r\n\x1a\n not json at all",
    "list.json": b"[1, 2, 3]",
    "wrong-format.json": json.dumps({"format": "strategy-meeting/4", "meeting": {}}).encode(),
}


def _hostile_file(folder: Path, case: str) -> Path:
    source = folder / case
    if case in HOSTILE:
        source.write_bytes(HOSTILE[case])
    elif case == "bad-agency.json":
        document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        document["meeting"]["reference"] = "SD-2026-0002"
        document["meeting"]["contributions"][2]["agency"] = "XYZ"
        source.write_text(json.dumps(document), encoding="utf-8")
    elif case == "existing.json":
        source.write_bytes(EXAMPLE.read_bytes())
    elif case == "folder":
        source.mkdir()
    return source


EXPECTED = {
    "not-json.json": "is not UTF-8 text",
    "list.json": "holds JSON but not an object",
    "wrong-format.json": "format: must be 'strategy-meeting/3'",
    "bad-agency.json": "meeting.contributions[2].agency: 'XYZ' is not one of the listed agencies",
    "existing.json": "'SD-2026-0001' is already in the store",
    "missing.json": "'missing.json' does not exist",
    "folder": "'folder' is a folder, not a file",
}


def test_a_hostile_import_is_one_line_and_leaves_the_store_byte_identical(data_dir: Path, tmp_path: Path) -> None:
    assert cli(data_dir, "import", str(EXAMPLE)).returncode == 0
    before = digest(data_dir)
    for case, words in EXPECTED.items():  # one store for all cases: each must leave it as it was
        line = one_line_error(cli(data_dir, "import", str(_hostile_file(tmp_path, case))))
        assert words in line, case
        assert digest(data_dir) == before, case


def test_export_errors_are_one_line_and_write_nothing(data_dir: Path, tmp_path: Path) -> None:
    assert cli(data_dir, "import", str(EXAMPLE)).returncode == 0
    line = one_line_error(cli(data_dir, "export", "SD-1999-0001", "-o", str(tmp_path / "x.json")))
    assert "no meeting with reference 'SD-1999-0001'" in line
    line = one_line_error(cli(data_dir, "export", "SD-2026-0001", "-o", str(tmp_path / "nowhere" / "x.json")))
    assert "does not exist" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]
    result = cli(data_dir, "export", "SD-2026-0001")
    assert result.returncode == 2 and "-o" in result.stderr  # argparse names the missing option


def test_import_refuses_a_misspelt_key_below_the_top_by_its_path_and_writes_nothing(data_dir: Path, tmp_path: Path) -> None:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    contribution = document["meeting"]["contributions"][3]
    contribution["sharing_typo"] = contribution.pop("sharing")
    typo = tmp_path / "typo.json"
    typo.write_text(json.dumps(document), encoding="utf-8")
    before = digest(data_dir)
    line = one_line_error(cli(data_dir, "import", str(typo)))
    assert "meeting.contributions[3].sharing_typo: is not part of this format" in line
    assert digest(data_dir) == before
    contribution["sharing"] = contribution.pop("sharing_typo")
    typo.write_text(json.dumps(document), encoding="utf-8")
    r = cli(data_dir, "import", str(typo))  # control: the key spelt right
    assert r.returncode == 0 and r.stdout.strip() == "SD-2026-0001", r.stderr
