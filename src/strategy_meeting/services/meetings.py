# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Meetings: create, read (as the actor may see it), edit item by item, list and search.

Every edit loads the aggregate, checks the role and the lock, changes it, validates it,
saves it and appends one audit event, all in one transaction. Item-level calls (``put_item``,
``remove_item``) are what the GUI's undo commands pair up.
"""

from __future__ import annotations

from dataclasses import replace

import copy
import dataclasses
from collections.abc import Callable, Sequence
from datetime import datetime
from enum import StrEnum
from typing import Any

from strategy_meeting.domain.changes import Changes
from strategy_meeting.domain.decision import Decision, decision_change_refusal
from strategy_meeting.domain.listing import MeetingListing, listed_agency
from strategy_meeting.domain.errors import InvalidInput, MeetingLocked, MeetingNotFound, NotFound, PermissionDenied
from strategy_meeting.domain.meeting import (
    REFERENCE_PATTERN,
    Meeting,
    MeetingKind,
    MeetingQuery,
    MeetingStatus,
    MeetingSummary,
    Person,
    Referral,
)
from strategy_meeting.domain.roles import Permission, Role, User, allowed
from strategy_meeting.domain.sharing import Recipient, action_visible, contribution_visible, copy_of

from . import sharing_log
from .context import ServiceContext
from strategy_meeting.services.governance import holds, restriction  # issue 16
from strategy_meeting.domain.meeting import deletion_problem
from strategy_meeting.domain.meeting import next_reference as domain_next_reference
from strategy_meeting.domain.validation import nhs_number_problem, validate_meeting
from .users import require


class ItemKind(StrEnum):
    """The lists inside a meeting that can be edited item by item."""

    AGENCY = "agencies"
    CHILD = "children"
    HOUSEHOLD = "household"
    PARTICIPANT = "participants"
    CONTRIBUTION = "contributions"
    DECISION = "decisions"
    ACTION = "actions"


# Which attribute identifies an item of each kind.
_ID_ATTR = {
    ItemKind.AGENCY: "code",
    ItemKind.CHILD: "id",
    ItemKind.HOUSEHOLD: "id",
    ItemKind.PARTICIPANT: "id",
    ItemKind.CONTRIBUTION: "id",
    ItemKind.DECISION: "id",
    ItemKind.ACTION: "id",
}

ID_PREFIX = {
    ItemKind.CHILD: "c",
    ItemKind.HOUSEHOLD: "p",
    ItemKind.PARTICIPANT: "m",
    ItemKind.CONTRIBUTION: "k",
    ItemKind.DECISION: "d",
    ItemKind.ACTION: "a",
}

class _Unchecked:
    """The default of ``expected``: the caller asks for no check of the stored item."""

    def __repr__(self) -> str:
        return "UNCHECKED"


UNCHECKED: Any = _Unchecked()

# A check made inside an edit's unit of work, after the meeting is read and held (issue 17).
Guard = Callable[[Any, Meeting], None]

DETAIL_FIELDS = frozenset(
    {"held_at", "kind", "format", "location", "chair", "minute_taker", "referral", "parents_informed", "next_steps",
     "nation", "planning"}
)


def _ensure_unlocked(meeting: Meeting) -> None:
    if meeting.status.is_locked:
        raise MeetingLocked(
            f"The minutes of {meeting.reference} are signed off and cannot be edited; "
            "add an addendum instead."
        )


def _load(uow: Any, reference: str, for_update: bool = False) -> Meeting | None:
    """The stored meeting, with an id for every participant.

    Imported and demonstration meetings may hold participants without ids; item-level edits
    need one to say which participant they replace. The ids are given the same way on every
    load (the lowest free ``mN`` in list order), so a reader and a later edit agree on them,
    and the first save keeps them.
    """
    meeting = uow.meetings.get(reference, for_update=for_update)
    if meeting is not None:
        for participant in meeting.participants:
            if not participant.id:
                participant.id = meeting.new_id(ID_PREFIX[ItemKind.PARTICIPANT])
    return meeting


def _can_read(actor: User, meeting: Meeting) -> bool:
    if allowed(actor.role, Permission.READ_FULL_RECORD):
        return True
    return actor.agency is not None and actor.agency in meeting.agency_codes


def visible_to(actor: User, meeting: Meeting) -> Meeting:
    """The meeting as ``actor`` may see it: the full record for chairs and administrators,
    the agency's copy (built by the one sharing rule) for an agency representative."""
    if allowed(actor.role, Permission.READ_FULL_RECORD):
        return meeting
    if not _can_read(actor, meeting):
        raise PermissionDenied(f"Your agency is not part of meeting {meeting.reference}.")
    return copy_of(meeting, Recipient(actor.agency)).meeting


def get(ctx: ServiceContext, actor: User, reference: str) -> Meeting:
    with ctx.unit_of_work() as uow:
        meeting = _load(uow, reference)
        if meeting is None:
            raise MeetingNotFound(reference)
        restriction.check_view(uow, actor, reference)  # issue 16: Article 18
        if not _can_read(actor, meeting):
            uow.audit.append(actor.name, "denied", f"meeting:{reference}", {"call": "get"})
            uow.commit()
            raise PermissionDenied(f"Your agency is not part of meeting {reference}.")
    return visible_to(actor, meeting)


def get_item(ctx: ServiceContext, actor: User, reference: str, kind: ItemKind, item_id: str) -> Any:
    """One item; asking for an item withheld from the actor's agency is refused and audited."""
    with ctx.unit_of_work() as uow:
        meeting = _load(uow, reference)
        if meeting is None:
            raise MeetingNotFound(reference)
        restriction.check_view(uow, actor, reference)  # issue 16: Article 18
        item = _find(meeting, kind, item_id)
        if item is None:
            raise NotFound(f"There is no such item in meeting {reference}.")
        denied = not _can_read(actor, meeting)
        if not denied and not allowed(actor.role, Permission.READ_FULL_RECORD):
            recipient = Recipient(actor.agency)
            if kind is ItemKind.CONTRIBUTION:
                denied = not contribution_visible(item, recipient)
            elif kind is ItemKind.ACTION:
                denied = not action_visible(item, recipient)
        if denied:
            uow.audit.append(actor.name, "denied", f"meeting:{reference}", {"call": "get_item", "kind": kind.value})
            uow.commit()
            raise PermissionDenied("That item is not shared with your agency.")
    return item


def _find(meeting: Meeting, kind: ItemKind, item_id: str) -> Any:
    attr = _ID_ATTR[kind]
    return next((i for i in getattr(meeting, kind.value) if getattr(i, attr) == item_id), None)


def _check_decision(actor: User, before: Decision | None, after: Decision | None) -> None:
    """A confirmed decision is the chair's (domain.decision.decision_change_refusal)."""
    refusal = decision_change_refusal(allowed(actor.role, Permission.CONFIRM_DECISIONS), before, after)
    if refusal:
        raise PermissionDenied(refusal)


def confirm_decision(ctx: ServiceContext, actor: User, reference: str, item_id: str,
                     confirmed: bool = True) -> tuple[Meeting, Changes]:
    """The chair marks a decision confirmed (or not): a minute-taker may then no longer change it."""
    require(actor, Permission.CONFIRM_DECISIONS)

    def authorise(m: Meeting) -> None:
        if m.decision(item_id) is None:
            raise NotFound(f"There is no such item in meeting {reference}.")

    def change(m: Meeting) -> None:
        found = m.decision(item_id)
        assert found is not None
        found.confirmed = confirmed

    return _mutate(ctx, actor, reference, change, "decision.confirm", {"confirmed": confirmed}, authorise)


def _check_edit(actor: User, meeting: Meeting, kind: ItemKind | None, item: Any) -> None:
    if allowed(actor.role, Permission.EDIT_MEETING):
        return
    if actor.role is Role.AGENCY_REP and actor.agency in meeting.agency_codes:
        if kind is ItemKind.CONTRIBUTION and getattr(item, "agency", None) == actor.agency:
            return
    raise PermissionDenied(
        "You may only add or change your own agency's contributions; ask the chair to change the rest."
    )


def _mutate(
    ctx: ServiceContext,
    actor: User,
    reference: str,
    change: Callable[[Meeting], None],
    action: str,
    details: dict[str, Any],
    authorise: Callable[[Meeting], None],
    sharing_reason: str = "",
    read_at: dict[str, int] | None = None,
    guard: Guard | None = None,
) -> tuple[Meeting, Changes]:
    """``read_at``: the versions of the parts the caller's copy was read at (its
    ``Meeting.versions``); a part changed since by someone else refuses the call, naming them
    (issue 17: no lost update). ``guard``: a finer check of the same kind (the one item the
    call replaces, as the caller last saw it), run on the held meeting before anything is
    changed. The meeting is held against other writers from this read to the commit, so what
    is checked is what is saved."""
    with ctx.unit_of_work() as uow:
        meeting = _load(uow, reference, for_update=True)
        if meeting is None:
            raise MeetingNotFound(reference)
        if read_at:
            uow.meetings.refuse_stale(meeting, read_at)
        _ensure_unlocked(meeting)
        restriction.check_processing(uow, reference)  # issue 16: Article 18
        if guard is not None:
            guard(uow, meeting)
        authorise(meeting)
        terms_before = sharing_log.terms_of(meeting)
        change(meeting)
        validate_meeting(meeting if allowed(actor.role, Permission.READ_FULL_RECORD) else _as_seen(meeting))
        # Issue 14: every change of an item's terms is logged; a loosening needs its reason.
        logged = sharing_log.changes(terms_before, meeting, actor, ctx, sharing_reason)
        if action.startswith("item.") and allowed(actor.role, Permission.EDIT_MEETING):
            # The first item takes a draft into progress. A meeting's status is the chair's
            # side's: an agency representative's contribution (on the team server, where their
            # login may not change the details) leaves it as it is.
            meeting.note_recording_started()
        uow.meetings.save(meeting)
        uow.audit.append(actor.name, action, f"meeting:{reference}", details)
        sharing_log.record(uow, actor, logged)
        uow.commit()
    return visible_to(actor, meeting), Changes(meetings=frozenset({meeting.id or 0}), meeting_list=True, actions=True)


def next_reference(ctx: ServiceContext, prefix: str = "SD") -> str:
    year = ctx.today().year
    with ctx.unit_of_work() as uow:
        # An erased meeting's reference is never given again (issue 16).
        taken = set(uow.meetings.references()) | {t.reference for t in uow.governance.tombstones()}
    return domain_next_reference(prefix, year, taken)


def create(
    ctx: ServiceContext,
    actor: User,
    reference: str | None = None,
    held_at: datetime | None = None,
    chair: Person | None = None,
    kind: MeetingKind = MeetingKind.INITIAL,
    referral: Referral | None = None,
    template: Meeting | None = None,
) -> tuple[Meeting, Changes]:
    require(actor, Permission.CREATE_MEETING)
    ref = reference or (template.reference if template else "") or next_reference(ctx)
    if not REFERENCE_PATTERN.match(ref):
        raise InvalidInput(
            f"'{ref}' is not a valid reference: use letters, digits, '/', '_' or '-', starting with a letter or digit."
        )
    meeting = template or Meeting(
        reference=ref,
        held_at=held_at,
        chair=chair or Person(actor.label, "CSC", "Chair"),
        referral=referral or Referral(received_at=None, reason=""),
        kind=kind,
    )
    meeting.reference = ref
    meeting.created_by = actor.name
    validate_meeting(meeting)
    with ctx.unit_of_work() as uow:
        if uow.meetings.exists(ref):
            raise InvalidInput(f"A meeting with reference '{ref}' already exists; choose another reference.")
        uow.meetings.save(meeting)
        uow.audit.append(actor.name, "meeting.create", f"meeting:{ref}", {"kind": meeting.kind.value})
        uow.commit()
    return meeting, Changes(meetings=frozenset({meeting.id or 0}), meeting_list=True)


def duplicate_as_reconvened(
    ctx: ServiceContext, actor: User, reference: str, new_reference: str | None = None, held_at: datetime | None = None
) -> tuple[Meeting, Changes]:
    """A reconvened meeting starts from the earlier one's people and open actions, with
    decisions and contributions left for the new discussion to record."""
    require(actor, Permission.CREATE_MEETING)
    restriction.refuse_if_restricted(ctx, reference)  # issue 16: Article 18
    source = get(ctx, actor, reference)
    new = copy.deepcopy(source)
    new.id = None
    new.reference = new_reference or ""
    new.kind = MeetingKind.RECONVENED
    new.reconvenes = source.reference
    new.held_at = held_at
    new.status = MeetingStatus.DRAFT
    new.sign_off = None
    new.addenda = []
    new.contributions = []
    new.decisions = []
    new.actions = [a for a in source.actions if a.status.value == "open"]
    new.created_at = None
    for p in new.participants:
        p.status = p.status.__class__.NOT_ATTENDED
    return create(ctx, actor, new_reference or None, template=new)


def update_details(ctx: ServiceContext, actor: User, reference: str, *, expected: dict[str, Any] | None = None,
                   **fields: Any) -> tuple[Meeting, Changes]:
    """Change top-level details. ``expected``: those fields' values as the caller last saw them
    (an undo step: the values it left); if someone else changed one since, nothing changes
    (``MeetingChanged``). The workspace's save as you type passes none: what is being typed
    is the newest word on that field, and a refusal there would have nowhere to keep it."""
    unknown = set(fields) - DETAIL_FIELDS
    if unknown:
        raise InvalidInput(f"Unknown meeting field(s): {', '.join(sorted(unknown))}.")
    wanted = copy.deepcopy(expected) if expected else None

    def change(m: Meeting) -> None:
        for name, value in fields.items():
            setattr(m, name, copy.deepcopy(value))

    def guard(uow: Any, m: Meeting) -> None:
        if wanted:
            uow.meetings.refuse_changed_details(m, wanted)

    return _mutate(
        ctx, actor, reference, change, "meeting.update", {"fields": sorted(fields)},
        lambda m: _check_edit(actor, m, None, None), guard=guard,
    )


def put_item(ctx: ServiceContext, actor: User, reference: str, kind: ItemKind, item: Any,
             read_at: dict[str, int] | None = None, *, sharing_reason: str = "", expected: Any = UNCHECKED,
             made_from: Sequence[tuple[ItemKind, Any]] = ()) -> tuple[Meeting, Changes]:
    """Add the item, or replace the one with the same id. A blank id gets a fresh one.

    A change of the item's sharing terms is logged (``services.sharing_log``); one that lets
    someone see it who could not needs ``sharing_reason`` and the chair or the giving agency
    (``LooseningNeedsReason``, ``PermissionDenied``). ``read_at``: see ``_mutate``.

    No lost update (issue 17), item by item: ``expected`` is the stored item as the caller
    last saw it (an edit dialog's original), or None when the caller expects no item with
    this id (an undone add put back); if the stored item is not that, the call is refused
    (``MeetingChanged`` naming who changed the part, and whether the item went). A new item
    (blank id) is never refused this way: adding loses nothing, so two people adding to one
    part both keep theirs, and an edit of one item is not refused for a colleague's edit of
    another. ``made_from``: the other items the new value was made over, as the caller read
    them; a decision is recorded over the contributions it relies on, so if one of those was
    changed or removed meanwhile the decision is refused too, to be made again over what the
    contribution says now. ``read_at`` (whole parts) stays for callers that want any change of
    the part to refuse them (sign-off, the bench's edit loop)."""
    item = copy.deepcopy(item)
    attr = _ID_ATTR[kind]
    checks = [(other_kind, getattr(other, _ID_ATTR[other_kind]), other, True) for other_kind, other in made_from]
    if expected is not UNCHECKED and getattr(item, attr):
        checks.insert(0, (kind, getattr(item, attr), expected, False))

    def change(m: Meeting) -> None:
        items = getattr(m, kind.value)
        if kind is ItemKind.CHILD:
            _check_nhs_number(m, item)
        if not getattr(item, attr) and kind in ID_PREFIX:
            setattr(item, attr, m.new_id(_id_prefix(actor, kind)))
        if kind is ItemKind.CONTRIBUTION and item.recorded_at is None:
            item.recorded_at = ctx.now()
        for n, existing in enumerate(items):
            if getattr(existing, attr) == getattr(item, attr):
                _check_edit(actor, m, kind, existing)
                if kind is ItemKind.DECISION:
                    _check_decision(actor, existing, item)
                items[n] = item
                return
        if kind is ItemKind.DECISION:
            _check_decision(actor, None, item)
        items.append(item)

    details: dict[str, Any] = {"kind": kind.value}
    if sharing_reason.strip():
        details["sharing_reason"] = sharing_reason.strip()
    return _mutate(
        ctx, actor, reference, change, "item.put", details,
        lambda m: _check_edit(actor, m, kind, item), sharing_reason, read_at, _guard(checks),
    )


def _guard(checks: list[tuple[ItemKind, str, Any, bool]], refused: str = "your save was not made") -> Guard | None:
    """The per-item checks of an edit (``MeetingRepository.refuse_changed_item``), in order:
    (kind, id, item as seen or None, whether it is an item the saved one relies on)."""
    if not checks:
        return None

    def guard(uow: Any, meeting: Meeting) -> None:
        for kind, item_id, expected, relied_on in checks:
            uow.meetings.refuse_changed_item(meeting, kind.value, item_id, expected, refused, relied_on)

    return guard


def _as_seen(meeting: Meeting) -> Meeting:
    """What a representative's save is checked as: on the team server their login reads only
    their agency's copy, so a decision may rely on items they cannot see. Their save never
    writes decisions (the repository writes only the parts that changed), so those links are
    checked by whoever changes the decisions, as they see the whole record."""
    ids = {c.id for c in meeting.contributions}
    return replace(meeting, decisions=[replace(d, relied_on=[i for i in d.relied_on if i in ids])
                                       for d in meeting.decisions])


def _id_prefix(actor: User, kind: ItemKind) -> str:
    """A representative sees only their agency's copy (on the team server, the database gives
    them no more), so an id free in it may be taken by an item they cannot see: theirs carry
    their agency, whose items they always see (``k-health-1``)."""
    if allowed(actor.role, Permission.READ_FULL_RECORD) or not actor.agency:
        return ID_PREFIX[kind]
    return f"{ID_PREFIX[kind]}-{actor.agency.lower()}-"


def _check_nhs_number(meeting: Meeting, child: Any) -> None:
    """A new or changed NHS number must pass the Modulus 11 check; one already stored (an
    import from another system) is left as it is until someone changes it."""
    stored = _find(meeting, ItemKind.CHILD, child.id) if child.id else None
    if stored is not None and stored.nhs_number == child.nhs_number:
        return
    if problem := nhs_number_problem(child.nhs_number):
        raise InvalidInput(problem)
    child.nhs_number = "".join(child.nhs_number.split())


def put_items(ctx: ServiceContext, actor: User, reference: str,
              items: list[tuple[ItemKind, Any]], *, sharing_reason: str = "",
              expected: Sequence[tuple[ItemKind, str, Any]] = ()) -> tuple[Meeting, Changes]:
    """Add or replace several items in one transaction, in order: an agency from the directory
    and its representative are one step, checked together (a participant needs an agency of
    the meeting, so neither is saved without the other). ``expected``: (kind, id, item as the
    caller last saw it, or None for none) for each item the call replaces; see ``put_item``."""
    items = copy.deepcopy(items)

    def change(m: Meeting) -> None:
        for kind, item in items:
            attr = _ID_ATTR[kind]
            group = getattr(m, kind.value)
            if not getattr(item, attr) and kind in ID_PREFIX:
                setattr(item, attr, m.new_id(ID_PREFIX[kind]))
            for n, existing in enumerate(group):
                if getattr(existing, attr) == getattr(item, attr):
                    group[n] = item
                    break
            else:
                group.append(item)

    def authorise(m: Meeting) -> None:
        for kind, item in items:
            existing = _find(m, kind, getattr(item, _ID_ATTR[kind]))
            _check_edit(actor, m, kind, existing or item)

    return _mutate(ctx, actor, reference, change, "item.put",
                   {"kinds": [kind.value for kind, _ in items]}, authorise, sharing_reason,
                   guard=_guard([(kind, item_id, seen, False) for kind, item_id, seen in expected]))


def remove_item(ctx: ServiceContext, actor: User, reference: str, kind: ItemKind, item_id: str,
                *, expected: Any = UNCHECKED) -> tuple[Meeting, Changes]:
    """Remove one item. ``expected``: the item as the caller last saw it; if someone else
    changed it since (or removed it), nothing is removed (``MeetingChanged``): a removal made
    over a version the user never read would throw away their colleague's words unseen."""
    attr = _ID_ATTR[kind]
    guard = None if expected is UNCHECKED else _guard([(kind, item_id, expected, False)], "it was not removed")

    def authorise(m: Meeting) -> None:
        found = _find(m, kind, item_id)
        if found is None:
            raise NotFound(f"There is no such item in meeting {reference}.")
        _check_edit(actor, m, kind, found)
        if kind is ItemKind.DECISION:
            _check_decision(actor, found, None)

    def change(m: Meeting) -> None:
        setattr(m, kind.value, [i for i in getattr(m, kind.value) if getattr(i, attr) != item_id])
        if kind is ItemKind.CONTRIBUTION:
            for d in m.decisions:
                d.relied_on = [x for x in d.relied_on if x != item_id]

    return _mutate(ctx, actor, reference, change, "item.remove", {"kind": kind.value}, authorise, guard=guard)


def move_item(
    ctx: ServiceContext, actor: User, reference: str, kind: ItemKind, item_id: str, position: int,
    *, expected_order: Sequence[str] | None = None,
) -> tuple[Meeting, Changes]:
    """Move one item to ``position``. ``expected_order``: the ids of the list, in order, as
    the caller saw it when choosing the position; if the stored order differs (a colleague
    added, removed or moved an item since) nothing moves (``MeetingChanged``), since the
    position was chosen in the other list. A move never touches an item's content."""
    attr = _ID_ATTR[kind]
    order = None if expected_order is None else list(expected_order)

    def guard(uow: Any, m: Meeting) -> None:
        if order is not None:
            uow.meetings.refuse_changed_order(m, kind.value, order)

    def change(m: Meeting) -> None:
        items = getattr(m, kind.value)
        found = next((i for i in items if getattr(i, attr) == item_id), None)
        if found is None:
            raise NotFound(f"There is no such item in meeting {reference}.")
        items.remove(found)
        items.insert(max(0, min(position, len(items))), found)

    return _mutate(
        ctx, actor, reference, change, "item.move", {"kind": kind.value},
        lambda m: _check_edit(actor, m, None, None), guard=guard,
    )


def delete_draft(ctx: ServiceContext, actor: User, reference: str) -> Changes:
    """Delete a meeting opened by mistake (domain.meeting.deletion_problem says which may go).
    The audit log keeps that it existed and who deleted it; nothing else of it is kept."""
    require(actor, Permission.CREATE_MEETING)
    with ctx.unit_of_work() as uow:
        meeting = _load(uow, reference)
        if meeting is None:
            raise MeetingNotFound(reference)
        if problem := deletion_problem(meeting):
            raise InvalidInput(problem)
        if uow.copies.for_meeting(reference):
            raise InvalidInput(f"Copies of {reference} have been generated: it cannot be deleted.")
        # Records governance (issue 16): a held or restricted record is kept as it is.
        restriction.check_processing(uow, reference, "it cannot be deleted")
        if holds.holds_on(uow, reference):
            raise InvalidInput(f"{reference} is under a legal hold: it cannot be deleted until the hold "
                               "is lifted.")
        uow.meetings.delete(reference)
        uow.audit.append(actor.name, "meeting.delete", f"meeting:{reference}", {"status": meeting.status.value})
        uow.commit()
    return Changes(meeting_list=True)


def set_status(ctx: ServiceContext, actor: User, reference: str, status: MeetingStatus) -> tuple[Meeting, Changes]:
    """Moves along the status machine. Sign-off has its own service (it locks the record)."""
    if status in (MeetingStatus.SIGNED_OFF, MeetingStatus.DISTRIBUTED):
        raise InvalidInput("Use sign-off (or distribution) to move a meeting to that status.")

    def change(m: Meeting) -> None:
        m.move_to(status)

    return _mutate(
        ctx, actor, reference, change, "meeting.status", {"status": status.value},
        lambda m: _check_edit(actor, m, None, None),
    )


def search(ctx: ServiceContext, actor: User, query: MeetingQuery) -> list[int]:
    """Ids of matching meetings in display order, within ``listed_agency``."""
    with ctx.unit_of_work() as uow:
        return uow.meetings.ids(_within_agency(actor, query, ctx))


# How many ids a team server's list sends at a time (ten of the list's pages).
SERVER_ID_CHUNK = 1000


def _within_agency(actor: User, query: MeetingQuery, ctx: ServiceContext) -> MeetingQuery:
    """``query`` kept to the meetings the actor's list may hold. On the team server the
    database's row-level security already keeps a representative's login to exactly those
    (store/server/schema.py, the same rule), so the list's queries do not test every row twice."""
    if ctx.is_server:
        return query
    if (agency := listed_agency(actor)) is not None:
        return dataclasses.replace(query, agency=agency)
    return query


def listing(ctx: ServiceContext, actor: User, query: MeetingQuery) -> MeetingListing:
    """What the meetings list shows for ``query``: on a local store every matching id; on
    the team server the count and the first ``SERVER_ID_CHUNK`` ids, read in one transaction
    (so the count and the ids agree), the rest by ``more_ids`` as the user scrolls."""
    query = _within_agency(actor, query, ctx)
    with ctx.unit_of_work() as uow:
        if not ctx.is_server:
            ids = uow.meetings.ids(query)
            return MeetingListing(len(ids), ids)
        ids = uow.meetings.ids(query, limit=SERVER_ID_CHUNK)
        total = len(ids) if len(ids) < SERVER_ID_CHUNK else uow.meetings.count(query)
        return MeetingListing(total, ids)


def more_ids(ctx: ServiceContext, actor: User, query: MeetingQuery, offset: int, limit: int) -> list[int]:
    """The next ids of a listing that was not complete, in the same order."""
    with ctx.unit_of_work() as uow:
        return uow.meetings.ids(_within_agency(actor, query, ctx), limit=limit, offset=offset)


def count(ctx: ServiceContext, actor: User, query: MeetingQuery = MeetingQuery()) -> int:
    with ctx.unit_of_work() as uow:
        return uow.meetings.count(_within_agency(actor, query, ctx))


def summaries(ctx: ServiceContext, actor: User, ids: list[int]) -> list[MeetingSummary]:
    """Rows for the ids the list is showing; an agency representative gets rows only for
    meetings their agency takes part in, whatever ids are asked for."""
    with ctx.unit_of_work() as uow:
        rows = uow.meetings.summaries(ids, ctx.today(), listed_agency(actor))
        return restriction.masked(rows, uow.governance.restricted_references(), actor)  # issue 16
