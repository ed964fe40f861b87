# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Copy file names: one file per recipient even on a case-insensitive disk (Windows, macOS),
where ``X_FULL-RECORD.pdf`` and ``X_full-record.pdf`` are the same file."""

from __future__ import annotations

from pathlib import PurePath

from hypothesis import example, given, settings
from hypothesis import strategies as st

from strategy_meeting.services.distribution.mail import calendar_file_name
from strategy_meeting.services.minutes.manifest import copy_file_name

CODES = st.from_regex(r"[A-Z][A-Z0-9_-]{0,31}", fullmatch=True)


@given(codes=st.sets(CODES | st.sampled_from(["FULL-RECORD", "FULL", "FULL_RECORD", "FAMILY"]), max_size=12),
       draft=st.booleans(), version=st.integers(1, 4))
@example(codes={"A", "A-"}, draft=False, version=1)  # once one file: a trailing hyphen was cleaned away
def test_every_recipient_of_a_set_has_its_own_file_whatever_the_case(codes: set[str], draft: bool,
                                                                    version: int) -> None:
    names = [copy_file_name("SD-2026-0042", r, draft=draft, version=version)
             for r in ["full", "family", *sorted(codes)]]
    assert len({n.casefold() for n in names}) == len(names), names


def test_a_later_version_says_so_in_its_name_and_version_1_keeps_todays_name() -> None:
    """Issue 14: ``REF_v2_POLICE.pdf`` for version 2; version 1 is named as before."""
    assert copy_file_name("SD-2026-0042", "POLICE", draft=False) == "SD-2026-0042_POLICE.pdf"
    assert copy_file_name("SD-2026-0042", "POLICE", draft=False, version=2) == "SD-2026-0042_v2_POLICE.pdf"
    assert copy_file_name("SD-2026-0042", "family", draft=False, version=3) == "SD-2026-0042_v3_family.pdf"
    assert calendar_file_name("SD-2026-0042", "POLICE", 2) == "SD-2026-0042_v2_POLICE-actions.ics"


HOSTILE = st.text() | st.sampled_from(["..", "../../etc/passwd", "C:\\evil", "a/b", "nul\x00byte", "\u202eFDP.exe",
                                       "CON", ".", "", "\u200f\u05e9\u05dc\u05d5\u05dd", ":stream"])


@settings(max_examples=1000)
@given(reference=HOSTILE, recipient=HOSTILE, draft=st.booleans())
def test_hostile_references_and_codes_give_one_plain_name_inside_the_folder(
    tmp_path_factory, reference: str, recipient: str, draft: bool
) -> None:
    """SECURITY-TESTS 39: whatever a reference or agency code holds (``/ .. : NUL``, RTL
    marks), the copy's file name and its calendar's stay one ASCII name inside the export
    folder. Control: an ordinary code is kept in the name, so the check is not vacuous."""
    folder = tmp_path_factory.getbasetemp() / "export"
    for name in (copy_file_name(reference, recipient, draft=draft), calendar_file_name(reference, recipient)):
        assert name.isascii() and name.isprintable(), name
        assert not set(name) & set("/\\:\x00") and not name.startswith("."), name
        assert PurePath(name).name == name and (folder / name).resolve().parent == folder.resolve(), name
    assert "_POLICE" in copy_file_name(reference, "POLICE", draft=draft)
