# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The seven fictional cases of the demonstration set (see ``demo.py`` for what they cover).

Day offsets are relative to ``today``: negative is in the past. No real person, place or
record is meant; the wording follows what such minutes usually say, without graphic detail.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from strategy_meeting.domain.action import ActionStatus
from strategy_meeting.domain.contribution import ReceivedVia, Topic
from strategy_meeting.domain.decision import Decision, DecisionKind, Dissent
from strategy_meeting.domain.meeting import (
    ConcernCategory,
    HouseholdMember,
    Meeting,
    MeetingFormat,
    MeetingKind,
    MeetingStatus,
    ParticipantStatus,
    Person,
    Referral,
)
from strategy_meeting.domain.sharing_terms import SharingTerms

if TYPE_CHECKING:
    from collections.abc import Callable

    from .demo import Kit

ALL = SharingTerms.everyone()
ALL_FAMILY = SharingTerms.everyone(family=True)
CHAIR = SharingTerms.chair_only()
FORM = ReceivedVia.CONTRIBUTION_FORM
REASON = "Fictional demonstration: "


def _zoe_initial(kit: Kit) -> Meeting:
    """An initial joint enquiry with a medical and an ABE interview; two actions overdue."""
    held = -21
    return Meeting(
        reference=kit.reference(1),
        held_at=kit.at(held, 10),
        chair=Person("Alex Example", "CSC", "Team Manager"),
        minute_taker=Person("Sam Sample", "CSC", "Business Support Officer"),
        referral=Referral(kit.at(held - 1, 15, 40), REASON + "Zoë (7) arrived at school with bruising to her upper "
                          "arm and said her mother's partner had grabbed her.", "EDU", [ConcernCategory.PHYSICAL_ABUSE]),
        kind=MeetingKind.INITIAL,
        format=MeetingFormat.VIRTUAL,
        location="Video call (fictional demonstration)",
        children=[kit.child("c1", "Zoë Exemplé", kit.born(7, 5, 14), "Female", "White British", "9990000011",
                            "Sampletown Primary School (fictional)", communication_needs="Wears glasses.")],
        household=[
            HouseholdMember("p1", "Chloé Exemplé", "Mother", True, "", "Works part-time at a café (fictional)."),
            HouseholdMember("p2", "Jérôme Placeholder", "Mother's partner", False, "",
                            "Moved into the household about three months ago."),
        ],
        agencies=kit.agencies("CSC", "POLICE", "HEALTH", "EDU"),
        participants=[
            kit.present("CSC", "Alex Example", "Team Manager (chair)"),
            kit.present("POLICE", "DS Riley Test", "Detective Sergeant"),
            kit.present("HEALTH", "Morgan Demo", "Named Nurse for Safeguarding"),
            kit.present("EDU", "Taylor Sample", "Designated Safeguarding Lead", decides=False),
        ],
        contributions=[
            kit.said("k1", "EDU", Topic.CURRENT_CONCERNS, "Bruising seen at 09:10; Zoë said the partner grabbed her "
                     "arm when she spilt a drink. Body map completed.", ALL, "Taylor Sample", kit.at(held, 10)),
            kit.said("k2", "POLICE", Topic.HISTORY, "The partner has a caution for assault (fictional record). "
                     "Further intelligence is held and shared with children's social care only.",
                     SharingTerms.only("CSC"), "DS Riley Test", kit.at(held, 10, 5)),
            kit.said("k3", "HEALTH", Topic.STRENGTHS, "Immunisations are up to date; the mother attends "
                     "appointments and sought help for Zoë's asthma.", ALL_FAMILY, "Morgan Demo",
                     kit.at(held - 1, 17), FORM),
            kit.said("k4", "CSC", Topic.CHILD_LIVED_EXPERIENCE, "Zoë told her teacher she is scared when the "
                     "partner shouts, and that she likes staying at her grandmother's.", ALL, "Alex Example",
                     kit.at(held, 10, 15)),
        ],
        decisions=[
            Decision("d1", DecisionKind.SECTION47_JOINT, "Joint Section 47 enquiry by children's social care "
                     "and police.", "A disclosure of physical harm by an adult in the household, with a "
                     "consistent injury and a relevant police history.", True, ["k1", "k2", "k4"]),
            Decision("d2", DecisionKind.MEDICAL_EXAMINATION, "Child protection medical today.",
                     "To document the injury and consider how it was caused.", True, ["k1"]),
            Decision("d3", DecisionKind.ABE_INTERVIEW, "Police and social worker to plan an ABE interview.",
                     "Zoë has made a clear disclosure; her account should be recorded to evidential standard.",
                     True, ["k1", "k4"]),
        ],
        actions=[
            kit.todo("a1", "Arrange a child protection medical.", "HEALTH", "Morgan Demo", held, ALL,
                     ActionStatus.DONE, "Medical completed the same afternoon (fictional)."),
            kit.todo("a2", "Speak to the mother's partner under caution.", "POLICE", "DS Riley Test", held + 2,
                     SharingTerms.only("CSC")),
            kit.todo("a3", "Visit Zoë at home and see her bedroom.", "CSC", "Alex Example", held + 1, ALL,
                     ActionStatus.DONE, "Visited; the home was warm and clean."),
            kit.todo("a4", "Agree a written safety plan with the mother and grandmother.", "CSC", "Alex Example",
                     held + 7, ALL_FAMILY),
        ],
        parents_informed=kit.told(held, 14, "Home visit", "Alex Example (CSC)"),
        next_steps=kit.steps(held, -7),
        status=MeetingStatus.CONCLUDED,
    )


def _zoe_reconvened(kit: Kit) -> Meeting:
    """The same family a fortnight later: a criminal investigation, a dissent, a chair-only item."""
    held = -7
    return Meeting(
        reference=kit.reference(2),
        held_at=kit.at(held, 10),
        chair=Person("Alex Example", "CSC", "Team Manager"),
        minute_taker=Person("Sam Sample", "CSC", "Business Support Officer"),
        referral=Referral(kit.at(-22, 15, 40), REASON + "reconvened to review the joint enquiry into Zoë's "
                          "bruising.", "EDU", [ConcernCategory.PHYSICAL_ABUSE]),
        kind=MeetingKind.RECONVENED,
        format=MeetingFormat.HYBRID,
        location="Sampletown Family Centre, Room 2, and video (fictional)",
        children=[kit.child("c1", "Zoë Exemplé", kit.born(7, 5, 14), "Female", "White British", "9990000011",
                            "Sampletown Primary School (fictional)")],
        household=[HouseholdMember("p1", "Chloé Exemplé", "Mother", True)],
        agencies=kit.agencies("CSC", "POLICE", "HEALTH", "EDU", "CAMHS"),
        participants=[
            kit.present("CSC", "Alex Example", "Team Manager (chair)"),
            kit.present("POLICE", "DS Riley Test", "Detective Sergeant"),
            kit.present("HEALTH", "Morgan Demo", "Named Nurse", status=ParticipantStatus.APOLOGIES),
            kit.present("EDU", "Taylor Sample", "Designated Safeguarding Lead", decides=False),
            kit.present("CAMHS", "Dr Jo Placeholder", "Clinical Psychologist", decides=False),
        ],
        contributions=[
            kit.said("k1", "POLICE", Topic.CURRENT_CONCERNS, "The partner was interviewed under caution and denies "
                     "the allegation. A further complainant has come forward (details restricted).", CHAIR,
                     "DS Riley Test", kit.at(held, 10)),
            kit.said("k2", "CAMHS", Topic.RISKS, "Zoë has been referred for help with sleep and anxiety; a first "
                     "appointment has been offered.", ALL, "Dr Jo Placeholder", kit.at(held, 10, 10)),
            kit.said("k3", "EDU", Topic.STRENGTHS, "Attendance is 98% this term and Zoë is settled with her class "
                     "teacher.", ALL_FAMILY, "Taylor Sample", kit.at(held - 1, 12), FORM),
        ],
        decisions=[
            Decision("d1", DecisionKind.CRIMINAL_INVESTIGATION, "Police continue a criminal investigation.",
                     "A second complainant and a disclosure consistent with the injury.", True, ["k1"]),
            Decision("d2", DecisionKind.OTHER, "The partner stays away from the family home while police "
                     "investigate; the mother agrees.", "Keeps Zoë safe at home without removing her.", True,
                     ["k1", "k3"], [Dissent("EDU", "School would rather the grandmother collected Zoë each day "
                                                   "during this period.")]),
        ],
        actions=[
            kit.todo("a1", "Tell children's social care the charging decision.", "POLICE", "DS Riley Test", 7,
                     SharingTerms.only("CSC")),
            kit.todo("a2", "Offer Zoë a second appointment.", "CAMHS", "Dr Jo Placeholder", -2, ALL),
        ],
        parents_informed=kit.told(held, 15, "Telephone call", "Alex Example (CSC)"),
        next_steps=kit.steps(None, 21),
        status=MeetingStatus.IN_PROGRESS,
        reconvenes=kit.reference(1),
    )


def _greek_siblings(kit: Kit) -> Meeting:
    """Two siblings (Greek names), single-agency enquiry and a safety plan; telling parents delayed."""
    held = -12
    return Meeting(
        reference=kit.reference(3),
        held_at=kit.at(held, 14, 30),
        chair=Person("Priya Sample", "CSC", "Team Manager"),
        minute_taker=Person("Ζωή Δείγμα", "CSC", "Business Support Officer"),
        referral=Referral(kit.at(held - 2, 11), REASON + "the GP practice is worried about missed health "
                          "appointments and the state of the home.", "GP",
                          [ConcernCategory.NEGLECT, ConcernCategory.EMOTIONAL_ABUSE]),
        format=MeetingFormat.IN_PERSON,
        location="Sampletown Civic Centre, Room 4 (fictional)",
        children=[
            kit.child("c1", "Ελένη Παραδειγματική", kit.born(4, 3, 2), "Female", "White Other (Greek)", "9990000022",
                      communication_needs="Speaks Greek at home; English developing."),
            kit.child("c2", "Νίκος Παραδειγματικός", kit.born(9, 11, 23), "Male", "White Other (Greek)",
                      "9990000033", "Sampletown Primary School (fictional)"),
        ],
        household=[
            HouseholdMember("p1", "Σοφία Παραδειγματική", "Mother", True),
            HouseholdMember("p2", "Γιώργος Δείγμα", "Father", True, "Lives elsewhere in Sampletown (fictional)."),
        ],
        agencies=kit.agencies("CSC", "POLICE", "HEALTH", "GP", "HOUSING", "EDU"),
        participants=[
            kit.present("CSC", "Priya Sample", "Team Manager (chair)"),
            kit.present("POLICE", "PC Dana Test", "Public Protection Unit"),
            kit.present("HEALTH", "Morgan Demo", "Named Nurse"),
            kit.present("GP", "Dr Lee Placeholder", "GP Safeguarding Lead"),
            kit.present("HOUSING", "Kim Example", "Housing Officer", decides=False),
            kit.present("EDU", "Taylor Sample", "Designated Safeguarding Lead", decides=False),
        ],
        contributions=[
            kit.said("k1", "GP", Topic.HISTORY, "Immunisations missed and two hospital appointments for Eleni's "
                     "eczema missed this year.", SharingTerms.only("CSC", "HEALTH"), "Dr Lee Placeholder",
                     kit.at(held - 1, 9), FORM),
            kit.said("k2", "HOUSING", Topic.CURRENT_CONCERNS, "The flat has severe damp; a move to temporary "
                     "accommodation is being arranged.", ALL_FAMILY, "Kim Example", kit.at(held, 14, 40)),
            kit.said("k3", "POLICE", Topic.RISKS, "Two call-outs to the address for arguments between the parents "
                     "(fictional records).", CHAIR, "PC Dana Test", kit.at(held, 14, 45)),
            kit.said("k4", "EDU", Topic.CHILD_LIVED_EXPERIENCE, "Nikos says he looks after his sister in the "
                     "mornings; he is often late and hungry.", ALL, "Taylor Sample", kit.at(held, 14, 50)),
            kit.said("k5", "CSC", Topic.OTHER, "The mother prefers a Greek interpreter and written information "
                     "in Greek.", ALL_FAMILY, "Priya Sample", kit.at(held, 15)),
        ],
        decisions=[
            Decision("d1", DecisionKind.SECTION47_SINGLE, "Single-agency Section 47 enquiry by children's "
                     "social care.", "Chronic neglect of health needs, a young carer and an unsafe home.", True,
                     ["k1", "k2", "k4"], [Dissent("GP", "The practice thinks a child in need assessment "
                                                        "would be proportionate.")]),
            Decision("d2", DecisionKind.IMMEDIATE_PROTECTION, "Safety plan: the maternal aunt helps with mornings "
                     "and school runs from tomorrow.", "Nikos should not carry his sister's care alone.", True,
                     ["k4"]),
        ],
        actions=[
            kit.todo("a1", "Confirm the date of the move to temporary accommodation.", "HOUSING", "Kim Example",
                     -5, ALL_FAMILY),
            kit.todo("a2", "Book catch-up immunisations for both children.", "GP", "Dr Lee Placeholder", 3,
                     SharingTerms.only("CSC", "HEALTH", family=True)),
            kit.todo("a3", "Social worker to see both children alone.", "CSC", "Priya Sample", held + 5, ALL,
                     ActionStatus.DONE, "Both children seen alone at school."),
            kit.todo("a4", "Check for further call-outs and tell the chair.", "POLICE", "PC Dana Test", held + 2,
                     CHAIR, ActionStatus.CANCELLED, "Checked during the meeting; nothing further."),
        ],
        parents_informed=kit.told(held + 1, 10, "Home visit with a Greek interpreter", "Priya Sample (CSC)",
                                  "Told the next morning, when an interpreter could be present."),
        next_steps=kit.steps(held, None),
        status=MeetingStatus.CONCLUDED,
    )


def _cyrillic_assessment(kit: Kit) -> Meeting:
    """A teenager (Cyrillic names) after a domestic incident: assessment, not Section 47."""
    held = -5
    return Meeting(
        reference=kit.reference(4),
        held_at=kit.at(held, 11),
        chair=Person("Jamie Example", "CSC", "Practice Manager"),
        referral=Referral(kit.at(held - 1, 8, 20), REASON + "police notification of a domestic incident at "
                          "the home while Anya was present.", "POLICE", [ConcernCategory.EMOTIONAL_ABUSE]),
        format=MeetingFormat.PHONE,
        location="Telephone conference (fictional)",
        children=[kit.child("c1", "Аня Примерова", kit.born(13, 8, 9), "Female", "White Other (Ukrainian)",
                            "9990000044", "Sampletown Academy (fictional)")],
        household=[
            HouseholdMember("p1", "Ирина Примерова", "Mother", True),
            HouseholdMember("p2", "Олег Образцов", "Stepfather", False, "",
                            "Subject to a probation licence (fictional)."),
        ],
        agencies=kit.agencies("CSC", "POLICE", "HEALTH", "EDU", "PROBATION", "EARLY_HELP",
                              EDU="Sampletown Academy (fictional)"),
        participants=[
            kit.present("CSC", "Jamie Example", "Practice Manager (chair)"),
            kit.present("POLICE", "DC Sasha Test", "Domestic Abuse Investigation Unit"),
            kit.present("HEALTH", "Robin Demo", "School Nurse", decides=False),
            kit.present("EDU", "Chris Sample", "Designated Safeguarding Lead", decides=False),
            kit.present("PROBATION", "Alexei Placeholder", "Probation Officer"),
            kit.present("EARLY_HELP", "Noor Example", "Family Support Worker", decides=False),
        ],
        contributions=[
            kit.said("k1", "POLICE", Topic.CURRENT_CONCERNS, "A domestic incident at the home; Anya called 999 "
                     "and was unhurt.", ALL, "DC Sasha Test", kit.at(held, 11)),
            kit.said("k2", "PROBATION", Topic.RISKS, "The stepfather is on licence and assessed as a medium risk "
                     "of serious harm to known adults.", SharingTerms.only("CSC", "POLICE"), "Alexei Placeholder",
                     kit.at(held, 11, 10)),
            kit.said("k3", "EARLY_HELP", Topic.STRENGTHS, "The family worked with early help last year and "
                     "completed a parenting course.", ALL_FAMILY, "Noor Example", kit.at(held - 1, 16), FORM),
            kit.said("k4", "CSC", Topic.CHILD_LIVED_EXPERIENCE, "Anya says she feels safe when her stepfather is "
                     "not drinking and wants to stay at home with her mother.", ALL, "Jamie Example",
                     kit.at(held, 11, 20)),
        ],
        decisions=[
            Decision("d1", DecisionKind.NO_SECTION47_ASSESSMENT, "No Section 47 enquiry; a child and family "
                     "assessment will be completed.", "Anya was not harmed and the protective factors are "
                     "strong, but the family needs support.", False, ["k1", "k3", "k4"]),
        ],
        actions=[
            kit.todo("a1", "Offer Anya a young people's domestic abuse support worker.", "EARLY_HELP",
                     "Noor Example", -1, ALL_FAMILY),
            kit.todo("a2", "Review licence conditions with the offender manager.", "PROBATION",
                     "Alexei Placeholder", 5, SharingTerms.only("CSC", "POLICE")),
            kit.todo("a3", "Complete the child and family assessment.", "CSC", "Jamie Example", 40, ALL),
        ],
        parents_informed=kit.told(held, 13, "Telephone call", "Jamie Example (CSC)"),
        status=MeetingStatus.CONCLUDED,
    )


def _no_further_action(kit: Kit) -> Meeting:
    """A toddler's bruise explained by a witnessed fall: no further action."""
    held = -30
    return Meeting(
        reference=kit.reference(5),
        held_at=kit.at(held, 9, 30),
        chair=Person("Alex Example", "CSC", "Team Manager"),
        referral=Referral(kit.at(held - 1, 16, 5), REASON + "a bruise on Łucja's forehead was noticed at a "
                          "health visit.", "HEALTH", [ConcernCategory.PHYSICAL_ABUSE]),
        format=MeetingFormat.VIRTUAL,
        location="Video call (fictional demonstration)",
        children=[kit.child("c1", "Łucja Przykładowa", kit.born(2, 6, 1), "Female", "White Other (Polish)",
                            "9990000055", "Little Acorns Nursery (fictional)")],
        household=[
            HouseholdMember("p1", "Małgorzata Przykładowa", "Mother", True),
            HouseholdMember("p2", "Paweł Przykładowy", "Father", True),
        ],
        agencies=kit.agencies("CSC", "POLICE", "HEALTH", "EDU", EDU="Little Acorns Nursery (fictional)"),
        participants=[
            kit.present("CSC", "Alex Example", "Team Manager (chair)"),
            kit.present("POLICE", "DS Riley Test", "Detective Sergeant"),
            kit.present("HEALTH", "Ola Demo", "Health Visitor"),
            kit.present("EDU", "Ben Sample", "Nursery Manager", decides=False),
        ],
        contributions=[
            kit.said("k1", "EDU", Topic.CURRENT_CONCERNS, "Staff saw Łucja fall from the climbing frame at 10:15 "
                     "and recorded it in the accident book.", ALL, "Ben Sample", kit.at(held, 9, 35)),
            kit.said("k2", "HEALTH", Topic.HISTORY, "Development on track; no earlier injuries recorded.",
                     ALL_FAMILY, "Ola Demo", kit.at(held, 9, 40)),
            kit.said("k3", "POLICE", Topic.HISTORY, "No police records for the household.",
                     SharingTerms.only("CSC"), "DS Riley Test", kit.at(held, 9, 45)),
        ],
        decisions=[
            Decision("d1", DecisionKind.NO_FURTHER_ACTION, "No further action; the family is told about early "
                     "help.", "The injury is explained by a witnessed accident and nothing else raises "
                     "concern.", False, ["k1", "k2", "k3"]),
        ],
        actions=[
            kit.todo("a1", "Write to the parents to explain the outcome.", "CSC", "Alex Example", held + 2,
                     ALL_FAMILY, ActionStatus.DONE, "Letter sent in English and Polish."),
        ],
        parents_informed=kit.told(held, 16, "Telephone call", "Ola Demo (health visitor)"),
        status=MeetingStatus.CONCLUDED,
    )


def _pre_birth(kit: Kit) -> Meeting:
    """An unborn baby; police absent (a statutory gap the sign-off check flags)."""
    held = -2
    return Meeting(
        reference=kit.reference(6),
        held_at=kit.at(held, 9, 30),
        chair=Person("Priya Sample", "CSC", "Team Manager"),
        referral=Referral(kit.at(held - 3, 13), REASON + "a late booking at 28 weeks, missed antenatal care and "
                          "no settled home.", "MIDWIFERY", [ConcernCategory.NEGLECT]),
        format=MeetingFormat.HYBRID,
        location="Sampletown Maternity Unit seminar room, and video (fictional)",
        children=[kit.child("c1", "Baby Ejemplo (unborn)", None, "Not known", "Not known", "",
                            expected_date_of_birth=kit.day(60))],
        household=[HouseholdMember("p1", "Inés Ejemplo Muñoz", "Mother", True, "No fixed address (fictional).")],
        agencies=kit.agencies("CSC", "POLICE", "MIDWIFERY", "GP", "HOUSING"),
        participants=[
            kit.present("CSC", "Priya Sample", "Team Manager (chair)"),
            kit.present("POLICE", "DS Riley Test", "Detective Sergeant", status=ParticipantStatus.APOLOGIES),
            kit.present("MIDWIFERY", "Eve Demo", "Safeguarding Midwife"),
            kit.present("GP", "Dr Lee Placeholder", "GP Safeguarding Lead", decides=False,
                        status=ParticipantStatus.NOT_ATTENDED),
            kit.present("HOUSING", "Kim Example", "Housing Officer", decides=False),
        ],
        contributions=[
            kit.said("k1", "MIDWIFERY", Topic.CURRENT_CONCERNS, "Booked at 28 weeks; two antenatal appointments "
                     "missed; says she is sofa-surfing.", ALL, "Eve Demo", kit.at(held - 1, 15), FORM),
            kit.said("k2", "HOUSING", Topic.CURRENT_CONCERNS, "Homeless application accepted; temporary "
                     "accommodation offered from next week.", ALL_FAMILY, "Kim Example", kit.at(held, 9, 45)),
            kit.said("k3", "GP", Topic.HISTORY, "Earlier children were adopted (fictional record); details are "
                     "held by the practice.", CHAIR, "Dr Lee Placeholder", kit.at(held - 1, 11), FORM),
        ],
        decisions=[
            Decision("d1", DecisionKind.OTHER, "A pre-birth assessment starts now; the plan is reviewed at 32 "
                     "weeks.", "Late booking and homelessness with a history that needs assessing before the "
                     "birth.", True, ["k1", "k2", "k3"]),
        ],
        actions=[
            kit.todo("a1", "Arrange antenatal appointments with transport.", "MIDWIFERY", "Eve Demo", 2,
                     ALL_FAMILY),
            kit.todo("a2", "Give the midwife the temporary accommodation address.", "HOUSING", "Kim Example", -1,
                     SharingTerms.only("MIDWIFERY", "CSC")),
        ],
        parents_informed=kit.told(None, 0, "At the next midwife appointment", "Eve Demo (midwife)",
                                  "To be told with her advocate present, at her next appointment."),
        next_steps=kit.steps(None, 28),
        status=MeetingStatus.IN_PROGRESS,
    )


def _upcoming_draft(kit: Kit) -> Meeting:
    """Tomorrow's meeting, prepared from contribution forms: no decisions yet."""
    held = 1
    return Meeting(
        reference=kit.reference(7),
        held_at=kit.at(held, 10),
        chair=Person("Jamie Example", "CSC", "Practice Manager"),
        referral=Referral(kit.at(-1, 14, 30), REASON + "both children often arrive at school hungry and "
                          "without lunch.", "EDU", [ConcernCategory.NEGLECT]),
        format=MeetingFormat.VIRTUAL,
        location="Video call (fictional demonstration)",
        children=[
            kit.child("c1", "Sóley Dæmisdóttir", kit.born(6, 1, 17), "Female", "White Other (Icelandic)",
                      "9990000066", "Sampletown Primary School (fictional)"),
            kit.child("c2", "Ægir Dæmisson", kit.born(10, 9, 3), "Male", "White Other (Icelandic)", "9990000077",
                      "Sampletown Primary School (fictional)", disability="Type 1 diabetes."),
        ],
        household=[HouseholdMember("p1", "Guðrún Dæmi", "Mother", True)],
        agencies=kit.agencies("CSC", "POLICE", "HEALTH", "EDU", "EARLY_HELP"),
        participants=[
            kit.present("CSC", "Jamie Example", "Practice Manager (chair)", status=ParticipantStatus.NOT_ATTENDED),
            kit.present("POLICE", "PC Dana Test", "Public Protection Unit", status=ParticipantStatus.NOT_ATTENDED),
            kit.present("HEALTH", "Robin Demo", "School Nurse", status=ParticipantStatus.APOLOGIES),
            kit.present("EDU", "Taylor Sample", "Designated Safeguarding Lead", decides=False,
                        status=ParticipantStatus.NOT_ATTENDED),
        ],
        contributions=[
            kit.said("k1", "EDU", Topic.CURRENT_CONCERNS, "Both children often arrive without lunch; Ægir says "
                     "there is no food at home at weekends.", ALL, "Taylor Sample", kit.at(-1, 16), FORM),
            kit.said("k2", "HEALTH", Topic.HISTORY, "The school nurse saw Sóley twice this term, once for a dental "
                     "abscess.", SharingTerms.only("CSC", "EDU", family=True), "Robin Demo", kit.at(0, 9), FORM),
        ],
        status=MeetingStatus.DRAFT,
    )


CASES: list[Callable[[Kit], Meeting]] = [
    _zoe_initial,
    _zoe_reconvened,
    _greek_siblings,
    _cyrillic_assessment,
    _no_further_action,
    _pre_birth,
    _upcoming_draft,
]
