# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Keep each signed copy's bytes in the store, so distribution sends exactly what was signed
without relying on a folder that left the app's control.

Revision ID: 0002_copy_content
Revises: 0001_initial
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_copy_content"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("minutes_copies", schema=None) as batch_op:
        batch_op.add_column(sa.Column("content", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("minutes_copies", schema=None) as batch_op:
        batch_op.drop_column("content")
