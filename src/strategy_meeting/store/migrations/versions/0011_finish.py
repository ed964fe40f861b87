# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Each rendered copy records the folder it was written to (issue 19), so a meeting's window
lists the copies made earlier, after a restart too, and opens them where they were saved.

Data: copies recorded earlier keep an empty folder ("not recorded"); their file names stay.

Revision ID: 0011_finish
Revises: 0010_team_server
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_finish"
down_revision = "0010_team_server"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("minutes_copies") as batch:
        batch.add_column(sa.Column("folder", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("minutes_copies") as batch:
        batch.drop_column("folder")
