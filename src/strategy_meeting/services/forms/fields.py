# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""What a contribution request form holds: its field names, wording and one-time token.

The builder (``contribution_form_pdf``) and the reader (``contribution_form_reading``) both
use these names, so a form made by one version is read by the same rules. Changing a field
name breaks every form already sent out: bump ``FORM_VERSION`` and keep reading the old one.
"""

from __future__ import annotations

import hashlib
import re
import secrets

from strategy_meeting.domain.contribution import Topic

FORM_VERSION = "1"

# Hidden, read-only fields that identify the form. They are checked against the token's
# stored binding on import, so editing them with a PDF tool gains nothing.
FIELD_FORM_VERSION = "sm_form_version"
FIELD_REFERENCE = "sm_reference"
FIELD_AGENCY = "sm_agency"
FIELD_TOKEN = "sm_token"

# What the agency fills in.
FIELD_AUTHOR = "author_name"
FIELD_ROLE = "author_role"
FIELD_AUDIENCE = "share_with"  # radio: AUDIENCE_ALL | AUDIENCE_AGENCIES | AUDIENCE_CHAIR
FIELD_FAMILY = "share_with_family"  # radio: FAMILY_YES | FAMILY_NO
FIELD_LAWFUL_BASIS = "lawful_basis"
AGENCY_TICK_PREFIX = "share_agency_"  # one checkbox per other agency of the meeting

AUDIENCE_ALL = "all"
AUDIENCE_AGENCIES = "agencies"
AUDIENCE_CHAIR = "chair"
FAMILY_YES = "yes"
FAMILY_NO = "no"

TOPIC_FIELD_PREFIX = "topic_"


def topic_field(topic: Topic) -> str:
    return TOPIC_FIELD_PREFIX + topic.value


def agency_tick_field(code: str) -> str:
    return AGENCY_TICK_PREFIX + code


# Limits: a PDF reader enforces them while typing; the reader checks them again on import.
TOPIC_MAX_CHARS = 20_000
SHORT_MAX_CHARS = 200
LAWFUL_BASIS_MAX_CHARS = 500

DEFAULT_LAWFUL_BASIS = (
    "UK GDPR Article 6(1)(e) public task; Article 9(2)(g) and DPA 2018 Schedule 1 "
    "paragraph 18 (safeguarding of children)"
)

TOPIC_PROMPTS: dict[Topic, str] = {
    Topic.HISTORY: "Your agency's past involvement with the child and family: earlier "
    "concerns, referrals, incidents and what came of them, with dates.",
    Topic.CURRENT_CONCERNS: "What your agency has seen, heard or been told recently that "
    "worries you. Say when, and who saw or said it.",
    Topic.RISKS: "What could harm the child, from whom, how likely and how soon, in your "
    "agency's view.",
    Topic.STRENGTHS: "Protective adults, support around the family, and what is working well.",
    Topic.CHILD_LIVED_EXPERIENCE: "What the child has said or shown about daily life, and "
    "their wishes and feelings, in their own words where you can.",
    Topic.OTHER: "Anything else the meeting should know.",
}

GUIDANCE: tuple[str, ...] = (
    "Share what your agency knows that is relevant to this child's safety and welfare. "
    "Data protection law does not stop you sharing information to keep a child safe.",
    "Keep facts apart from opinions, give dates and say where information came from.",
    "Include information about other people only where it matters to the child's safety.",
    "Say below who may see what you write. If telling the family could put the child at "
    "risk or harm a police investigation, answer \u2018No\u2019 to sharing with the family.",
    "Leave a topic empty if you have nothing to add. Fill the form in on screen in a PDF "
    "reader, save it and return it by secure e-mail; a printed or scanned form cannot be "
    "read in.",
    "This form can be returned once. If you need to add more later, ask the chair for a "
    "new form.",
)

# A one-time token: 256 random bits. Only its SHA-256 is kept by the store, so a copy of the
# database cannot be used to mint forms, and a guessed token fails.
TOKEN_PREFIX = "SMF1-"
TOKEN_PATTERN = re.compile(r"^SMF1-[A-Za-z0-9_-]{43}$")


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_sha256(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def is_well_formed_token(token: str) -> bool:
    return bool(TOKEN_PATTERN.match(token))
