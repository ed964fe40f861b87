# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The third check of an interchange file: what refers to what inside it.

A schema can say that ``relied_on`` holds ids and that an agency is a code; only this module
can say that the id is one of the file's contributions and that the code is one of the
file's agencies. Each problem carries its JSON path, as the schema's problems do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from strategy_meeting.domain.agency import AGENCY_CODE_PATTERN
from strategy_meeting.domain.meeting import ITEM_ID_PATTERN

from .reading import show


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, at one place in it."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def json_path(parts: Sequence[str | int]) -> str:
    """``["meeting", "contributions", 2, "agency"]`` -> ``meeting.contributions[2].agency``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,63}", part):
            out += f".{part}" if out else part
        else:
            out += "[?]"
    return out or "top level"


_ID_GROUPS = ("children", "household", "participants", "contributions", "decisions", "actions")


def _objects(parent: dict[str, Any], key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The objects of a list, with their index; wrong shapes are the schema's to report."""
    value = parent.get(key)
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def _codes_used(m: dict[str, Any]) -> Iterator[tuple[list[str | int], object]]:
    """Every place the meeting names an agency by code, with its path."""
    for key in ("chair", "minute_taker"):
        if isinstance(m.get(key), dict):
            yield ["meeting", key, "agency"], m[key].get("agency")
    if isinstance(m.get("referral"), dict):
        yield ["meeting", "referral", "source_agency"], m["referral"].get("source_agency")
    for i, p in _objects(m, "participants"):
        yield ["meeting", "participants", i, "agency"], p.get("agency")
    for group, owner in (("contributions", "agency"), ("actions", "owner_agency")):
        for i, item in _objects(m, group):
            yield ["meeting", group, i, owner], item.get(owner)
            sharing = item.get("sharing")
            audience = sharing.get("audience") if isinstance(sharing, dict) else None
            if isinstance(audience, list):
                for j, code in enumerate(audience):
                    yield ["meeting", group, i, "sharing", "audience", j], code
    for i, d in _objects(m, "decisions"):
        for j, dissent in _objects(d, "dissent"):
            yield ["meeting", "decisions", i, "dissent", j, "agency"], dissent.get("agency")
    for group in ("decisions", "addenda"):  # their terms (strategy-meeting/3)
        for i, item in _objects(m, group):
            sharing = item.get("sharing")
            audience = sharing.get("audience") if isinstance(sharing, dict) else None
            if isinstance(audience, list):
                for j, code in enumerate(audience):
                    yield ["meeting", group, i, "sharing", "audience", j], code
    for i, entry in _objects(m, "distributions"):
        yield ["meeting", "distributions", i, "recipient"], entry.get("recipient")


# Malformed codes and ids are the schema's to report; cross-checking them too would only
# say the same thing twice.
def _is_code(value: object) -> bool:
    return isinstance(value, str) and AGENCY_CODE_PATTERN.fullmatch(value) is not None


def _is_id(value: object) -> bool:
    return isinstance(value, str) and ITEM_ID_PATTERN.fullmatch(value) is not None


def cross_reference_problems(document: dict[str, Any]) -> Iterator[Problem]:
    """Ids unique across every kind of item, ``relied_on`` naming contributions, every
    agency code used (a distribution's recipient too) listed exactly once, a distribution log
    only beside a sign-off. Tolerates any shape: wrong shapes are skipped here
    and reported by the schema."""
    m = document.get("meeting")
    if not isinstance(m, dict):
        return

    first_use: dict[str, str] = {}
    kind_of: dict[str, str] = {}
    for group in _ID_GROUPS:
        for i, item in _objects(m, group):
            item_id = item.get("id")
            if not _is_id(item_id):
                continue
            here = json_path(["meeting", group, i])
            if item_id in first_use:
                yield Problem(
                    f"{here}.id",
                    f"the id {show(item_id)} is already used by {first_use[item_id]} "
                    "(ids must be unique within the file)",
                )
            else:
                first_use[item_id] = here
                kind_of[item_id] = group

    for i, d in _objects(m, "decisions"):
        relied_on = d.get("relied_on")
        for j, item_id in enumerate(relied_on if isinstance(relied_on, list) else []):
            if not _is_id(item_id) or kind_of.get(item_id) == "contributions":
                continue
            where = json_path(["meeting", "decisions", i, "relied_on", j])
            if item_id in kind_of:
                yield Problem(
                    where,
                    f"{show(item_id)} is {first_use[item_id]}, not a contribution "
                    "(a decision relies only on contributions)",
                )
            else:
                yield Problem(where, f"{show(item_id)} names no contribution in this file")

    distributions = m.get("distributions")
    if isinstance(distributions, list) and distributions and "sign_off" not in m:
        # Copies go out only once the minutes are signed off (issue 15: the log travels with them).
        yield Problem("meeting.distributions",
                      "only a signed-off record has a distribution log (the file has no sign_off)")

    if not isinstance(m.get("agencies"), list):
        return
    listed: dict[str, str] = {}
    for i, agency in _objects(m, "agencies"):
        code = agency.get("code")
        if not _is_code(code):
            continue
        here = json_path(["meeting", "agencies", i])
        if code in listed:
            yield Problem(
                f"{here}.code",
                f"the agency {show(code)} is listed twice (also at {listed[code]}): keep one",
            )
        else:
            listed[code] = here
    for where_parts, code in _codes_used(m):
        if _is_code(code) and code not in listed:
            yield Problem(
                json_path(where_parts),
                f"{show(code)} is not one of the listed agencies "
                "(add it to meeting.agencies or correct the code)",
            )
