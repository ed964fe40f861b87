# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The distribution log says how each copy was protected ("" not encrypted, "password",
"certificate"); entries logged earlier hold NULL, shown as "not recorded".

Revision ID: 0006_distribution_protection
Revises: 0005_folded_search_keys
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_distribution_protection"
down_revision = "0005_folded_search_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("distributions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("protection", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("distributions", schema=None) as batch_op:
        batch_op.drop_column("protection")
