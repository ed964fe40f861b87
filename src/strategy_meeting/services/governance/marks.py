# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""What a meeting's window says about its governance (issue 16): the legal holds on it and
whether its processing is restricted. Shown to whoever may open the meeting; the reasons stay
with the information-governance records (they may name people)."""

from __future__ import annotations

from dataclasses import dataclass

from strategy_meeting.domain.roles import User

from ..context import ServiceContext
from .holds import holds_on
from .restriction import check_view


@dataclass(frozen=True)
class MeetingMarks:
    holds: tuple[str, ...]  # one line per hold in force
    restricted: bool

    @property
    def any(self) -> bool:
        return bool(self.holds) or self.restricted


def marks_for(ctx: ServiceContext, actor: User, reference: str) -> MeetingMarks:
    with ctx.unit_of_work() as uow:
        check_view(uow, actor, reference)
        restricted, _since, _by = uow.governance.restriction(reference)
        return MeetingMarks(tuple(h.describe() for h in holds_on(uow, reference)), restricted)
