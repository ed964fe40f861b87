# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Search keys fold accents as well as case (domain.text_folding): the keys of existing
meetings and children are recomputed, so "Zoe" finds a Zoë recorded before the upgrade. No
column changes; downgrade leaves the folded keys (an older version's casefold search then
simply misses accented names, as it did before).

Revision ID: 0005_folded_search_keys
Revises: 0003_agency_certificate
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from strategy_meeting.domain.text_folding import fold

revision = "0005_folded_search_keys"
down_revision = "0004_records_governance"
branch_labels = None
depends_on = None


def _surname(name: str) -> str:  # as domain.meeting.SubjectChild.surname
    parts = name.split()
    return parts[-1] if parts else ""


def upgrade() -> None:
    conn = op.get_bind()
    for mid, reference in conn.execute(sa.text("SELECT id, reference FROM meetings")).all():
        conn.execute(sa.text("UPDATE meetings SET reference_key = :k WHERE id = :i"),
                     {"k": fold(reference), "i": mid})
    for cid, name in conn.execute(sa.text("SELECT id, name FROM children")).all():
        conn.execute(sa.text("UPDATE children SET name_key = :n, surname_key = :s WHERE id = :i"),
                     {"n": fold(name), "s": fold(_surname(name)), "i": cid})


def downgrade() -> None:
    pass
