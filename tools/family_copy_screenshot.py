# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""The first page of the example meeting's family copy (issue 14) as docs/screenshots/
minutes-family-copy-page-1.png, and of its version 2 police copy beside it in /tmp, to look at.

    PYTHONPATH=src python tools/family_copy_screenshot.py   (needs poppler's pdftoppm)

The example's items are marked for the family as a chair would: the health item already is;
one decision and one action are given family terms and plain words here.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "minutes"))

from minutes_factories import example_meeting, signed_off  # noqa: E402

from strategy_meeting.domain.meeting import Addendum  # noqa: E402
from strategy_meeting.domain.sharing import FAMILY, Recipient  # noqa: E402
from strategy_meeting.domain.sharing_terms import SharingTerms  # noqa: E402
from strategy_meeting.services.minutes.assemble import assemble  # noqa: E402
from strategy_meeting.services.minutes.render import render_pdf  # noqa: E402


def main() -> None:
    m = signed_off(example_meeting(), datetime.fromisoformat("2026-11-21T12:30:00+00:00"))
    d1 = m.decisions[0]
    d1.sharing = SharingTerms.everyone(family=True)
    d1.family_wording = ("Children's social care and the police will work together to find out what happened "
                         "to Robin and whether Robin needs more help to be safe. This is called a joint "
                         "Section 47 enquiry.")
    m.actions[0].sharing = SharingTerms.everyone(family=True)
    m.next_steps.family_next = (
        "A social worker, Sam Carter, will visit you at home on Thursday to explain the plan and answer your "
        "questions. A child protection conference may be held within 15 working days; you will be invited "
        "and can bring someone with you.")
    m.next_steps.family_contact = ("Sam Carter, social worker, Sampletown Children's Services: 01632 960123 "
                                   "(Monday to Friday, 9am to 5pm). Out of hours: 01632 960000.")
    out = Path(tempfile.mkdtemp(prefix="family-copy-"))
    family = out / "family.pdf"
    family.write_bytes(render_pdf(assemble(m, FAMILY), invariant=True).pdf)
    m.addenda.append(Addendum(1, "The medical examination moved to Monday 30 November.",
                              datetime.fromisoformat("2026-11-23T10:00:00+00:00"), "Chair"))
    (out / "v2_police.pdf").write_bytes(render_pdf(assemble(m, Recipient("POLICE")), invariant=True).pdf)
    target = ROOT / "docs" / "screenshots" / "minutes-family-copy-page-1"
    subprocess.run(["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "1", "-singlefile", str(family), str(target)],
                   check=True)
    subprocess.run(["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "1", "-singlefile", str(out / "v2_police.pdf"),
                    str(out / "v2-police-page-1")], check=True)
    print(f"Wrote {target}.png; the version 2 police copy's first page is {out}/v2-police-page-1.png")


if __name__ == "__main__":
    main()
