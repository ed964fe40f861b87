# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Meeting + recipient -> the ``MinutesDocument`` that recipient may read.

Built only from ``domain.sharing.copy_of``: a withheld item never enters this module's output,
so there is nothing to hide later (SECURITY-TESTS lesson 1: never black out a master copy).
Item numbers follow the record's order, withheld items included, so an item keeps its number
in every copy and a copy's numbering depends on nothing withheld from it but its existence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from strategy_meeting.domain.action import Action
from strategy_meeting.domain.agency import STATUTORY_KIND_LABELS
from strategy_meeting.domain.contribution import TOPIC_LABELS, Contribution, Topic
from strategy_meeting.domain.decision import DECISION_KIND_LABELS
from strategy_meeting.domain.meeting import FORMAT_LABELS, Meeting, ParticipantStatus, Person
from strategy_meeting.domain.sharing import (
    FAMILY,
    MeetingCopy,
    Recipient,
    Withheld,
    copy_of,
    describe_log_change,
    seen_by,
    what_each_copy_withholds,
)
from strategy_meeting.domain.sharing_log import SharingLogEntry
from strategy_meeting.domain.sharing_terms import CATEGORY_LABELS, AudienceScope, RestrictionCategory, SharingTerms
from strategy_meeting.domain.signoff_checks import missing_statutory_kinds


from . import wording as w
from .family import assemble_family
from .document import (
    Badge,
    Block,
    Facts,
    ItemCard,
    MinutesDocument,
    Note,
    Section,
    SubHeading,
    Table,
    TableRow,
    Tone,
    WithheldLine,
)

_ATTENDANCE_ORDER = {
    ParticipantStatus.ATTENDED: 0,
    ParticipantStatus.APOLOGIES: 1,
    ParticipantStatus.NOT_ATTENDED: 2,
}


def assemble(meeting: Meeting, recipient: Recipient,
             sharing_log: Sequence[SharingLogEntry] = ()) -> MinutesDocument:
    """The minutes for ``recipient``; a draft unless the meeting is signed off. The full
    record's annex holds ``sharing_log`` (issue 14); no other copy sees it."""
    if recipient.is_family:
        return assemble_family(meeting)  # plain words, nothing agency-internal (family.py)
    view = copy_of(meeting, recipient)
    m = view.meeting
    draft = m.sign_off is None or not m.status.is_locked
    numbers = _contribution_numbers(view)
    label = _AgencyLabels(m)

    if recipient.is_full_record:
        header = w.FULL_RECORD
        intro = (w.INTRO_FULL, w.HANDLING)
    else:
        code = recipient.agency or ""
        header = w.copy_for(m.agency_name(code), code)
        intro = (w.intro_agency(label(code)), w.HANDLING)

    sections = [
        Section(w.SECTION_DETAILS, _details(m, label)),
        Section(w.SECTION_CHILDREN, _children(m)),
        Section(w.SECTION_ATTENDANCE, _attendance(m, label)),
        Section(w.SECTION_INFORMATION, _information(view, numbers, label)),
        Section(w.SECTION_LIVED_EXPERIENCE, _lived_experience(view, numbers, label)),
        Section(w.SECTION_DECISIONS, _decisions(view, numbers, label)),
        Section(w.SECTION_DISSENT, _dissent(m, label)),
        Section(w.SECTION_ACTIONS, _actions(view, label)),
        Section(w.SECTION_PARENTS, _parents(m)),
        Section(w.SECTION_NEXT_STEPS, _next_steps(m)),
        Section(w.SECTION_SIGN_OFF, _sign_off(m, draft, recipient)),
    ]
    if m.addenda or view.addenda_withheld:
        sections.append(Section(w.SECTION_ADDENDA, _addenda(view)))
    if recipient.is_full_record:  # the annex (issue 14): the full record only
        sections.append(Section(w.SECTION_WITHHOLDS, _withholds(meeting)))
        sections.append(Section(w.SECTION_SHARING_LOG, _sharing_log(tuple(sharing_log))))

    subtitle = " · ".join(
        part
        for part in (w.KIND_TITLES.get(m.kind.value, ""), w.format_datetime(m.held_at), m.reference)
        if part
    )
    return MinutesDocument(
        reference=m.reference,
        recipient_key=recipient.key,
        header_label=header,
        draft=draft,
        title=w.TITLE,
        subtitle=subtitle,
        intro=intro,
        sections=tuple(sections),
        withheld_from=tuple(s.agency for s in view.withheld),
        version_note=w.version_note(meeting),
    )




class _AgencyLabels:
    """``Name (CODE)`` for each agency code, as every copy names agencies."""

    def __init__(self, meeting: Meeting) -> None:
        self._meeting = meeting

    def __call__(self, code: str) -> str:
        if not code:
            return w.NOT_RECORDED
        name = self._meeting.agency_name(code)
        return f"{name} ({code})" if name and name != code else code


def _contribution_numbers(view: MeetingCopy) -> dict[int, str]:
    """Slot index -> printed number, over the record's order (withheld slots included)."""
    return {i: w.item_number(i + 1) for i in range(len(view.contribution_slots))}


_TONES = {AudienceScope.ALL: Tone.SHARED, AudienceScope.CHAIR: Tone.CHAIR,
          AudienceScope.AGENCIES: Tone.RESTRICTED, AudienceScope.UNDECIDED: Tone.WARNING}


def sharing_badges(owner: str | None, terms: SharingTerms, agencies: list[str]) -> tuple[Badge, ...]:
    """Who receives the item, in the one wording (``domain.sharing.seen_by``): a police item
    shared with CSC reads "Seen by: the chair's record, POLICE (who gave it) and CSC" in every
    copy, the police's own included; and whether the family may be told."""
    tone = Tone.RESTRICTED if terms.categories and terms.scope is AudienceScope.ALL else _TONES[terms.scope]
    who = Badge(seen_by(owner, terms, agencies), tone)
    family = (
        Badge(w.BADGE_FAMILY_YES, Tone.FAMILY_YES)
        if terms.family
        else Badge(w.BADGE_FAMILY_NO, Tone.FAMILY_NO)
    )
    return (who, family)


def _person(person: Person | None, label: _AgencyLabels) -> str:
    if person is None or not person.name.strip():
        return w.NOT_RECORDED
    parts = [person.name]
    if person.role:
        parts.append(person.role)
    if person.agency:
        parts.append(label(person.agency))
    return ", ".join(parts)


def _details(m: Meeting, label: _AgencyLabels) -> tuple[Block, ...]:
    rows = [
        (w.LABEL_REFERENCE, m.reference),
        (w.LABEL_KIND, w.KIND_TITLES.get(m.kind.value, m.kind.value)),
        (w.LABEL_HELD_AT, w.format_datetime(m.held_at)),
        (w.LABEL_FORMAT, FORMAT_LABELS[m.format] if m.format else w.NOT_RECORDED),
        (w.LABEL_LOCATION, w.or_not_recorded(m.location)),
        (w.LABEL_CHAIR, _person(m.chair, label)),
        (w.LABEL_MINUTE_TAKER, _person(m.minute_taker, label)),
    ]
    if m.reconvenes:
        rows.append((w.LABEL_RECONVENES, m.reconvenes))
    r = m.referral
    referral = [
        (w.LABEL_RECEIVED, w.format_datetime(r.received_at)),
        (w.LABEL_SOURCE, label(r.source_agency) if r.source_agency else w.NOT_RECORDED),
        (
            w.LABEL_CATEGORIES,
            ", ".join(c.label for c in r.categories) if r.categories else w.NOT_RECORDED,
        ),
        (w.LABEL_REASON, w.or_not_recorded(r.reason)),
    ]
    return (Facts(tuple(rows)), SubHeading(w.SUB_REFERRAL), Facts(tuple(referral)))


def _children(m: Meeting) -> tuple[Block, ...]:
    blocks: list[Block] = []
    if not m.children:
        blocks.append(Note(w.NONE_RECORDED, Tone.WARNING))
    for child in m.children:
        if child.date_of_birth is None and child.expected_date_of_birth is not None:
            born = (w.LABEL_EXPECTED, w.format_date(child.expected_date_of_birth))
        else:
            born = (w.LABEL_DOB, w.format_date(child.date_of_birth))
        rows = (
            born,
            (w.LABEL_GENDER, w.or_not_recorded(child.gender)),
            (w.LABEL_ETHNICITY, w.or_not_recorded(child.ethnicity)),
            (w.LABEL_NHS, w.or_not_recorded(child.nhs_number)),
            (w.LABEL_ADDRESS, w.or_not_recorded(child.address)),
            (w.LABEL_SCHOOL, w.or_not_recorded(child.school)),
            (w.LABEL_COMMUNICATION, w.or_not_recorded(child.communication_needs)),
            (w.LABEL_DISABILITY, w.or_not_recorded(child.disability)),
        )
        blocks.append(SubHeading(child.name))
        blocks.append(Facts(rows))
    blocks.append(SubHeading(w.SUB_HOUSEHOLD))
    if m.household:
        rows_h = tuple(
            TableRow(
                (h.name, h.relationship, w.yes_no(h.parental_responsibility), h.address, h.notes)
            )
            for h in m.household
        )
        blocks.append(Table(w.COLUMNS_HOUSEHOLD, rows_h, w.WIDTHS_HOUSEHOLD))
    else:
        blocks.append(Note(w.NONE_RECORDED))
    return tuple(blocks)


def _attendance(m: Meeting, label: _AgencyLabels) -> tuple[Block, ...]:
    blocks: list[Block] = []
    people = sorted(
        enumerate(m.participants), key=lambda pair: (_ATTENDANCE_ORDER[pair[1].status], pair[0])
    )
    if people:
        rows = tuple(
            TableRow(
                (
                    p.name,
                    label(p.agency),
                    p.role,
                    w.ATTENDANCE_STATUS[p.status.value],
                    w.yes_no(p.decision_authority),
                )
            )
            for _, p in people
        )
        blocks.append(Table(w.COLUMNS_ATTENDANCE, rows, w.WIDTHS_ATTENDANCE))
    else:
        blocks.append(Note(w.NONE_RECORDED))
    missing = missing_statutory_kinds(m)
    for kind in missing:
        blocks.append(Note(w.missing_statutory(STATUTORY_KIND_LABELS[kind]), Tone.WARNING))
    if not missing:
        blocks.append(Note(w.ALL_STATUTORY_PRESENT, Tone.OK))
    return tuple(blocks)


def _handling(terms: SharingTerms, recipient: Recipient) -> tuple[tuple[str, str], ...]:
    """Categories and the police's agreement in the full record; the caveat wherever the item
    goes (but the family's copy, which holds no item with restrictions to handle)."""
    facts: list[tuple[str, str]] = []
    if recipient.is_full_record and terms.categories:
        facts.append((w.LABEL_CATEGORIES, "; ".join(CATEGORY_LABELS[c] for c in RestrictionCategory
                                                      if c in terms.categories)))
    if recipient.is_full_record and terms.police_agreement.strip():
        facts.append((w.LABEL_POLICE_AGREEMENT, terms.police_agreement))
    if terms.caveat.strip() and not recipient.is_family:
        facts.append((w.LABEL_CAVEAT, terms.caveat))
    return tuple(facts)


def _contribution_card(
    c: Contribution, number: str, title: str, label: _AgencyLabels, view: MeetingCopy
) -> ItemCard:
    meta = " · ".join(
        part
        for part in (
            c.author,
            w.RECEIVED_VIA_LABELS.get(c.received_via.value, ""),
            w.format_datetime(c.recorded_at) if c.recorded_at else "",
        )
        if part
    )
    basis = c.lawful_basis_text
    facts = ((w.LABEL_LAWFUL_BASIS, basis),) if basis.strip() else ()
    facts += _handling(c.sharing, view.recipient)
    return ItemCard(number, title, c.text, meta,
                    sharing_badges(c.agency, c.sharing, view.meeting.agency_codes), facts)


def _agency_order(view: MeetingCopy) -> list[str]:
    order = [a.code for a in view.meeting.agencies]
    extra = sorted(
        {s.agency for s in view.contribution_slots if s.agency not in order}
    )
    return order + extra


def _information(
    view: MeetingCopy, numbers: dict[int, str], label: _AgencyLabels
) -> tuple[Block, ...]:
    blocks: list[Block] = []
    for code in _agency_order(view):
        cards: list[Block] = []
        for topic in Topic:
            if topic is Topic.CHILD_LIVED_EXPERIENCE:
                continue
            for i, slot in enumerate(view.contribution_slots):
                if isinstance(slot, Contribution) and slot.agency == code and slot.topic is topic:
                    cards.append(_contribution_card(slot, numbers[i], TOPIC_LABELS[topic], label, view))
        lived = sum(
            1
            for s in view.contribution_slots
            if isinstance(s, Contribution)
            and s.agency == code
            and s.topic is Topic.CHILD_LIVED_EXPERIENCE
        )
        withheld = [
            WithheldLine(w.withheld_contribution(label(code)), numbers[i])
            for i, s in enumerate(view.contribution_slots)
            if isinstance(s, Withheld) and s.agency == code
        ]
        if not cards and not withheld and not lived:
            continue
        blocks.append(SubHeading(label(code)))
        blocks.extend(cards)
        blocks.extend(withheld)
        if not cards and not withheld:
            blocks.append(Note(w.see_lived_experience(label(code))))
    if not blocks:
        blocks.append(Note(w.NO_ITEMS_FOR_COPY))
    return tuple(blocks)


def _lived_experience(
    view: MeetingCopy, numbers: dict[int, str], label: _AgencyLabels
) -> tuple[Block, ...]:
    cards: list[Block] = [
        _contribution_card(slot, numbers[i], label(slot.agency), label, view)
        for i, slot in enumerate(view.contribution_slots)
        if isinstance(slot, Contribution) and slot.topic is Topic.CHILD_LIVED_EXPERIENCE
    ]
    return tuple(cards) if cards else (Note(w.NONE_RECORDED),)


def _decisions(
    view: MeetingCopy, numbers: dict[int, str], label: _AgencyLabels
) -> tuple[Block, ...]:
    m = view.meeting
    index_of = {
        slot.id: i
        for i, slot in enumerate(view.contribution_slots)
        if isinstance(slot, Contribution)
    }
    cards: list[Block] = []
    for n, d in enumerate(m.decisions, start=1):
        relied: list[str] = []
        for item_id in d.relied_on:
            i = index_of.get(item_id)
            if i is None:
                continue
            c = view.contribution_slots[i]
            assert isinstance(c, Contribution)
            relied.append(w.item_ref(numbers[i], label(c.agency), TOPIC_LABELS[c.topic]))
        hidden = Counter(h.agency for h in view.relied_on_withheld.get(d.id, []))
        relied.extend(w.relied_on_withheld(label(code), count) for code, count in hidden.items())
        badges: list[Badge] = []
        if d.threshold_met is True:
            badges.append(Badge(w.LABEL_THRESHOLD + ": " + w.THRESHOLD_LABELS[True], Tone.WARNING))
        elif d.threshold_met is False:
            badges.append(Badge(w.LABEL_THRESHOLD + ": " + w.THRESHOLD_LABELS[False], Tone.NEUTRAL))
        if d.dissent:
            badges.append(Badge(w.dissent_badge(len(d.dissent)), Tone.RESTRICTED))
        badges.extend(sharing_badges(None, d.sharing, m.agency_codes)[:1])
        if d.id not in view.rationale_replaced:
            rationale = (w.LABEL_RATIONALE, w.or_not_recorded(d.rationale))
        elif d.rationale.strip():  # the one the chair wrote for copies like this one
            rationale = (w.LABEL_RATIONALE_WIDER, d.rationale)
        else:
            rationale = (w.LABEL_RATIONALE, w.RATIONALE_NOT_IN_COPY)
        facts = (
            (w.LABEL_OUTCOME, w.or_not_recorded(d.outcome)),
            rationale,
            (w.LABEL_THRESHOLD, w.THRESHOLD_LABELS[d.threshold_met]),
        )
        if view.recipient.is_full_record and d.wider_rationale.strip():
            facts += ((w.LABEL_RATIONALE_WIDER, d.wider_rationale),)
        facts += _handling(d.sharing, view.recipient)
        lists = ((w.LABEL_RELIED_ON, tuple(relied) or (w.NONE_RECORDED,)),)
        cards.append(
            ItemCard(
                w.decision_number(n),
                DECISION_KIND_LABELS[d.kind],
                badges=tuple(badges),
                facts=facts,
                lists=lists,
            )
        )
    cards.extend(Note(w.withheld_decision()) for _ in range(view.decisions_withheld))
    return tuple(cards) if cards else (Note(w.NONE_RECORDED, Tone.WARNING),)


def _dissent(m: Meeting, label: _AgencyLabels) -> tuple[Block, ...]:
    rows = tuple(
        TableRow((w.decision_ref(n), label(dissent.agency), dissent.view))
        for n, d in enumerate(m.decisions, start=1)
        for dissent in d.dissent
    )
    if not rows:
        return (Note(w.NO_DISSENT),)
    return (Table(w.COLUMNS_DISSENT, rows, w.WIDTHS_DISSENT, badge_column=2),)


def _actions(view: MeetingCopy, label: _AgencyLabels) -> tuple[Block, ...]:
    rows: list[TableRow] = []
    for i, slot in enumerate(view.action_slots):
        number = w.action_number(i + 1)
        if isinstance(slot, Action):
            owner = label(slot.owner_agency)
            if slot.owner_name.strip():
                owner = f"{slot.owner_name}\n{owner}"
            cells = (
                number,
                slot.description,
                owner,
                w.format_date(slot.due),
                w.ACTION_STATUS_LABELS[slot.status.value],
            )
            if slot.completion_note.strip():
                cells = (*cells[:1], f"{slot.description}\n{slot.completion_note}", *cells[2:])
            rows.append(TableRow(cells, sharing_badges(slot.owner_agency, slot.sharing, view.meeting.agency_codes)))
        else:
            rows.append(TableRow((number,), withheld=w.withheld_action(label(slot.agency))))
    if not rows:
        return (Note(w.NONE_RECORDED),)
    return (Table(w.COLUMNS_ACTIONS, tuple(rows), w.WIDTHS_ACTIONS),)


def _parents(m: Meeting) -> tuple[Block, ...]:
    p = m.parents_informed
    if not p.is_recorded and not (p.how.strip() or p.by.strip()):
        return (Note(w.PARENTS_NOT_RECORDED, Tone.WARNING),)
    rows = [
        (w.LABEL_WHEN, w.format_datetime(p.when)),
        (w.LABEL_HOW, w.or_not_recorded(p.how)),
        (w.LABEL_BY, w.or_not_recorded(p.by)),
    ]
    if p.delay_reason.strip():
        rows.append((w.LABEL_DELAY, p.delay_reason))
    return (Facts(tuple(rows)),)


def _next_steps(m: Meeting) -> tuple[Block, ...]:
    n = m.next_steps
    if n.icpc_by is None and n.review_at is None:
        return (Note(w.NEXT_STEPS_NONE),)
    rows = (
        (w.LABEL_ICPC, w.format_date(n.icpc_by)),
        (w.LABEL_REVIEW, w.format_datetime(n.review_at)),
    )
    return (Facts(rows),)


def _sign_off(m: Meeting, draft: bool, recipient: Recipient) -> tuple[Block, ...]:
    if draft or m.sign_off is None:
        return (Note(w.SIGNOFF_DRAFT, Tone.WARNING),)
    s = m.sign_off
    rows = [
        (w.LABEL_SIGNED_OFF_BY, s.signed_off_by),
        (w.LABEL_SIGNED_OFF_AT, w.format_datetime(s.signed_off_at)),
        (w.LABEL_VERSION, str(s.version + len(m.addenda))),
    ]
    # The fingerprint covers the full record, withheld items included: printed in an agency's
    # copy it would let that agency confirm a guess at a withheld item. Full record only.
    if recipient.is_full_record and s.content_hash:
        rows.append((w.LABEL_CONTENT_HASH, s.content_hash))
    # Why someone other than the recorded chair signed: part of who signed, in every copy.
    if s.signer_reason:
        rows.append((w.LABEL_SIGNER_REASON, s.signer_reason))
    blocks: list[Block] = [Note(w.SIGNOFF_SIGNED, Tone.OK), Facts(tuple(rows))]
    # The checks met and acknowledged, with the reasons: the full record only (a reason may
    # speak of an item some agency's copy withholds).
    if recipient.is_full_record and (s.checks_met or s.acknowledged):
        checks = [(title, w.CHECK_MET) for title in s.checks_met]
        checks += [(a.message, f"{w.CHECK_ACKNOWLEDGED}: {a.reason or w.CHECK_NO_REASON}.") for a in s.acknowledged]
        blocks += [SubHeading(w.SIGNOFF_CHECKS), Facts(tuple(checks))]
    blocks.append(Note(w.SIGNOFF_DIGITAL))
    return tuple(blocks)


def _addenda(view: MeetingCopy) -> tuple[Block, ...]:
    m = view.meeting
    blocks: list[Block] = [
        ItemCard(
            w.addendum_number(a.number),
            w.addendum_title(w.format_datetime(a.created_at), a.created_by),
            a.text,
            badges=sharing_badges(None, a.sharing, m.agency_codes)[:1] if view.recipient.is_full_record else (),
            facts=_handling(a.sharing, view.recipient),
        )
        for a in sorted(m.addenda, key=lambda a: a.number)
    ]
    blocks.extend(Note(w.withheld_addendum()) for _ in range(view.addenda_withheld))
    return tuple(blocks)


def _withholds(meeting: Meeting) -> tuple[Block, ...]:
    """The full record's annex: per agency copy, what it withholds and which decisions'
    rationale it lacks (from ``domain.sharing.what_each_copy_withholds``)."""
    rows = []
    for entry in what_each_copy_withholds(meeting):
        counts = {"contribution": entry.contributions, "action": entry.actions, "decision": entry.decisions,
                  "addendum": entry.addenda}
        wider = [w.decision_number(n) for n in entry.rationale_wider]
        without = [w.decision_number(n) for n in entry.rationale_none]
        who = w.FAMILY_LABEL if entry.recipient == FAMILY.key else entry.recipient
        rows.append((who, w.withholds_line(counts, wider, without)))
    return (Facts(tuple(rows)),) if rows else (Note(w.NONE_RECORDED),)


def _sharing_log(entries: tuple[SharingLogEntry, ...]) -> tuple[Block, ...]:
    if not entries:
        return (Note(w.NO_SHARING_LOG),)
    rows = tuple(
        TableRow((w.format_datetime(e.at), e.by, f"{e.item_kind.value} {e.item_id}",
                  describe_log_change(e), e.reason))
        for e in entries
    )
    return (Table(w.COLUMNS_SHARING_LOG, rows, w.WIDTHS_SHARING_LOG, badge_column=-1),)
