# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""THE sharing rule in SQL: the one place the team server's row-level security says who may
see an item. It mirrors ``domain.sharing.may_see`` clause for clause:

=================================================  ===========================================
``domain.sharing.may_see``                         ``team_may_see(owner, audience, agencies,
                                                   categories, police_agreement, recipient)``
=================================================  ===========================================
``recipient.is_full_record``                       ``recipient IS NULL`` (a staff login: chair,
                                                   administrator, minute-taker, IG)
``scope is UNDECIDED``: False                      ``audience <> 'undecided' AND (...)``
``owner is not None and agency == owner``          ``owner IS NOT NULL AND recipient = owner``
``POLICE_SENSITIVE`` and no ``police_agreement``   ``NOT (categories ? 'police_sensitive' AND
                                                   police_agreement = '')``
``categories & NAMED_AGENCIES_ONLY``: a list       ``CASE WHEN categories ?| [named-only] THEN
audience naming the agency                         audience = 'agencies' AND agencies ? recipient``
``scope is ALL``                                   ``audience = 'all'``
``scope is AGENCIES and agency in agencies``       ``audience = 'agencies' AND agencies ? recipient``
otherwise (``CHAIR``) False                        otherwise false
=================================================  ===========================================

(The family's copy is never a login, so its clause has no SQL form.) The columns are those
``store.mapping.terms_out`` writes (``audience``, ``audience_agencies`` and ``categories`` as
JSON lists, ``police_agreement``). Decisions and addenda have no giving agency (owner NULL).
A decision's rationale, wider rationale and relied-on items are a column rule
(``sharing.copy_of``): ``RATIONALE_FUNCTIONS`` and the ``team_decisions`` view below. When the
domain's rule grows, change ``may_see`` and this module together:
``tests/server/test_rls_property.py`` compares every representative's raw ``SELECT`` with
``domain.sharing.copy_of`` and fails on any difference.
"""

from __future__ import annotations

from dataclasses import dataclass

from strategy_meeting.domain.sharing_terms import NAMED_AGENCIES_ONLY

# Categories under which "all agencies" is not enough (``sharing_terms.NAMED_AGENCIES_ONLY``).
_NAMED_ONLY = ", ".join(f"'{c.value}'" for c in sorted(NAMED_AGENCIES_ONLY))

MAY_SEE_FUNCTION = f"""
CREATE FUNCTION team_may_see(owner text, audience text, audience_agencies text, categories text,
                             police_agreement text, recipient text)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT recipient IS NULL
        OR (audience <> 'undecided' AND (
               (owner IS NOT NULL AND recipient = owner)
            OR (NOT (categories::jsonb ? 'police_sensitive' AND coalesce(police_agreement, '') = '')
                AND CASE WHEN categories::jsonb ?| ARRAY[{_NAMED_ONLY}]
                         THEN audience = 'agencies' AND audience_agencies::jsonb ? recipient
                         ELSE audience = 'all'
                              OR (audience = 'agencies' AND audience_agencies::jsonb ? recipient)
                    END)))
$$
"""
MAY_SEE_SIGNATURE = "team_may_see(text, text, text, text, text, text)"


@dataclass(frozen=True)
class ItemPolicy:
    """A table of items under the sharing rule: which column names the giving (or owning)
    agency, and whether a representative may write their own agency's rows."""

    table: str
    owner_column: str | None  # None: the chair's own items (decisions, addenda), no giver
    representative_writes: tuple[str, ...]  # "INSERT", "UPDATE"
    representative_columns: tuple[str, ...] = ()  # UPDATE limited to these columns (empty: all)


ITEM_POLICIES: tuple[ItemPolicy, ...] = (
    ItemPolicy("contributions", "agency", ("INSERT", "UPDATE")),
    # A representative tracks their own agency's actions (Permission.UPDATE_OWN_ACTIONS).
    ItemPolicy("actions", "owner_agency", ("UPDATE",), ("status", "completion_note")),
    # The chair's own items (issue 14): their terms decide, with no giving agency.
    ItemPolicy("decisions", None, ()),
    ItemPolicy("addenda", None, ()),
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


def may_see_expr(policy: ItemPolicy, alias: str = "") -> str:
    """``team_may_see`` over a row of the policy's table (``alias``: its name in the query)."""
    p = f"{alias}." if alias else ""
    owner = f"{p}{policy.owner_column}" if policy.owner_column else "NULL"
    return (f"team_may_see({owner}, {p}audience, {p}audience_agencies, {p}categories, "
            f"{p}police_agreement, {MY_AGENCY})")


def visible_clause(policy: ItemPolicy) -> str:
    """The USING clause of an item table's read policy."""
    return f"{IS_STAFF} OR ({takes_part('meeting_id')} AND {may_see_expr(policy)})"


def policy_for(table: str) -> ItemPolicy:
    return next(p for p in ITEM_POLICIES if p.table == table)


# A decision's rationale is a column, not a row, rule (``sharing.rationale_for``): a copy that
# may not see every item the decision relied on holds the wider-sharing rationale (or none),
# and no agency's copy holds the wider rationale itself; its ``relied_on`` names only the items
# the copy holds. A representative has no SELECT on these three columns; these SECURITY DEFINER functions give each login the text its copy holds,
# for a decision row it may see (NULL for one it may not), and ``team_decisions`` (a
# security-invoker, security-barrier view: the login's own row policies apply) reads a
# decision as ``copy_of`` gives it.
_DECISION_SEEN = f"""
    FROM decisions d
    WHERE d.id = decision_row
      AND ({IS_STAFF} OR ({MY_AGENCY} IS NOT NULL
           AND EXISTS (SELECT 1 FROM meetings team_m WHERE team_m.id = d.meeting_id
                       AND {MY_AGENCY} = ANY (team_m.team_agencies))
           AND {may_see_expr(ItemPolicy("decisions", None, ()), "d")}))
"""
_RELIED_ON_HIDDEN = f"""EXISTS (
              SELECT 1 FROM contributions c
              WHERE c.meeting_id = d.meeting_id
                AND d.relied_on::jsonb ? c.item_id
                AND NOT {may_see_expr(ItemPolicy("contributions", "agency", ()), "c")})"""

RATIONALE_FUNCTIONS = [
    "CREATE FUNCTION team_rationale(decision_row integer) RETURNS text LANGUAGE sql STABLE "
    "SECURITY DEFINER SET search_path = public, pg_temp AS $$ "
    f"SELECT CASE WHEN {IS_STAFF} THEN d.rationale "
    f"WHEN {_RELIED_ON_HIDDEN} THEN d.wider_rationale ELSE d.rationale END {_DECISION_SEEN} $$",
    "CREATE FUNCTION team_wider_rationale(decision_row integer) RETURNS text LANGUAGE sql STABLE "
    "SECURITY DEFINER SET search_path = public, pg_temp AS $$ "
    f"SELECT CASE WHEN {IS_STAFF} THEN d.wider_rationale ELSE '' END {_DECISION_SEEN} $$",
    # The items it relied on that the copy holds, in their order (``copy_of``'s ``relied_on``):
    # the ids of withheld items are not named.
    "CREATE FUNCTION team_relied_on(decision_row integer) RETURNS text LANGUAGE sql STABLE "
    "SECURITY DEFINER SET search_path = public, pg_temp AS $$ "
    f"SELECT CASE WHEN {IS_STAFF} THEN d.relied_on ELSE ("
    "SELECT coalesce(json_agg(x.v ORDER BY x.n), '[]'::json)::text "
    "FROM jsonb_array_elements_text(d.relied_on::jsonb) WITH ORDINALITY AS x(v, n) "
    "WHERE EXISTS (SELECT 1 FROM contributions c WHERE c.meeting_id = d.meeting_id AND c.item_id = x.v "
    f"AND {may_see_expr(ItemPolicy('contributions', 'agency', ()), 'c')})) END {_DECISION_SEEN} $$",
]
RATIONALE_SIGNATURES = ("team_rationale(integer)", "team_wider_rationale(integer)", "team_relied_on(integer)")
WITHHELD_DECISION_COLUMNS = ("rationale", "wider_rationale", "relied_on")
DECISIONS_VIEW = "team_decisions"


def decisions_view(columns: list[str]) -> str:
    """The view over ``decisions`` with ``columns`` (the table's, in order) and the two
    rationale columns as the login's copy holds them."""
    select = ", ".join(f"team_{c}(id) AS {c}" if c in WITHHELD_DECISION_COLUMNS else c for c in columns)
    return (f"CREATE VIEW {DECISIONS_VIEW} WITH (security_invoker = true, security_barrier = true) AS "
            f"SELECT {select} FROM decisions")


def own_agency_clause(policy: ItemPolicy) -> str:
    """Where a representative may write: their own agency's items in their meetings only."""
    return f"{policy.owner_column} = {MY_AGENCY} AND {takes_part('meeting_id')}"
