# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Signing identities: a self-signed certificate made on request, or an organisation's PKCS#12
imported by its holder. The private key is sealed under its holder's own key (from their own
passphrase or keyring entry, ``Store.seal_personal``) before it is written, so nobody else with
an account, and nobody with the store key alone, can sign as them. What leaves this module is
the public certificate and its summary, never the key.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.errors import InvalidInput, NotFound, PermissionDenied
from strategy_meeting.domain.records import SigningIdentity
from strategy_meeting.domain.roles import Permission, User

from .atomic_files import write_atomically
from .context import ServiceContext
from .minutes.identity import CertificateSummary, create_self_signed, load_pkcs12, summarise, to_pkcs12
from .users import require


def _summary(identity: SigningIdentity) -> CertificateSummary:
    return summarise(identity.certificate_pem)


def _purpose(identity: SigningIdentity) -> str:
    """Binds a sealed key to its holder and certificate: a sealed key copied onto another
    user's row, or another certificate, does not open."""
    return f"signing-key|{identity.user_name}|{identity.fingerprint_sha256}"


def seal(ctx: ServiceContext, identity: SigningIdentity) -> SigningIdentity:
    return replace(identity, private_key_pem=ctx.store.seal_personal(identity.private_key_pem,
                                                                      _purpose(identity)))


def unseal(ctx: ServiceContext, identity: SigningIdentity) -> SigningIdentity:
    """The identity with its private key usable, in this holder's session only."""
    return replace(identity, private_key_pem=ctx.store.open_personal(identity.private_key_pem,
                                                                      _purpose(identity)))


def _record(ctx: ServiceContext, actor: User, identity: SigningIdentity, action: str) -> None:
    sealed = seal(ctx, identity)
    with ctx.unit_of_work() as uow:
        uow.identities.add(sealed)
        uow.audit.append(
            actor.name,
            action,
            f"identity:{identity.user_name}",
            {"kind": identity.kind.value, "fingerprint_sha256": identity.fingerprint_sha256},
        )
        uow.commit()


def new_self_signed(
    ctx: ServiceContext, actor: User, *, organisation: str = ""
) -> tuple[CertificateSummary, Changes]:
    """A new key and self-signed certificate for the acting user; it becomes their active one."""
    require(actor, Permission.MANAGE_IDENTITIES)
    identity = create_self_signed(actor.name, actor.label, ctx.now(), organisation=organisation)
    _record(ctx, actor, identity, "identity.create_self_signed")
    return _summary(identity), Changes(identities=True)


def import_pkcs12(
    ctx: ServiceContext,
    actor: User,
    data: bytes,
    password: str | None,
    *,
    for_user: str | None = None,
) -> tuple[CertificateSummary, Changes]:
    """An organisation's certificate and key, for the acting user: only its holder can seal it
    under their own key, so nobody imports a signing identity for someone else."""
    require(actor, Permission.MANAGE_IDENTITIES)
    owner = for_user or actor.name
    if owner != actor.name:
        raise PermissionDenied(
            f"Only {owner} can import their own signing identity: it is sealed under their own "
            "passphrase. Give them the PKCS#12 file to import themselves.")
    with ctx.unit_of_work() as uow:
        if uow.users.get(owner) is None:
            raise NotFound(f"There is no user called '{owner}' in this store.")
    identity = load_pkcs12(data, password, owner, ctx.now())
    _record(ctx, actor, identity, "identity.import_pkcs12")
    return _summary(identity), Changes(identities=True)


def active_certificate(ctx: ServiceContext, actor: User, user_name: str | None = None) -> bytes:
    """The PEM certificate (public part only) to give agencies so they can trust signatures."""
    owner = user_name or actor.name
    if owner != actor.name:
        require(actor, Permission.MANAGE_IDENTITIES)
    with ctx.unit_of_work() as uow:
        identity = uow.identities.active_for(owner)
    if identity is None:
        raise NotFound(
            f"'{owner}' has no signing identity yet: create one with 'identity new --self-signed' "
            "or import the organisation's certificate with 'identity import FILE.p12'."
        )
    return identity.certificate_pem


def import_pkcs12_file(
    ctx: ServiceContext, actor: User, path: Path, password: str | None, *, for_user: str | None = None
) -> tuple[CertificateSummary, Changes]:
    """``import_pkcs12`` from a file the user chose (.p12 or .pfx)."""
    try:
        data = path.read_bytes()
    except OSError:
        raise InvalidInput(f"Cannot read {path}.") from None
    return import_pkcs12(ctx, actor, data, password, for_user=for_user)


def export_certificate(ctx: ServiceContext, actor: User, path: Path) -> Path:
    """Write the acting user's public certificate (PEM) for agencies to trust, whole or not at all."""
    pem = active_certificate(ctx, actor)
    try:
        return write_atomically(path, pem)
    except OSError as exc:
        raise InvalidInput(f"Cannot write {path}: {exc.strerror}.") from None


def export_pkcs12(ctx: ServiceContext, actor: User, path: Path, password: str) -> Path:
    """The acting user's own identity, key included, as a PKCS#12 file under ``password``.
    Only its holder can: the key opens with their own key alone (``unseal``), so an
    administrator or anyone else with an account gets ``PersonalKeyMissing``. The file is
    written whole or not at all, owner-only, and the export is audited (never its password)."""
    require(actor, Permission.MANAGE_IDENTITIES)
    if len(password) < 8:
        raise InvalidInput("The PKCS#12 password is too short: use at least 8 characters.")
    with ctx.unit_of_work() as uow:
        sealed = uow.identities.active_for(actor.name)
    if sealed is None:
        raise NotFound("You have no signing identity to export: make or import one first.")
    data = to_pkcs12(unseal(ctx, sealed), password)
    try:
        write_atomically(path, data)
        path.chmod(0o600)
    except OSError as exc:
        raise InvalidInput(f"Cannot write {path}: {exc.strerror}.") from None
    with ctx.unit_of_work() as uow:
        uow.audit.append(actor.name, "identity.export_pkcs12", f"identity:{actor.name}",
                         {"fingerprint_sha256": sealed.fingerprint_sha256})
        uow.commit()
    return path


def active_summary(ctx: ServiceContext, actor: User) -> CertificateSummary | None:
    with ctx.unit_of_work() as uow:
        identity = uow.identities.active_for(actor.name)
    return None if identity is None else _summary(identity)


def record_certificates(ctx: ServiceContext, actor: User) -> list[bytes]:
    """The public certificates (PEM) of every signing identity this record holds, retired ones
    too: minutes signed before a certificate was replaced must still check as signed by this
    record. The certificates themselves, not their issuers: trusting an organisation's root
    would vouch for everything it ever issued. Public parts only, so any user may have them."""
    with ctx.unit_of_work() as uow:
        identities = uow.identities.list()
    return [identity.certificate_pem for identity in identities]
