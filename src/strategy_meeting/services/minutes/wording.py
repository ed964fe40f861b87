# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Every sentence the minutes print, in UK English: one place to read, correct or translate.

Nothing here sees a database or a PDF. Functions take plain values and return plain text;
the renderer escapes it. No sentence quotes a withheld item: placeholders name only the agency.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

if TYPE_CHECKING:
    from strategy_meeting.domain.meeting import Meeting

# --- Marking, running header and footer ---------------------------------------------------

CLASSIFICATION = "OFFICIAL-SENSITIVE"
RUNNING_TITLE = "Strategy discussion minutes"
FULL_RECORD = "Full record"
DRAFT_WATERMARK = "DRAFT"
DRAFT_BANNER = "DRAFT: not signed off. Do not rely on this copy as the record of the meeting."


def copy_for(agency_name: str, code: str) -> str:
    """The header line of an agency's copy."""
    if agency_name and agency_name != code:
        return f"Copy for: {agency_name} ({code})"
    return f"Copy for: {code}"


def page_of(page: int, pages: int) -> str:
    return f"Page {page} of {pages}"


def footer_reference(reference: str) -> str:
    return f"Reference {reference}"


# --- PDF document information: fixed strings, never a name or any record content --------

META_TITLE = "Strategy discussion minutes"
META_AUTHOR = "Strategy Meeting"
META_SUBJECT = "OFFICIAL-SENSITIVE multi-agency record"
META_CREATOR = "Strategy Meeting"
META_PRODUCER = "Strategy Meeting"
SIGNATURE_REASON = "Signed-off minutes of a multi-agency strategy discussion"

# --- Title block ---------------------------------------------------------------------------

TITLE = "Minutes of a strategy discussion"
KIND_TITLES = {
    "initial": "Initial strategy discussion",
    "reconvened": "Reconvened strategy discussion",
}
INTRO_FULL = (
    "This is the full record of the meeting. It holds every item, including those restricted "
    "to the chair's record, and must stay with children's social care."
)
HANDLING = (
    "Handle as OFFICIAL-SENSITIVE. Share only with those who need it to keep the child safe; "
    "do not forward it or copy it into other systems without the chair's agreement."
)


def intro_agency(agency_label: str) -> str:
    return (
        f"This copy holds what {agency_label} may see under the sharing terms agreed at the "
        "meeting. Where an item was withheld from this copy, a line says so in its place."
    )


# --- Section headings, in the order of DESIGN.md section 4 --------------------------------

SECTION_DETAILS = "Meeting details and referral"
SECTION_CHILDREN = "Subject children and household"
SECTION_ATTENDANCE = "Attendance"
SECTION_INFORMATION = "Information shared"
SECTION_LIVED_EXPERIENCE = "The child's lived experience"
SECTION_DECISIONS = "Decisions"
SECTION_DISSENT = "Recorded dissent"
SECTION_ACTIONS = "Actions"
SECTION_PARENTS = "Parents and carers informed"
SECTION_NEXT_STEPS = "Next steps"
SECTION_SIGN_OFF = "Sign-off"
SECTION_ADDENDA = "Addenda"
SECTION_WITHHOLDS = "What each copy withholds"
SECTION_SHARING_LOG = "Sharing-decision log"

SUB_REFERRAL = "Referral"
SUB_HOUSEHOLD = "Household members and significant adults"

# --- Labels --------------------------------------------------------------------------------

LABEL_REFERENCE = "Reference"
LABEL_KIND = "Kind of meeting"
LABEL_HELD_AT = "Held"
LABEL_FORMAT = "Format"
LABEL_LOCATION = "Location"
LABEL_CHAIR = "Chair"
LABEL_MINUTE_TAKER = "Minute taker"
LABEL_STATUS = "Status"
LABEL_RECONVENES = "Reconvenes"
LABEL_RECEIVED = "Received"
LABEL_SOURCE = "Referred by"
LABEL_CATEGORIES = "Category of concern"
LABEL_REASON = "Reason for referral"

LABEL_DOB = "Date of birth"
LABEL_EXPECTED = "Expected date of birth"
LABEL_GENDER = "Sex / gender"
LABEL_ETHNICITY = "Ethnicity"
LABEL_NHS = "NHS number"
LABEL_ADDRESS = "Address"
LABEL_SCHOOL = "School or setting"
LABEL_COMMUNICATION = "Communication needs"
LABEL_DISABILITY = "Disability"

COLUMNS_HOUSEHOLD = ("Name", "Relationship", "Parental responsibility", "Address", "Notes")
COLUMNS_ATTENDANCE = ("Name", "Agency", "Role", "Attendance", "Can decide for agency")
# Header cells do not break words: these widths (fractions of the text width) fit them. Name
# columns take what the short columns (role, relationship) can spare: a 20-letter surname fits.
WIDTHS_HOUSEHOLD = (0.23, 0.15, 0.17, 0.22, 0.23)
WIDTHS_ATTENDANCE = (0.26, 0.28, 0.16, 0.15, 0.15)
WIDTHS_ACTIONS = (0.07, 0.47, 0.22, 0.14, 0.10)
WIDTHS_DISSENT = (0.16, 0.3, 0.54)
COLUMNS_ACTIONS = ("No.", "Action", "Owner", "Due", "Status")
COLUMNS_DISSENT = ("Decision", "Agency", "View recorded")

LABEL_OUTCOME = "Outcome"
LABEL_RATIONALE = "Rationale"
LABEL_THRESHOLD = "Threshold for significant harm"
LABEL_RELIED_ON = "Relied on"
LABEL_LAWFUL_BASIS = "Lawful basis"
LABEL_CATEGORIES = "Restriction"
LABEL_CAVEAT = "Handling caveat"
LABEL_POLICE_AGREEMENT = "Police agreement to release"
LABEL_RATIONALE_WIDER = "Rationale (for wider sharing)"
RATIONALE_NOT_IN_COPY = ("The rationale is not in this copy: the decision relied on information withheld "
                         "from it.")
LABEL_WHEN = "When"
LABEL_HOW = "How"
LABEL_BY = "By"
LABEL_DELAY = "Reason for delay"
LABEL_ICPC = "Initial child protection conference by"
LABEL_REVIEW = "Review or reconvened meeting"
LABEL_SIGNED_OFF_BY = "Signed off by"
LABEL_SIGNED_OFF_AT = "Signed off on"
LABEL_VERSION = "Version"
LABEL_CONTENT_HASH = "Content fingerprint (SHA-256)"

YES = "Yes"
NO = "No"
NOT_RECORDED = "Not recorded"
NONE_RECORDED = "None recorded."
NO_DISSENT = "No agency recorded dissent from any decision."
NO_ITEMS_FOR_COPY = "No information is recorded in this copy."
THRESHOLD_LABELS = {True: "Met", False: "Not met", None: "Not recorded"}
ACTION_STATUS_LABELS = {"open": "Open", "done": "Done", "cancelled": "Cancelled"}
RECEIVED_VIA_LABELS = {
    "meeting": "Given in the meeting",
    "contribution_form": "Sent on a contribution form",
    "import": "Imported",
}

# Badges: short words on coloured pills beside each item.
BADGE_ALL = "All agencies"
BADGE_CHAIR = "Chair's record only"
BADGE_FAMILY_YES = "May be shared with family"
BADGE_FAMILY_NO = "Not for the family"
BADGE_DECIDES = "Can decide"


def withheld_addendum() -> str:
    return "An addendum was withheld from this copy."


def withheld_decision() -> str:
    return "A decision was withheld from this copy."


# The full record's annex: what each copy withholds, and the sharing-decision log.
NOTHING_WITHHELD = "Holds every item."
FAMILY_LABEL = "The family"
NO_SHARING_LOG = "No sharing decision is logged."
COLUMNS_SHARING_LOG = ("When", "Who", "Item", "Change", "Reason")
WIDTHS_SHARING_LOG = (0.2, 0.14, 0.16, 0.3, 0.2)
SHARING_CHANGE_LABELS = {
    "set": "Audience chosen", "changed": "Terms changed", "loosened": "Loosened",
    "shared": "In the copy", "withheld": "Withheld from the copy",
}


def withholds_line(counts: dict[str, int], wider: list[str], without: list[str]) -> str:
    """One copy's line: counts by kind, then the decisions whose rationale it lacks."""
    plural = {"addendum": "addenda"}
    parts = [f"{n} {kind if n == 1 else plural.get(kind, kind + 's')}" for kind, n in counts.items() if n]
    text = ("Withholds " + ", ".join(parts) + ".") if parts else NOTHING_WITHHELD
    if wider:
        text += f" The rationale of {', '.join(wider)} is replaced by the one written for wider sharing."
    if without:
        text += f" {', '.join(without)} {'is' if len(without) == 1 else 'are'} there without a rationale."
    return text


def badge_only(codes: list[str]) -> str:
    return ", ".join(codes) + " only"


# --- Attendance ----------------------------------------------------------------------------

ATTENDANCE_STATUS = {"attended": "Attended", "apologies": "Apologies", "not_attended": "Absent"}


def missing_statutory(kind_label: str) -> str:
    return f"Statutory agency not present: no one from {kind_label} attended."


ALL_STATUTORY_PRESENT = "Children's social care, police and health all attended."

# --- Withheld items: the agency, never the content -------------------------------------------


def withheld_contribution(agency_label: str) -> str:
    return f"An item from {agency_label} was withheld from this copy."


def withheld_action(agency_label: str) -> str:
    return f"An action owned by {agency_label} was withheld from this copy."


def relied_on_withheld(agency_label: str, count: int) -> str:
    items = "an item" if count == 1 else f"{count} items"
    return f"{items[0].upper()}{items[1:]} from {agency_label}, withheld from this copy"


def item_number(n: int) -> str:
    return f"I{n}"


def action_number(n: int) -> str:
    return f"A{n}"


def decision_number(n: int) -> str:
    return f"D{n}"


def addendum_number(n: int) -> str:
    return f"Addendum {n}"


def dissent_badge(count: int) -> str:
    return "Dissent recorded" if count == 1 else f"Dissent recorded ({count})"


def see_lived_experience(agency_label: str) -> str:
    return f"What {agency_label} shared is under the child's lived experience."


def decision_ref(n: int) -> str:
    return f"Decision {n}"


def item_ref(number: str, agency_label: str, topic_label: str) -> str:
    return f"{number}: {topic_label.lower()}, from {agency_label}"


# --- Parents, next steps, sign-off -----------------------------------------------------------

PARENTS_NOT_RECORDED = "There is no record of whether and when parents and carers are told."
NEXT_STEPS_NONE = "No conference or review date is recorded."
SIGNOFF_DRAFT = (
    "These minutes have not been signed off. This is a draft for checking, and it will "
    "change before the chair signs it off."
)
SIGNOFF_SIGNED = (
    "The chair signed these minutes off. The record is now locked: any later change is "
    "made as a numbered, dated addendum."
)
SIGNOFF_DIGITAL = (
    "A signed copy carries the chair's digital signature, which forbids any change to the file. "
    "Check it in Adobe Reader's signature panel or with Strategy Meeting's verify command."
)
LABEL_SIGNER_REASON = "Signed by someone other than the recorded chair, because"
SIGNOFF_CHECKS = "The checks at sign-off"
CHECK_MET = "Met"
CHECK_ACKNOWLEDGED = "Not met; acknowledged"
CHECK_NO_REASON = "no reason was given"
CONTENT_HASH_NOTE = "Fingerprint of the full record at sign-off, kept by children's social care."
NO_ADDENDA = "No addenda."


def addendum_title(when: str, by: str) -> str:
    return f"Added {when} by {by}"


# --- Dates and times -------------------------------------------------------------------------

try:
    _LONDON: timezone | ZoneInfo = ZoneInfo("Europe/London")
except ZoneInfoNotFoundError:  # pragma: no cover - tzdata missing on a bare Windows install
    _LONDON = timezone.utc


MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fixed names: ``%B`` would follow the machine's locale


def format_date(value: date | None) -> str:
    """``20 November 2026``: the long UK form, unambiguous across agencies."""
    if value is None:
        return NOT_RECORDED
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def format_datetime(value: datetime | None) -> str:
    """UK local time with its zone, e.g. ``20 November 2026, 10:00 GMT``."""
    if value is None:
        return NOT_RECORDED
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    local = value.astimezone(_LONDON)
    return f"{format_date(local.date())}, {local:%H:%M} {local.tzname()}"


def yes_no(value: bool | None) -> str:
    if value is None:
        return NOT_RECORDED
    return YES if value else NO


def or_not_recorded(value: str) -> str:
    return value if value.strip() else NOT_RECORDED


def format_local_date(value: datetime) -> str:
    """The UK calendar date of an instant, e.g. ``21 November 2026``."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return format_date(value.astimezone(_LONDON).date())


# --- Versions (issue 14): a later version says what it replaces ------------------------------


def replaces_line(version: int, replaces: int, replaced_on: str) -> str:
    """``Version 2, replaces version 1 of 21 November 2026``: on the first page, in the e-mail
    subject, and (as ``_v2``) in the file name."""
    return f"Version {version}, replaces version {replaces} of {replaced_on}"


def version_note(meeting: Meeting) -> str:
    """``replaces_line`` for the meeting's current version when it replaces an earlier one
    (an addendum made it), else "": the one wording of every copy, e-mail and family copy."""
    from strategy_meeting.domain.minutes_version import supersedes

    later = supersedes(meeting)
    if later is None:
        return ""
    return replaces_line(later.version, later.replaces, format_local_date(later.replaces_made_at))


# --- The family's copy (issue 14, item 4): plain words, nothing agency-internal --------------

FAMILY_CLASSIFICATION = "PRIVATE AND CONFIDENTIAL"
FAMILY_RUNNING_TITLE = "Strategy discussion about your family"
FAMILY_TITLE = "What the strategy discussion decided"


def family_copy_for(names: list[str]) -> str:
    """The heading of the family's copy: ``Copy for the family of Amy Smith and Ben Smith``."""
    named = [n.strip() for n in names if n.strip()]
    if not named:
        return "Copy for the family"
    who = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    return f"Copy for the family of {who}"


def family_intro(held_on: str) -> str:
    when = f" on {held_on}" if held_on else ""
    return (
        f"This is a summary for you of the strategy discussion held{when}. In a strategy "
        "discussion, children's social care, the police, health and other services talk together "
        "about a child's safety and agree what happens next. This summary holds what the meeting "
        "agreed can be shared with you."
    )


FAMILY_HANDLING = (
    "If anything here is unclear, or you think something is wrong, please contact the person "
    "named under \u201cWho to contact\u201d. Please keep this document somewhere private."
)
FAMILY_SECTION_MEETING = "About the meeting"
FAMILY_SECTION_TOLD = "What the meeting was told"
FAMILY_SECTION_DECIDED = "What was decided"
FAMILY_SECTION_ACTIONS = "Who will do what"
FAMILY_SECTION_NEXT = "What happens next"
FAMILY_SECTION_CONTACT = "Who to contact"
FAMILY_SECTION_ADDENDA = "Added after the meeting"
FAMILY_LABEL_HELD = "When"
FAMILY_LABEL_SERVICES = "Services that took part"
FAMILY_LABEL_CHAIR = "Chaired by"
FAMILY_NOTHING_TOLD = "Nothing from the meeting's discussion has been shared in this summary."
FAMILY_NO_DECISIONS = (
    "The decisions of the meeting have not been written for this summary; the person named under "
    "\u201cWho to contact\u201d can tell you about them."
)
FAMILY_NO_NEXT = "The person named under \u201cWho to contact\u201d will tell you what happens next."
FAMILY_NO_CONTACT = "Please contact your local children's social care service."
COLUMNS_FAMILY_ACTIONS = ("What", "Who", "By when")
WIDTHS_FAMILY_ACTIONS = (0.55, 0.25, 0.20)
FAMILY_LABEL_SIGNED = "Signed off"


def family_decision(n: int) -> str:
    return f"Decision {n}"


def family_from(agency_name: str) -> str:
    return f"From {agency_name}"


def family_signed(by: str, on: str) -> str:
    return f"by {by} on {on}"


def family_addendum(number: int, on: str) -> str:
    return f"Added on {on}"
