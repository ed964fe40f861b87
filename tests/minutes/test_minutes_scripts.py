# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Names and text in every script print, read right to left where they should, and can be
found again by searching the PDF (poppler's pdftotext and pypdf)."""

from __future__ import annotations

import io
import re
import subprocess
from datetime import date

import pikepdf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from minutes_factories import example_meeting
from pdf_probe import pdftotext
from strategy_meeting.domain.meeting import SubjectChild
from strategy_meeting.domain.sharing import FULL_RECORD
from strategy_meeting.services.minutes.assemble import assemble
from strategy_meeting.services.minutes.direction import levels, visual_order
from strategy_meeting.services.minutes.document import ItemCard, MinutesDocument, Section
from strategy_meeting.services.minutes.render import render

NAMES = {
    "NotoSansArabic": ["محمد علي", "عمران خان"],  # Arabic, Urdu
    "SMCJKSans": ["李小龍", "さくら 田中", "김민준"],
    "NotoSansHebrew": ["יעל כהן"],
    "NotoSansGurmukhi": ["ਗੁਰਪ੍ਰੀਤ ਕੌਰ"],
    "NotoSansThai": ["สมชาย"],
    "NotoSansDevanagari": ["फ़ातिमा ख़ान"],
    "NotoSansBengali": ["সুমাইয়া বেগম"],
    "NotoSansTamil": ["தமிழ்செல்வி"],
    "NotoSansEthiopic": ["ኤርሚያስ"],
    "DejaVuSans": ["Zoë Ó Briain"],
}
_BIDI_MARKS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f]")


_RTL_MARKS = re.compile("[\u0591-\u05c7\u064b-\u065f\u0670]")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", _BIDI_MARKS.sub("", text))


def _bare(text: str) -> str:
    """Without Arabic and Hebrew vowel marks: poppler may move a mark on the last letter of a
    right-to-left run to the start of that run (pypdf keeps every mark in place)."""
    return _RTL_MARKS.sub("", text)


def _pypdf(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def _fonts(pdf: bytes) -> set[str]:
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return {
            str(f.get("/BaseFont")).split("+", 1)[-1].removesuffix("-Regular")
            for page in doc.pages
            for f in page.Resources.Font.values()
        }


def _with_children(names: list[str]):
    m = example_meeting()
    first = m.children[0]
    m.children = [
        SubjectChild(f"c{n}", name, date(2018, 5, 14), None, first.gender, first.ethnicity)
        for n, name in enumerate(names, start=1)
    ]
    return m


def _one_card(text: str) -> MinutesDocument:
    card = ItemCard(number="I1", title="Item", text=text)
    return MinutesDocument(
        reference="SD-2026-0001", recipient_key="full", header_label="Full record", draft=False,
        title="Minutes", subtitle="", intro=(), sections=(Section("Information", (card,)),),
    )


def test_every_name_prints_in_its_script_and_is_found_by_search():
    names = [n for group in NAMES.values() for n in group]
    pdf = render(assemble(_with_children(names), FULL_RECORD))
    poppler, pypdf = _flat(pdftotext(pdf)), _flat(_pypdf(pdf))
    for name in names:
        assert name in poppler, name
        assert name in pypdf, name
    assert _fonts(pdf) >= set(NAMES) | {"DejaVuSans-Bold"}


def test_fallback_fonts_are_embedded_only_when_needed():
    latin = render(assemble(_with_children(["Zoë Ó Briain", "Ζωή Коваленко"]), FULL_RECORD))
    assert all(f.startswith("DejaVuSans") for f in _fonts(latin)), _fonts(latin)
    arabic = render(assemble(_with_children(["محمد علي"]), FULL_RECORD))
    assert {f for f in _fonts(arabic) if not f.startswith("DejaVuSans")} == {"NotoSansArabic"}


def test_ligatures_and_joining_forms_copy_as_the_letters_typed():
    # lam-alef is one glyph for two letters; the final forms of mim and the initial of sin
    # are glyphs with no character of their own.
    words = ["سلام", "لا", "الله", "فلاح", "شكراً", "جداً"]
    pdf = render(_one_card(" ".join(words) + " نعم"))  # a mark never ends the line: see _bare
    poppler, pypdf = _flat(pdftotext(pdf)), _flat(_pypdf(pdf))
    for word in words:
        assert word in poppler and word in pypdf, word


def test_numbers_and_latin_inside_right_to_left_text_keep_their_order():
    text = "عمره 12 سنة ويدرس في Oak Primary منذ 2019"
    pdf = render(_one_card(text))
    for extracted in (_flat(pdftotext(pdf)), _flat(_pypdf(pdf))):
        for word in text.split():
            assert word in extracted, word


def test_bidi_levels_put_runs_in_display_order():
    text = "abc محمد 12 علي def"
    lv = levels(text, rtl=False)
    runs: list[tuple[str, int]] = []
    for ch, level in zip(text, lv, strict=True):
        if runs and runs[-1][1] == level:
            runs[-1] = (runs[-1][0] + ch, level)
        else:
            runs.append((ch, level))
    shown = [runs[i] for i in visual_order([lv for _, lv in runs])]
    assert [t for t, _ in shown] == ["abc ", " علي", "12", "محمد ", " def"]
    # An override is kept as a character but moves nothing (the record shows what is stored).
    assert set(levels("\u202eoverride\u202c end", rtl=False)) == {0}


def _word_boxes(pdf: bytes) -> list[tuple[float, float, float, str]]:
    """(xMin, xMax, yMin, word) for every word poppler finds."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [
        (float(a), float(b), float(y), w)
        for a, y, b, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
            html,
        )
    ]


def test_a_long_arabic_contribution_wraps_flush_right():
    sentence = "قال الطفل إنه يعيش مع والدته في المنزل وذكر أن المدرسة اتصلت بالأسرة مرتين "
    pdf = render(_one_card(sentence * 6))
    boxes = [b for b in _word_boxes(pdf) if re.search("[\u0600-\u06ff]", b[3])]
    lines: dict[float, list[tuple[float, float, float, str]]] = {}
    for box in boxes:
        lines.setdefault(round(box[2]), []).append(box)
    assert len(lines) >= 3
    right_edges = [max(b[1] for b in line) for line in lines.values()]
    left_edges = [min(b[0] for b in line) for line in lines.values()]
    assert max(right_edges) - min(right_edges) < 3  # every line ends at the right margin
    assert max(left_edges) - min(left_edges) > 20  # and the last line is short on the left
    # The first word read is on the right of the first line (-bbox lists its letters as drawn).
    first = min(lines)
    assert max(lines[first], key=lambda b: b[1])[3] in ("قال", "لاق")


_SCRIPTS = {
    "latin": st.text("abcdefghijklmnopqrstuvwxyzÀéîõüßŁ", min_size=1, max_size=8),
    "marks": st.tuples(st.text("aeiouxyz", min_size=1, max_size=4), st.sampled_from("\u0301\u0308\u0327")).map(
        lambda t: t[0] + t[1]
    ),
    "arabic": st.text("ابتثجحخدذرزسشصضطظعغفقكلمنهويةىءئؤأإآپچژگکیہےڈٹڑں", min_size=1, max_size=8),
    "harakat": st.tuples(st.text("بتسمنكل", min_size=1, max_size=4), st.sampled_from("\u064e\u064f\u0650\u0651\u064b")).map(
        lambda t: t[0] + t[1]
    ),
    "hebrew": st.text("אבגדהוזחטיכלמנסעפצקרשתךםןףץ", min_size=1, max_size=8),
    "cjk": st.text("李小龍田中你好世界さくらカタ김민준한국", min_size=1, max_size=6),
    "devanagari": st.sampled_from(["क्षत्रिय", "नमस्ते", "फ़ातिमा", "कि", "हिन्दी", "प्रिया", "ज्ञान"]),
    "digits": st.integers(0, 99999).map(str),
    "emoji": st.sampled_from(["\U0001f600", "\u263a", "\U0001f44d"]),
}
words = st.lists(st.one_of(*_SCRIPTS.values()), min_size=1, max_size=12)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words)
def test_any_mix_of_scripts_renders_and_every_word_is_found(chosen):
    text = " ".join(chosen)
    pdf = render(_one_card(text))
    poppler, pypdf = _flat(pdftotext(pdf)), _flat(_pypdf(pdf))
    for word in chosen:
        assert word in pypdf, (word, pypdf)
        assert _bare(word) in _bare(poppler), (word, poppler)
