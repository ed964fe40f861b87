# SPDX-License-Identifier: LicenseRef-Proprietary
"""The rules for the passwords that protect agencies' copies, which the app and the command
line share: generated passwords are strong, distinct and easy to read out; any password
shorter than the minimum (empty included) is refused naming the agency; two agencies never
share one; "password" protection needs one for every agency still to be sent, and nothing is
saved otherwise; and the service names the agencies still to be sent."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builders import AGENCIES, sample_meeting, sign_off
from signed_copy_fixtures import write_signed_set
from strategy_meeting.domain.errors import InvalidInput
from strategy_meeting.domain.meeting import MeetingStatus
from strategy_meeting.services import identities, meetings
from strategy_meeting.services.distribution import service as distribution_service
from strategy_meeting.services.distribution.encryption import MIN_PASSWORD_CHARS, check_password, generate_password
from strategy_meeting.services.minutes.service import render_minutes

REF = "SD-2026-0160"
CODES = [a.code for a in AGENCIES]


def test_generated_passwords_are_long_distinct_and_unambiguous() -> None:
    generated = [generate_password() for _ in range(300)]
    assert len(set(generated)) == len(generated)
    for password in generated:
        check_password(password, "EDU")
        groups = password.split("-")
        assert len(groups) == 4 and all(len(g) == 5 and g.isalnum() for g in groups)
        assert not set(password) & set("0O1lI")


@given(st.text(max_size=MIN_PASSWORD_CHARS - 1))
def test_every_password_below_the_minimum_is_refused_naming_the_agency(password: str) -> None:
    with pytest.raises(InvalidInput, match="POLICE's copy"):
        check_password(password, "POLICE")


@given(st.text(min_size=MIN_PASSWORD_CHARS))
def test_every_password_of_the_minimum_length_or_more_is_accepted(password: str) -> None:
    check_password(password, "POLICE")


@pytest.fixture
def signed_set(ctx, chair, tmp_path: Path) -> Path:
    m = sample_meeting(REF)
    m.status = MeetingStatus.SIGNED_OFF
    meetings.create(ctx, chair, template=m)
    folder = tmp_path / "minutes"
    write_signed_set(folder, REF, ["full", *CODES])
    return folder


def test_two_agencies_never_share_a_password(ctx, chair, signed_set, tmp_path: Path) -> None:
    passwords = {code: f"a long enough password for {code}" for code in CODES}
    passwords["EDU"] = passwords["CSC"]
    out = tmp_path / "out"
    with pytest.raises(InvalidInput, match="same password is given for CSC and EDU"):
        distribution_service.distribute(ctx, chair, REF, copies_dir=signed_set, folder=out,
                                        passwords=passwords, require_passwords=True)
    assert not out.exists()


def test_password_protection_needs_a_password_for_every_agency_still_to_be_sent(
        ctx, chair, signed_set, tmp_path: Path) -> None:
    out = tmp_path / "out"
    others = ", ".join(code for code in CODES if code != "CSC")
    with pytest.raises(InvalidInput, match=f"No password is given for {others}: every copy"):
        distribution_service.distribute(ctx, chair, REF, copies_dir=signed_set, folder=out,
                                        passwords={"CSC": "a long enough password"}, require_passwords=True)
    assert not out.exists()
    with pytest.raises(InvalidInput, match="not both"):
        distribution_service.distribute(ctx, chair, REF, copies_dir=signed_set, folder=out,
                                        require_passwords=True, encrypt_to_certificates=True)


def test_the_agencies_still_to_be_sent_are_those_without_their_current_copy(ctx, chair, tmp_path: Path) -> None:
    meetings.create(ctx, chair, template=sample_meeting(REF))
    identities.new_self_signed(ctx, chair)
    sign_off(ctx, chair, REF)
    assert [a.code for a in distribution_service.agencies_to_send(ctx, chair, REF)] == CODES  # nothing signed yet
    render_minutes(ctx, chair, REF, tmp_path / "signed", sign=True)
    assert [a.code for a in distribution_service.agencies_to_send(ctx, chair, REF)] == CODES
    distribution_service.distribute(ctx, chair, REF, folder=tmp_path / "out")
    assert distribution_service.agencies_to_send(ctx, chair, REF) == []
