# SPDX-License-Identifier: LicenseRef-Proprietary
"""Exports are whole or absent under their final name (the kill test is in
tests/store/test_crash_safety.py)."""

from __future__ import annotations

import errno
import os
import time

import pytest

from strategy_meeting.domain.errors import UserError
from strategy_meeting.services.files import (
    atomic_writer,
    is_temp_name,
    remove_stray_temps,
    write_atomically,
)


def test_writes_the_bytes_under_the_final_name_and_leaves_no_temp(tmp_path):
    target = tmp_path / "SD-2026-0042-full.pdf"
    write_atomically(target, b"%PDF-1.7 one")
    write_atomically(target, b"%PDF-1.7 two")
    assert target.read_bytes() == b"%PDF-1.7 two"
    assert os.listdir(tmp_path) == [target.name]


def test_failure_mid_write_leaves_the_previous_file_untouched(tmp_path):
    target = tmp_path / "minutes.pdf"
    target.write_bytes(b"previous complete file")
    with pytest.raises(RuntimeError):
        with atomic_writer(target) as fh:
            fh.write(b"half of a new fi")
            raise RuntimeError("renderer crashed")
    assert target.read_bytes() == b"previous complete file"
    assert os.listdir(tmp_path) == [target.name]


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_folder_gives_a_clear_message_and_keeps_the_target(tmp_path):
    target = tmp_path / "minutes.pdf"
    target.write_bytes(b"previous")
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(UserError, match="may not write"):
            write_atomically(target, b"new")
    finally:
        tmp_path.chmod(0o700)
    assert target.read_bytes() == b"previous"


def test_missing_folder_gives_a_clear_message(tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        write_atomically(tmp_path / "nope" / "x.pdf", b"data")


def test_temporary_names_never_carry_the_final_name(tmp_path):
    target = tmp_path / "Robin Fictional minutes.pdf"
    with atomic_writer(target) as fh:
        temp_name = os.path.basename(fh.name)
        fh.write(b"x")
    assert is_temp_name(temp_name)
    assert "Robin" not in temp_name and "minutes" not in temp_name


def test_stray_temps_are_removed_only_when_old_and_only_ours(tmp_path):
    stray = tmp_path / ".strategy-meeting-abc123.part"
    fresh = tmp_path / ".strategy-meeting-def456.part"
    finished = tmp_path / "minutes.pdf"
    someone_elses = tmp_path / ".other-app.part"
    for p in (stray, fresh, finished, someone_elses):
        p.write_bytes(b"x")
    old = time.time() - 3600
    for p in (stray, finished, someone_elses):
        os.utime(p, (old, old))
    assert remove_stray_temps(tmp_path) == 1
    assert sorted(os.listdir(tmp_path)) == sorted([fresh.name, finished.name, someone_elses.name])
    assert remove_stray_temps(tmp_path, min_age_seconds=0) == 1
    assert not fresh.exists() and finished.exists()


def test_the_next_write_into_a_folder_removes_its_old_strays(tmp_path):
    stray = tmp_path / ".strategy-meeting-abc123.part"
    stray.write_bytes(b"half a pdf")
    old = time.time() - 3600
    os.utime(stray, (old, old))
    write_atomically(tmp_path / "copy.pdf", b"whole")
    assert os.listdir(tmp_path) == ["copy.pdf"]


def test_a_folder_given_as_the_file_is_refused_and_left_untouched(tmp_path):
    target = tmp_path / "minutes.pdf"
    target.mkdir()
    (target / "keep.txt").write_bytes(b"keep")
    with pytest.raises(UserError, match="is a folder: give a file name inside it"):
        write_atomically(target, b"new")
    assert (target / "keep.txt").read_bytes() == b"keep"
    assert os.listdir(tmp_path) == [target.name]


def test_failed_rename_leaves_the_target_untouched_and_no_temp(tmp_path, monkeypatch):
    """A rename the file system refuses (FAKE: os.replace made to fail, as root cannot be
    refused one in its own folder) names the file and leaves the old one whole."""
    target = tmp_path / "minutes.pdf"
    target.write_bytes(b"old")

    def refused(src, dst):  # type: ignore[no-untyped-def]
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(UserError, match="Could not write 'minutes.pdf'.*input/output error"):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["minutes.pdf"]