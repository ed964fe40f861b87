# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Copy file names: one file per recipient even on a case-insensitive disk (Windows, macOS),
where ``X_FULL-RECORD.pdf`` and ``X_full-record.pdf`` are the same file."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from strategy_meeting.services.minutes.manifest import copy_file_name

CODES = st.from_regex(r"[A-Z][A-Z0-9_-]{0,31}", fullmatch=True)


@given(codes=st.sets(CODES | st.sampled_from(["FULL-RECORD", "FULL", "FULL_RECORD"]), max_size=12),
       draft=st.booleans())
def test_every_recipient_of_a_set_has_its_own_file_whatever_the_case(codes: set[str], draft: bool) -> None:
    names = [copy_file_name("SD-2026-0042", r, draft=draft) for r in ["full", *sorted(codes)]]
    assert len({n.casefold() for n in names}) == len(names), names
