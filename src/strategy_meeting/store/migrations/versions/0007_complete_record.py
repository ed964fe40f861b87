# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""A complete record (issue 15): each meeting's nation (whose bank holidays count) and its
planning (criminal investigation timing and lead, legal advice and legal planning meeting,
parents' communication needs and interpreter), and whether the chair confirmed a decision.

Data: every existing meeting is in England (the only calendar the earlier versions used), with
nothing recorded for its planning; the decisions of a meeting already signed off are confirmed
(its record is locked, so no one can change them anyway). The child's views-or-why-not, a
child's interpreter and a household child's consideration live in the existing JSON details
and need no column; a meeting signed off before keeps its content hash, as these fields are
left out of the hash while they hold their defaults.

Revision ID: 0007_complete_record
Revises: 0006_distribution_protection
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_complete_record"
down_revision = "0006_distribution_protection"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.add_column(sa.Column("nation", sa.String(24), nullable=False, server_default="england"))
        batch.add_column(sa.Column("planning", sa.Text(), nullable=False, server_default="{}"))
    with op.batch_alter_table("decisions") as batch:
        batch.add_column(sa.Column("confirmed", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.get_bind().execute(sa.text(
        "UPDATE decisions SET confirmed = :yes WHERE meeting_id IN "
        "(SELECT id FROM meetings WHERE status IN ('signed_off', 'distributed'))"), {"yes": True})


def downgrade() -> None:
    with op.batch_alter_table("decisions") as batch:
        batch.drop_column("confirmed")
    with op.batch_alter_table("meetings") as batch:
        batch.drop_column("planning")
        batch.drop_column("nation")
