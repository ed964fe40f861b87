# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""An agency in the directory may hold an X.509 certificate (DER), so its copies of the
minutes can be encrypted to it. Existing agencies have none until an administrator adds it.

Revision ID: 0003_agency_certificate
Revises: 0002_copy_content
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_agency_certificate"
down_revision = "0002_copy_content"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("agency_directory", schema=None) as batch_op:
        batch_op.add_column(sa.Column("certificate", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("agency_directory", schema=None) as batch_op:
        batch_op.drop_column("certificate")
