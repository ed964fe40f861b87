# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Users and roles: who may do what, checked here so the GUI and CLI never decide a rule."""

from __future__ import annotations

import re

from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.errors import InvalidInput, NotFound, PermissionDenied
from strategy_meeting.domain.roles import Permission, Role, User, allowed
from strategy_meeting.domain.roles import holders as role_holders

from .context import ServiceContext

USER_NAME = re.compile(r"^[\w.@-]{1,200}$")

# DESIGN.md section 7: every account of a local store unwraps the one data key, so its accounts
# are the keeping organisation's own staff. The GUI shows the same words when the role is chosen.
AGENCY_REP_REFUSAL = (
    "Agency representatives have no account in a store kept on one computer: anyone with an "
    "account here could read what their agency may not see. They contribute by the request "
    "form (Request a contribution), or through a team server."
)


def require(actor: User, permission: Permission) -> None:
    if not actor.active:
        raise PermissionDenied(f"The account '{actor.name}' is disabled.")
    if not allowed(actor.role, permission):
        holders = [_with_article(r.label.lower()) for r in role_holders(permission)]
        ask = f"Ask {' or '.join(holders)}." if holders else "No role may do this."
        who = _with_article(actor.role.label.lower()).capitalize()
        raise PermissionDenied(f"{who} may not {permission.value.replace('_', ' ')}. {ask}")


def _with_article(label: str) -> str:
    return f"an {label}" if label[0] in "aeiou" else f"a {label}"


def validate_new_user(name: str, role: Role, agency: str | None) -> None:
    if not USER_NAME.match(name):
        raise InvalidInput(
            "A user name may hold letters, digits, '.', '@', '_' and '-' only (no spaces), up to 200 characters."
        )
    if role is Role.AGENCY_REP:
        raise PermissionDenied(AGENCY_REP_REFUSAL)


def resolve(ctx: ServiceContext, name: str) -> User:
    with ctx.unit_of_work() as uow:
        user = uow.users.get(name)
    if user is None:
        raise NotFound(f"There is no user called '{name}' in this store.")
    if not user.active:
        if user.role is Role.AGENCY_REP:
            raise PermissionDenied(f"The account '{name}' is disabled. {AGENCY_REP_REFUSAL}")
        raise PermissionDenied(f"The account '{name}' is disabled.")
    return user


def list_users(ctx: ServiceContext, actor: User) -> list[User]:
    require(actor, Permission.MANAGE_USERS)
    with ctx.unit_of_work() as uow:
        return uow.users.list()


def add_user(
    ctx: ServiceContext,
    actor: User,
    name: str,
    role: Role,
    passphrase: str,
    agency: str | None = None,
    display_name: str = "",
) -> tuple[User, Changes]:
    """Create an account and its own passphrase slot (each user unlocks with their own).

    Administrators add users. One exception: while a store has no active administrator (its
    first user was a chair), a chair may add one; otherwise such a store could never get the
    role that distributes minutes and manages users.
    """
    if ctx.is_server:
        # A login is made on the server by its owner (it needs the right to create roles),
        # never half here: no users row without its login.
        raise PermissionDenied(
            "On a team server, people's logins are added by the server's administrator with "
            "'strategy-meeting server add-user NAME --role ROLE --dsn OWNER_DSN'.")
    first_admin = actor.active and actor.role is Role.CHAIR and role in (Role.ADMINISTRATOR,
                                                                          Role.CHAIR_ADMINISTRATOR)
    if not first_admin:
        require(actor, Permission.MANAGE_USERS)
    validate_new_user(name, role, agency)
    from strategy_meeting.store.key_slots import check_passphrase_acceptable

    check_passphrase_acceptable(passphrase)
    with ctx.unit_of_work() as uow:
        if first_admin and any(allowed(u.role, Permission.MANAGE_USERS) and u.active for u in uow.users.list()):
            require(actor, Permission.MANAGE_USERS)  # an administrator exists: ask them
        if uow.users.get(name) is not None:
            raise InvalidInput(f"There is already a user called '{name}'.")
        user = uow.users.add(User(name, role, agency if role is Role.AGENCY_REP else None, display_name))
        details: dict[str, object] = {"role": role.value, "agency": agency}
        if first_admin:
            details["first_administrator"] = True
        uow.audit.append(actor.name, "user.add", f"user:{name}", details)
        uow.commit()
    # After the commit: a failed commit must not leave a key slot for a user who does not exist.
    ctx.store.set_passphrase(name, passphrase)
    return user, Changes(users=True)


def set_active(ctx: ServiceContext, actor: User, name: str, active: bool) -> Changes:
    require(actor, Permission.MANAGE_USERS)
    if name == actor.name and not active:
        raise InvalidInput("You cannot disable your own account.")
    with ctx.unit_of_work() as uow:
        user = uow.users.get(name)
        if user is None:
            raise NotFound(f"There is no user called '{name}'.")
        if active and user.role is Role.AGENCY_REP:
            raise PermissionDenied(AGENCY_REP_REFUSAL)
        uow.users.update(User(user.name, user.role, user.agency, user.display_name, active, user.id))
        uow.audit.append(actor.name, "user.enable" if active else "user.disable", f"user:{name}")
        uow.commit()
    return Changes(users=True)


def change_passphrase(ctx: ServiceContext, actor: User, new_passphrase: str) -> None:
    """Rewraps the actor's own slot; the database is never re-encrypted."""
    ctx.store.set_passphrase(actor.name, new_passphrase)
    with ctx.unit_of_work() as uow:
        uow.audit.append(actor.name, "user.passphrase_changed", f"user:{actor.name}")
        uow.commit()
