# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Fictional demonstration meetings, for training, screenshots and trying the app out.

Every reference starts ``DEMO-``; every location, address and referral reason says it is
fictional; every surname means "example" or "sample" in its language (Exemplé, Przykładowa,
Παραδειγματική, Примерова, Dæmisdóttir...). Dates are placed relative to ``today`` so that the
set always shows overdue actions and an upcoming meeting, and the same ``today`` always gives
the same meetings. Together the meetings use every decision kind, every sharing variant, ten
agencies, statuses from draft to concluded, a reconvened meeting, parents told with and
without delay, and names in Latin (with diacritics), Greek and Cyrillic scripts.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from strategy_meeting.domain.action import Action, ActionStatus
from strategy_meeting.domain.agency import Agency, AgencyKind
from strategy_meeting.domain.contribution import Contribution, ReceivedVia, Topic
from strategy_meeting.domain.meeting import (
    Meeting,
    NextSteps,
    ParentsInformed,
    Participant,
    ParticipantStatus,
    SubjectChild,
)
from strategy_meeting.domain.roles import Permission, User
from strategy_meeting.domain.lawful_basis import CONDITIONS, LawfulBasis, Regime
from strategy_meeting.domain.sharing_terms import SharingTerms
from strategy_meeting.domain.working_days import add_working_days

from . import demo_cases
from .context import ServiceContext
from .users import require

DEMO_PREFIX = "DEMO"
ADDRESS = "1 Example Street, Sampletown SA1 1AA (fictional)"
LAWFUL_BASIS = LawfulBasis(Regime.UK_GDPR, CONDITIONS[Regime.UK_GDPR][0], "fictional demonstration")

_DIRECTORY: dict[str, tuple[str, AgencyKind]] = {
    "CSC": ("Sampleshire Children's Social Care (fictional)", AgencyKind.SOCIAL_CARE),
    "POLICE": ("Sampleshire Police Child Abuse Investigation Team (fictional)", AgencyKind.POLICE),
    "HEALTH": ("Sampleshire Community Health Safeguarding Team (fictional)", AgencyKind.HEALTH),
    "EDU": ("Sampletown Primary School (fictional)", AgencyKind.EDUCATION),
    "GP": ("Example Lane Surgery (fictional)", AgencyKind.HEALTH),
    "MIDWIFERY": ("Sampletown Maternity Unit (fictional)", AgencyKind.HEALTH),
    "HOUSING": ("Sampleshire Housing Options (fictional)", AgencyKind.HOUSING),
    "PROBATION": ("Probation Service, Sampleshire (fictional)", AgencyKind.PROBATION),
    "CAMHS": ("Child and Adolescent Mental Health Service (fictional)", AgencyKind.MENTAL_HEALTH),
    "EARLY_HELP": ("Sampleshire Early Help Hub (fictional)", AgencyKind.EARLY_HELP),
}


class Kit:
    """Builders that keep each case short: dates relative to ``today``, fictional markings."""

    def __init__(self, today: date) -> None:
        self.today = today

    def reference(self, n: int) -> str:
        return f"{DEMO_PREFIX}-{self.today.year}-{n:04d}"

    def day(self, offset: int) -> date:
        return self.today + timedelta(days=offset)

    def at(self, offset: int, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(self.day(offset), time(hour, minute), tzinfo=UTC)

    def born(self, years: int, month: int, day: int) -> date:
        return date(self.today.year - years, month, day)

    def icpc_by(self, held_offset: int) -> date:
        # 15 working days; bank holidays are left out so the demo needs no calendar data.
        return add_working_days(self.day(held_offset), 15, ())

    @staticmethod
    def agencies(*codes: str, **names: str) -> list[Agency]:
        out = []
        for code in codes:
            name, kind = _DIRECTORY[code]
            out.append(Agency(code, names.get(code, name), kind, f"{code.lower().replace('_', '-')}@example.org"))
        return out

    @staticmethod
    def child(item_id: str, name: str, born: date | None, gender: str, ethnicity: str, nhs: str,
              school: str = "", **more: str | date) -> SubjectChild:
        child = SubjectChild(item_id, name, date_of_birth=born, gender=gender, ethnicity=ethnicity,
                             nhs_number=nhs, address=ADDRESS, school=school)
        for key, value in more.items():
            setattr(child, key, value)
        return child

    @staticmethod
    def present(agency: str, name: str, role: str, decides: bool = True,
                status: ParticipantStatus = ParticipantStatus.ATTENDED) -> Participant:
        return Participant(agency, name, status, role, decides)

    def said(self, item_id: str, agency: str, topic: Topic, text: str, sharing: SharingTerms,
             author: str, when: datetime, via: ReceivedVia = ReceivedVia.MEETING) -> Contribution:
        return Contribution(item_id, agency, topic, text, replace(sharing, lawful_basis=LAWFUL_BASIS), author,
                            via, when)

    def todo(self, item_id: str, description: str, owner: str, owner_name: str, due: int,
             sharing: SharingTerms, status: ActionStatus = ActionStatus.OPEN, note: str = "") -> Action:
        return Action(item_id, description, owner, self.day(due), sharing, owner_name, status, note)

    def told(self, offset: int | None, hour: int, how: str, by: str, delay: str = "") -> ParentsInformed:
        return ParentsInformed(self.at(offset, hour) if offset is not None else None, how, by, delay)

    def steps(self, icpc_from: int | None, review: int | None) -> NextSteps:
        return NextSteps(
            self.icpc_by(icpc_from) if icpc_from is not None else None,
            self.at(review, 10) if review is not None else None,
        )


def demo_meetings(today: date) -> list[Meeting]:
    """The demonstration set for ``today``: the same day always gives the same meetings."""
    kit = Kit(today)
    meetings = [build(kit) for build in demo_cases.CASES]
    for meeting in meetings:  # the chair decided: the demonstration's decisions go to every agency
        for d in meeting.decisions:
            if not d.sharing.is_decided:
                d.sharing = SharingTerms.everyone()
    return meetings


def is_demo_reference(reference: str) -> bool:
    return reference.startswith(f"{DEMO_PREFIX}-")


def load_demo(ctx: ServiceContext, actor: User) -> list[Meeting]:
    """Add the fictional demonstration meetings for today; those already present are skipped.

    Returns the meetings added (empty when all were there already).
    """
    require(actor, Permission.IMPORT)
    added: list[Meeting] = []
    with ctx.unit_of_work() as uow:
        for meeting in demo_meetings(ctx.today()):
            if uow.meetings.exists(meeting.reference):
                continue
            meeting.created_by = actor.name
            uow.meetings.save(meeting)
            uow.audit.append(actor.name, "meeting.demo", f"meeting:{meeting.reference}", meeting.item_counts())
            added.append(meeting)
        uow.commit()
    return added
