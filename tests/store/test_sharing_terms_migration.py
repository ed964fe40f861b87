# SPDX-License-Identifier: LicenseRef-Proprietary
"""Migration 0008 (issue 14) keeps what a stored record meant, and a record signed off before
keeps its content hash: in the store, after an export and import, and from a /2 file.

``tests/data/store-0007-signed/`` is a store made by the code before issue 14 (main at f56991c,
migration 0007): the example meeting imported, signed off (content hash below, printed by that
code's ``sign-off``), then given one addendum. ``tests/data/signed-v2-before-issue14.json`` is
that code's export of it, in ``strategy-meeting/2``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from strategy_meeting.domain.lawful_basis import LawfulBasis, Regime
from strategy_meeting.domain.meeting import MeetingStatus
from strategy_meeting.domain.sharing_terms import AudienceScope, SharingTerms
from strategy_meeting.services import session
from strategy_meeting.services.exchange import service as exchange
from strategy_meeting.services.signoff import content_hash
from strategy_meeting.store import migrations

DATA = Path(__file__).resolve().parent.parent / "data"
OLD_PASSPHRASE = "previous code passphrase 14"
REFERENCE = "SD-2026-0001"
SIGNED_HASH = "883017d6a5324fccb3e605a029fa5226c10a77be737bf3dfe6f438c0781b87e8"  # by the code before
OLD_BASIS = "UK GDPR 6(1)(e); DPA 2018 Sch 8 para 4"


def _stored(ctx):  # type: ignore[no-untyped-def]
    """The record as stored (``meetings.get`` also numbers participants that have no id, as
    the example's have not, which is a change of the record of its own)."""
    with ctx.unit_of_work() as uow:
        m = uow.meetings.get(REFERENCE)
    assert m is not None
    return m


def _old_store(tmp_path: Path) -> Path:
    home = tmp_path / "old-store"
    shutil.copytree(DATA / "store-0007-signed", home)
    return home


def test_a_store_signed_off_before_issue_14_keeps_its_meaning_and_its_hash(tmp_path: Path) -> None:
    ctx, _chair = session.open_session(_old_store(tmp_path), OLD_PASSPHRASE)
    try:
        m = _stored(ctx)
    finally:
        ctx.close()
    assert m.status is MeetingStatus.SIGNED_OFF and m.sign_off is not None
    assert m.sign_off.content_hash == SIGNED_HASH
    assert content_hash(m) == SIGNED_HASH
    # Decisions and addenda recorded before were for every agency: they still are, although
    # a new decision or addendum now starts undecided.
    assert m.decisions and all(d.sharing == SharingTerms.everyone() for d in m.decisions)
    assert m.addenda and all(a.sharing == SharingTerms.everyone() for a in m.addenda)
    assert SharingTerms().scope is AudienceScope.UNDECIDED
    # Contributions keep their audience, and their free-text basis is now the one lawful basis.
    assert all(c.sharing.is_decided for c in m.contributions)
    assert {c.sharing.lawful_basis for c in m.contributions} == {LawfulBasis(Regime.UNSPECIFIED, "", OLD_BASIS)}


def test_the_migrated_record_survives_an_export_and_import_with_its_hash(tmp_path: Path, ctx, chair) -> None:
    old_ctx, old_chair = session.open_session(_old_store(tmp_path), OLD_PASSPHRASE)
    try:
        out = exchange.export_meeting(old_ctx, old_chair, REFERENCE, tmp_path / "v3.json")
    finally:
        old_ctx.close()
    document = json.loads(out.read_text("utf-8"))
    assert document["format"] == "strategy-meeting/3"
    assert all(d["sharing"] == {"audience": "all", "family": False} for d in document["meeting"]["decisions"])
    assert all("lawful_basis" not in c and c["sharing"]["lawful_basis"]["note"] == OLD_BASIS
               for c in document["meeting"]["contributions"])
    imported = exchange.import_meeting(ctx, chair, out)  # refused if the hash did not match
    assert imported.sign_off is not None and imported.sign_off.content_hash == SIGNED_HASH
    assert content_hash(_stored(ctx)) == SIGNED_HASH


def test_a_v2_file_signed_off_before_issue_14_imports_with_its_meaning_and_hash(ctx, chair) -> None:
    imported = exchange.import_meeting(ctx, chair, DATA / "signed-v2-before-issue14.json")
    m = _stored(ctx)
    assert imported.sign_off is not None and m.sign_off is not None
    assert content_hash(m) == m.sign_off.content_hash == SIGNED_HASH
    assert all(d.sharing == SharingTerms.everyone() for d in m.decisions)
    assert all(a.sharing == SharingTerms.everyone() for a in m.addenda)


def test_0008_on_rows_gives_old_decisions_and_addenda_every_agency_and_folds_the_basis() -> None:
    from alembic import command
    from sqlalchemy import create_engine, text

    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        command.upgrade(migrations._config(conn), "0007_complete_record")
        conn.execute(text(
            "INSERT INTO meetings (id, reference, reference_key, kind, location, chair, status, referral,"
            " parents_informed, next_steps, chair_name, child_names, created_by, created_at, updated_at,"
            " reconvenes) VALUES (1, 'SD-1', 'sd-1', 'initial', '', '{}', 'draft', '{}', '{}', '{}', '', '', '',"
            " '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00', '')"))
        conn.execute(text(
            "INSERT INTO contributions (meeting_id, position, item_id, agency, topic, text, audience,"
            " audience_agencies, family, author, lawful_basis, received_via) VALUES"
            " (1, 0, 'k1', 'POLICE', 'history', 'x', 'agencies', '[\"CSC\"]', 0, '', 'Sch 8 para 4', 'meeting'),"
            " (1, 1, 'k2', 'CSC', 'risks', 'y', 'chair', '[]', 0, '', '', 'meeting')"))
        conn.execute(text(
            "INSERT INTO decisions (meeting_id, position, item_id, kind, outcome, rationale, relied_on, dissent,"
            " confirmed) VALUES (1, 0, 'd1', 'section47_joint', 'Joint.', 'Cause.', '[]', '[]', 0)"))
        conn.execute(text(
            "INSERT INTO addenda (meeting_id, number, text, created_at, created_by) VALUES"
            " (1, 1, 'Later.', '2026-01-02T00:00:00+00:00', 'chair')"))
        conn.commit()
        migrations.upgrade(conn)
        conn.commit()
        assert migrations.current_revision(conn) == migrations.HEAD
        contributions = conn.execute(text(
            "SELECT item_id, audience, audience_agencies, lawful_basis, categories FROM contributions"
            " ORDER BY position")).all()
        decisions = conn.execute(text(
            "SELECT audience, family, wider_rationale, rationale_withheld_agreed FROM decisions")).all()
        addenda = conn.execute(text("SELECT audience, audience_agencies FROM addenda")).all()
        assert conn.execute(text("SELECT count(*) FROM sharing_log")).scalar() == 0
    assert [tuple(r) for r in contributions] == [
        ("k1", "agencies", '["CSC"]', json.dumps({"regime": "unspecified", "condition": "", "note": "Sch 8 para 4"}),
         "[]"),
        ("k2", "chair", "[]", None, "[]"),
    ]
    assert [tuple(r) for r in decisions] == [("all", 0, "", 0)]
    assert [tuple(r) for r in addenda] == [("all", "[]")]
