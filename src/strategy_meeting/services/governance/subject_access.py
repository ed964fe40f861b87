# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Subject access requests (issue 16; UK GDPR Article 15): find one person across meetings,
track the request's dates, mark exemptions, and export what may be disclosed with a schedule
of what was withheld. The rules are in domain/subject_access.py; this module reads the store,
writes the files and keeps the request.

Meetings whose processing is restricted (Article 18) go into no export until the restriction
is lifted; the export says which were left out. Export file names hold only the request's
number: a person's name never becomes a file name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from strategy_meeting.domain.errors import InvalidInput, NotFound
from strategy_meeting.domain.meeting import Meeting
from strategy_meeting.domain.roles import Permission, User
from strategy_meeting.domain.subject_access import (
    Disclosure,
    Exemption,
    ExemptionGround,
    PersonEntry,
    RecordItem,
    SubjectAccessRequest,
    ScheduleEntry,
    build_disclosure,
    choose_person,
    due_date,
    export_document,
    matching_people,
    people_index,
)

from ..files import write_atomically
from ..context import ServiceContext
from ..users import require
from .reasons import reason_text


@dataclass(frozen=True)
class SubjectAccessExport:
    request: SubjectAccessRequest
    json_path: Path
    pdf_path: Path
    disclosed: int
    withheld: int
    redacted: int
    not_included_restricted: tuple[str, ...]


def _meetings(uow) -> tuple[list[Meeting], set[str]]:  # type: ignore[no-untyped-def]
    """Every meeting open to processing, and the references of those restricted."""
    restricted = uow.governance.restricted_references()
    loaded = [uow.meetings.get(ref) for ref in uow.meetings.references()]
    return [m for m in loaded if m is not None and m.reference not in restricted], restricted


def find_person(ctx: ServiceContext, actor: User, query: str) -> PersonEntry:
    """The one person whose name matches ``query`` (accent-insensitive); AmbiguousPerson lists
    the candidates when several do."""
    require(actor, Permission.SUBJECT_ACCESS)
    with ctx.unit_of_work() as uow:
        all_meetings = [m for m in (uow.meetings.get(r) for r in uow.meetings.references()) if m is not None]
    return choose_person(people_index(all_meetings), query)


def candidates(ctx: ServiceContext, actor: User, query: str) -> list[PersonEntry]:
    """Everyone whose name matches ``query`` (accent-insensitive), for the user to choose from
    (the app lists them; the command line refuses with them). NotFound when nobody."""
    require(actor, Permission.SUBJECT_ACCESS)
    with ctx.unit_of_work() as uow:
        all_meetings = [m for m in (uow.meetings.get(r) for r in uow.meetings.references()) if m is not None]
    return matching_people(people_index(all_meetings), query)


def open_request_about(ctx: ServiceContext, actor: User, query: str) -> SubjectAccessRequest | None:
    """The open request about the one person ``query`` names, if there is one."""
    person = find_person(ctx, actor, query)
    with ctx.unit_of_work() as uow:
        return _open_request_for(uow, person)


def list_requests(ctx: ServiceContext, actor: User, open_only: bool = True) -> list[SubjectAccessRequest]:
    require(actor, Permission.SUBJECT_ACCESS)
    with ctx.unit_of_work() as uow:
        return uow.governance.requests(open_only=open_only)


def _open_request_for(uow, person: PersonEntry) -> SubjectAccessRequest | None:  # type: ignore[no-untyped-def]
    return next((r for r in uow.governance.requests(open_only=True) if r.person_key == person.key), None)


def open_request(ctx: ServiceContext, actor: User, query: str, received_on: date | None = None) -> SubjectAccessRequest:
    """Record a request about the person ``query`` names, received on ``received_on`` (today
    if not given); due one calendar month later."""
    person = find_person(ctx, actor, query)
    received = received_on or ctx.today()
    if received > ctx.today():
        raise InvalidInput("A request cannot be received in the future; give the date it arrived.")
    with ctx.unit_of_work() as uow:
        if _open_request_for(uow, person) is not None:
            raise InvalidInput("A request about this person is already open; 'sar list' shows it.")
        request = uow.governance.add_request(SubjectAccessRequest(person.name, received, due_date(received),
                                                                   opened_by=actor.name))
        uow.audit.append(actor.name, "sar.open", f"sar:{request.id}", {
            "received_on": received.isoformat(), "due_on": request.due_on.isoformat()})
        uow.commit()
    return request


def _request(uow, request_id: int) -> SubjectAccessRequest:  # type: ignore[no-untyped-def]
    request = uow.governance.request(request_id)
    if request is None:
        raise NotFound(f"There is no subject access request number {request_id}; 'sar list' shows them.")
    return request


def extend(ctx: ServiceContext, actor: User, request_id: int, reason: str) -> SubjectAccessRequest:
    """Extend by two further months (three from receipt), with the reason (Article 12(3))."""
    require(actor, Permission.SUBJECT_ACCESS)
    text = reason_text(reason, "the extension")
    with ctx.unit_of_work() as uow:
        request = _request(uow, request_id)
        if request.extended:
            raise InvalidInput("This request was extended already; a request can be extended once, by two months.")
        due = due_date(request.received_on, extended=True)
        uow.governance.update_request(request_id, due_on=due, extension_reason=text)
        uow.audit.append(actor.name, "sar.extend", f"sar:{request_id}", {"due_on": due.isoformat()})
        uow.commit()
    return replace(request, due_on=due, extension_reason=text)


def close(ctx: ServiceContext, actor: User, request_id: int) -> None:
    require(actor, Permission.SUBJECT_ACCESS)
    with ctx.unit_of_work() as uow:
        _request(uow, request_id)
        uow.governance.update_request(request_id, closed_at=ctx.now())
        uow.audit.append(actor.name, "sar.close", f"sar:{request_id}", {})
        uow.commit()


def _review(uow, request: SubjectAccessRequest) -> tuple[Disclosure, list[RecordItem], set[str]]:  # type: ignore[no-untyped-def]
    meetings, restricted = _meetings(uow)
    people = people_index(meetings)
    person = people.get(request.person_key) or PersonEntry(request.person_key, request.person_name)
    disclosure, items = build_disclosure(meetings, person, people, uow.governance.exemptions(request.id))
    restricted_about = set()
    if restricted:
        for ref in restricted:
            meeting = uow.meetings.get(ref)
            if meeting is not None:
                _, found = build_disclosure([meeting], person, people_index([meeting]), [])
                if found:
                    restricted_about.add(ref)
    return disclosure, items, restricted_about


def items_about(ctx: ServiceContext, actor: User, request_id: int) -> list[RecordItem]:
    """Every item about the request's person, for review before marking exemptions."""
    require(actor, Permission.SUBJECT_ACCESS)
    with ctx.unit_of_work() as uow:
        return _review(uow, _request(uow, request_id))[1]


@dataclass(frozen=True)
class ItemReview:
    """One item about the request's person and what the export will do with it: withheld
    (the grounds marked), or disclosed with other people's mentions redacted (how many)."""

    key: str
    meeting_reference: str
    held_on: date | None
    kind: str
    withheld: tuple[ScheduleEntry, ...]
    redactions: tuple[ScheduleEntry, ...]

    @property
    def is_withheld(self) -> bool:
        return bool(self.withheld)

    @property
    def state(self) -> str:
        if self.withheld:
            return "Withheld: " + ", ".join(e.ground.label for e in self.withheld)
        if self.redactions:
            return "Disclosed, " + "; ".join(e.reason for e in self.redactions)
        return "Disclosed"


def review(ctx: ServiceContext, actor: User, request_id: int) -> list[ItemReview]:
    """Every item about the request's person with its disclosure state, as the export will
    have it (the exemptions marked so far and the automatic redactions)."""
    require(actor, Permission.SUBJECT_ACCESS)
    with ctx.unit_of_work() as uow:
        disclosure, items, _ = _review(uow, _request(uow, request_id))
    by_item: dict[str, list[ScheduleEntry]] = {}
    for entry in disclosure.schedule:
        by_item.setdefault(entry.item_key, []).append(entry)
    return [ItemReview(i.key, i.meeting_reference, i.held_on, i.kind,
                       tuple(e for e in by_item.get(i.key, []) if e.withheld),
                       tuple(e for e in by_item.get(i.key, []) if not e.withheld)) for i in items]


def mark_exemption(ctx: ServiceContext, actor: User, request_id: int, item_key: str, ground: ExemptionGround,
                   reason: str) -> Exemption:
    require(actor, Permission.SUBJECT_ACCESS)
    text = reason_text(reason, "the exemption")
    with ctx.unit_of_work() as uow:
        request = _request(uow, request_id)
        keys = {i.key: i for i in _review(uow, request)[1]}
        if item_key not in keys:
            raise NotFound("That item is not one of the request's items; 'sar items' lists their keys.")
        exemption = Exemption(item_key, keys[item_key].meeting_reference, ground, text, actor.name, ctx.now())
        uow.governance.add_exemption(request_id, exemption)
        uow.audit.append(actor.name, "sar.exempt", f"sar:{request_id}", {"item": item_key, "ground": ground.value})
        uow.commit()
    return exemption


def export(ctx: ServiceContext, actor: User, query: str, out_dir: Path,
           received_on: date | None = None) -> SubjectAccessExport:
    """Write ``subject-access-<n>.json`` and ``.pdf`` for the person ``query`` names: their
    open request's (one is opened, received today or on ``received_on``, when none is)."""
    from .subject_access_pdf import render_pdf

    person = find_person(ctx, actor, query)
    with ctx.unit_of_work() as uow:
        request = _open_request_for(uow, person)
    if request is None:
        request = open_request(ctx, actor, person.name, received_on)
    with ctx.unit_of_work() as uow:
        disclosure, _, restricted = _review(uow, request)
    now = ctx.now()
    document = export_document(request, disclosure, now, restricted)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path = out_dir / f"subject-access-{request.id}.json"
    pdf_path = out_dir / f"subject-access-{request.id}.pdf"
    write_atomically(json_path, json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8"))
    write_atomically(pdf_path, render_pdf(document))
    withheld = sum(1 for s in disclosure.schedule if s.withheld)
    redacted = sum(1 for s in disclosure.schedule if not s.withheld)
    with ctx.unit_of_work() as uow:
        uow.governance.update_request(request.id, exported_at=now)
        uow.audit.append(actor.name, "sar.export", f"sar:{request.id}", {
            "items": len(disclosure.disclosed), "withheld": withheld, "redacted": redacted,
            "restricted_meetings": len(restricted)})
        uow.commit()
    return SubjectAccessExport(replace(request, exported_at=now), json_path, pdf_path, len(disclosure.disclosed),
                               withheld, redacted, tuple(sorted(restricted)))
