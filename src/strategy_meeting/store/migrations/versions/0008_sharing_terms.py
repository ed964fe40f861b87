# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Sharing terms everywhere (issue 14): restriction categories, a caveat, a lawful basis with
its regime and the police's agreement for contributions and actions; terms for decisions and
addenda; a decision's rationale for wider sharing, the chair's choice to give none, and its
wording for the family; and the sharing-decision log.

Data, keeping what each stored item meant:
- contributions and actions keep their audience and family answer as stored;
- decisions and addenda recorded before had no terms and were in every agency's copy: they
  get the audience ``all`` (not the new default, undecided), and a meeting signed off before
  keeps its content hash (such terms are left out of the hash, domain.sharing_terms);
- a contribution's free-text lawful basis becomes the one lawful basis of its terms, with the
  regime "not specified" and the text as its note (JSON in the same column; "" becomes NULL).

Written for SQLite and PostgreSQL alike: columns are added with server defaults, the basis is
rewritten row by row with bound parameters.

Revision ID: 0008_sharing_terms
Revises: 0007_complete_record
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0008_sharing_terms"
down_revision = "0007_complete_record"
branch_labels = None
depends_on = None


def _terms_columns() -> list[sa.Column]:
    return [
        sa.Column("categories", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("caveat", sa.Text(), nullable=False, server_default=""),
        sa.Column("lawful_basis", sa.Text(), nullable=True),
        sa.Column("police_agreement", sa.Text(), nullable=False, server_default=""),
    ]


def _audience_columns() -> list[sa.Column]:
    # Existing rows were for every agency: the server default says so for them.
    return [
        sa.Column("audience", sa.String(16), nullable=False, server_default="all"),
        sa.Column("audience_agencies", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("family", sa.Boolean(), nullable=False, server_default=sa.false()),
    ]


def upgrade() -> None:
    bind = op.get_bind()
    # The free-text basis becomes JSON in the same column, which may now be empty (NULL).
    with op.batch_alter_table("contributions") as batch:
        batch.alter_column("lawful_basis", existing_type=sa.String(500), type_=sa.Text(), nullable=True)
    with op.batch_alter_table("contributions") as batch:
        for column in _terms_columns():
            if column.name != "lawful_basis":
                batch.add_column(column)
    contributions = sa.table("contributions", sa.column("id", sa.Integer), sa.column("lawful_basis", sa.Text))
    rows = bind.execute(sa.select(contributions.c.id, contributions.c.lawful_basis)).all()
    for row_id, text in rows:
        value = None if not (text or "").strip() else json.dumps(
            {"regime": "unspecified", "condition": "", "note": text}, ensure_ascii=False)
        bind.execute(contributions.update().where(contributions.c.id == row_id).values(lawful_basis=value))

    with op.batch_alter_table("actions") as batch:
        for column in _terms_columns():
            batch.add_column(column)
    with op.batch_alter_table("decisions") as batch:
        for column in [*_audience_columns(), *_terms_columns()]:
            batch.add_column(column)
        batch.add_column(sa.Column("wider_rationale", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("rationale_withheld_agreed", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
        batch.add_column(sa.Column("family_wording", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("addenda") as batch:
        for column in [*_audience_columns(), *_terms_columns()]:
            batch.add_column(column)

    op.create_table(
        "sharing_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("item_kind", sa.String(16), nullable=False),
        sa.Column("item_id", sa.String(64), nullable=False),
        sa.Column("change", sa.String(16), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("by", sa.String(200), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column("recipient", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_sharing_log_meeting", "sharing_log", ["meeting_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_sharing_log_meeting", table_name="sharing_log")
    op.drop_table("sharing_log")
    with op.batch_alter_table("addenda") as batch:
        for name in ("police_agreement", "lawful_basis", "caveat", "categories", "family",
                     "audience_agencies", "audience"):
            batch.drop_column(name)
    with op.batch_alter_table("decisions") as batch:
        for name in ("family_wording", "rationale_withheld_agreed", "wider_rationale", "police_agreement",
                     "lawful_basis", "caveat", "categories", "family", "audience_agencies", "audience"):
            batch.drop_column(name)
    with op.batch_alter_table("actions") as batch:
        for name in ("police_agreement", "lawful_basis", "caveat", "categories"):
            batch.drop_column(name)
    bind = op.get_bind()
    contributions = sa.table("contributions", sa.column("id", sa.Integer), sa.column("lawful_basis", sa.Text))
    for row_id, value in bind.execute(sa.select(contributions.c.id, contributions.c.lawful_basis)).all():
        basis = json.loads(value) if value else {}
        text = "; ".join(p for p in (basis.get("condition", ""), basis.get("note", "")) if p)[:500]
        bind.execute(contributions.update().where(contributions.c.id == row_id).values(lawful_basis=text))
    with op.batch_alter_table("contributions") as batch:
        for name in ("police_agreement", "caveat", "categories"):
            batch.drop_column(name)
    with op.batch_alter_table("contributions") as batch:
        batch.alter_column("lawful_basis", existing_type=sa.Text(), type_=sa.String(500), nullable=False)
