# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The family's copy (issue 14, item 4): what the meeting agreed may be shared with the
parents, in plain words, built from ``copy_of(meeting, FAMILY)`` like every other copy.

Deny by default: only items marked for the family and in no restriction category reach it
(``domain.sharing.may_see``), and a decision only in the plain wording the chair wrote for the
family. It leaves out what is agency-internal even where it is not secret:
- no "withheld" lines: a line saying that an item from the police was withheld tells a parent
  that the police hold something, which may be exactly what must not reach them yet;
- no badges, lawful bases, item numbers (numbers with gaps say the same as withheld lines),
  dissent, referral details or sign-off checks;
- attendance as the services that took part, not the people: parents need to know which
  services were involved, and the one person they should speak to is named under "Who to
  contact"; staff names and roles (a police officer's, say) are not theirs to need;
- the children's names only (in the heading): their addresses, NHS numbers and schools are in
  the agencies' copies, and a child's address may be the one thing a parent must not learn;
- next steps only as the chair wrote them for the family: the conference and review dates are
  not copied in by themselves, because the timing of what parents are told may be part of a
  police plan.
"""

from __future__ import annotations

from strategy_meeting.domain.contribution import TOPIC_LABELS, Contribution
from strategy_meeting.domain.meeting import Meeting, ParticipantStatus
from strategy_meeting.domain.sharing import FAMILY, copy_of, family_decisions

from . import wording as w
from .document import Block, Facts, ItemCard, MinutesDocument, Note, Section, Table, TableRow, Tone


def assemble_family(meeting: Meeting) -> MinutesDocument:
    view = copy_of(meeting, FAMILY)
    m = view.meeting
    draft = m.sign_off is None or not m.status.is_locked
    held_on = w.format_local_date(m.held_at) if m.held_at is not None else ""
    sections = [
        Section(w.FAMILY_SECTION_MEETING, _about(m, held_on, draft)),
        Section(w.FAMILY_SECTION_TOLD, _told(m)),
        Section(w.FAMILY_SECTION_DECIDED, _decided(m)),
    ]
    actions = _actions(m)
    if actions:
        sections.append(Section(w.FAMILY_SECTION_ACTIONS, actions))
    sections += [
        Section(w.FAMILY_SECTION_NEXT, (Note(m.next_steps.family_next.strip() or w.FAMILY_NO_NEXT),)),
        Section(w.FAMILY_SECTION_CONTACT, (Note(m.next_steps.family_contact.strip() or w.FAMILY_NO_CONTACT),)),
    ]
    if m.addenda:
        sections.append(Section(w.FAMILY_SECTION_ADDENDA, tuple(
            ItemCard("", w.family_addendum(a.number, w.format_local_date(a.created_at)), a.text)
            for a in sorted(m.addenda, key=lambda a: a.number))))
    return MinutesDocument(
        reference=m.reference,
        recipient_key=FAMILY.key,
        header_label=w.family_copy_for([c.name for c in m.children]),
        draft=draft,
        title=w.FAMILY_TITLE,
        subtitle=" · ".join(p for p in (held_on, m.reference) if p),
        intro=(w.family_intro(held_on), w.FAMILY_HANDLING),
        sections=tuple(sections),
        withheld_from=tuple(s.agency for s in view.withheld),
        version_note=w.version_note(meeting),
        classification=w.FAMILY_CLASSIFICATION,
        running_title=w.FAMILY_RUNNING_TITLE,
    )


def _about(m: Meeting, held_on: str, draft: bool) -> tuple[Block, ...]:
    took_part: list[str] = []
    for p in m.participants:
        name = m.agency_name(p.agency) or p.agency
        if p.status is ParticipantStatus.ATTENDED and name and name not in took_part:
            took_part.append(name)
    rows = [(w.FAMILY_LABEL_HELD, held_on or w.NOT_RECORDED),
            (w.FAMILY_LABEL_SERVICES, ", ".join(took_part) or w.NOT_RECORDED)]
    if m.chair.name.strip():
        rows.append((w.FAMILY_LABEL_CHAIR, m.chair.name.strip()))
    # A row, not a section: on its own it took a second page for two lines (seen in the PDF).
    if draft or m.sign_off is None:
        blocks: tuple[Block, ...] = (Facts(tuple(rows)), Note(w.SIGNOFF_DRAFT, Tone.WARNING))
        return blocks
    s = m.sign_off
    rows.append((w.FAMILY_LABEL_SIGNED, w.family_signed(s.signed_off_by, w.format_local_date(s.signed_off_at))))
    return (Facts(tuple(rows)),)


def _told(m: Meeting) -> tuple[Block, ...]:
    # The topic as the card's title and whose it was beneath: "Strengths and protective
    # factors: From Community Health" on one line read badly (seen in the PDF).
    cards: list[Block] = [
        ItemCard("", TOPIC_LABELS[c.topic], c.text, meta=w.family_from(m.agency_name(c.agency) or c.agency))
        for c in m.contributions
        if isinstance(c, Contribution)
    ]
    return tuple(cards) if cards else (Note(w.FAMILY_NOTHING_TOLD),)


def _decided(m: Meeting) -> tuple[Block, ...]:
    worded = family_decisions(m)
    if not worded:
        return (Note(w.FAMILY_NO_DECISIONS),)
    if len(worded) == 1:
        return (Note(worded[0].family_wording.strip()),)
    return tuple(ItemCard("", w.family_decision(n), d.family_wording.strip())
                 for n, d in enumerate(worded, start=1))


def _actions(m: Meeting) -> tuple[Block, ...]:
    rows = tuple(
        TableRow((a.description, m.agency_name(a.owner_agency) or a.owner_agency, w.format_date(a.due)))
        for a in m.actions
    )
    return (Table(w.COLUMNS_FAMILY_ACTIONS, rows, w.WIDTHS_FAMILY_ACTIONS),) if rows else ()

