# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""What ``server init`` puts on top of the migrated tables, so that the database itself (not
the app) keeps each login to what its role and agency allow (issue 17, part 3 and 5).

- **Who a login is**: ``team_logins`` (login, role, agency), readable only through the
  ``SECURITY DEFINER`` functions ``team_role()``, ``team_agency()`` and ``team_is_staff()``.
  They look the login up by ``session_user``: inside such a function ``current_user`` is the
  owner, and a ``SET ROLE`` must not change who one is. A login that is not in the table is
  nobody: it sees no meeting. Which agencies take part in a meeting is copied onto its row
  (``meetings.team_agencies``) by a trigger on ``meeting_agencies``.
- **Group roles** per database (``<database>_<role>``): table privileges come from the group a
  login is granted; each login is one person's (``logins.add_login``).
- **Row-level security** on every table of a meeting: staff logins (chair, chair and
  administrator, administrator, minute-taker, information governance) see the full record; an
  agency representative sees the meetings their agency takes part in and, in them, the items
  ``team_may_see`` allows (``sharing_sql``, THE rule's SQL form), and may insert or update only
  their own agency's contributions (and the progress of their own agency's actions).
- **The audit table is append-only for every login**: no UPDATE, DELETE or TRUNCATE is granted
  to anyone, and triggers refuse them even for the owner; each event records the login that
  wrote it (``login``, set by a trigger from ``session_user``, so it cannot be claimed).
- **Live changes**: each new version of a meeting part is announced (``listener``) so open
  windows refresh as colleagues save.
- **No private key on the server**: ``signing_identities.private_key_pem`` must be empty (a
  CHECK constraint), so a signing key can only ever be kept on a desktop (issue 17, part 7).

The table owner (the DSN given to ``server init``) bypasses row-level security, as PostgreSQL
owners do: it is the administrator's set-up credential, not a login for daily work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from strategy_meeting.domain.roles import Permission, Role, allowed

from .listener import NOTIFY_TRIGGER
from .sharing_sql import (
    DECISIONS_VIEW,
    IS_STAFF,
    ITEM_POLICIES,
    MAY_SEE_FUNCTION,
    MAY_SEE_SIGNATURE,
    RATIONALE_FUNCTIONS,
    RATIONALE_SIGNATURES,
    WITHHELD_DECISION_COLUMNS,
    decisions_view,
    own_agency_clause,
    takes_part,
    visible_clause,
)

if TYPE_CHECKING:
    from sqlalchemy import Connection

# pg_advisory_xact_lock key that serialises audit appends across logins ("SMAUDIT" in ASCII).
AUDIT_LOCK_KEY = 0x534D4155444954

STAFF_ROLES = (Role.CHAIR, Role.CHAIR_ADMINISTRATOR, Role.ADMINISTRATOR, Role.MINUTE_TAKER,
               Role.INFORMATION_GOVERNANCE)

# Tables holding a meeting's parts, each with meeting_id: readable by a representative whose
# agency takes part in the meeting.
MEETING_PARTS = ("meeting_agencies", "children", "household_members", "participants",
                 "meeting_governance", "meeting_versions")
# Staff only: the sharing-decision log names items some copies withhold (issue 14). A
# representative whose save changes their own item's terms may append to it, never read it.
STAFF_ONLY_LOGS = ("sharing_log",)
# Readable by every login without row filtering: who the users are, the agency directory, the
# organisation's settings, the schema's revision.
SHARED_READ = ("users", "agency_directory", "settings", "alembic_version")

# What an information governance lead's login may change: the governance records alone (issue 16
# gives the role "reads everything, edits nothing": holds, restriction, subject access requests
# keep a record as it is). Every other table is read-only to it, in the database as in the app.
GOVERNANCE_TABLES = ("meeting_governance", "legal_holds", "subject_access_requests",
                     "subject_access_exemptions")

# The meeting parts whose version a representative's save moves.
REP_PARTS = ", ".join(f"'{p}'" for p in ("contributions", "actions"))


def group_role(database: str, role: Role) -> str:
    return f"{database}_{role.value}"


def _functions() -> list[str]:
    definer = "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp"
    return [
        "CREATE TABLE team_logins (login name PRIMARY KEY, role text NOT NULL, agency text, "
        "CHECK (role <> 'agency_rep' OR agency IS NOT NULL))",
        "REVOKE ALL ON team_logins FROM PUBLIC",
        f"CREATE FUNCTION team_role() RETURNS text {definer} AS "
        "$$ SELECT role FROM team_logins WHERE login = session_user $$",
        f"CREATE FUNCTION team_agency() RETURNS text {definer} AS "
        "$$ SELECT agency FROM team_logins WHERE login = session_user AND role = 'agency_rep' $$",
        f"CREATE FUNCTION team_is_staff() RETURNS boolean {definer} AS "
        "$$ SELECT coalesce((SELECT role <> 'agency_rep' FROM team_logins WHERE login = session_user), false) $$",
        # Which agencies take part, on the meeting's own row (see sharing_sql.takes_part).
        "ALTER TABLE meetings ADD COLUMN team_agencies text[] NOT NULL DEFAULT '{}'",
        "CREATE INDEX ix_meetings_team_agencies ON meetings USING gin (team_agencies)",
        # The list's default order with what row-level security checks, so its first page and
        # its count come from this narrow index alone: the meetings' rows are wide (a few kB
        # each), and reading 100,000 of them for one count took a tenth of a second.
        "CREATE INDEX ix_meetings_list_order ON meetings (held_at DESC, id DESC) INCLUDE (team_agencies)",
        "CREATE FUNCTION team_agencies_follow() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
        "SET search_path = public, pg_temp AS $$ DECLARE mid integer; BEGIN "
        "IF TG_OP = 'DELETE' THEN mid := OLD.meeting_id; ELSE mid := NEW.meeting_id; END IF; "
        "UPDATE meetings SET team_agencies = ARRAY(SELECT DISTINCT code FROM meeting_agencies "
        "WHERE meeting_id = mid) WHERE id = mid; "
        "IF TG_OP = 'UPDATE' AND OLD.meeting_id <> NEW.meeting_id THEN "
        "UPDATE meetings SET team_agencies = ARRAY(SELECT DISTINCT code FROM meeting_agencies "
        "WHERE meeting_id = OLD.meeting_id) WHERE id = OLD.meeting_id; END IF; "
        "RETURN NULL; END $$",
        "CREATE TRIGGER meeting_agencies_follow AFTER INSERT OR UPDATE OR DELETE ON meeting_agencies "
        "FOR EACH ROW EXECUTE FUNCTION team_agencies_follow()",
        *_list_counts(definer),
        MAY_SEE_FUNCTION,
        *RATIONALE_FUNCTIONS,
        # The chain's head for any login (a representative reads only their own events).
        f"CREATE FUNCTION team_audit_head() RETURNS TABLE (seq integer, hash varchar) {definer} AS "
        "$$ SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1 $$",
    ]


def _list_counts(definer: str) -> list[str]:
    """How many meetings each login's list holds, kept as meetings come, go and change their
    agencies: counting them under row-level security meant testing every meeting's agencies
    (a sixtieth of a second for 100,000, on every refresh of every representative's list).
    ``agency = ''`` counts every meeting (what staff see); a representative's count is their
    agency's, which is exactly what the policies let them read. Read only through
    ``team_list_count()``, for the caller's own login."""
    bump = ("INSERT INTO team_list_counts (agency, meetings) VALUES ({agency}, {delta}) "
            "ON CONFLICT (agency) DO UPDATE SET meetings = team_list_counts.meetings + {delta}")
    return [
        "CREATE TABLE team_list_counts (agency text PRIMARY KEY, meetings bigint NOT NULL)",
        "REVOKE ALL ON team_list_counts FROM PUBLIC",
        # Counted afresh: at set-up, and by the owner after a bulk load made with the counting
        # triggers off (one row bumped for each of 100,000 meetings in one transaction grows
        # a chain of versions each bump must walk).
        "CREATE FUNCTION team_recount_lists() RETURNS void LANGUAGE sql SECURITY DEFINER "
        "SET search_path = public, pg_temp AS $$ DELETE FROM team_list_counts; "
        "INSERT INTO team_list_counts (agency, meetings) SELECT '', count(*) FROM meetings; "
        "INSERT INTO team_list_counts (agency, meetings) SELECT code, count(*) FROM "
        "(SELECT id, unnest(team_agencies) AS code FROM meetings) AS taking_part GROUP BY code $$",
        "REVOKE ALL ON FUNCTION team_recount_lists() FROM PUBLIC",
        "SELECT team_recount_lists()",
        "CREATE FUNCTION team_count_meetings() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
        "SET search_path = public, pg_temp AS $$ DECLARE code text; BEGIN "
        "IF TG_OP = 'INSERT' THEN "
        f"{bump.format(agency=chr(39) * 2, delta=1)}; "
        f"FOREACH code IN ARRAY NEW.team_agencies LOOP {bump.format(agency='code', delta=1)}; END LOOP; "
        "ELSIF TG_OP = 'DELETE' THEN "
        f"{bump.format(agency=chr(39) * 2, delta=-1)}; "
        f"FOREACH code IN ARRAY OLD.team_agencies LOOP {bump.format(agency='code', delta=-1)}; END LOOP; "
        "ELSE "
        "FOR code IN SELECT unnest(NEW.team_agencies) EXCEPT SELECT unnest(OLD.team_agencies) LOOP "
        f"{bump.format(agency='code', delta=1)}; END LOOP; "
        "FOR code IN SELECT unnest(OLD.team_agencies) EXCEPT SELECT unnest(NEW.team_agencies) LOOP "
        f"{bump.format(agency='code', delta=-1)}; END LOOP; "
        "END IF; RETURN NULL; END $$",
        "CREATE TRIGGER meetings_counted AFTER INSERT OR DELETE ON meetings "
        "FOR EACH ROW EXECUTE FUNCTION team_count_meetings()",
        "CREATE TRIGGER meetings_counted_by_agency AFTER UPDATE OF team_agencies ON meetings "
        "FOR EACH ROW EXECUTE FUNCTION team_count_meetings()",
        # NULL for a login that is nobody's (the owner): it counts what it reads instead.
        f"CREATE FUNCTION team_list_count() RETURNS bigint {definer} AS "
        "$$ SELECT CASE WHEN team_role() IS NULL THEN NULL ELSE coalesce((SELECT meetings "
        "FROM team_list_counts WHERE agency = CASE WHEN team_is_staff() THEN '' ELSE team_agency() END), 0) "
        "END $$",
    ]


def _audit() -> list[str]:
    return [
        "ALTER TABLE audit_events ADD COLUMN login name NOT NULL DEFAULT session_user",
        "CREATE FUNCTION team_audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "RAISE EXCEPTION 'audit events are append-only: % refused', TG_OP "
        "USING ERRCODE = 'insufficient_privilege'; END $$",
        "CREATE FUNCTION team_audit_stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "NEW.login := session_user; RETURN NEW; END $$",
        "CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events "
        "FOR EACH ROW EXECUTE FUNCTION team_audit_refuse()",
        "CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events "
        "FOR EACH STATEMENT EXECUTE FUNCTION team_audit_refuse()",
        "CREATE TRIGGER audit_events_login BEFORE INSERT ON audit_events "
        "FOR EACH ROW EXECUTE FUNCTION team_audit_stamp()",
        "ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY team_read ON audit_events FOR SELECT USING ({IS_STAFF} OR login = session_user)",
        "CREATE POLICY team_append ON audit_events FOR INSERT WITH CHECK (true)",
    ]


def _policies() -> list[str]:
    staff = f"CREATE POLICY team_staff ON {{}} FOR ALL USING ({IS_STAFF}) WITH CHECK ({IS_STAFF})"
    out = ["ALTER TABLE meetings ENABLE ROW LEVEL SECURITY",
           f"CREATE POLICY team_read ON meetings FOR SELECT USING ({IS_STAFF} OR {takes_part('id')})",
           staff.format("meetings")]
    for table in MEETING_PARTS:
        out += [f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
                f"CREATE POLICY team_read ON {table} FOR SELECT USING ({IS_STAFF} OR {takes_part('meeting_id')})",
                staff.format(table)]
    # A representative saving their own contribution moves the meeting's updated_at and the
    # contributions' version (the column grants in _grants limit them to exactly that).
    out += [f"CREATE POLICY team_rep_touch ON meetings FOR UPDATE USING ({takes_part('id')}) "
            f"WITH CHECK ({takes_part('id')})",
            "CREATE POLICY team_rep_version ON meeting_versions FOR UPDATE "
            f"USING ({takes_part('meeting_id')} AND part IN ({REP_PARTS})) "
            f"WITH CHECK ({takes_part('meeting_id')} AND part IN ({REP_PARTS}))"]
    for item in ITEM_POLICIES:
        t = item.table
        out += [f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY",
                f"CREATE POLICY team_read ON {t} FOR SELECT USING ({visible_clause(item)})",
                staff.format(t)]
        if "INSERT" in item.representative_writes:
            out.append(f"CREATE POLICY team_own_insert ON {t} FOR INSERT WITH CHECK ({own_agency_clause(item)})")
        if "UPDATE" in item.representative_writes:
            out.append(f"CREATE POLICY team_own_update ON {t} FOR UPDATE USING ({own_agency_clause(item)}) "
                       f"WITH CHECK ({own_agency_clause(item)})")
    for t in STAFF_ONLY_LOGS:
        out += [f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY", staff.format(t),
                f"CREATE POLICY team_rep_append ON {t} FOR INSERT WITH CHECK ({takes_part('meeting_id')})"]
    return out


def _grants(database: str, tables: list[str], quote: object, decision_columns: list[str]) -> list[str]:
    q = quote  # the dialect's identifier quoting
    out: list[str] = []
    everything = [t for t in tables if t not in ("team_logins", "audit_events")]
    for role in Role:
        group = q(group_role(database, role))  # type: ignore[operator]
        out += [f"CREATE ROLE {group} NOLOGIN", f"GRANT CONNECT ON DATABASE {q(database)} TO {group}",  # type: ignore[operator]
                f"GRANT USAGE ON SCHEMA public TO {group}",
                f"GRANT SELECT, INSERT ON audit_events TO {group}"]
        if role is Role.INFORMATION_GOVERNANCE:
            out += [f"GRANT SELECT ON {t} TO {group}" for t in everything]
            out += [f"GRANT INSERT, UPDATE, DELETE ON {t} TO {group}" for t in GOVERNANCE_TABLES]
            out.append(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {group}")
        elif role in STAFF_ROLES:
            out += [f"GRANT SELECT, INSERT, UPDATE, DELETE ON {t} TO {group}"
                    for t in everything if t != "alembic_version"]
            out += [f"GRANT SELECT ON alembic_version TO {group}",
                    f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {group}"]
        elif role is Role.AGENCY_REP:
            readable = ["meetings", *MEETING_PARTS, *(i.table for i in ITEM_POLICIES if i.table != "decisions"),
                        *SHARED_READ]
            out += [f"GRANT SELECT ON {t} TO {group}" for t in readable]
            # Not the rationale columns: the view gives them as the agency's copy holds them.
            seen = ", ".join(c for c in decision_columns if c not in WITHHELD_DECISION_COLUMNS)
            out.append(f"GRANT SELECT ({seen}) ON decisions TO {group}")
            for t in STAFF_ONLY_LOGS:
                out += [f"GRANT INSERT ON {t} TO {group}", f"GRANT USAGE ON SEQUENCE {t}_id_seq TO {group}"]
            out += [f"GRANT UPDATE (updated_at) ON meetings TO {group}",
                    f"GRANT UPDATE (version, changed_by, changed_at) ON meeting_versions TO {group}"]
            for item in ITEM_POLICIES:
                for command in item.representative_writes:
                    columns = f" ({', '.join(item.representative_columns)})" if (
                        command == "UPDATE" and item.representative_columns) else ""
                    out.append(f"GRANT {command}{columns} ON {item.table} TO {group}")
                if "INSERT" in item.representative_writes:
                    out.append(f"GRANT USAGE ON SEQUENCE {item.table}_id_seq TO {group}")
        out.append(f"GRANT SELECT ON {DECISIONS_VIEW} TO {group}")
    for fn in ("team_role()", "team_agency()", "team_is_staff()", "team_list_count()",
               "team_audit_head()", MAY_SEE_SIGNATURE, *RATIONALE_SIGNATURES):
        out.append(f"REVOKE ALL ON FUNCTION {fn} FROM PUBLIC")
        out += [f"GRANT EXECUTE ON FUNCTION {fn} TO {q(group_role(database, r))}" for r in Role]  # type: ignore[operator]
    return out


# Who may sign a meeting off (domain.roles: Permission.SIGN_OFF), as the database checks it.
SIGNERS = tuple(r.value for r in Role if allowed(r, Permission.SIGN_OFF))


def _only_signers_sign_off() -> list[str]:
    """A meeting is signed off (its sign-off record set, or its status moved to signed off)
    only by a login whose role signs: a minute-taker's or an administrator's login may edit or
    distribute a meeting, and now cannot sign it off with raw SQL either. The owner (no role:
    the set-up credential) is not stopped."""
    signers = ", ".join(f"'{r}'" for r in SIGNERS)
    return [
        "CREATE FUNCTION team_guard_sign_off() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF (NEW.sign_off IS DISTINCT FROM OLD.sign_off "
        "OR (NEW.status = 'signed_off' AND OLD.status IS DISTINCT FROM 'signed_off')) "
        f"AND team_role() IS NOT NULL AND team_role() NOT IN ({signers}) THEN "
        "RAISE EXCEPTION 'only a chair signs a meeting off: % refused', TG_OP "
        "USING ERRCODE = 'insufficient_privilege'; END IF; RETURN NEW; END $$",
        "CREATE TRIGGER meetings_sign_off_guard BEFORE UPDATE ON meetings "
        "FOR EACH ROW EXECUTE FUNCTION team_guard_sign_off()",
    ]


def _private_keys_stay_on_desktops() -> list[str]:
    return ["ALTER TABLE signing_identities ADD CONSTRAINT team_no_private_key "
            "CHECK (length(private_key_pem) = 0)"]


def apply(conn: Connection) -> None:
    """Everything above, in the caller's transaction, on a freshly migrated database."""
    from sqlalchemy import inspect

    database = str(conn.exec_driver_sql("SELECT current_database()").scalar_one())
    inspector = inspect(conn)
    tables = sorted(inspector.get_table_names()) + ["team_logins"]
    decision_columns = [c["name"] for c in inspector.get_columns("decisions")]
    quote = conn.dialect.identifier_preparer.quote
    statements = [*_functions(), *_audit(), *_policies(), *_only_signers_sign_off(),
                  *_private_keys_stay_on_desktops(), *NOTIFY_TRIGGER,
                  decisions_view(decision_columns), *_grants(database, tables, quote, decision_columns)]
    for sql in statements:
        # No parameters: the driver must not read the '%' of a PL/pgSQL message as a mark.
        conn.exec_driver_sql(sql, execution_options={"no_parameters": True})
