# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Create, open and lock a store, and find out who is acting.

The passphrase is handed down once, to the store, and not kept anywhere above it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from strategy_meeting.domain.errors import NotFound, PermissionDenied, WrongPassphrase
from strategy_meeting.domain.roles import Role, User
from strategy_meeting.store import layout

from . import audit, users
from .context import ServiceContext

if TYPE_CHECKING:
    from strategy_meeting.store import KdfParams, Store

# The store layer (SQLAlchemy, alembic) is imported inside the functions that open a store:
# the app shows its unlock screen first and loads it meanwhile (see gui/app.py).


def init_store(
    data_dir: Path,
    user_name: str,
    passphrase: str,
    role: Role = Role.CHAIR,
    agency: str | None = None,
    display_name: str = "",
    kdf: KdfParams | None = None,
    clock: Callable[[], datetime] | None = None,
) -> tuple[ServiceContext, User, str]:
    """A new encrypted store with its first user. Returns the recovery key (shown once)."""
    from strategy_meeting.store import KdfParams, Store

    users.validate_new_user(user_name, role, agency)
    first = User(user_name, role, agency if role is Role.AGENCY_REP else None, display_name)
    now = clock() if clock else None
    store, recovery = Store.create(data_dir, first, passphrase, kdf or KdfParams(), now)
    ctx = ServiceContext(store, clock) if clock else ServiceContext(store)
    return ctx, users.resolve(ctx, user_name), recovery


def _acting_user(ctx: ServiceContext, slot_user: str) -> User:
    """The passphrase's owner, and nobody else: an account acts only under its own secret."""
    try:
        return users.resolve(ctx, slot_user)
    except (NotFound, PermissionDenied):
        ctx.close()
        raise


def open_session(
    data_dir: Path,
    passphrase: str,
    user: str | None = None,
    clock: Callable[[], datetime] | None = None,
) -> tuple[ServiceContext, User]:
    """Unlock ``user``'s own slot (``--user``; the store's first account when not given).
    A passphrase that is someone else's is refused, and the attempt is in the audit log under
    the name of the passphrase's real owner."""
    from strategy_meeting.store import Store

    try:
        store, slot_user = Store.open(data_dir, passphrase, user)
    except WrongPassphrase:
        _refuse_acting_as(data_dir, passphrase, user, clock)
        raise
    ctx = ServiceContext(store, clock) if clock else ServiceContext(store)
    return ctx, _acting_user(ctx, slot_user)


def _refuse_acting_as(data_dir: Path, passphrase: str, user: str | None,
                      clock: Callable[[], datetime] | None) -> None:
    """When the passphrase opens another account's slot (``user``'s, or the first account's
    when no name was given), record the attempt as its owner's and refuse; otherwise return (a
    plain wrong passphrase, nothing to record)."""
    from strategy_meeting.store import Store

    opened = Store.open_as_passphrase_owner(data_dir, passphrase)
    if opened is None:
        return
    store, owner = opened
    ctx = ServiceContext(store, clock) if clock else ServiceContext(store)
    try:
        audit.record_denied(ctx, owner, "act_as_another_user",
                            {"requested_user": user or "(the store's first account)"})
    finally:
        ctx.close()
    if user:
        raise PermissionDenied(
            f"This passphrase is not {user}'s: each person acts only under their own passphrase. "
            f"Use {user}'s own passphrase, or leave out --user. The attempt was recorded.")
    raise PermissionDenied(
        "This passphrase is not the store's first account's: give your own user name with it "
        "(--user NAME, or User name on the unlock screen). The attempt was recorded.")


def open_from_keyring(
    data_dir: Path, clock: Callable[[], datetime] | None = None
) -> tuple[ServiceContext, User] | None:
    from strategy_meeting.store import Store

    found = Store.open_from_keyring(data_dir)
    if found is None:
        return None
    store, slot_user = found
    return session_for(store, slot_user, clock)


def session_for(store: Store, slot_user: str, clock: Callable[[], datetime] | None = None) -> tuple[ServiceContext, User]:
    """The context and actor for a store opened by a key already found (the keyring's)."""
    ctx = ServiceContext(store, clock) if clock else ServiceContext(store)
    return ctx, _acting_user(ctx, slot_user)


def open_with_recovery_key(
    data_dir: Path, recovery_key: str, user: str, new_passphrase: str | None = None
) -> tuple[ServiceContext, User]:
    """For a forgotten passphrase or a lost keyring entry: opens the existing store (never a
    new one) and, given a new passphrase, rewraps the user's slot."""
    from strategy_meeting.store import Store

    store = Store.open_with_recovery_key(data_dir, recovery_key)
    ctx = ServiceContext(store)
    actor = _acting_user(ctx, user)
    if new_passphrase:
        store.set_passphrase(actor.name, new_passphrase)
        # Their new slot holds a new own key (the recovery key never yields the old one, so
        # what was sealed under it stays sealed); this session may sign with the new one.
        store.open_own_key(actor.name, new_passphrase)
        with ctx.unit_of_work() as uow:
            uow.audit.append(actor.name, "store.recovered", "store")
            uow.commit()
    return ctx, actor


def load_store_layer() -> None:
    """Import the store layer (SQLAlchemy, alembic's check, Argon2) now. The app calls this in
    its worker once the window is up, so the first unlock does not wait for the imports."""
    import strategy_meeting.store.database  # noqa: F401
    import strategy_meeting.store.key_slots  # noqa: F401


def has_store(data_dir: Path) -> bool:
    return layout.store_exists(data_dir)


def keyring_available() -> tuple[bool, str]:
    from strategy_meeting.store import keyring_status

    st = keyring_status()
    return st.available, st.reason


def remember_on_this_computer(ctx: ServiceContext, actor: User) -> None:
    ctx.store.remember_on_this_computer(actor.name)


def forget_on_this_computer(ctx: ServiceContext) -> None:
    ctx.store.forget_on_this_computer()


def damage_found(ctx: ServiceContext) -> str | None:
    """What was found damaged in this session, if anything: the open store then only reads,
    and the app offers to restore a backup."""
    return None if ctx.store.damage is None else str(ctx.store.damage)


def lock(ctx: ServiceContext) -> None:
    ctx.close()


def open_own_key(ctx: ServiceContext, actor: User, passphrase: str) -> None:
    """Open the actor's own key in this session (to sign), with their own passphrase. Where
    this computer remembers the store, its keyring entry then carries the key too, so the next
    remembered start can sign without asking."""
    ctx.store.open_own_key(actor.name, passphrase)
    if layout.remembered_hint(ctx.store.data_dir):
        ctx.store.remember_on_this_computer(actor.name)
