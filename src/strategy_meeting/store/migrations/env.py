# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Alembic environment: always online, on the connection the store hands over."""

from __future__ import annotations

from alembic import context

from strategy_meeting.store.tables import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only used by developers running alembic by hand
    raise RuntimeError("run migrations through strategy_meeting.store.migrations.upgrade")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
