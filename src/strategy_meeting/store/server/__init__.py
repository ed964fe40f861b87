# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The team server (issue 17): the same tables, repositories and unit of work on PostgreSQL.

- ``connection``: a server address made safe (TLS ``verify-full`` always) and its engine.
- ``sharing_sql``: THE sharing rule in SQL, the mirror of ``domain.sharing.may_see``.
- ``schema``: what ``server init`` adds on top of the migrated tables: group roles, grants,
  row-level security policies, the audit table's append-only triggers.
- ``logins``: one person's login (``server add-user``).
- ``store``: ``ServerStore``, the handle services get instead of a local ``Store``.
"""
