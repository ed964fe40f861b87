# SPDX-License-Identifier: LicenseRef-Proprietary
"""The migrations build exactly the schema the mappings describe, and a newer store is refused."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import create_engine, inspect

from strategy_meeting.domain.errors import StoreTooNew
from strategy_meeting.services import session
from strategy_meeting.store import migrations
from strategy_meeting.store.engine import connect_raw
from strategy_meeting.store.tables import Base

from conftest import PASSPHRASE


def test_head_constant_names_the_newest_revision():
    assert migrations.HEAD in migrations.known_revisions()


def test_migrated_schema_matches_the_mappings():
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        migrations.upgrade(conn)
        conn.commit()
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    assert "audit_events" in inspect(engine).get_table_names()


def test_store_from_a_newer_version_is_refused_and_left_alone(data_dir):
    ctx, _ = session.open_session(data_dir, PASSPHRASE)
    key = ctx.store.raw_key_for_backup()
    ctx.close()
    conn = connect_raw(data_dir / "store.db", key)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = hashlib.sha256((data_dir / "store.db").read_bytes()).hexdigest()
    with pytest.raises(StoreTooNew, match="newer version"):
        session.open_session(data_dir, PASSPHRASE)
    assert hashlib.sha256((data_dir / "store.db").read_bytes()).hexdigest() == before


def test_0002_keeps_recorded_copies_and_adds_empty_content():
    from alembic import command
    from sqlalchemy import text

    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        command.upgrade(migrations._config(conn), "0001_initial")
        conn.execute(text(
            "INSERT INTO minutes_copies (meeting_reference, recipient, file_name, sha256, created_at, signed_by,"
            " draft, withheld, version) VALUES ('SD-1', 'POLICE', 'SD-1_POLICE.pdf', :h, '2026-11-20T10:00:00+00:00',"
            " 'CN=Chair', 0, '[]', 1)"), {"h": "ab" * 32})
        conn.commit()
        migrations.upgrade(conn)
        conn.commit()
        row = conn.execute(text("SELECT recipient, sha256, content FROM minutes_copies")).one()
        assert migrations.current_revision(conn) == migrations.HEAD
    assert tuple(row) == ("POLICE", "ab" * 32, None)


def test_0003_keeps_the_agency_directory_and_adds_no_certificate():
    from alembic import command
    from sqlalchemy import text

    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        command.upgrade(migrations._config(conn), "0002_copy_content")
        conn.execute(text("INSERT INTO agency_directory (code, name, kind, email) VALUES "
                          "('POLICE', 'Police CAIT', 'police', 'cait@example.org'), ('EDU', 'School', NULL, '')"))
        conn.commit()
        migrations.upgrade(conn)
        conn.commit()
        rows = conn.execute(text("SELECT code, name, kind, email, certificate FROM agency_directory ORDER BY code")).all()
        assert migrations.current_revision(conn) == migrations.HEAD == "0003_agency_certificate"
        conn.execute(text("UPDATE agency_directory SET certificate = :c WHERE code = 'EDU'"), {"c": b"\x30\x82"})
        assert conn.execute(text("SELECT certificate FROM agency_directory WHERE code = 'EDU'")).scalar() == b"\x30\x82"
    assert [tuple(r) for r in rows] == [("EDU", "School", None, "", None),
                                        ("POLICE", "Police CAIT", "police", "cait@example.org", None)]
