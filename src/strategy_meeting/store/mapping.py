# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Row values <-> domain dataclasses. Nothing above ``store`` ever sees a row."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from strategy_meeting.domain.text_folding import fold
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
    Referral,
    SignOff,
    SubjectChild,
)
from strategy_meeting.domain.lawful_basis import LawfulBasis
from strategy_meeting.domain.sharing_log import SharingChangeKind, SharingItemKind, SharingLogEntry
from strategy_meeting.domain.sharing_terms import AudienceScope, RestrictionCategory, SharingTerms


def dt_out(value: datetime | None) -> str | None:
    """UTC ISO text: sorts correctly as text. A naive datetime is taken to be UTC."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()


def dt_in(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def d_out(value: date | None) -> str | None:
    return value.isoformat() if value else None


def d_in(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def key(text: str) -> str:
    """Search key: case- and accent-folded (domain.text_folding), so 'Müller', 'MULLER' and
    'muller' meet, and 'Lucja' finds 'Łucja'; works in any script."""
    return fold(text)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _person_out(p: Person | None) -> str | None:
    return None if p is None else dumps({"name": p.name, "agency": p.agency, "role": p.role})


def _person_in(text: str | None) -> Person | None:
    if not text:
        return None
    d = json.loads(text)
    return Person(d.get("name", ""), d.get("agency", ""), d.get("role", ""))


def terms_out(t: SharingTerms) -> dict[str, Any]:
    return {
        "audience": t.scope.value,
        "audience_agencies": dumps(sorted(t.agencies)),
        "family": t.family,
        "categories": dumps(sorted(c.value for c in t.categories)),
        "caveat": t.caveat,
        "lawful_basis": dumps(t.lawful_basis.to_json()) if t.lawful_basis is not None else None,
        "police_agreement": t.police_agreement,
    }


def terms_in(row: Any) -> SharingTerms:
    """A row's terms (contributions, actions, decisions and addenda share the columns)."""
    return SharingTerms(
        AudienceScope(row.audience), frozenset(json.loads(row.audience_agencies or "[]")), bool(row.family),
        categories=frozenset(RestrictionCategory(c) for c in json.loads(row.categories or "[]")),
        caveat=row.caveat or "",
        lawful_basis=LawfulBasis.from_json(json.loads(row.lawful_basis)) if row.lawful_basis else None,
        police_agreement=row.police_agreement or "",
    )


def meeting_values(m: Meeting, now: datetime) -> dict[str, Any]:
    r = m.referral
    pi = m.parents_informed
    ns = m.next_steps
    return {
        "reference": m.reference,
        "reference_key": key(m.reference),
        "kind": m.kind.value,
        "format": m.format.value if m.format else None,
        "held_at": dt_out(m.held_at),
        "location": m.location,
        "chair": _person_out(m.chair),
        "minute_taker": _person_out(m.minute_taker),
        "status": m.status.value,
        "referral": dumps(
            {
                "received_at": dt_out(r.received_at),
                "reason": r.reason,
                "source_agency": r.source_agency,
                "categories": [c.value for c in r.categories],
            }
        ),
        "parents_informed": dumps(
            {"when": dt_out(pi.when), "how": pi.how, "by": pi.by, "delay_reason": pi.delay_reason}
        ),
        "next_steps": dumps({"icpc_by": d_out(ns.icpc_by), "review_at": dt_out(ns.review_at),
                             "family_next": ns.family_next, "family_contact": ns.family_contact}),
        "sign_off": None
        if m.sign_off is None
        else dumps(
            {
                "version": m.sign_off.version,
                "signed_off_by": m.sign_off.signed_off_by,
                "signed_off_at": dt_out(m.sign_off.signed_off_at),
                "content_hash": m.sign_off.content_hash,
                "checks_met": list(m.sign_off.checks_met),
                "acknowledged": [{"kind": a.kind, "message": a.message, "reason": a.reason}
                                 for a in m.sign_off.acknowledged],
                "signer_reason": m.sign_off.signer_reason,
            }
        ),
        "chair_name": m.chair.name,
        "child_names": "; ".join(c.name for c in m.children),
        "created_by": m.created_by,
        "created_at": dt_out(m.created_at or now),
        "updated_at": dt_out(now),
        "reconvenes": m.reconvenes,
        "nation": m.nation,
        "planning": dumps(planning_out(m.planning)),
    }


def planning_out(p: Planning) -> dict[str, Any]:
    return {
        "criminal_investigation": p.criminal_investigation.value,
        "criminal_investigation_timing": p.criminal_investigation_timing,
        "criminal_investigation_lead": p.criminal_investigation_lead,
        "legal_advice_needed": p.legal_advice_needed,
        "legal_planning_meeting": p.legal_planning_meeting,
        "legal_notes": p.legal_notes,
        "parents_communication_needs": p.parents_communication_needs,
        "parents_interpreter": p.parents_interpreter,
    }


def planning_in(d: dict[str, Any]) -> Planning:
    return Planning(
        criminal_investigation=CriminalInvestigation(d.get("criminal_investigation", "")),
        criminal_investigation_timing=d.get("criminal_investigation_timing", ""),
        criminal_investigation_lead=d.get("criminal_investigation_lead", ""),
        legal_advice_needed=d.get("legal_advice_needed"),
        legal_planning_meeting=d.get("legal_planning_meeting"),
        legal_notes=d.get("legal_notes", ""),
        parents_communication_needs=d.get("parents_communication_needs", ""),
        parents_interpreter=d.get("parents_interpreter", ""),
    )


def agency_values(a: Agency) -> dict[str, Any]:
    return {"code": a.code, "name": a.name, "kind": a.kind.value if a.kind else None, "email": a.email}


def agency_in(row: Any) -> Agency:
    return Agency(row.code, row.name, AgencyKind(row.kind) if row.kind else None, row.email or "")


def directory_agency_values(a: Agency) -> dict[str, Any]:
    """The directory also keeps the agency's certificate (a meeting's agencies never do)."""
    return agency_values(a) | {"certificate": bytes(a.certificate) or None}


def directory_agency_in(row: Any) -> Agency:
    return replace(agency_in(row), certificate=bytes(row.certificate or b""))


def child_values(c: SubjectChild) -> dict[str, Any]:
    return {
        "item_id": c.id,
        "name": c.name,
        "surname_key": key(c.surname),
        "name_key": key(c.name),
        "details": dumps(
            {
                "date_of_birth": d_out(c.date_of_birth),
                "expected_date_of_birth": d_out(c.expected_date_of_birth),
                "gender": c.gender,
                "ethnicity": c.ethnicity,
                "nhs_number": c.nhs_number,
                "address": c.address,
                "school": c.school,
                "communication_needs": c.communication_needs,
                "disability": c.disability,
                "views_not_recorded_reason": c.views_not_recorded_reason,
                "interpreter": c.interpreter,
            }
        ),
    }


def child_in(row: Any) -> SubjectChild:
    d = json.loads(row.details)
    return SubjectChild(
        id=row.item_id,
        name=row.name,
        date_of_birth=d_in(d.get("date_of_birth")),
        expected_date_of_birth=d_in(d.get("expected_date_of_birth")),
        gender=d.get("gender", ""),
        ethnicity=d.get("ethnicity", ""),
        nhs_number=d.get("nhs_number", ""),
        address=d.get("address", ""),
        school=d.get("school", ""),
        communication_needs=d.get("communication_needs", ""),
        disability=d.get("disability", ""),
        views_not_recorded_reason=d.get("views_not_recorded_reason", ""),
        interpreter=d.get("interpreter", ""),
    )


def household_values(h: HouseholdMember) -> dict[str, Any]:
    return {
        "item_id": h.id,
        "details": dumps(
            {
                "name": h.name,
                "relationship": h.relationship,
                "parental_responsibility": h.parental_responsibility,
                "address": h.address,
                "notes": h.notes,
                "is_child": h.is_child,
                "consideration": h.consideration,
            }
        ),
    }


def household_in(row: Any) -> HouseholdMember:
    d = json.loads(row.details)
    return HouseholdMember(
        row.item_id, d["name"], d["relationship"], bool(d.get("parental_responsibility")),
        d.get("address", ""), d.get("notes", ""), bool(d.get("is_child")), d.get("consideration", ""),
    )


def participant_values(p: Participant) -> dict[str, Any]:
    return {
        "agency": p.agency,
        "status": p.status.value,
        "details": dumps({"name": p.name, "role": p.role, "decision_authority": p.decision_authority, "id": p.id}),
    }


def participant_in(row: Any) -> Participant:
    d = json.loads(row.details)
    return Participant(
        agency=row.agency, name=d["name"], status=ParticipantStatus(row.status), role=d.get("role", ""),
        decision_authority=bool(d.get("decision_authority")), id=d.get("id", ""),
    )


def contribution_values(c: Contribution) -> dict[str, Any]:
    return {
        "item_id": c.id,
        "agency": c.agency,
        "topic": c.topic.value,
        "text": c.text,
        **terms_out(c.sharing),
        "author": c.author,
        "received_via": c.received_via.value,
        "recorded_at": dt_out(c.recorded_at),
    }


def contribution_in(row: Any) -> Contribution:
    return Contribution(
        id=row.item_id, agency=row.agency, topic=Topic(row.topic), text=row.text,
        sharing=terms_in(row), author=row.author, received_via=ReceivedVia(row.received_via),
        recorded_at=dt_in(row.recorded_at),
    )


def decision_values(d: Decision) -> dict[str, Any]:
    return {
        "item_id": d.id,
        "kind": d.kind.value,
        "outcome": d.outcome,
        "rationale": d.rationale,
        "threshold_met": d.threshold_met,
        "relied_on": dumps(list(d.relied_on)),
        "dissent": dumps([{"agency": x.agency, "view": x.view} for x in d.dissent]),
        "confirmed": d.confirmed,
        **terms_out(d.sharing),
        "wider_rationale": d.wider_rationale,
        "rationale_withheld_agreed": d.rationale_withheld_agreed,
        "family_wording": d.family_wording,
    }


def decision_in(row: Any) -> Decision:
    return Decision(
        id=row.item_id, kind=DecisionKind(row.kind), outcome=row.outcome, rationale=row.rationale,
        threshold_met=row.threshold_met, relied_on=list(json.loads(row.relied_on)),
        dissent=[Dissent(x["agency"], x["view"]) for x in json.loads(row.dissent)],
        confirmed=bool(row.confirmed), sharing=terms_in(row), wider_rationale=row.wider_rationale,
        rationale_withheld_agreed=bool(row.rationale_withheld_agreed), family_wording=row.family_wording,
    )


def action_values(a: Action) -> dict[str, Any]:
    return {
        "item_id": a.id,
        "description": a.description,
        "owner_agency": a.owner_agency,
        "owner_name": a.owner_name,
        "due": d_out(a.due),
        **terms_out(a.sharing),
        "status": a.status.value,
        "completion_note": a.completion_note,
    }


def action_in(row: Any) -> Action:
    return Action(
        id=row.item_id, description=row.description, owner_agency=row.owner_agency, due=d_in(row.due),
        sharing=terms_in(row), owner_name=row.owner_name,
        status=ActionStatus(row.status), completion_note=row.completion_note,
    )


def addendum_in(row: Any) -> Addendum:
    created = dt_in(row.created_at)
    assert created is not None
    return Addendum(row.number, row.text, created, row.created_by, terms_in(row))


def addendum_values(a: Addendum) -> dict[str, Any]:
    return {"number": a.number, "text": a.text, "created_at": dt_out(a.created_at),
            "created_by": a.created_by, **terms_out(a.sharing)}


def sign_off_in(so: dict[str, Any]) -> SignOff:
    return SignOff(
        so["version"], so["signed_off_by"], dt_in(so["signed_off_at"]) or datetime.now(UTC), so["content_hash"],
        checks_met=[str(t) for t in so.get("checks_met", [])],
        acknowledged=[AcknowledgedCheck(a.get("kind", ""), a.get("message", ""), a.get("reason", ""))
                      for a in so.get("acknowledged", [])],
        signer_reason=so.get("signer_reason", ""),
    )


def meeting_in(row: Any, **parts: Any) -> Meeting:
    r = json.loads(row.referral)
    pi = json.loads(row.parents_informed)
    ns = json.loads(row.next_steps)
    so = json.loads(row.sign_off) if row.sign_off else None
    chair = _person_in(row.chair) or Person("")
    return Meeting(
        reference=row.reference,
        held_at=dt_in(row.held_at),
        chair=chair,
        referral=Referral(
            received_at=dt_in(r.get("received_at")), reason=r.get("reason", ""),
            source_agency=r.get("source_agency", ""),
            categories=[ConcernCategory(c) for c in r.get("categories", [])],
        ),
        kind=MeetingKind(row.kind),
        format=MeetingFormat(row.format) if row.format else None,
        location=row.location,
        minute_taker=_person_in(row.minute_taker),
        parents_informed=ParentsInformed(dt_in(pi.get("when")), pi.get("how", ""), pi.get("by", ""), pi.get("delay_reason", "")),
        next_steps=NextSteps(d_in(ns.get("icpc_by")), dt_in(ns.get("review_at")),
                             ns.get("family_next", ""), ns.get("family_contact", "")),
        status=MeetingStatus(row.status),
        sign_off=None
        if so is None
        else sign_off_in(so),
        id=row.id,
        created_by=row.created_by,
        created_at=dt_in(row.created_at),
        updated_at=dt_in(row.updated_at),
        reconvenes=row.reconvenes,
        nation=row.nation or "england",
        planning=planning_in(json.loads(row.planning or "{}")),
        **parts,
    )


def sharing_log_values(meeting_id: int, e: SharingLogEntry) -> dict[str, Any]:
    return {
        "meeting_id": meeting_id, "item_kind": e.item_kind.value, "item_id": e.item_id,
        "change": e.change.value, "at": dt_out(e.at), "by": e.by,
        "before": dumps(e.before) if e.before is not None else None,
        "after": dumps(e.after) if e.after is not None else None,
        "recipient": e.recipient, "reason": e.reason,
    }


def sharing_log_in(reference: str, row: Any) -> SharingLogEntry:
    at = dt_in(row.at)
    assert at is not None
    return SharingLogEntry(
        reference, SharingItemKind(row.item_kind), row.item_id, SharingChangeKind(row.change), at, row.by,
        json.loads(row.before) if row.before else None, json.loads(row.after) if row.after else None,
        row.recipient, row.reason,
    )
