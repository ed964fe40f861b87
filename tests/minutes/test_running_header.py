# SPDX-License-Identifier: LicenseRef-Proprietary
"""The running header of an agency's copy (issue 19): however long the agency's name, "Copy
for ..." never overprints the title and reference on the left."""

from __future__ import annotations

import re
import subprocess

from minutes_factories import example_meeting
from strategy_meeting.domain.sharing import Recipient
from strategy_meeting.services.minutes.assemble import assemble
from strategy_meeting.services.minutes.fonts import register_fonts
from strategy_meeting.services.minutes.render import TEXT_WIDTH, fit_header_label, render_pdf

LONG = ("Sampleshire and Exampleborough Integrated Multi-Agency Safeguarding Hub for Children, "
        "Young People and Families (Partnership Board)")


def test_a_long_label_is_made_smaller_then_cut() -> None:
    register_fonts()
    from reportlab.pdfbase.pdfmetrics import stringWidth

    running = "Strategy discussion · SD-2026-0001"
    short, size = fit_header_label(running, "Copy for: Police (POLICE)")
    assert short == "Copy for: Police (POLICE)" and size == 8.5
    cut, size = fit_header_label(running, f"Copy for: {LONG} (MASH)")
    assert cut.endswith("\u2026") and size == 6.5
    assert stringWidth(running, "Helvetica", 8) >= 0  # the metrics work
    from strategy_meeting.services.minutes.fonts import FONT, FONT_BOLD

    assert stringWidth(running, FONT, 8) + stringWidth(cut, FONT_BOLD, size) < TEXT_WIDTH


def _words(pdf: bytes, page: int) -> list[tuple[float, float, float, str]]:
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), "-", "-"], input=pdf,
                         capture_output=True, check=True).stdout.decode()
    return [(float(x0), float(x1), float(y0), word) for x0, y0, x1, _y1, word in
            re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out)]


def test_the_header_does_not_overprint_the_reference_on_any_page() -> None:
    m = example_meeting()
    police = m.agency("POLICE")
    police.name = LONG
    rendered = render_pdf(assemble(m, Recipient("POLICE")))
    assert rendered.pages >= 2
    for page in range(2, rendered.pages + 1):  # page 1 also has the label in its body
        words = _words(rendered.pdf, page)
        reference = next(w for w in words if w[3].startswith("SD-2026-0001"))
        header = [w for w in words if abs(w[2] - reference[2]) < 3 and w[0] > reference[0]]
        assert header and header[0][3] == "Copy"
        assert min(w[0] for w in header) > reference[1] + 5  # a clear gap after the reference
