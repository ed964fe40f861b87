# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Records governance (issue 16): retention classes, each meeting's class, case closure and
restriction, legal holds, erasure tombstones, subject access requests and their exemptions.

Data: one default class, "Child protection" (25 years from the youngest child's date of birth),
and every meeting already in the store is given it, so a store that is upgraded keeps every
record under a stated rule from its first open.

Revision ID: 0004_records_governance
Revises: 0003_agency_certificate
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0004_records_governance"
down_revision = "0003_agency_certificate"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "retention_classes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("period_months", sa.Integer(), nullable=False),
        sa.Column("counted_from", sa.String(32), nullable=False),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "meeting_governance",
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("retention_class_id", sa.Integer(), sa.ForeignKey("retention_classes.id"), nullable=True),
        sa.Column("case_closed_on", sa.String(10), nullable=True),
        sa.Column("restricted", sa.Boolean(), nullable=False),
        sa.Column("restricted_at", sa.String(40), nullable=True),
        sa.Column("restricted_by", sa.String(200), nullable=False),
        sa.Column("restriction_reason", sa.Text(), nullable=False),
    )
    op.create_table(
        "legal_holds",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("target", sa.String(16), nullable=False),
        sa.Column("target_key", sa.String(600), nullable=False),
        sa.Column("label", sa.String(600), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("placed_at", sa.String(40), nullable=False),
        sa.Column("placed_by", sa.String(200), nullable=False),
        sa.Column("lifted_at", sa.String(40), nullable=True),
        sa.Column("lifted_by", sa.String(200), nullable=False),
        sa.Column("lift_reason", sa.Text(), nullable=False),
    )
    op.create_index("ix_legal_holds_target_key", "legal_holds", ["target_key"])
    op.create_table(
        "erasures",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("reference", sa.String(64), nullable=False),
        sa.Column("held_on", sa.String(10), nullable=True),
        sa.Column("created_at", sa.String(40), nullable=True),
        sa.Column("signed_off_at", sa.String(40), nullable=True),
        sa.Column("retention_class", sa.String(200), nullable=False),
        sa.Column("retain_until", sa.String(10), nullable=True),
        sa.Column("erased_at", sa.String(40), nullable=False),
        sa.Column("erased_by", sa.String(200), nullable=False),
        sa.Column("ground", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("signed_content_hash", sa.String(64), nullable=False),
        sa.Column("backups_before", sa.Text(), nullable=False),
        sa.Column("audit_seq", sa.Integer(), nullable=False),
    )
    op.create_index("ix_erasures_reference", "erasures", ["reference"])
    op.create_table(
        "subject_access_requests",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("person_name", sa.String(500), nullable=False),
        sa.Column("person_key", sa.String(500), nullable=False),
        sa.Column("received_on", sa.String(10), nullable=False),
        sa.Column("due_on", sa.String(10), nullable=False),
        sa.Column("extension_reason", sa.Text(), nullable=False),
        sa.Column("opened_by", sa.String(200), nullable=False),
        sa.Column("opened_at", sa.String(40), nullable=False),
        sa.Column("exported_at", sa.String(40), nullable=True),
        sa.Column("closed_at", sa.String(40), nullable=True),
    )
    op.create_index("ix_subject_access_requests_person_key", "subject_access_requests", ["person_key"])
    op.create_table(
        "subject_access_exemptions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("request_id", sa.Integer(),
                  sa.ForeignKey("subject_access_requests.id", ondelete="CASCADE"), nullable=False),
        sa.Column("meeting_reference", sa.String(64), nullable=False),
        sa.Column("item_key", sa.String(200), nullable=False),
        sa.Column("ground", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("marked_by", sa.String(200), nullable=False),
        sa.Column("marked_at", sa.String(40), nullable=False),
        sa.UniqueConstraint("request_id", "item_key", "ground"),
    )
    op.create_index("ix_subject_access_exemptions_request_id", "subject_access_exemptions", ["request_id"])
    op.create_index("ix_subject_access_exemptions_meeting_reference", "subject_access_exemptions",
                    ["meeting_reference"])

    # The data: a default class, and every existing meeting under it.
    bind = op.get_bind()
    now = datetime.now(UTC).isoformat()
    bind.execute(
        sa.text("INSERT INTO retention_classes (name, period_months, counted_from, is_default, created_at) "
                "VALUES (:name, :months, :origin, :yes, :now)"),
        {"name": "Child protection", "months": 25 * 12, "origin": "child_date_of_birth", "yes": True, "now": now},
    )
    bind.execute(sa.text(
        "INSERT INTO meeting_governance (meeting_id, retention_class_id, case_closed_on, restricted, restricted_at,"
        " restricted_by, restriction_reason) SELECT id, (SELECT id FROM retention_classes WHERE is_default = :yes),"
        " NULL, :no, NULL, '', '' FROM meetings"
    ), {"yes": True, "no": False})  # booleans bound, not 1/0 literals: PostgreSQL (issue 17) types them


def downgrade() -> None:
    for table in ("subject_access_exemptions", "subject_access_requests", "erasures", "legal_holds",
                  "meeting_governance", "retention_classes"):
        op.drop_table(table)
