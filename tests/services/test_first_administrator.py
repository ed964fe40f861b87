# SPDX-License-Identifier: LicenseRef-Proprietary
"""A store whose first account is "chair and administrator" can add users and agencies at
once; the command line offers the role too (issue 19)."""

from __future__ import annotations

from strategy_meeting.domain.roles import Role
from strategy_meeting.services import session, users
from strategy_meeting.store import FAST_TEST_KDF as FAST



def test_a_combined_first_account_adds_users(tmp_path) -> None:
    ctx, actor, _ = session.init_store(tmp_path / "s", "a.example", "correct horse battery staple",
                                       role=Role.CHAIR_ADMINISTRATOR, kdf=FAST)
    try:
        assert actor.role is Role.CHAIR_ADMINISTRATOR
        users.add_user(ctx, actor, "m.taker", Role.CHAIR, "another good long passphrase")
        assert [u.name for u in users.list_users(ctx, actor)] == ["a.example", "m.taker"]
    finally:
        ctx.close()
