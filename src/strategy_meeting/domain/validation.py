# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Whole-meeting consistency rules, checked before every save.

Messages name the problem and what to do; they never quote record text.
"""

from __future__ import annotations

from .agency import is_valid_agency_code
from .errors import InvalidInput
from .meeting import ITEM_ID_PATTERN, NATIONS, REFERENCE_PATTERN, Meeting
from .sharing_terms import AudienceScope

MAX_TEXT = 100_000
MAX_SHORT = 500


def meeting_problems(m: Meeting) -> list[str]:
    problems: list[str] = []
    if not REFERENCE_PATTERN.match(m.reference):
        problems.append("the reference may hold letters, digits, '/', '_' and '-' only")
    codes = [a.code for a in m.agencies]
    for a in m.agencies:
        if not is_valid_agency_code(a.code):
            problems.append(f"agency code '{a.code}' is not valid: use capitals, digits, '_' or '-'")
        if not a.name.strip():
            problems.append(f"agency {a.code} needs a name")
    if len(set(codes)) != len(codes):
        problems.append("an agency is listed twice")
    listed = set(codes)

    def check_code(code: str, where: str) -> None:
        if code and code not in listed:
            problems.append(f"{where} names agency {code}, which is not one of the meeting's agencies")

    if m.nation not in NATIONS:
        problems.append("the nation must be one of " + ", ".join(NATIONS))
    ids: list[str] = []
    for group in (m.children, m.household, m.contributions, m.decisions, m.actions):
        ids.extend(item.id for item in group)
    for item_id in ids:
        if not ITEM_ID_PATTERN.match(item_id):
            problems.append("an item id may hold letters, digits, '_' and '-' only")
            break
    if len(set(ids)) != len(ids):
        problems.append("two items share an id")

    for n, p in enumerate(m.participants, 1):
        if not p.agency.strip():
            problems.append(f"participant {n} needs an agency: choose one of the meeting's agencies "
                            "or one from the directory")
        check_code(p.agency, f"participant {n}")
        if not p.name.strip():
            problems.append(f"participant {n} needs a name")
    for n, c in enumerate(m.contributions, 1):
        check_code(c.agency, f"contribution {n}")
        if not c.text.strip():
            problems.append(f"contribution {n} has no text")
        if len(c.text) > MAX_TEXT:
            problems.append(f"contribution {n} is longer than {MAX_TEXT} characters")
        if c.sharing.scope is AudienceScope.AGENCIES:
            for code in sorted(c.sharing.agencies):
                check_code(code, f"the sharing terms of contribution {n}")
    contribution_ids = {c.id for c in m.contributions}
    for n, d in enumerate(m.decisions, 1):
        if not d.rationale.strip():
            problems.append(f"decision {n} needs a rationale: say why it was decided")
        for ref in d.relied_on:
            if ref not in contribution_ids:
                problems.append(f"decision {n} relies on an item that is not one of the meeting's contributions")
        for x in d.dissent:
            check_code(x.agency, f"a dissent on decision {n}")
    for n, a in enumerate(m.actions, 1):
        check_code(a.owner_agency, f"action {n}")
        if not a.description.strip():
            problems.append(f"action {n} needs a description")
        if a.sharing.scope is AudienceScope.AGENCIES:
            for code in sorted(a.sharing.agencies):
                check_code(code, f"the sharing terms of action {n}")
    check_code(m.referral.source_agency, "the referral")
    return problems


def validate_meeting(m: Meeting) -> None:
    problems = meeting_problems(m)
    if problems:
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        raise InvalidInput(f"The meeting was not saved: {problems[0]}{more}.")


def nhs_number_problem(text: str) -> str:
    """Why ``text`` is not an NHS number ("" when it is one, or is empty): ten digits (spaces
    allowed) whose last is the Modulus 11 check digit of the first nine (NHS Data Dictionary)."""
    digits = "".join(text.split())
    if not digits:
        return ""
    if len(digits) != 10 or not digits.isdigit():
        return "An NHS number has 10 digits: check it against the child's health records."
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    if check == 10 or check != int(digits[9]):
        return "That is not a valid NHS number (its check digit does not match): check it for a typing error."
    return ""
