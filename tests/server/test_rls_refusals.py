# SPDX-License-Identifier: LicenseRef-Proprietary
"""What a representative's login cannot do with raw SQL (issue 17, "What must be true"):
update another agency's item, delete an audit event, read a restricted item. Each refusal
has a permitted control beside it, so the test can fail."""

from __future__ import annotations

import shutil
import subprocess

import psycopg
import pytest

from strategy_meeting.domain.roles import Role

from builders import sample_meeting


@pytest.fixture
def seeded(team):  # type: ignore[no-untyped-def]
    """sample_meeting: k1 EDU for all, k2 POLICE for CSC and POLICE, k3 CSC chair-only;
    a1 HEALTH for all, a2 POLICE for POLICE only."""
    chair = team.add("chair", Role.CHAIR)
    ctx, actor = team.session(chair)
    with ctx.unit_of_work() as uow:
        uow.meetings.save(sample_meeting("SD-2026-0100"))
        uow.audit.append(actor.name, "meeting.create", "meeting:SD-2026-0100")
        uow.commit()
    health = team.add("rep_health", Role.AGENCY_REP, "HEALTH")
    police = team.add("rep_police", Role.AGENCY_REP, "POLICE")
    return team, chair, health, police


def _connect(team, login):  # type: ignore[no-untyped-def]
    return psycopg.connect(team.raw_dsn(login), autocommit=True)


def test_a_representative_cannot_update_another_agencys_contribution(seeded) -> None:  # type: ignore[no-untyped-def]
    team, _chair, health, _police = seeded
    with _connect(team, health) as conn:
        # EDU's contribution k1 is shared with everyone, so HEALTH reads it ...
        assert conn.execute("SELECT text FROM contributions WHERE item_id = 'k1'").fetchone() is not None
        # ... but cannot change it: row-level security leaves no row to update.
        done = conn.execute("UPDATE contributions SET text = 'changed' WHERE item_id = 'k1'")
        assert done.rowcount == 0
        # Nor claim it for their agency, nor write in another agency's name.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO contributions (meeting_id, position, item_id, agency, topic, text, audience,"
                         " audience_agencies, family, author, lawful_basis, received_via) SELECT id, 9, 'k9', 'EDU',"
                         " 'history', 'forged', 'all', '[]', false, '', '', 'meeting' FROM meetings")
        # Control: their own agency's contribution goes in and can be edited.
        conn.execute("INSERT INTO contributions (meeting_id, position, item_id, agency, topic, text, audience,"
                     " audience_agencies, family, author, lawful_basis, received_via) SELECT id, 9, 'k9', 'HEALTH',"
                     " 'history', 'ours', 'all', '[]', false, '', '', 'meeting' FROM meetings")
        assert conn.execute("UPDATE contributions SET text = 'ours, edited' WHERE item_id = 'k9'").rowcount == 1
    with _connect(team, seeded[1]) as chair_conn:
        assert chair_conn.execute("SELECT text FROM contributions WHERE item_id = 'k1'").fetchone() == (
            "Bruising seen at 09:10.",)


def test_a_representative_cannot_delete_or_change_an_audit_event(seeded) -> None:  # type: ignore[no-untyped-def]
    team, chair, health, _police = seeded
    with _connect(team, health) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM audit_events")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE audit_events SET action = 'nothing'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("TRUNCATE audit_events")
    # Not even the chair, nor the owner, whose rights the triggers override.
    with _connect(team, chair) as conn:
        assert conn.execute("SELECT count(*) FROM audit_events").fetchone()[0] >= 1
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM audit_events")
    with psycopg.connect(team.owner_dsn, autocommit=True) as owner:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
            owner.execute("DELETE FROM audit_events")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
            owner.execute("UPDATE audit_events SET details = '{}'")


def test_each_audit_event_carries_the_login_that_wrote_it(seeded) -> None:  # type: ignore[no-untyped-def]
    team, chair, health, _police = seeded
    with _connect(team, health) as conn:
        # The login column cannot be claimed: the trigger writes the session's own login.
        conn.execute("INSERT INTO audit_events (seq, at, \"user\", action, object, details, prev_hash, hash, login)"
                     " VALUES (999, 'x', 'x', 'x', 'x', '{}', 'x', 'x', %s)", [chair])
        assert conn.execute("SELECT login FROM audit_events WHERE seq = 999").fetchone() == (health,)
        # A representative reads only their own events; the chair's are not theirs to see.
        assert {r[0] for r in conn.execute("SELECT login FROM audit_events")} == {health}
    with _connect(team, chair) as conn:
        logins = {r[0] for r in conn.execute("SELECT login FROM audit_events")}
    assert {chair, health} <= logins


def test_a_representative_cannot_read_a_restricted_item(seeded) -> None:  # type: ignore[no-untyped-def]
    team, _chair, health, police = seeded
    with _connect(team, health) as conn:
        assert {r[0] for r in conn.execute("SELECT item_id FROM contributions")} == {"k1"}
        assert {r[0] for r in conn.execute("SELECT item_id FROM actions")} == {"a1"}
        # Not by another route either: copies, signed PDFs and distributions are staff-only.
        for table in ("minutes_copies", "distributions", "form_tokens", "signing_identities", "team_logins"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(f"SELECT * FROM {table}")  # type: ignore[arg-type]
    with _connect(team, police) as conn:  # control: POLICE sees what is shared with it
        assert {r[0] for r in conn.execute("SELECT item_id FROM contributions")} == {"k1", "k2"}
        assert {r[0] for r in conn.execute("SELECT item_id FROM actions")} == {"a1", "a2"}


@pytest.mark.skipif(shutil.which("psql") is None, reason="psql (the PostgreSQL client) is not installed")
def test_psql_as_a_representative_sees_no_restricted_text(seeded) -> None:  # type: ignore[no-untyped-def]
    team, _chair, health, police = seeded

    def psql(login: str) -> str:
        return subprocess.run(["psql", team.raw_dsn(login), "-At", "-c", "SELECT text FROM contributions"],
                              capture_output=True, text=True, check=True, timeout=60).stdout

    assert "Police intelligence held (restricted)." not in psql(health)
    assert "Chair-only note." not in psql(health)
    assert "Police intelligence held (restricted)." in psql(police)  # control


def test_a_representative_cannot_read_a_police_sensitive_item_before_agreement_nor_the_sharing_log(seeded) -> None:  # type: ignore[no-untyped-def]
    """Issue 14 on the team server: a police-sensitive item shared with every agency reaches no
    agency but the police until their agreement is recorded; the sharing log (it names
    withheld items) and a decision's own rationale columns are not a representative's to read."""
    team, chair, health, police = seeded
    with _connect(team, chair) as conn:
        conn.execute("INSERT INTO contributions (meeting_id, position, item_id, agency, topic, text, audience,"
                     " audience_agencies, family, author, lawful_basis, received_via, categories, police_agreement)"
                     " SELECT id, 9, 'k-ps', 'POLICE', 'history', 'Covert enquiry under way.', 'all', '[]', false,"
                     " '', NULL, 'meeting', '[\"police_sensitive\"]', '' FROM meetings")
        conn.execute("INSERT INTO sharing_log (meeting_id, item_kind, item_id, change, at, by, before, after,"
                     " recipient, reason) SELECT id, 'contribution', 'k-ps', 'withheld', '2026-11-20T10:00:00+00:00',"
                     " 'Chair', NULL, NULL, 'HEALTH', '' FROM meetings")
    read = "SELECT text FROM contributions WHERE item_id = 'k-ps'"
    with _connect(team, health) as conn:
        assert conn.execute(read).fetchone() is None
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT item_id, recipient FROM sharing_log")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT rationale FROM decisions")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT wider_rationale FROM decisions")
        # Control: the decision itself is theirs to read, with its rationale through the view.
        assert conn.execute("SELECT count(*) FROM decisions").fetchone()[0] >= 1
        assert all(r[0] is not None for r in conn.execute("SELECT rationale FROM team_decisions"))
    with _connect(team, police) as conn:  # control: the police gave it and see it
        assert conn.execute(read).fetchone() == ("Covert enquiry under way.",)
    with _connect(team, chair) as conn:  # control: the chair reads the log
        assert conn.execute("SELECT recipient FROM sharing_log WHERE item_id = 'k-ps'").fetchone() == ("HEALTH",)
        conn.execute("UPDATE contributions SET police_agreement = 'DI Example agreed' WHERE item_id = 'k-ps'")
    with _connect(team, health) as conn:  # once the police agree, the audience decides
        assert conn.execute(read).fetchone() == ("Covert enquiry under way.",)
