# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The interchange format ``strategy-meeting/3``: a ``Meeting`` to a JSON value and back.

Version 3 (issue 14) gives every item the whole of its sharing terms (``undecided`` audience,
restriction ``categories``, ``caveat``, ``lawful_basis`` with its regime, ``police_agreement``),
decisions and addenda their own ``sharing``, a decision's ``wider_rationale``,
``rationale_withheld_agreed`` and ``family_wording``, and the meeting's ``sharing_log``. A
contribution's lawful basis is in its terms only. Files in /1 and /2 are read with their
meaning: their decisions and addenda were for every agency's copy, and a contribution's free
text ``lawful_basis`` is the note of a basis whose regime is not specified.

Version 2 (issue 15) adds the meeting's ``nation`` and ``planning`` (criminal investigation
timing and lead, legal advice and legal planning meeting, parents' communication needs and
interpreter), a child's ``interpreter`` and ``views_not_recorded_reason``, a household
member's ``is_child`` and ``consideration``, and a decision's ``confirmed``; issue 14 adds,
left out while empty, a decision's ``family_wording`` and the next steps' ``family_next`` and
``family_contact`` (the family's copy: see docs/interchange-format.md). A
``strategy-meeting/1`` file is still read (by the /1 schema): those fields keep their
defaults. See docs/interchange-format.md.

A pure codec, no I/O (``exchange.py`` reads and writes files). Export then import gives the
same ``Meeting``; the store's bookkeeping (row id, creator, timestamps, status, sign-off,
addenda, ``reconvenes``) is not part of the format and stays at its default on import.

Two fields beyond DESIGN.md's list are written too, so that nothing the record holds is lost
on the way: ``participants[].id`` (when set) and ``contributions[].recorded_at`` (when known).
The published schema lists both, and refuses any other key at any level.

Datetimes are written as RFC 3339 with their own offset, so a meeting held at 10:00 British
Summer Time reads back as 10:00+01:00, not as 09:00 UTC. A naive datetime (none should reach
here) is taken to be UTC rather than guessed at.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from strategy_meeting.domain.action import Action, ActionStatus
from strategy_meeting.domain.agency import Agency, AgencyKind
from strategy_meeting.domain.contribution import Contribution, ReceivedVia, Topic
from strategy_meeting.domain.decision import Decision, DecisionKind, Dissent
from strategy_meeting.domain.meeting import (
    AcknowledgedCheck,
    Addendum,
    ConcernCategory,
    CriminalInvestigation,
    HouseholdMember,
    Meeting,
    MeetingFormat,
    MeetingKind,
    MeetingStatus,
    NextSteps,
    ParentsInformed,
    Participant,
    ParticipantStatus,
    Person,
    Planning,
    RecordState,
    Referral,
    SignOff,
    SubjectChild,
)
from strategy_meeting.domain.lawful_basis import LawfulBasis, Regime
from strategy_meeting.domain.sharing_log import SharingChangeKind, SharingItemKind, SharingLogEntry
from strategy_meeting.domain.sharing_terms import SharingTerms, everyone_before_issue_14
from strategy_meeting.domain.validation import meeting_problems

from .validation import FORMAT_ID, OLDER_FORMATS, rejection, validate_document

JsonObject = dict[str, Any]


# --- export ------------------------------------------------------------------------------


def datetime_to_json(value: datetime) -> str:
    """RFC 3339 with the value's own offset. Sub-minute offsets (which RFC 3339 cannot write)
    and naive values are written in UTC."""
    offset = value.utcoffset()
    if offset is None:
        value = value.replace(tzinfo=UTC)
    elif offset.seconds % 60 or offset.microseconds:
        value = value.astimezone(UTC)
    return value.isoformat()


def _put(target: JsonObject, key: str, value: object) -> None:
    """Set ``key`` only when there is a value: absent and default mean the same on import."""
    if value is None or value == "":
        return
    if isinstance(value, datetime):
        target[key] = datetime_to_json(value)
    elif isinstance(value, date):
        target[key] = value.isoformat()
    else:
        target[key] = value


def _person(person: Person) -> JsonObject:
    out: JsonObject = {"name": person.name}
    _put(out, "agency", person.agency)
    _put(out, "role", person.role)
    return out


def _child(child: SubjectChild) -> JsonObject:
    out: JsonObject = {"id": child.id, "name": child.name}
    _put(out, "date_of_birth", child.date_of_birth)
    _put(out, "expected_date_of_birth", child.expected_date_of_birth)
    for key in ("gender", "ethnicity", "nhs_number", "address", "school"):
        _put(out, key, getattr(child, key))
    out["communication_needs"] = child.communication_needs
    out["disability"] = child.disability
    _put(out, "interpreter", child.interpreter)
    _put(out, "views_not_recorded_reason", child.views_not_recorded_reason)
    return out


def _household(member: HouseholdMember) -> JsonObject:
    out: JsonObject = {
        "id": member.id,
        "name": member.name,
        "relationship": member.relationship,
        "parental_responsibility": member.parental_responsibility,
    }
    _put(out, "address", member.address)
    out["notes"] = member.notes
    if member.is_child:
        out["is_child"] = True
    _put(out, "consideration", member.consideration)
    return out


def _agency(agency: Agency) -> JsonObject:
    out: JsonObject = {"code": agency.code, "name": agency.name}
    _put(out, "kind", agency.kind.value if agency.kind is not None else None)
    _put(out, "email", agency.email)
    return out


def _participant(p: Participant) -> JsonObject:
    out: JsonObject = {}
    _put(out, "id", p.id)
    out.update(agency=p.agency, name=p.name, role=p.role, status=p.status.value)
    out["decision_authority"] = p.decision_authority
    return out


def _contribution(c: Contribution) -> JsonObject:
    out: JsonObject = {
        "id": c.id,
        "agency": c.agency,
        "author": c.author,
        "topic": c.topic.value,
        "text": c.text,
        "sharing": c.sharing.to_json(),
        "received_via": c.received_via.value,
    }
    _put(out, "recorded_at", c.recorded_at)
    return out


def _decision(d: Decision) -> JsonObject:
    out: JsonObject = {"id": d.id, "kind": d.kind.value, "outcome": d.outcome, "rationale": d.rationale}
    _put(out, "threshold_met", d.threshold_met)
    out["relied_on"] = list(d.relied_on)
    out["dissent"] = [{"agency": x.agency, "view": x.view} for x in d.dissent]
    if d.confirmed:
        out["confirmed"] = True
    out["sharing"] = d.sharing.to_json()
    _put(out, "wider_rationale", d.wider_rationale)
    if d.rationale_withheld_agreed:
        out["rationale_withheld_agreed"] = True
    _put(out, "family_wording", d.family_wording)
    return out


def _planning(p: Planning) -> JsonObject:
    out: JsonObject = {}
    _put(out, "criminal_investigation", p.criminal_investigation.value)
    for key in ("criminal_investigation_timing", "criminal_investigation_lead", "legal_advice_needed",
                "legal_planning_meeting", "legal_notes", "parents_communication_needs", "parents_interpreter"):
        _put(out, key, getattr(p, key))
    return out


def _action(a: Action) -> JsonObject:
    out: JsonObject = {"id": a.id, "description": a.description, "owner_agency": a.owner_agency}
    out["owner_name"] = a.owner_name
    _put(out, "due", a.due)
    out["status"] = a.status.value
    out["completion_note"] = a.completion_note
    out["sharing"] = a.sharing.to_json()
    return out


def sharing_log_to_json(entries: list[SharingLogEntry]) -> list[JsonObject]:
    out: list[JsonObject] = []
    for e in entries:
        entry: JsonObject = {"item_kind": e.item_kind.value, "item_id": e.item_id, "change": e.change.value,
                             "at": datetime_to_json(e.at), "by": e.by}
        for key in ("before", "after"):
            if getattr(e, key) is not None:
                entry[key] = getattr(e, key)
        _put(entry, "recipient", e.recipient)
        _put(entry, "reason", e.reason)
        out.append(entry)
    return out


def meeting_to_json(meeting: Meeting, sharing_log: list[SharingLogEntry] | None = None) -> JsonObject:
    """The whole interchange document for one meeting (the full record: nothing withheld),
    with its sharing-decision log when given.

    Values the domain allows to be unset but the format requires (``held_at``, the referral's
    ``received_at``, an action's ``due``...) are left out, so the document then fails
    validation: ``exchange.export_meeting`` validates before it writes and says what is missing.
    """
    m: JsonObject = {"reference": meeting.reference, "kind": meeting.kind.value}
    _put(m, "format", meeting.format.value if meeting.format is not None else None)
    _put(m, "held_at", meeting.held_at)
    m["location"] = meeting.location
    m["chair"] = _person(meeting.chair)
    if meeting.minute_taker is not None:
        m["minute_taker"] = _person(meeting.minute_taker)
    referral: JsonObject = {}
    _put(referral, "received_at", meeting.referral.received_at)
    _put(referral, "source_agency", meeting.referral.source_agency)
    referral["categories"] = [c.value for c in meeting.referral.categories]
    referral["reason"] = meeting.referral.reason
    m["referral"] = referral
    m["children"] = [_child(c) for c in meeting.children]
    m["household"] = [_household(h) for h in meeting.household]
    m["agencies"] = [_agency(a) for a in meeting.agencies]
    m["participants"] = [_participant(p) for p in meeting.participants]
    m["contributions"] = [_contribution(c) for c in meeting.contributions]
    m["decisions"] = [_decision(d) for d in meeting.decisions]
    m["actions"] = [_action(a) for a in meeting.actions]
    informed: JsonObject = {}
    _put(informed, "when", meeting.parents_informed.when)
    informed.update(
        how=meeting.parents_informed.how,
        by=meeting.parents_informed.by,
        delay_reason=meeting.parents_informed.delay_reason,
    )
    m["parents_informed"] = informed
    steps: JsonObject = {}
    _put(steps, "icpc_by", meeting.next_steps.icpc_by)
    _put(steps, "review_at", meeting.next_steps.review_at)
    for key in ("family_next", "family_contact"):  # issue 14: left out when empty
        if getattr(meeting.next_steps, key):
            steps[key] = getattr(meeting.next_steps, key)
    m["next_steps"] = steps
    m["nation"] = meeting.nation
    m["planning"] = _planning(meeting.planning)
    _put(m, "reconvenes", meeting.reconvenes)
    # What the record is (issue 15): its status, its sign-off and its addenda travel with it.
    m["status"] = meeting.status.value
    if meeting.sign_off is not None:
        so = meeting.sign_off
        m["sign_off"] = {
            "version": so.version, "signed_off_by": so.signed_off_by,
            "signed_off_at": datetime_to_json(so.signed_off_at), "content_hash": so.content_hash,
            "checks_met": list(so.checks_met),
            "acknowledged": [{"kind": a.kind, "message": a.message, "reason": a.reason} for a in so.acknowledged],
            "signer_reason": so.signer_reason,
        }
    m["addenda"] = [{"number": a.number, "text": a.text, "created_at": datetime_to_json(a.created_at),
                     "created_by": a.created_by, "sharing": a.sharing.to_json()} for a in meeting.addenda]
    if sharing_log:
        m["sharing_log"] = sharing_log_to_json(sharing_log)
    return {"format": FORMAT_ID, "meeting": m}


# --- import ------------------------------------------------------------------------------


def datetime_from_json(text: str) -> datetime:
    """Parse an RFC 3339 date-time (already checked by the validator), keeping its offset."""
    return datetime.fromisoformat(text.upper())


def _dt(data: JsonObject, key: str) -> datetime | None:
    value = data.get(key)
    return datetime_from_json(value) if value is not None else None


def _date(data: JsonObject, key: str) -> date | None:
    value = data.get(key)
    return date.fromisoformat(value) if value is not None else None


def _str(data: JsonObject, key: str) -> str:
    return str(data.get(key, ""))


def _person_in(data: JsonObject) -> Person:
    return Person(name=data["name"], agency=_str(data, "agency"), role=_str(data, "role"))


def _sharing_in(data: JsonObject) -> SharingTerms:
    """Terms as written (already checked by the schema, categories included)."""
    return SharingTerms.from_json(data)


def _older_basis(d: JsonObject) -> LawfulBasis | None:
    """A /1 or /2 contribution's free-text lawful basis: the note of an unspecified regime."""
    text = _str(d, "lawful_basis")
    return LawfulBasis(Regime.UNSPECIFIED, "", text) if text else None


def _child_in(d: JsonObject) -> SubjectChild:
    return SubjectChild(
        id=d["id"],
        name=d["name"],
        date_of_birth=_date(d, "date_of_birth"),
        expected_date_of_birth=_date(d, "expected_date_of_birth"),
        gender=_str(d, "gender"),
        ethnicity=_str(d, "ethnicity"),
        nhs_number=_str(d, "nhs_number"),
        address=_str(d, "address"),
        school=_str(d, "school"),
        communication_needs=_str(d, "communication_needs"),
        disability=_str(d, "disability"),
        interpreter=_str(d, "interpreter"),
        views_not_recorded_reason=_str(d, "views_not_recorded_reason"),
    )


def _household_in(d: JsonObject) -> HouseholdMember:
    return HouseholdMember(
        id=d["id"],
        name=d["name"],
        relationship=d["relationship"],
        parental_responsibility=bool(d.get("parental_responsibility", False)),
        address=_str(d, "address"),
        notes=_str(d, "notes"),
        is_child=bool(d.get("is_child", False)),
        consideration=_str(d, "consideration"),
    )


def _agency_in(d: JsonObject) -> Agency:
    kind = d.get("kind")
    return Agency(
        code=d["code"],
        name=d["name"],
        kind=AgencyKind(kind) if kind is not None else None,
        email=_str(d, "email"),
    )


def _participant_in(d: JsonObject) -> Participant:
    return Participant(
        agency=d["agency"],
        name=d["name"],
        status=ParticipantStatus(d["status"]),
        role=_str(d, "role"),
        decision_authority=bool(d.get("decision_authority", False)),
        id=_str(d, "id"),
    )


def _contribution_in(d: JsonObject, older: bool) -> Contribution:
    # A hand-made file that does not say how an item arrived: it arrived by import.
    sharing = _sharing_in(d["sharing"])
    if older:
        sharing = replace(sharing, lawful_basis=_older_basis(d))
    return Contribution(
        id=d["id"],
        agency=d["agency"],
        topic=Topic(d["topic"]),
        text=d["text"],
        sharing=sharing,
        author=_str(d, "author"),
        received_via=ReceivedVia(d.get("received_via", ReceivedVia.IMPORT.value)),
        recorded_at=_dt(d, "recorded_at"),
    )


def _decision_in(d: JsonObject, older: bool) -> Decision:
    # A decision of a /1 or /2 file was for every agency's copy (its rationale then follows
    # the rule on what it relied on, domain.sharing.rationale_for).
    sharing = everyone_before_issue_14() if older else _sharing_in(d["sharing"])
    return Decision(
        id=d["id"],
        kind=DecisionKind(d["kind"]),
        outcome=d["outcome"],
        rationale=d["rationale"],
        threshold_met=d.get("threshold_met"),
        relied_on=list(d.get("relied_on", [])),
        dissent=[Dissent(agency=x["agency"], view=x["view"]) for x in d.get("dissent", [])],
        confirmed=bool(d.get("confirmed", False)),
        sharing=sharing,
        wider_rationale=_str(d, "wider_rationale"),
        rationale_withheld_agreed=bool(d.get("rationale_withheld_agreed", False)),
        family_wording=_str(d, "family_wording"),
    )


def _planning_in(d: JsonObject) -> Planning:
    def flag(key: str) -> bool | None:
        value = d.get(key)
        return bool(value) if value is not None else None

    return Planning(
        criminal_investigation=CriminalInvestigation(d.get("criminal_investigation", "")),
        criminal_investigation_timing=_str(d, "criminal_investigation_timing"),
        criminal_investigation_lead=_str(d, "criminal_investigation_lead"),
        legal_advice_needed=flag("legal_advice_needed"),
        legal_planning_meeting=flag("legal_planning_meeting"),
        legal_notes=_str(d, "legal_notes"),
        parents_communication_needs=_str(d, "parents_communication_needs"),
        parents_interpreter=_str(d, "parents_interpreter"),
    )


def _action_in(d: JsonObject) -> Action:
    return Action(
        id=d["id"],
        description=d["description"],
        owner_agency=d["owner_agency"],
        due=_date(d, "due"),
        sharing=_sharing_in(d["sharing"]),
        owner_name=_str(d, "owner_name"),
        status=ActionStatus(d.get("status", ActionStatus.OPEN.value)),
        completion_note=_str(d, "completion_note"),
    )


def meeting_from_json(data: object) -> Meeting:
    """Validate ``data`` completely, then build the ``Meeting`` it describes.

    Raises ``ImportRejected`` for anything that is not a valid ``strategy-meeting/3`` (or
    ``/2`` or ``/1``) document (listing every problem with its JSON path), or that describes a meeting the
    store would not save (the domain's own rules, e.g. a contribution with no text), so that
    no caller can build a meeting from an unchecked file.
    """
    validate_document(data)
    assert isinstance(data, dict)  # validate_document guarantees it; this narrows the type
    meeting = _meeting_in(data["meeting"], data.get("format") in OLDER_FORMATS)
    problems = meeting_problems(meeting)
    if problems:
        raise rejection(problems)
    return meeting


def _meeting_in(m: JsonObject, older: bool) -> Meeting:
    referral = m["referral"]
    informed = m.get("parents_informed", {})
    steps = m.get("next_steps", {})
    fmt = m.get("format")
    return Meeting(
        reference=m["reference"],
        held_at=_dt(m, "held_at"),
        chair=_person_in(m["chair"]),
        referral=Referral(
            received_at=_dt(referral, "received_at"),
            reason=referral["reason"],
            source_agency=_str(referral, "source_agency"),
            categories=[ConcernCategory(c) for c in referral.get("categories", [])],
        ),
        kind=MeetingKind(m["kind"]),
        format=MeetingFormat(fmt) if fmt is not None else None,
        location=_str(m, "location"),
        minute_taker=_person_in(m["minute_taker"]) if "minute_taker" in m else None,
        children=[_child_in(c) for c in m["children"]],
        household=[_household_in(h) for h in m.get("household", [])],
        agencies=[_agency_in(a) for a in m["agencies"]],
        participants=[_participant_in(p) for p in m["participants"]],
        contributions=[_contribution_in(c, older) for c in m["contributions"]],
        decisions=[_decision_in(d, older) for d in m["decisions"]],
        actions=[_action_in(a) for a in m["actions"]],
        parents_informed=ParentsInformed(
            when=_dt(informed, "when"),
            how=_str(informed, "how"),
            by=_str(informed, "by"),
            delay_reason=_str(informed, "delay_reason"),
        ),
        next_steps=NextSteps(icpc_by=_date(steps, "icpc_by"), review_at=_dt(steps, "review_at"),
                             family_next=_str(steps, "family_next"), family_contact=_str(steps, "family_contact")),
        nation=str(m.get("nation", "england")),
        planning=_planning_in(m.get("planning", {})),
        reconvenes=_str(m, "reconvenes"),
    )


def record_from_json(data: object) -> RecordState:
    """What the file says the record is (its status, sign-off and addenda), from a document
    ``meeting_from_json`` has already checked. A /1 file has none of it: a draft."""
    assert isinstance(data, dict)
    m = data["meeting"]
    so = m.get("sign_off")
    sign_off = None if so is None else SignOff(
        so["version"], so["signed_off_by"], datetime_from_json(so["signed_off_at"]), so["content_hash"],
        checks_met=list(so.get("checks_met", [])),
        acknowledged=[AcknowledgedCheck(a["kind"], a["message"], a.get("reason", "")) for a in so.get("acknowledged", [])],
        signer_reason=_str(so, "signer_reason"),
    )
    older = data.get("format") in OLDER_FORMATS
    addenda = [Addendum(a["number"], a["text"], datetime_from_json(a["created_at"]), a["created_by"],
                        everyone_before_issue_14() if older else _sharing_in(a["sharing"]))
               for a in m.get("addenda", [])]
    return RecordState(MeetingStatus(m.get("status", MeetingStatus.DRAFT.value)), sign_off, addenda)


def sharing_log_from_json(data: object) -> list[SharingLogEntry]:
    """The sharing-decision log a checked /3 document carries (none in /1 and /2)."""
    assert isinstance(data, dict)
    m = data["meeting"]
    return [
        SharingLogEntry(
            m["reference"], SharingItemKind(e["item_kind"]), e["item_id"], SharingChangeKind(e["change"]),
            datetime_from_json(e["at"]), e["by"], e.get("before"), e.get("after"),
            _str(e, "recipient"), _str(e, "reason"),
        )
        for e in m.get("sharing_log", [])
    ]
