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
        assert migrations.current_revision(conn) == migrations.HEAD
        conn.execute(text("UPDATE agency_directory SET certificate = :c WHERE code = 'EDU'"), {"c": b"\x30\x82"})
        assert conn.execute(text("SELECT certificate FROM agency_directory WHERE code = 'EDU'")).scalar() == b"\x30\x82"
    assert [tuple(r) for r in rows] == [("EDU", "School", None, "", None),
                                        ("POLICE", "Police CAIT", "police", "cait@example.org", None)]


def test_an_interrupted_migration_leaves_the_store_at_its_previous_revision(data_dir, monkeypatch):
    """SECURITY-TESTS 38: a migration that fails after its table rebuild (a crash at that
    point is the same to SQLite) is rolled back whole: the store stays at N-1 with its rows,
    and the next start migrates it with the same key."""
    import contextlib

    import alembic.op
    from alembic import command
    from sqlalchemy import text

    from strategy_meeting.store import Store
    from strategy_meeting.store.engine import create_store_engine

    ctx, _ = session.open_session(data_dir, PASSPHRASE)
    key = ctx.store.raw_key_for_backup()
    ctx.close()
    engine = create_store_engine(data_dir / "store.db", key)
    with engine.connect() as conn:
        command.downgrade(migrations._config(conn), "0002_copy_content")
        conn.execute(text("INSERT INTO agency_directory (code, name, kind, email) "
                          "VALUES ('ZZ', 'Fixture agency', NULL, 'zz@example.org')"))
        conn.commit()
    engine.dispose()

    def columns() -> tuple[str | None, list[str], list[tuple]]:
        conn = connect_raw(data_dir / "store.db", key)
        try:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            names = [r[1] for r in conn.execute("PRAGMA table_info(agency_directory)")]
            rows = conn.execute("SELECT code, name, email FROM agency_directory ORDER BY code").fetchall()
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            return revision, names, rows
        finally:
            conn.close()

    before = columns()
    assert before[0] == "0002_copy_content" and "certificate" not in before[1]
    assert ("ZZ", "Fixture agency", "zz@example.org") in before[2]
    real_batch = alembic.op.batch_alter_table

    @contextlib.contextmanager
    def batch_then_crash(*args, **kwargs):  # type: ignore[no-untyped-def]
        with real_batch(*args, **kwargs) as batch:
            yield batch
        # Control: the rebuild really happened inside the migration's transaction.
        rebuilt = text("SELECT name FROM pragma_table_info('agency_directory')")
        assert "certificate" in alembic.op.get_bind().execute(rebuilt).scalars().all()
        raise RuntimeError("interrupted after the table was rebuilt")

    monkeypatch.setattr(alembic.op, "batch_alter_table", batch_then_crash)
    with pytest.raises(RuntimeError, match="interrupted"):
        Store.open(data_dir, PASSPHRASE)
    assert columns() == before  # still N-1, rows and all
    monkeypatch.undo()
    store, _ = Store.open(data_dir, PASSPHRASE)
    try:
        assert store.raw_key_for_backup() == key  # the key is unchanged by migrating
    finally:
        store.close()
    revision, names, rows = columns()
    assert revision == migrations.HEAD and "certificate" in names and rows == before[2]


def test_0004_gives_every_existing_meeting_the_default_retention_class():
    from alembic import command
    from sqlalchemy import text

    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        command.upgrade(migrations._config(conn), "0003_agency_certificate")
        for n, ref in enumerate(("SD-1", "SD-2"), start=1):
            conn.execute(text(
                "INSERT INTO meetings (id, reference, reference_key, kind, location, chair, status, referral,"
                " parents_informed, next_steps, chair_name, child_names, created_by, created_at, updated_at,"
                " reconvenes) VALUES (:id, :ref, :key, 'initial', '', '{}', 'draft', '{}', '{}', '{}', '', '', '',"
                " '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00', '')"), {"id": n, "ref": ref, "key": ref.lower()})
        conn.commit()
        command.upgrade(migrations._config(conn), "0004_records_governance")
        conn.commit()
        assert migrations.current_revision(conn) == "0004_records_governance"
        classes = conn.execute(text("SELECT id, name, period_months, counted_from, is_default FROM retention_classes")).all()
        rows = conn.execute(text("SELECT meeting_id, retention_class_id, restricted FROM meeting_governance"
                                 " ORDER BY meeting_id")).all()
        assert conn.execute(text("SELECT reference FROM meetings ORDER BY id")).scalars().all() == ["SD-1", "SD-2"]
    [(class_id, name, months, origin, default)] = classes
    assert (name, months, origin, bool(default)) == ("Child protection", 300, "child_date_of_birth", True)
    assert [tuple(r) for r in rows] == [(1, class_id, 0), (2, class_id, 0)]


def _undo_0008(conn) -> None:  # type: ignore[no-untyped-def]
    """Take 0008's columns and table away again (on a store with no contributions)."""
    conn.execute("DROP TABLE sharing_log")
    terms = ("categories", "caveat", "lawful_basis", "police_agreement")
    audience = ("audience", "audience_agencies", "family")
    for table, columns in (("contributions", terms[:1] + terms[1:2] + terms[3:]), ("actions", terms),
                           ("decisions", audience + terms + ("wider_rationale", "rationale_withheld_agreed",
                                                             "family_wording")),
                           ("addenda", audience + terms)):
        for column in columns:
            conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")


def test_0005_folds_the_search_keys_of_existing_meetings(data_dir):
    """A store made before accent folding: its keys are recomputed, so "Zoe" finds Zoë."""
    from strategy_meeting.domain.listing import MeetingQuery
    from strategy_meeting.domain.meeting import SubjectChild
    from strategy_meeting.services import meetings
    from strategy_meeting.services.meetings import ItemKind

    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    meetings.create(ctx, chair, reference="SD-2026-0009")
    meetings.put_item(ctx, chair, "SD-2026-0009", ItemKind.CHILD, SubjectChild("", "Zoë Łucja"))
    key = ctx.store.raw_key_for_backup()
    ctx.close()
    conn = connect_raw(data_dir / "store.db", key)  # as 0004 left it: casefolded only
    conn.execute("UPDATE children SET name_key = 'zoë łucja', surname_key = 'łucja'")
    conn.execute("ALTER TABLE minutes_copies DROP COLUMN folder")  # added by 0011
    for column in ("version", "handed_over_at", "handed_over_how", "acknowledged_how"):
        conn.execute(f"ALTER TABLE distributions DROP COLUMN {column}")  # added by 0009
    _undo_0008(conn)
    conn.execute("ALTER TABLE distributions DROP COLUMN protection")  # added by 0006
    for table, column in (("meetings", "nation"), ("meetings", "planning"), ("decisions", "confirmed")):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")  # added by 0007
    conn.execute("DROP TABLE meeting_versions")  # added by 0010
    conn.execute("UPDATE alembic_version SET version_num = '0004_records_governance'")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    ctx, chair = session.open_session(data_dir, PASSPHRASE)
    try:
        assert meetings.search(ctx, chair, MeetingQuery(text="Zoe")) != []
        assert meetings.search(ctx, chair, MeetingQuery(text="lucja")) != []
    finally:
        ctx.close()


def test_0006_adds_the_protection_of_each_distribution_unknown_for_old_entries():
    from alembic import command
    from sqlalchemy import text

    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        command.upgrade(migrations._config(conn), "0005_folded_search_keys")
        conn.execute(text("INSERT INTO distributions (meeting_reference, recipient, channel, address, sha256, at, "
                          "outcome, reason, acknowledged_by, attempt) VALUES ('SD-1', 'POLICE', 'folder', '/x', "
                          ":h, '2026-11-20T10:00:00+00:00', 'saved', '', '', 1)"), {"h": "ab" * 32})
        conn.commit()
        migrations.upgrade(conn)
        conn.commit()
        assert migrations.current_revision(conn) == migrations.HEAD
        assert conn.execute(text("SELECT recipient, protection FROM distributions")).all() == [("POLICE", None)]


def test_0007_puts_every_meeting_in_england_and_confirms_the_decisions_of_signed_off_ones():
    from alembic import command
    from sqlalchemy import text

    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        command.upgrade(migrations._config(conn), "0006_distribution_protection")
        for n, (ref, status) in enumerate((("SD-1", "draft"), ("SD-2", "signed_off")), start=1):
            conn.execute(text(
                "INSERT INTO meetings (id, reference, reference_key, kind, location, chair, status, referral,"
                " parents_informed, next_steps, chair_name, child_names, created_by, created_at, updated_at,"
                " reconvenes) VALUES (:id, :ref, :key, 'initial', '', '{}', :status, '{}', '{}', '{}', '', '', '',"
                " '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00', '')"),
                {"id": n, "ref": ref, "key": ref.lower(), "status": status})
            conn.execute(text(
                "INSERT INTO decisions (meeting_id, position, item_id, kind, outcome, rationale, relied_on, dissent)"
                " VALUES (:id, 0, 'd1', 'section47_joint', 'Joint enquiry.', 'Reasonable cause.', '[]', '[]')"),
                {"id": n})
        conn.commit()
        command.upgrade(migrations._config(conn), "0007_complete_record")  # 0010 (issue 17) follows it
        conn.commit()
        assert migrations.current_revision(conn) == "0007_complete_record"
        meetings = conn.execute(text("SELECT reference, nation, planning FROM meetings ORDER BY id")).all()
        decisions = conn.execute(text("SELECT meeting_id, confirmed, rationale FROM decisions ORDER BY meeting_id")).all()
    assert [tuple(r) for r in meetings] == [("SD-1", "england", "{}"), ("SD-2", "england", "{}")]
    assert [tuple(r) for r in decisions] == [(1, 0, "Reasonable cause."), (2, 1, "Reasonable cause.")]


def test_0011_records_no_folder_for_copies_made_before_it():
    """Copies recorded earlier keep their file names and say their folder was not recorded,
    so a meeting's window lists them as such (issue 19)."""
    from alembic import command
    from sqlalchemy import text

    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        command.upgrade(migrations._config(conn), "0007_complete_record")
        conn.execute(text(
            "INSERT INTO minutes_copies (meeting_reference, recipient, file_name, sha256, created_at, signed_by,"
            " draft, withheld, version) VALUES ('SD-1', 'POLICE', 'SD-1_POLICE.pdf', :h, '2026-11-20T10:00:00+00:00',"
            " '', 1, '[]', 1)"), {"h": "ab" * 32})
        conn.commit()
        migrations.upgrade(conn)
        conn.commit()
        assert migrations.current_revision(conn) == "0011_finish" == migrations.HEAD
        rows = conn.execute(text("SELECT file_name, folder FROM minutes_copies")).all()
    assert [tuple(r) for r in rows] == [("SD-1_POLICE.pdf", "")]


def test_0009_gives_old_log_entries_version_1_and_no_hand_over_and_old_decisions_no_family_wording():
    """Issue 14: a copy saved before the log knew about hand delivery reads as version 1,
    not handed over (so it no longer counts as "out"), and a decision has no family wording."""
    from alembic import command
    from sqlalchemy import text

    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        command.upgrade(migrations._config(conn), "0007_complete_record")
        conn.execute(text("INSERT INTO distributions (meeting_reference, recipient, channel, address, sha256, at, "
                          "outcome, reason, acknowledged_by, attempt) VALUES ('SD-1', 'POLICE', 'folder', '/x', "
                          ":h, '2026-11-20T10:00:00+00:00', 'saved', '', '', 1)"), {"h": "ab" * 32})
        conn.execute(text(
            "INSERT INTO decisions (meeting_id, position, item_id, kind, outcome, rationale, relied_on, dissent)"
            " VALUES (1, 0, 'd1', 'section47_joint', 'Joint enquiry.', 'Reasonable cause.', '[]', '[]')"))
        conn.commit()
        migrations.upgrade(conn)
        conn.commit()
        assert migrations.current_revision(conn) == migrations.HEAD
        row = conn.execute(text("SELECT version, handed_over_at, handed_over_how, acknowledged_how "
                                "FROM distributions")).one()
        wording = conn.execute(text("SELECT family_wording FROM decisions")).scalar_one()
    assert tuple(row) == (1, None, "", "")
    assert wording == ""


def test_0010_gives_every_part_of_existing_meetings_version_1():
    from alembic import command
    from sqlalchemy import text

    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        command.upgrade(migrations._config(conn), "0007_complete_record")
        for n in (1, 2):
            conn.execute(text(
                "INSERT INTO meetings (id, reference, reference_key, kind, location, chair, status, referral, "
                "parents_informed, next_steps, chair_name, child_names, created_by, created_at, updated_at, "
                "reconvenes) VALUES (:n, :r, :r, 'initial', '', '{}', 'draft', '{}', '{}', '{}', '', '', '', "
                "'2026-11-20T10:00:00+00:00', '2026-11-20T11:00:00+00:00', '')"), {"n": n, "r": f"SD-{n}"})
        conn.commit()
        migrations.upgrade(conn)
        conn.commit()
        assert migrations.current_revision(conn) == migrations.HEAD
        rows = conn.execute(text("SELECT meeting_id, part, version, changed_by, changed_at FROM meeting_versions "
                                 "ORDER BY meeting_id, part")).all()
    assert len(rows) == 2 * 9
    assert {(r[2], r[3], r[4]) for r in rows} == {(1, "", "2026-11-20T11:00:00+00:00")}
    assert {r[1] for r in rows} == {"details", "agencies", "children", "household", "participants",
                                    "contributions", "decisions", "actions", "addenda"}
