# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The organisation's directory of agencies: what a chair picks from when inviting.

Anyone signed in may read it (it holds no personal data); only an administrator changes it.
A meeting keeps its own copy of each agency it invited, so editing the directory never
rewrites past records.
"""

from __future__ import annotations

import re
from dataclasses import replace

from strategy_meeting.domain.agency import Agency, AgencyKind, is_valid_agency_code
from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.errors import InvalidInput, NotFound, PermissionDenied
from strategy_meeting.domain.roles import Permission, User

from .context import ServiceContext
from .users import require

# Deliberately loose: one '@', something either side, a dot in the domain. Delivery is the test.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_NAME = 500


def is_plausible_email(text: str) -> bool:
    """Empty (no address), or one that could be an address: the directory's rule, shared with
    the interchange check so that an imported meeting cannot hold what the directory refuses."""
    email = text.strip()
    return not email or _EMAIL.match(email) is not None


def list_agencies(ctx: ServiceContext, actor: User) -> list[Agency]:
    if not actor.active:
        raise PermissionDenied(f"The account '{actor.name}' is disabled.")
    with ctx.unit_of_work() as uow:
        return uow.agencies.list()


def validate_agency(agency: Agency) -> Agency:
    """The cleaned agency, or InvalidInput naming the field to fix."""
    code = agency.code.strip().upper()
    name = " ".join(agency.name.split())
    email = agency.email.strip()
    if not is_valid_agency_code(code):
        raise InvalidInput(
            "An agency code starts with a capital letter and holds capitals, digits, '_' or '-' "
            "(up to 32), e.g. POLICE."
        )
    if not name:
        raise InvalidInput(f"Agency {code} needs a name.")
    if len(name) > MAX_NAME:
        raise InvalidInput(f"The name of agency {code} is longer than {MAX_NAME} characters.")
    if not is_plausible_email(email):
        raise InvalidInput(f"The e-mail address of agency {code} does not look right: check it, or leave it empty.")
    kind = agency.kind if agency.kind is None else AgencyKind(agency.kind)
    return Agency(code, name, kind, email, agency.certificate)


def save_agency(ctx: ServiceContext, actor: User, agency: Agency) -> tuple[Agency, Changes]:
    """Add the agency, or update the one with the same code. Its certificate is kept as it
    is: certificates change only through ``agency_certificates``, which checks them."""
    require(actor, Permission.MANAGE_AGENCIES)
    clean = validate_agency(agency)
    with ctx.unit_of_work() as uow:
        existing = uow.agencies.get(clean.code)
        existed = existing is not None
        clean = replace(clean, certificate=existing.certificate if existing is not None else b"")
        uow.agencies.upsert(clean)
        uow.audit.append(
            actor.name, "agency.update" if existed else "agency.add", f"agency:{clean.code}",
            {"kind": clean.kind.value if clean.kind else None},
        )
        uow.commit()
    return clean, Changes(agencies=True)


def remove_agency(ctx: ServiceContext, actor: User, code: str) -> Changes:
    require(actor, Permission.MANAGE_AGENCIES)
    with ctx.unit_of_work() as uow:
        if uow.agencies.get(code) is None:
            raise NotFound(f"There is no agency with code '{code}' in the directory.")
        uow.agencies.remove(code)
        uow.audit.append(actor.name, "agency.remove", f"agency:{code}")
        uow.commit()
    return Changes(agencies=True)
