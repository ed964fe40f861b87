# SPDX-License-Identifier: LicenseRef-Proprietary
"""The combined first-run role (issue 19): a store's first account can administer."""

from __future__ import annotations

from strategy_meeting.domain.roles import ADMINISTRATION, Permission, Role, allowed, needs_text, who_may


def test_chair_and_administrator_holds_both_sets_of_grants() -> None:
    for permission in Permission:
        both = allowed(Role.CHAIR, permission) or allowed(Role.ADMINISTRATOR, permission)
        assert allowed(Role.CHAIR_ADMINISTRATOR, permission) == both
    assert all(allowed(Role.CHAIR_ADMINISTRATOR, p) for p in ADMINISTRATION)


def test_the_reason_names_who_may() -> None:
    assert who_may(Permission.MANAGE_USERS) == [Role.ADMINISTRATOR, Role.CHAIR_ADMINISTRATOR]
    assert needs_text(Permission.MANAGE_USERS) == "Needs an administrator."  # the combined role goes unsaid
    assert Role("chair_administrator").label == "Chair and administrator"
