# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""Build resources/fonts/SMCJKSans-Regular.ttf: Noto Sans CJK SC as TrueType outlines.

Why: ReportLab embeds only TrueType (``glyf``) outlines, and Noto Sans CJK ships as CFF
(OpenType ``.otf``). No TrueType CJK font is on the build machine, so the CFF font is subset
to the blocks that names and quoted text need (CJK ideographs and Extension A, compatibility
ideographs, kana, Hangul syllables and jamo, CJK symbols and punctuation, half- and
full-width forms) and its cubic curves converted to quadratic ones with fontTools' cu2qu.

The source is SIL OFL 1.1 (Adobe's Source Han Sans as Google's Noto Sans CJK). A modified
version may not carry the original's names, so the result is renamed "SM CJK Sans"; the
licence goes beside it as LICENSE-NotoSansCJK.txt.

    pip download mplfonts --no-deps -d /tmp/mplfonts    # the wheel holds the .otf
    python tools/make_cjk_font.py /tmp/mplfonts/mplfonts-*.whl

Needs fontTools (not a run-time dependency of the app). Do not use the wheel's SimHei.ttf:
it is proprietary.
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "fonts" / "SMCJKSans-Regular.ttf"
MEMBER = "mplfonts/fonts/NotoSansCJKsc-Regular.otf"
FAMILY = "SM CJK Sans"

BLOCKS = [
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0x3040, 0x309F),  # Hiragana
    (0x30A0, 0x30FF),  # Katakana
    (0x3130, 0x318F),  # Hangul Compatibility Jamo
    (0x31F0, 0x31FF),  # Katakana Phonetic Extensions
    (0x3400, 0x4DBF),  # CJK Unified Ideographs Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xA960, 0xA97F),  # Hangul Jamo Extended-A
    (0xAC00, 0xD7A3),  # Hangul Syllables
    (0xD7B0, 0xD7FF),  # Hangul Jamo Extended-B
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]
# Curve fitting tolerance in font units (1000 per em): well under a hundredth of a point at
# the sizes the minutes use, and coarser values save little.
MAX_ERROR = 1.0


def load_source(path: Path) -> TTFont:
    """The OTF from the mplfonts wheel, or an .otf given directly."""
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as wheel:
            return TTFont(io.BytesIO(wheel.read(MEMBER)))
    return TTFont(str(path))


def subset_font(font: TTFont) -> None:
    options = subset.Options()
    options.layout_features = []  # no shaping for CJK: the minutes set it one glyph per character
    options.drop_tables += ["GSUB", "GPOS", "BASE", "VORG", "vhea", "vmtx", "DSIG"]
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.glyph_names = False
    unicodes = [c for start, end in BLOCKS for c in range(start, end + 1)]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)


def to_truetype(font: TTFont) -> None:
    """Replace the CFF table with glyf/loca: cubic Béziers become quadratic splines."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    font.sfntVersion = "\x00\x01\x00\x00"
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                  "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                  "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 3.0  # no glyph names: smaller, and nothing reads them
    post.extraNames = []
    post.mapping = {}


def rename(font: TTFont) -> None:
    """OFL 1.1: a modified version does not use the original font names."""
    names = font["name"]
    postscript = FAMILY.replace(" ", "") + "-Regular"
    for record in names.names:
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID == 3:
            record.string = f"{postscript};derived from Noto Sans CJK SC 1.004"
        elif record.nameID == 4:
            record.string = f"{FAMILY} Regular"
        elif record.nameID == 6:
            record.string = postscript
    names.names = [r for r in names.names if r.nameID not in (16, 17)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="the mplfonts wheel or NotoSansCJKsc-Regular.otf")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    font = load_source(args.source)
    subset_font(font)
    to_truetype(font)
    rename(font)
    font.save(str(args.out))
    size = args.out.stat().st_size
    print(f"{args.out}: {len(font.getGlyphOrder())} glyphs, {size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
