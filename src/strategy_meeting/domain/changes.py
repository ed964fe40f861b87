# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""What a service call changed, so each open view decides whether to refresh (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    meetings: frozenset[int] = field(default_factory=frozenset)
    meeting_list: bool = False  # a meeting was added, removed, or changed what the list shows
    actions: bool = False
    users: bool = False
    agencies: bool = False
    identities: bool = False
    distributions: bool = False
    settings: bool = False
    governance: bool = False  # retention, holds, erasure or a subject access request (issue 16)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            meetings=self.meetings | other.meetings,
            meeting_list=self.meeting_list or other.meeting_list,
            actions=self.actions or other.actions,
            users=self.users or other.users,
            agencies=self.agencies or other.agencies,
            identities=self.identities or other.identities,
            distributions=self.distributions or other.distributions,
            settings=self.settings or other.settings,
            governance=self.governance or other.governance,
        )
