# SPDX-License-Identifier: LicenseRef-Proprietary
"""Our temporary and work files: private whatever the umask, registered while they live, and
removed by the next clean only once no live process holds them. Holders are real processes
(a second Python), killed with SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from strategy_meeting.services.atomic_files import remove_stray_temps, write_atomically
from strategy_meeting.store import work_files

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="flock, umask and SIGKILL are POSIX")

SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    return folder


@pytest.fixture
def umask_open() -> Iterator[None]:
    saved = os.umask(0)
    try:
        yield
    finally:
        os.umask(saved)


def test_items_are_private_whatever_the_umask(data_dir: Path, tmp_path: Path, umask_open: None) -> None:
    registry = work_files.registry_for(data_dir)
    item, fd = work_files.new_file(tmp_path, ".strategy-meeting-", ".part", registry)
    os.close(fd)
    folder = work_files.new_folder(data_dir, ".restore-", registry)
    assert item.path.stat().st_mode & 0o777 == 0o600
    assert folder.path.stat().st_mode & 0o777 == 0o700
    assert registry.stat().st_mode & 0o777 == 0o700
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in registry.iterdir())
    item.discard()
    folder.discard()
    work_files.replace_text(data_dir / "audit-head.json", "{}")
    assert (data_dir / "audit-head.json").stat().st_mode & 0o777 == 0o600
    write_atomically(tmp_path / "copy.pdf", b"%PDF")
    assert (tmp_path / "copy.pdf").stat().st_mode & 0o777 == 0o600


def test_a_finished_item_leaves_neither_itself_nor_its_entry(data_dir: Path, tmp_path: Path) -> None:
    registry = work_files.registry_for(data_dir)
    item, fd = work_files.new_file(tmp_path, ".strategy-meeting-", ".part", registry)
    os.close(fd)
    assert len(list(registry.iterdir())) == 1
    os.replace(item.path, tmp_path / "done.pdf")
    item.finish()
    folder = work_files.new_folder(data_dir, ".backup-work-", registry)
    (folder.path / "store.db").write_bytes(b"x")
    folder.discard()
    assert list(registry.iterdir()) == []
    assert sorted(os.listdir(tmp_path)) == ["data", "done.pdf"]
    assert os.listdir(data_dir) == [work_files.WORK_FOLDER]


def _holder(data_dir: Path, out: Path) -> subprocess.Popen[str]:
    """A second process that registers a temporary file in ``out`` and holds it."""
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from strategy_meeting.store import work_files\n"
        f"reg = work_files.registry_for(Path({str(data_dir)!r}))\n"
        f"item, fd = work_files.new_file(Path({str(out)!r}), '.strategy-meeting-', '.part', reg)\n"
        "print(item.path, flush=True)\n"
        "time.sleep(600)\n"
    )
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                            env={"PYTHONPATH": str(SRC), "PATH": os.environ.get("PATH", "")})


def test_the_cleaner_leaves_a_live_holder_alone_and_removes_its_file_once_it_is_killed(
    data_dir: Path, tmp_path: Path
) -> None:
    holder = _holder(data_dir, tmp_path)
    try:
        held = Path(holder.stdout.readline().strip())  # type: ignore[union-attr]
        assert held.exists()
        old = time.time() - 7200
        os.utime(held, (old, old))  # old, but alive: age says nothing
        assert work_files.clean(data_dir) == 0
        assert remove_stray_temps(tmp_path, min_age_seconds=0) == 0
        assert held.exists()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        holder.stdout.close()  # type: ignore[union-attr]
    assert work_files.clean(data_dir) == 1  # young or old, its holder is dead
    assert not held.exists()
    assert list(work_files.registry_for(data_dir).iterdir()) == []


def test_an_entry_naming_anything_but_our_own_items_is_dropped_without_touching_it(data_dir: Path, tmp_path: Path) -> None:
    registry = work_files.registry_for(data_dir)
    registry.mkdir()
    precious = tmp_path / "minutes.pdf"
    precious.write_bytes(b"keep me")
    lookalike = tmp_path / ".strategy-meeting-notours.part"
    lookalike.write_bytes(b"keep me too")
    for n, target in enumerate([precious, lookalike, Path(".strategy-meeting-0123456789abcdef.part")]):
        (registry / f"{n:016x}").write_text(json.dumps({"path": str(target), "pid": 1}))
    (registry / "not-an-entry").write_text("{}")
    assert work_files.clean(data_dir) == 0
    assert precious.read_bytes() == b"keep me" and lookalike.exists()
    assert os.listdir(registry) == ["not-an-entry"]


def test_cleaning_a_folder_that_is_not_there_does_nothing(tmp_path: Path) -> None:
    assert work_files.clean(tmp_path / "missing") == 0
    assert not (tmp_path / "missing").exists()
