# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""SQLAlchemy 2 typed mappings: the persistence shape only. Nothing above ``store`` sees them.

Datetimes are stored as ISO 8601 text in UTC (sortable, timezone kept); dates as ISO text.
Search keys (``*_key`` columns) hold casefolded text so prefix searches use an index in any
script.
"""

from __future__ import annotations

from sqlalchemy import Boolean, false, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class UserRow(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(32))
    agency: Mapped[str | None] = mapped_column(String(32), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[str] = mapped_column(String(40))


class AgencyRow(Base):
    """The organisation's directory of agencies (settings), separate from a meeting's list."""

    __tablename__ = "agency_directory"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str | None] = mapped_column(String(32), nullable=True)
    email: Mapped[str] = mapped_column(String(320), default="")
    certificate: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)  # DER, for encryption


class MeetingRow(Base):
    __tablename__ = "meetings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(64), unique=True)
    reference_key: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    format: Mapped[str | None] = mapped_column(String(16), nullable=True)
    held_at: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    location: Mapped[str] = mapped_column(String(500), default="")
    chair: Mapped[str] = mapped_column(Text)  # JSON person
    minute_taker: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON person
    status: Mapped[str] = mapped_column(String(16), index=True)
    referral: Mapped[str] = mapped_column(Text)  # JSON
    parents_informed: Mapped[str] = mapped_column(Text)  # JSON
    next_steps: Mapped[str] = mapped_column(Text)  # JSON
    sign_off: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON
    chair_name: Mapped[str] = mapped_column(String(500), default="")
    child_names: Mapped[str] = mapped_column(Text, default="")  # for the list view
    created_by: Mapped[str] = mapped_column(String(200), default="", index=True)
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    reconvenes: Mapped[str] = mapped_column(String(64), default="")
    nation: Mapped[str] = mapped_column(String(24), default="england")
    planning: Mapped[str] = mapped_column(Text, default="{}")  # JSON (issue 15)


class MeetingVersionRow(Base):
    """Each part of a meeting's version and who changed it last (no lost update, issue 17)."""

    __tablename__ = "meeting_versions"
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    part: Mapped[str] = mapped_column(String(16), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    changed_by: Mapped[str] = mapped_column(String(200), default="")
    changed_at: Mapped[str | None] = mapped_column(String(40), nullable=True)


def _child_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))


class MeetingAgencyRow(Base):
    __tablename__ = "meeting_agencies"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = _child_fk()
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str | None] = mapped_column(String(32), nullable=True)
    email: Mapped[str] = mapped_column(String(320), default="")
    __table_args__ = (Index("ix_meeting_agencies_meeting", "meeting_id", "position"),)


class ChildRow(Base):
    __tablename__ = "children"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = _child_fk()
    position: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(500))
    surname_key: Mapped[str] = mapped_column(String(500))
    name_key: Mapped[str] = mapped_column(String(500))
    details: Mapped[str] = mapped_column(Text)  # JSON of the remaining fields
    __table_args__ = (
        Index("ix_children_meeting", "meeting_id", "position"),
        # Covering (key, meeting_id) indexes: a search never touches the children rows.
        Index("ix_children_surname", "surname_key", "meeting_id"),
        Index("ix_children_name", "name_key", "meeting_id"),
    )


class HouseholdRow(Base):
    __tablename__ = "household_members"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = _child_fk()
    position: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[str] = mapped_column(String(64))
    details: Mapped[str] = mapped_column(Text)  # JSON
    __table_args__ = (Index("ix_household_meeting", "meeting_id", "position"),)


class ParticipantRow(Base):
    __tablename__ = "participants"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = _child_fk()
    position: Mapped[int] = mapped_column(Integer)
    agency: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16))
    details: Mapped[str] = mapped_column(Text)  # JSON: name, role, decision_authority, id
    __table_args__ = (Index("ix_participants_meeting", "meeting_id", "position"),)


class ContributionRow(Base):
    __tablename__ = "contributions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = _child_fk()
    position: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[str] = mapped_column(String(64))
    agency: Mapped[str] = mapped_column(String(32))
    topic: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    audience: Mapped[str] = mapped_column(String(16))  # undecided | all | agencies | chair
    audience_agencies: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    family: Mapped[bool] = mapped_column(Boolean, default=False)
    author: Mapped[str] = mapped_column(String(500), default="")
    # Issue 14 (0008): the rest of the sharing terms.
    categories: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")  # JSON list
    caveat: Mapped[str] = mapped_column(Text, default="", server_default="")
    lawful_basis: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON {regime, condition, note}
    police_agreement: Mapped[str] = mapped_column(Text, default="", server_default="")
    received_via: Mapped[str] = mapped_column(String(32), default="meeting")
    recorded_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    __table_args__ = (Index("ix_contributions_meeting", "meeting_id", "position"),)


class DecisionRow(Base):
    __tablename__ = "decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = _child_fk()
    position: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(Text)
    rationale: Mapped[str] = mapped_column(Text)
    threshold_met: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    relied_on: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of item ids
    dissent: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of {agency, view}
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    # Issue 14 (0008): a decision's terms (earlier decisions: every agency), its rationale for
    # wider sharing and the chair's choice to give none, and its wording for the family.
    audience: Mapped[str] = mapped_column(String(16), default="undecided", server_default="all")
    audience_agencies: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    family: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    categories: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")  # JSON list
    caveat: Mapped[str] = mapped_column(Text, default="", server_default="")
    lawful_basis: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON {regime, condition, note}
    police_agreement: Mapped[str] = mapped_column(Text, default="", server_default="")
    wider_rationale: Mapped[str] = mapped_column(Text, default="", server_default="")
    rationale_withheld_agreed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    family_wording: Mapped[str] = mapped_column(Text, default="", server_default="")
    __table_args__ = (Index("ix_decisions_meeting", "meeting_id", "position"),)


class ActionRow(Base):
    __tablename__ = "actions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = _child_fk()
    position: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[str] = mapped_column(String(64))
    description: Mapped[str] = mapped_column(Text)
    owner_agency: Mapped[str] = mapped_column(String(32))
    owner_name: Mapped[str] = mapped_column(String(500), default="")
    due: Mapped[str | None] = mapped_column(String(10), nullable=True)
    audience: Mapped[str] = mapped_column(String(16))
    audience_agencies: Mapped[str] = mapped_column(Text, default="[]")
    family: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16))
    completion_note: Mapped[str] = mapped_column(Text, default="")
    # Issue 14 (0008): the rest of the sharing terms.
    categories: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")  # JSON list
    caveat: Mapped[str] = mapped_column(Text, default="", server_default="")
    lawful_basis: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON {regime, condition, note}
    police_agreement: Mapped[str] = mapped_column(Text, default="", server_default="")
    __table_args__ = (
        Index("ix_actions_meeting", "meeting_id", "position"),
        Index("ix_actions_open_due", "status", "due"),
        Index("ix_actions_owner", "owner_agency", "status"),
    )


class AddendumRow(Base):
    __tablename__ = "addenda"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = _child_fk()
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(40))
    created_by: Mapped[str] = mapped_column(String(200))
    # Issue 14 (0008): an addendum's terms (earlier addenda: every agency).
    audience: Mapped[str] = mapped_column(String(16), default="undecided", server_default="all")
    audience_agencies: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    family: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    categories: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")  # JSON list
    caveat: Mapped[str] = mapped_column(Text, default="", server_default="")
    lawful_basis: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON {regime, condition, note}
    police_agreement: Mapped[str] = mapped_column(Text, default="", server_default="")
    __table_args__ = (UniqueConstraint("meeting_id", "number"),)


class SharingLogRow(Base):
    """The sharing-decision log (issue 14): one row per change of an item's terms, and one per
    item and recipient when the copies' content is fixed (sign-off, addenda)."""

    __tablename__ = "sharing_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = _child_fk()
    item_kind: Mapped[str] = mapped_column(String(16))
    item_id: Mapped[str] = mapped_column(String(64))
    change: Mapped[str] = mapped_column(String(16))
    at: Mapped[str] = mapped_column(String(40))
    by: Mapped[str] = mapped_column(String(200))
    before: Mapped[str | None] = mapped_column(Text, nullable=True)  # SharingTerms.to_json()
    after: Mapped[str | None] = mapped_column(Text, nullable=True)
    recipient: Mapped[str] = mapped_column(String(32), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    # No RETURNING on insert: on the team server a representative may append to the log (a
    # change of their own item's terms) but never read it.
    __table_args__ = (Index("ix_sharing_log_meeting", "meeting_id", "id"), {"implicit_returning": False})


class SigningIdentityRow(Base):
    __tablename__ = "signing_identities"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_name: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str] = mapped_column(String(1000))
    certificate_pem: Mapped[bytes] = mapped_column(LargeBinary)
    private_key_pem: Mapped[bytes] = mapped_column(LargeBinary)
    chain_pem: Mapped[bytes] = mapped_column(LargeBinary, default=b"")
    fingerprint_sha256: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[str] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CopyRow(Base):
    __tablename__ = "minutes_copies"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_reference: Mapped[str] = mapped_column(String(64), index=True)
    recipient: Mapped[str] = mapped_column(String(32))
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[str] = mapped_column(String(40))
    signed_by: Mapped[str] = mapped_column(String(1000), default="")
    draft: Mapped[bool] = mapped_column(Boolean, default=False)
    withheld: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of agency codes
    version: Mapped[int] = mapped_column(Integer, default=1)
    content: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)  # signed copies only
    folder: Mapped[str] = mapped_column(Text, default="")  # where it was written; "" not recorded (issue 19)


class DistributionRow(Base):
    __tablename__ = "distributions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_reference: Mapped[str] = mapped_column(String(64), index=True)
    recipient: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str] = mapped_column(String(16))
    address: Mapped[str] = mapped_column(String(1000))
    sha256: Mapped[str] = mapped_column(String(64))
    at: Mapped[str] = mapped_column(String(40))
    outcome: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    acknowledged_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    acknowledged_by: Mapped[str] = mapped_column(String(500), default="")
    attempt: Mapped[int] = mapped_column(Integer, default=1)
    protection: Mapped[str | None] = mapped_column(String(16), nullable=True)  # "", password, certificate
    # Issue 14: the minutes version the copy was, and the proof a saved copy reached its agency.
    version: Mapped[int] = mapped_column(Integer, default=1)
    handed_over_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    handed_over_how: Mapped[str] = mapped_column(Text, default="")
    acknowledged_how: Mapped[str] = mapped_column(Text, default="")


class FormTokenRow(Base):
    __tablename__ = "form_tokens"
    token_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    meeting_reference: Mapped[str] = mapped_column(String(64), index=True)
    agency: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[str] = mapped_column(String(40))
    used_at: Mapped[str | None] = mapped_column(String(40), nullable=True)


class SettingRow(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON


class AuditRow(Base):
    __tablename__ = "audit_events"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))
    user: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(64))
    object: Mapped[str] = mapped_column(String(500))
    details: Mapped[str] = mapped_column(Text)  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


# ---- records governance (issue 16) ---------------------------------------------------------


class RetentionClassRow(Base):
    __tablename__ = "retention_classes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    period_months: Mapped[int] = mapped_column(Integer)
    counted_from: Mapped[str] = mapped_column(String(32))  # meeting_date | child_date_of_birth | case_closure
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[str] = mapped_column(String(40))


class MeetingGovernanceRow(Base):
    """One meeting's retention class, case closure and Article 18 restriction. Removed with
    the meeting; what outlives an erasure is the tombstone."""

    __tablename__ = "meeting_governance"
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    retention_class_id: Mapped[int | None] = mapped_column(ForeignKey("retention_classes.id"), nullable=True)
    case_closed_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    restricted: Mapped[bool] = mapped_column(Boolean, default=False)
    restricted_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    restricted_by: Mapped[str] = mapped_column(String(200), default="")
    restriction_reason: Mapped[str] = mapped_column(Text, default="")


class LegalHoldRow(Base):
    __tablename__ = "legal_holds"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    target: Mapped[str] = mapped_column(String(16))  # meeting | child
    target_key: Mapped[str] = mapped_column(String(600), index=True)
    label: Mapped[str] = mapped_column(String(600))
    reason: Mapped[str] = mapped_column(Text)
    placed_at: Mapped[str] = mapped_column(String(40))
    placed_by: Mapped[str] = mapped_column(String(200))
    lifted_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    lifted_by: Mapped[str] = mapped_column(String(200), default="")
    lift_reason: Mapped[str] = mapped_column(Text, default="")


class ErasureRow(Base):
    """The tombstone of an erased meeting: no content, only what proves what was erased."""

    __tablename__ = "erasures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(64), index=True)
    held_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    created_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    signed_off_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    retention_class: Mapped[str] = mapped_column(String(200), default="")
    retain_until: Mapped[str | None] = mapped_column(String(10), nullable=True)
    erased_at: Mapped[str] = mapped_column(String(40))
    erased_by: Mapped[str] = mapped_column(String(200))
    ground: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    signed_content_hash: Mapped[str] = mapped_column(String(64), default="")
    backups_before: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of backup file names
    audit_seq: Mapped[int] = mapped_column(Integer, default=0)


class SubjectAccessRequestRow(Base):
    __tablename__ = "subject_access_requests"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_name: Mapped[str] = mapped_column(String(500))
    person_key: Mapped[str] = mapped_column(String(500), index=True)
    received_on: Mapped[str] = mapped_column(String(10))
    due_on: Mapped[str] = mapped_column(String(10))
    extension_reason: Mapped[str] = mapped_column(Text, default="")
    opened_by: Mapped[str] = mapped_column(String(200))
    opened_at: Mapped[str] = mapped_column(String(40))
    exported_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    closed_at: Mapped[str | None] = mapped_column(String(40), nullable=True)


class SubjectAccessExemptionRow(Base):
    __tablename__ = "subject_access_exemptions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("subject_access_requests.id", ondelete="CASCADE"), index=True)
    meeting_reference: Mapped[str] = mapped_column(String(64), index=True)
    item_key: Mapped[str] = mapped_column(String(200))
    ground: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text)
    marked_by: Mapped[str] = mapped_column(String(200))
    marked_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (UniqueConstraint("request_id", "item_key", "ground"),)
