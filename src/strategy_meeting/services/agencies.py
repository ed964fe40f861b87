# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The organisation's directory of agencies: what a chair picks from when inviting.

Anyone signed in may read it (it holds no personal data); only an administrator changes it.
A meeting keeps its own copy of each agency it invited, so editing the directory never
rewrites past records.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from strategy_meeting.domain.agency import Agency, AgencyKind, is_valid_agency_code
from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.errors import InvalidInput, NotFound, PermissionDenied, UnknownAgency
from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.domain.roles import Permission, User

from .context import ServiceContext
from .users import require

# Deliberately loose: one '@', something either side, a dot in the domain. Delivery is the test.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_NAME = 500
# A code given on the command line is quoted back only if it looks like one.
_SHOWABLE = re.compile(r"[A-Za-z0-9_.:+-]{1,40}")
ADD_IN_THE_APP = "Settings and administration, Agencies"


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


def check_codes(meeting: Meeting, codes: Iterable[str], directory: Iterable[Agency]) -> None:
    """Refuse the first code that names no agency of ``meeting``, in one line saying what to do.

    The GUI only ever offers a meeting's own agencies, picked from the directory; the command
    line takes typed codes, so a typo must be refused here rather than make a copy or a form for
    an agency nobody invited. A meeting keeps its own copy of each agency it invited (imported
    meetings bring theirs), so its codes stand even when the directory has since changed."""
    invited = meeting.agency_codes
    known = {agency.code for agency in directory}
    for code in codes:
        if code in invited:
            continue
        shown = f"'{code}'" if _SHOWABLE.fullmatch(code) else "given"
        if code not in known:
            raise UnknownAgency(
                f"There is no agency {shown} in the agency directory or in {meeting.reference}: check "
                f"the code (in capitals, e.g. POLICE), or have an administrator add the agency in the "
                f"app ({ADD_IN_THE_APP}) and invite it to the meeting; its agencies are "
                f"{', '.join(invited) or 'none'}."
            )
        raise UnknownAgency(
            f"The agency {shown} is in the directory but was not invited to {meeting.reference}: "
            f"invite it to the meeting in the app first; its agencies are {', '.join(invited) or 'none'}."
        )


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
