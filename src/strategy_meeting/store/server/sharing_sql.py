# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""THE sharing rule in SQL: the one place the team server's row-level security says who may
see an item. It mirrors ``domain.sharing.may_see`` clause for clause:

==============================================  ==============================================
``domain.sharing.may_see``                      ``team_may_see(owner, audience, agencies, recipient)``
==============================================  ==============================================
``recipient.agency is None`` (full record)      ``recipient IS NULL`` (a staff login: chair,
                                                administrator, minute-taker, IG)
``recipient.agency == owner_agency``            ``recipient = owner``
``terms.scope is AudienceScope.ALL``            ``audience = 'all'``
``scope is AGENCIES and agency in agencies``    ``audience = 'agencies' AND agencies::jsonb ? recipient``
otherwise (``CHAIR``) False                     otherwise false
==============================================  ==============================================

The columns are those ``store.mapping.terms_out`` writes (``audience``, ``audience_agencies`` as
a JSON list, ``family``). When the domain's rule grows (restriction categories, the sharing
terms of decisions and addenda), change ``may_see`` and this function together, and extend
``ITEM_POLICIES`` with the table and the columns that hold its owner and terms:
``tests/server/test_rls_property.py`` compares every representative's raw ``SELECT`` with
``domain.sharing.copy_of`` and fails on any difference.
"""

from __future__ import annotations

from dataclasses import dataclass

MAY_SEE_FUNCTION = """
CREATE FUNCTION team_may_see(owner text, audience text, audience_agencies text, recipient text)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT recipient IS NULL
        OR recipient = owner
        OR audience = 'all'
        OR (audience = 'agencies' AND audience_agencies::jsonb ? recipient)
$$
"""


@dataclass(frozen=True)
class ItemPolicy:
    """A table of items under the sharing rule: which column names the giving (or owning)
    agency, and whether a representative may write their own agency's rows."""

    table: str
    owner_column: str
    representative_writes: tuple[str, ...]  # "INSERT", "UPDATE"
    representative_columns: tuple[str, ...] = ()  # UPDATE limited to these columns (empty: all)


ITEM_POLICIES: tuple[ItemPolicy, ...] = (
    ItemPolicy("contributions", "agency", ("INSERT", "UPDATE")),
    # A representative tracks their own agency's actions (Permission.UPDATE_OWN_ACTIONS).
    ItemPolicy("actions", "owner_agency", ("UPDATE",), ("status", "completion_note")),
)


# Who the login is, as scalar subqueries: PostgreSQL evaluates each once per statement (an
# InitPlan), not once per row. Which agencies take part in a meeting is kept on the meeting's
# own row (``meetings.team_agencies``, maintained by a trigger from ``meeting_agencies``, see
# schema.py), so "their agency takes part" is a plain expression on that row: an index lookup
# for one meeting and a cheap filter for a whole list, with no function called per row. The
# sharing rule itself is an inlined IMMUTABLE expression.
IS_STAFF = "(SELECT team_is_staff())"
MY_AGENCY = "(SELECT team_agency())"


def takes_part(column: str) -> str:
    """The row's meeting (``column``: ``id`` on ``meetings``, else ``meeting_id``) is one the
    login's agency takes part in."""
    if column == "id":
        return f"{MY_AGENCY} = ANY (team_agencies)"
    return (f"EXISTS (SELECT 1 FROM meetings team_m WHERE team_m.id = {column} "
            f"AND {MY_AGENCY} = ANY (team_m.team_agencies))")


def visible_clause(policy: ItemPolicy) -> str:
    """The USING clause of an item table's read policy."""
    return (f"{IS_STAFF} OR ({takes_part('meeting_id')} AND "
            f"team_may_see({policy.owner_column}, audience, audience_agencies, {MY_AGENCY}))")


def own_agency_clause(policy: ItemPolicy) -> str:
    """Where a representative may write: their own agency's items in their meetings only."""
    return f"{policy.owner_column} = {MY_AGENCY} AND {takes_part('meeting_id')}"
