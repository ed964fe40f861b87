# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""No lost update (issue 17, part 4): each part of a meeting (its details, agencies, children,
household, participants, contributions, decisions, actions, addenda) carries a version and who
changed it last, so a save made from an older reading of a part is refused with that person's
name instead of silently overwriting their change; on the team server two people edit one
meeting at once.

Data: every existing meeting's parts start at version 1, changed by nobody recorded.

Revision ID: 0010_team_server
Revises: 0009_family_and_delivery
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_team_server"
down_revision = "0009_family_and_delivery"
branch_labels = None
depends_on = None

PARTS = ("details", "agencies", "children", "household", "participants", "contributions", "decisions",
         "actions", "addenda")


def upgrade() -> None:
    op.create_table(
        "meeting_versions",
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meetings.id", ondelete="CASCADE"), nullable=False),
        sa.Column("part", sa.String(16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("changed_by", sa.String(200), nullable=False),
        sa.Column("changed_at", sa.String(40), nullable=True),
        sa.PrimaryKeyConstraint("meeting_id", "part"),
    )
    bind = op.get_bind()
    for part in PARTS:
        bind.execute(sa.text(
            "INSERT INTO meeting_versions (meeting_id, part, version, changed_by, changed_at) "
            "SELECT id, :part, 1, '', updated_at FROM meetings"), {"part": part})


def downgrade() -> None:
    op.drop_table("meeting_versions")
