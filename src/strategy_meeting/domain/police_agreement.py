# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""How the police's agreement to release a police-sensitive item is kept in its terms
(``SharingTerms.police_agreement``): "DI Sam Example on 5 December 2026".

One stored shape, written and read here, in English whatever the computer's locale: the
text is part of the record (and its content hash), so a Welsh or French desktop must write
what any other desktop reads back.
"""

from __future__ import annotations

import re
from datetime import date

_AGREEMENT = re.compile(r"^(?P<who>.*) on (?P<day>\d{1,2}) (?P<month>[A-Za-z]+) (?P<year>\d{4})$")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def agreement_text(who: str, when: date | None) -> str:
    """The recorded agreement as the terms keep it: "DI Sam Example on 5 December 2026"."""
    who = who.strip()
    if not who:
        return ""
    return f"{who} on {when.day} {_MONTHS[when.month - 1]} {when.year}" if when is not None else who


def parse_agreement(text: str) -> tuple[str, date | None]:
    """Back from ``agreement_text``; text in any other shape is kept whole as the name."""
    m = _AGREEMENT.match(text.strip())
    months = [name.lower() for name in _MONTHS]
    if m and m["month"].lower() in months:
        try:
            return m["who"], date(int(m["year"]), months.index(m["month"].lower()) + 1, int(m["day"]))
        except ValueError:
            pass
    return text.strip(), None
