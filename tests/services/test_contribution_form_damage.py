# SPDX-License-Identifier: LicenseRef-Proprietary
"""Damaged forms: whatever happened to the file, the import says so and raises only UserError."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategy_meeting.domain.errors import UserError
from strategy_meeting.services.forms.service import issue_form, prepare_form_import, read_filled_form

from form_filling import fill_form, typical_answers
from forms_meeting_factory import example_meeting

NOW = datetime(2026, 11, 19, 18, 0, tzinfo=UTC)
MEETING, _ = example_meeting()
ISSUED = issue_form(MEETING, "EDU", NOW)
FILLED = fill_form(ISSUED.pdf, typical_answers())


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    data = bytearray(FILLED)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "overwrite", "cut", "insert", "truncate"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "overwrite":
            chunk = draw(st.binary(min_size=1, max_size=64))
            data[at : at + len(chunk)] = chunk
        elif kind == "cut":
            del data[at : at + draw(st.integers(1, 4096))]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        else:
            del data[at:]
    return bytes(data)


def _import(data: bytes) -> None:
    form = read_filled_form(data)
    token = ISSUED.token if form.token_sha256 == ISSUED.token.token_sha256 else None
    result = prepare_form_import(form, token, MEETING, NOW)
    # A damage that spared every field still yields the agency's own, well-formed items.
    assert result.contributions and all(c.agency == "EDU" for c in result.contributions)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_damaged_forms_raise_only_user_errors(data: bytes) -> None:
    try:
        _import(data)
    except UserError as error:
        assert str(error) and "\n" not in str(error)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_raise_only_user_errors(data: bytes) -> None:
    for candidate in (data, b"%PDF-1.7\n" + data):
        try:
            _import(candidate)
        except UserError:
            pass
