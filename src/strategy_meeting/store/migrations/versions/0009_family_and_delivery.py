# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Issue 14, item 6: a distribution log that proves itself: which version each entry carried, and when and how a
copy saved for hand delivery was handed over or acknowledged.

(A decision's family wording came with 0008; the family's "what happens next" and "who to contact" live in the meeting's ``next_steps``
JSON column, which needs no schema change.)

Revision ID: 0009_family_and_delivery
Revises: 0008_sharing_terms
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_family_and_delivery"
down_revision = "0008_sharing_terms"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("distributions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("handed_over_at", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("handed_over_how", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("acknowledged_how", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("distributions", schema=None) as batch_op:
        batch_op.drop_column("acknowledged_how")
        batch_op.drop_column("handed_over_how")
        batch_op.drop_column("handed_over_at")
        batch_op.drop_column("version")
