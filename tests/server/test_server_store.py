# SPDX-License-Identifier: LicenseRef-Proprietary
"""The services run on the team server as they do on a local store (issue 17, part 1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from strategy_meeting.domain.errors import InsecureConnection, StoreExists
from strategy_meeting.domain.roles import Role
from strategy_meeting.services import audit, team_server
from strategy_meeting.services.exchange.service import export_meeting, import_meeting

EXAMPLE = Path(__file__).parents[1] / "data" / "sd-example.json"


def test_import_then_export_round_trips_on_the_server(team, team_chair, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ctx, chair = team_chair
    meeting = import_meeting(ctx, chair, EXAMPLE)
    out = tmp_path / "out.json"
    export_meeting(ctx, chair, meeting.reference, out)
    exported = json.loads(out.read_text())
    original = json.loads(EXAMPLE.read_text())
    assert exported["meeting"]["reference"] == original["meeting"]["reference"]
    assert len(exported["meeting"]["contributions"]) == len(original["meeting"]["contributions"])
    report = audit.verify(ctx, chair)
    assert report.ok and report.events >= 2


def test_init_refuses_a_database_that_holds_tables(team) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StoreExists):
        team_server.init_server(team.owner_dsn)


@pytest.mark.parametrize("mode", ["disable", "allow", "prefer", "require", "verify-ca"])
def test_anything_but_verify_full_is_refused(team, mode) -> None:  # type: ignore[no-untyped-def]
    dsn = team.dsn("someone").replace("sslmode=verify-full", f"sslmode={mode}")
    with pytest.raises(InsecureConnection, match="verify-full"):
        team_server.open_session(dsn, "whatever", team.data_dir)


def test_a_login_is_scram_and_in_its_group(team, pg_cluster) -> None:  # type: ignore[no-untyped-def]
    import psycopg

    login = team.add("rep", Role.AGENCY_REP, "police")
    with psycopg.connect(pg_cluster.superuser_dsn(team.database)) as conn:
        verifier = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s", [login]).fetchone()
        groups = conn.execute("SELECT b.rolname FROM pg_auth_members m JOIN pg_roles b ON b.oid = m.roleid "
                              "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = %s", [login]).fetchall()
        who = conn.execute("SELECT role, agency FROM team_logins WHERE login = %s", [login]).fetchone()
    assert verifier is not None and verifier[0].startswith("SCRAM-SHA-256$")
    assert groups == [(f"{team.database}_agency_rep",)]
    assert who == ("agency_rep", "POLICE")


def test_init_refuses_a_language_collation(pg_cluster) -> None:  # type: ignore[no-untyped-def]
    from strategy_meeting.domain.errors import InvalidInput

    _db, _owner, owner_dsn = pg_cluster.new_database(icu_locale="en-GB")
    with pytest.raises(InvalidInput, match="LC_COLLATE 'C'"):
        team_server.init_server(owner_dsn)


def test_adding_a_user_through_a_login_is_refused_whole(team) -> None:  # type: ignore[no-untyped-def]
    from strategy_meeting.domain.errors import PermissionDenied
    from strategy_meeting.services import users

    ctx, admin = team.session(team.add("admin", Role.ADMINISTRATOR))
    with pytest.raises(PermissionDenied, match="server add-user"):
        users.add_user(ctx, admin, "newcomer", Role.CHAIR, "a long enough passphrase")
    assert [u.name for u in users.list_users(ctx, admin)] == [admin.name]  # no half-made user
